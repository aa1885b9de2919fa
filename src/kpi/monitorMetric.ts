import * as z from "zod/mini";
import { InvalidArgumentError, StatsError } from "../errors.js";
import {
  alternative,
  count,
  finiteNumber,
  finiteSample,
  integerAtLeast,
  openUnitInterval,
  parseArguments,
  positiveNumber,
} from "../internal/validate.js";
import type { Alternative } from "../types.js";
import { binomialTestPValue, poissonTestPValue } from "./exactTests.js";
import { cusumRunLength, ewmaRunLength, solveControlLimit } from "./runLength.js";

const NAME = "monitorMetric";

/**
 * How {@link monitorMetric} watches a series.
 *
 * - `"ewma"`: exponentially weighted moving average control chart on numeric values;
 * - `"cusum"`: tabular (Page) cumulative-sum control chart on numeric values;
 * - `"binomial"`: exact binomial test of each point's rate (clicks of impressions, conversions of visits);
 * - `"poisson"`: exact Poisson test of each point's count (events per hour, per 1,000 impressions).
 *
 * @public
 */
export type MonitorMethod = "ewma" | "cusum" | "binomial" | "poisson";

/**
 * One point of a rate series for `method: "binomial"`.
 *
 * @public
 */
export interface RatePoint {
  /** Successes (clicks, conversions, bounces): an integer in [0, trials]. */
  readonly successes: number;
  /** Trials (impressions, visits, sessions): an integer >= 1. */
  readonly trials: number;
}

/**
 * One point of a count series for `method: "poisson"`.
 *
 * @public
 */
export interface CountPoint {
  /** Events counted in the period: an integer >= 0. */
  readonly count: number;
  /**
   * Exposure of the period (hours, thousands of impressions), > 0; the expected count is the baseline
   * rate times the exposure.
   * @defaultValue 1
   */
  readonly exposure?: number;
}

/**
 * The data {@link monitorMetric} watches: numbers for the control charts, {@link RatePoint}s for
 * `"binomial"`, {@link CountPoint}s for `"poisson"`.
 *
 * @public
 */
export type MonitorSeries = ArrayLike<number> | readonly RatePoint[] | readonly CountPoint[];

/**
 * Known in-control parameters for the control charts (instead of a baseline period).
 *
 * @public
 */
export interface KnownMeanBaseline {
  /** In-control mean of the values. */
  readonly mean: number;
  /** In-control standard deviation of the values, > 0. */
  readonly sd: number;
}

/**
 * A known in-control rate for the exact tests: a probability in (0, 1) for `"binomial"`, events per
 * unit of exposure (> 0) for `"poisson"`.
 *
 * @public
 */
export interface KnownRateBaseline {
  /** The in-control rate. */
  readonly rate: number;
}

/**
 * Options of {@link monitorMetric}.
 *
 * @public
 */
export interface MonitorMetricOptions {
  /** The monitor; see {@link MonitorMethod}. */
  readonly method: MonitorMethod;
  /**
   * The in-control reference: either the number of leading points of `series` that form the baseline
   * period (at least 2 for the charts, 1 for the tests; they are estimated from and not monitored), or
   * known parameters ({@link KnownMeanBaseline} for the charts, {@link KnownRateBaseline} for the tests).
   */
  readonly baseline: number | KnownMeanBaseline | KnownRateBaseline;
  /**
   * In-control false-alarm rate per monitored point, in (0, 0.5]. For the charts the control limit is
   * solved so that the in-control average run length is `1/alpha`; for the tests it is each test's level.
   * @defaultValue 0.0027 (the rate of a 3-sigma Shewhart chart, an average run length of about 370)
   */
  readonly alpha?: number;
  /**
   * Which departures raise an alarm: `"greater"` only upward ones (a cost spike), `"less"` only
   * downward ones (a conversion drop), `"two-sided"` both. The EWMA chart is two-sided only.
   * @defaultValue `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * EWMA smoothing weight λ in [0.02, 1] (`"ewma"` only): small values detect small persistent shifts,
   * λ = 1 is a Shewhart chart.
   * @defaultValue 0.2
   */
  readonly lambda?: number;
  /**
   * CUSUM reference value k in standard deviations, in [0, 3] (`"cusum"` only): about half the shift to
   * detect.
   * @defaultValue 0.5
   */
  readonly referenceValue?: number;
}

/**
 * The state of one point after monitoring.
 *
 * - `"baseline"`: part of the baseline period (not monitored);
 * - `"ok"`: in control;
 * - `"high"` / `"low"`: an alarm, above or below the baseline.
 *
 * @public
 */
export type PointStatus = "baseline" | "ok" | "high" | "low";

/**
 * One point of a {@link MonitorMetricResult}.
 *
 * @public
 */
export interface MonitoredPoint {
  /** Position in `series` (0-based). */
  readonly index: number;
  /** In control, an alarm, or part of the baseline. */
  readonly status: PointStatus;
  /** Why, in words, with the numbers compared. */
  readonly reason: string;
  /** The observation: the value (charts), successes/trials (`"binomial"`) or count/exposure (`"poisson"`). */
  readonly value: number;
  /** The in-control mean (charts) or rate (tests), in the units of `value`. */
  readonly expected: number;
  /** EWMA value in data units (`"ewma"`), otherwise `null`. */
  readonly ewma: number | null;
  /** Upper CUSUM `S⁺` in standard deviations (`"cusum"` watching upward shifts), otherwise `null`. */
  readonly cusumUpper: number | null;
  /** Lower CUSUM `S⁻` in standard deviations (`"cusum"` watching downward shifts), otherwise `null`. */
  readonly cusumLower: number | null;
  /** Lower EWMA control limit in data units (`"ewma"`), otherwise `null`. */
  readonly lowerLimit: number | null;
  /** Upper EWMA control limit in data units (`"ewma"`), otherwise `null`. */
  readonly upperLimit: number | null;
  /** Exact test p-value (`"binomial"`, `"poisson"`), otherwise `null`. */
  readonly pValue: number | null;
}

/**
 * The in-control reference that was used.
 *
 * @public
 */
export interface MonitorBaseline {
  /** Leading points of `series` used to estimate it (0 when given). */
  readonly points: number;
  /** In-control mean (charts) or rate (tests). */
  readonly mean: number;
  /** In-control standard deviation (charts), otherwise `null`. */
  readonly sd: number | null;
}

/**
 * Result of {@link monitorMetric}.
 *
 * @public
 */
export interface MonitorMetricResult {
  /** The monitor in words, e.g. `"EWMA control chart (λ = 0.2)"`. */
  readonly method: string;
  /** The monitor's key, as asked. */
  readonly monitor: MonitorMethod;
  /** Which departures raise an alarm. */
  readonly alternative: Alternative;
  /** In-control false-alarm rate per monitored point, as asked. */
  readonly alpha: number;
  /** The in-control reference. */
  readonly baseline: MonitorBaseline;
  /** EWMA λ (`"ewma"`), otherwise `null`. */
  readonly lambda: number | null;
  /** CUSUM reference value k in standard deviations (`"cusum"`), otherwise `null`. */
  readonly referenceValue: number | null;
  /**
   * The solved limit in standard deviations: the EWMA factor L (limits at
   * `mean ± L·sd·sqrt(λ/(2 − λ))`) or the CUSUM decision interval h; `null` for the tests.
   */
  readonly controlLimit: number | null;
  /** In-control average run length of the chart at `controlLimit` (≈ 1/alpha); `null` for the tests. */
  readonly inControlAverageRunLength: number | null;
  /** Every point of `series`, in order. */
  readonly points: readonly MonitoredPoint[];
  /** Indices of the points that raised an alarm. */
  readonly alarms: readonly number[];
}

const METHODS = ["ewma", "cusum", "binomial", "poisson"] as const;
const isMethod = (v: unknown): v is MonitorMethod =>
  typeof v === "string" && (METHODS as readonly string[]).includes(v);
const CHART_ALPHA_MIN = 1e-7;

const ratePoint = () =>
  z
    .strictObject(
      { successes: count(), trials: integerAtLeast(1) },
      { error: "must be an object { successes, trials } with no other keys" },
    )
    .check(z.refine((p) => !(p.successes > p.trials), { error: "must be <= trials", path: ["successes"] }));

const countPoint = () =>
  z.strictObject(
    { count: count(), exposure: z.optional(positiveNumber()) },
    { error: "must be an object { count, exposure? } with no other keys" },
  );

function seriesSchema(method: MonitorMethod | undefined) {
  if (method === "binomial")
    return z
      .array(ratePoint(), { error: "must be an array of { successes, trials }" })
      .check(z.minLength(1, { error: "must have at least 1 point" }));
  if (method === "poisson")
    return z
      .array(countPoint(), { error: "must be an array of { count, exposure? }" })
      .check(z.minLength(1, { error: "must have at least 1 point" }));
  if (method === undefined)
    return z.custom<unknown>((v) => Array.isArray(v) || v instanceof Float64Array, { error: "must be an array" });
  return finiteSample(1);
}

function baselineSchema(method: MonitorMethod | undefined) {
  const chart = method === "ewma" || method === "cusum";
  const leading = integerAtLeast(chart ? 2 : 1);
  if (method === undefined) return z.unknown();
  if (chart)
    return z.union([leading, z.strictObject({ mean: finiteNumber(), sd: positiveNumber() })], {
      error: "must be an integer >= 2 (leading baseline points) or { mean, sd } with a finite mean and sd > 0",
    });
  if (method === "binomial")
    return z.union([leading, z.strictObject({ rate: openUnitInterval() })], {
      error: "must be an integer >= 1 (leading baseline points) or { rate } with 0 < rate < 1",
    });
  return z.union([leading, z.strictObject({ rate: positiveNumber() })], {
    error: "must be an integer >= 1 (leading baseline points) or { rate } with rate > 0",
  });
}

function optionsSchema(method: MonitorMethod | undefined) {
  const notFor = (what: string) =>
    z.optional(z.custom<undefined>((v) => v === undefined, { error: `applies only to method "${what}"` }));
  return z.strictObject(
    {
      method: z.enum(METHODS, { error: 'must be "ewma", "cusum", "binomial" or "poisson"' }),
      baseline: baselineSchema(method),
      alpha: z.optional(
        finiteNumber().check(
          z.gte(method === "ewma" || method === "cusum" ? CHART_ALPHA_MIN : Number.MIN_VALUE, {
            error:
              method === "ewma" || method === "cusum" ? `must be >= ${CHART_ALPHA_MIN} for a chart` : "must be > 0",
          }),
          z.lte(0.5, { error: "must be <= 0.5" }),
        ),
      ),
      alternative: z.optional(
        method === "ewma"
          ? z.literal("two-sided", { error: 'must be "two-sided" for the EWMA chart (use "cusum" for one side)' })
          : alternative(),
      ),
      lambda:
        method === "ewma" || method === undefined
          ? z.optional(
              finiteNumber().check(z.gte(0.02, { error: "must be >= 0.02" }), z.lte(1, { error: "must be <= 1" })),
            )
          : notFor("ewma"),
      referenceValue:
        method === "cusum" || method === undefined
          ? z.optional(finiteNumber().check(z.gte(0, { error: "must be >= 0" }), z.lte(3, { error: "must be <= 3" })))
          : notFor("cusum"),
    },
    { error: "must be an object { method, baseline, ... } of known options" },
  );
}

/** Numbers with 5 significant digits, for reasons. */
function fmt(x: number): string {
  return String(Number(x.toPrecision(5)));
}

/**
 * Flags anomalous points in a stream of daily or hourly values, rates or counts against a baseline
 * period: EWMA and CUSUM control charts with a stated in-control false-alarm rate, or an exact binomial
 * or Poisson test per point.
 *
 * @remarks
 * The baseline gives the in-control mean μ₀ and standard deviation σ (charts: sample mean and sd with
 * denominator n − 1 of the leading points) or the in-control rate (tests: pooled
 * `Σ successes / Σ trials` or `Σ count / Σ exposure`). Charts standardize `x_t = (v_t − μ₀)/σ` and run
 *
 * ```math
 * \text{EWMA: } z_t = (1-\lambda) z_{t-1} + \lambda x_t,\ z_0 = 0,\ \text{alarm if } |z_t| > L\sqrt{\lambda/(2-\lambda)};\qquad
 * \text{CUSUM: } S^+_t = \max(0, S^+_{t-1} + x_t - k),\ S^-_t = \max(0, S^-_{t-1} - x_t - k),\ \text{alarm if } S^\pm_t > h
 * ```
 *
 * and restart at 0 after every alarm, so each alarm starts a new run. The limit (L or h) is solved so
 * that the in-control average run length (ARL, the expected number of points to a false alarm) is
 * `1/alpha`; alarms then arrive at rate `alpha` per point in control. The two-sided CUSUM combines its
 * sides by `1/ARL = 1/ARL⁺ + 1/ARL⁻` (each side gets ARL `2/alpha`). The tests compare each point with
 * the baseline rate: `successes ~ Binomial(trials, p₀)` or `count ~ Poisson(r₀·exposure)`, with an alarm
 * when the exact p-value is at most `alpha`; being discrete, their false-alarm rate is at most `alpha`.
 *
 * Method: ARLs by the Nyström method on the run-length integral equation with Gauss–Legendre nodes
 * (Vance 1986; Crowder 1987), agreeing with R `spc` to about 1e-10 relative; the limit by Brent's
 * method on log ARL. Exact p-values from the binomial and Poisson distribution functions; the
 * two-sided p-value sums the probabilities of the outcomes no more likely than the one observed (R's
 * rule, with its relative tolerance 1 + 1e-7).
 *
 * Edge cases: a baseline period estimates its parameters, and estimation error raises the false-alarm
 * rate of short baselines (Jensen et al. 2006): use 20 or more baseline points, or give known values.
 * A constant baseline (sd 0) or a baseline rate of 0 (or 1 for `"binomial"`) throws `DEGENERATE_DATA`.
 * A CUSUM whose `referenceValue` is so large that even h = 0 cannot be as rare as `alpha` throws
 * `NO_SOLUTION`.
 *
 * Conforms to R `spc::xewma.arl(λ, L, 0, sided = "two")` and `spc::xcusum.arl(k, h, 0, sided = "one" |
 * "two")` for the ARLs and `spc::xewma.crit` / `spc::xcusum.crit` for the limits, and to R
 * `binom.test(x, n, p)` and `poisson.test(x, T, r)` for the p-values; fixtures in
 * `test/fixtures/kpi/monitorMetric/`.
 *
 * @reference Page, E. S. 1954. "Continuous Inspection Schemes." _Biometrika_ 41 (1–2): 100–115.
 * doi:10.1093/biomet/41.1-2.100
 * @reference Roberts, S. W. 1959. "Control Chart Tests Based on Geometric Moving Averages."
 * _Technometrics_ 1 (3): 239–50. doi:10.1080/00401706.1959.10489860
 * @reference Crowder, S. V. 1987. "A Simple Method for Studying Run-Length Distributions of Exponentially
 * Weighted Moving Average Charts." _Technometrics_ 29 (4): 401–7. doi:10.1080/00401706.1987.10488267
 * @reference Vance, L. C. 1986. "Average Run Lengths of Cumulative Sum Control Charts for Controlling
 * Normal Means." _Journal of Quality Technology_ 18 (3): 189–93. doi:10.1080/00224065.1986.11979011
 * @reference Lucas, J. M., and R. B. Crosier. 1982. "Fast Initial Response for CUSUM Quality-Control
 * Schemes: Give Your CUSUM a Head Start." _Technometrics_ 24 (3): 199–205. doi:10.1080/00401706.1982.10487759
 * @reference Jensen, W. A., L. A. Jones-Farmer, C. W. Champ, and W. H. Woodall. 2006. "Effects of
 * Parameter Estimation on Control Chart Properties: A Literature Review." _Journal of Quality
 * Technology_ 38 (4): 349–64. doi:10.1080/00224065.2006.11918623
 *
 * @param series - The stream, oldest first: finite numbers (`"ewma"`, `"cusum"`), {@link RatePoint}s
 * (`"binomial"`) or {@link CountPoint}s (`"poisson"`); at least one point.
 * @param options - See {@link MonitorMetricOptions}; `method` and `baseline` are required.
 * @returns A {@link MonitorMetricResult}: every point's status and reason, the alarms, and the chart's
 * limit and in-control ARL.
 * @throws {@link InvalidArgumentError} if a point or an option breaks its rule, an option does not apply
 * to the method, or the baseline period is longer than the series.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` for a constant baseline or a baseline rate of 0 (or 1);
 * `"NO_SOLUTION"` when no CUSUM decision interval reaches `alpha`.
 *
 * @example
 * ```ts
 * // Daily cost: 10 baseline days around 100, then a jump
 * const cost = [98, 102, 101, 99, 100, 97, 103, 100, 99, 101, 100, 102, 108, 109, 110];
 * const r = monitorMetric(cost, { method: "ewma", baseline: 10 });
 * r.controlLimit;      // ≈ 2.8593 (L for λ = 0.2 and an in-control ARL of 1/0.0027 ≈ 370.37)
 * r.alarms;            // [12, 13, 14]
 * r.points[12].reason; // "EWMA 101.92 above the upper control limit 101.74"
 * monitorMetric(cost, { method: "cusum", baseline: 10 }).alarms; // [13, 14] (h ≈ 4.7748)
 * // Clicks of impressions against a known click-through rate of 3 %
 * const ctr = monitorMetric([{ successes: 30, trials: 1000 }, { successes: 52, trials: 1000 }],
 *   { method: "binomial", baseline: { rate: 0.03 } });
 * ctr.points[1].pValue; // ≈ 0.00018340 (R binom.test(52, 1000, 0.03)$p.value)
 * ctr.points[1].status; // "high"
 * ```
 * @since 0.1.0
 * @public
 */
export function monitorMetric(series: MonitorSeries, options: MonitorMetricOptions): MonitorMetricResult {
  const rawMethod = (options as { method?: unknown } | undefined)?.method;
  const method = isMethod(rawMethod) ? rawMethod : undefined;
  const args = parseArguments(NAME, z.object({ series: seriesSchema(method), options: optionsSchema(method) }), {
    series,
    options,
  });
  const opts = args.options as MonitorMetricOptions;
  const data = args.series as MonitorSeries;
  const length = data.length;
  if (typeof opts.baseline === "number" && opts.baseline > length) {
    throw new InvalidArgumentError(NAME, [
      { path: ["options", "baseline"], message: `must be <= the number of points in series (${length})` },
    ]);
  }
  const alpha = opts.alpha ?? 0.0027;
  const alt: Alternative = opts.alternative ?? "two-sided";
  if (opts.method === "ewma" || opts.method === "cusum") {
    return monitorChart(data as ArrayLike<number>, opts, alpha, alt);
  }
  return monitorTest(data as readonly (RatePoint | CountPoint)[], opts, alpha, alt);
}

function baselinePoint(index: number, value: number, expected: number): MonitoredPoint {
  return chartPoint(index, value, expected, "baseline", "in the baseline period");
}

function monitorChart(
  values: ArrayLike<number>,
  opts: MonitorMetricOptions,
  alpha: number,
  alt: Alternative,
): MonitorMetricResult {
  let mean: number;
  let sd: number;
  let points = 0;
  if (typeof opts.baseline === "number") {
    points = opts.baseline;
    let sum = 0;
    for (let i = 0; i < points; i++) sum += values[i]!;
    mean = sum / points;
    let squares = 0;
    for (let i = 0; i < points; i++) squares += (values[i]! - mean) ** 2;
    sd = Math.sqrt(squares / (points - 1));
    if (!(sd > 0)) {
      throw new StatsError("DEGENERATE_DATA", `${NAME}: the baseline period is constant (sd 0), so no limits exist`);
    }
  } else {
    ({ mean, sd } = opts.baseline as KnownMeanBaseline);
  }
  const out: MonitoredPoint[] = [];
  for (let i = 0; i < points; i++) out.push(baselinePoint(i, values[i]!, mean));
  const alarms: number[] = [];
  const target = 1 / alpha;
  const base = { monitor: opts.method, alternative: alt, alpha, baseline: { points, mean, sd } };

  if (opts.method === "ewma") {
    const lambda = opts.lambda ?? 0.2;
    const c = solveControlLimit((x) => ewmaRunLength(lambda, x, 0), target, 0, `ewma|${lambda}|${target}`);
    if (c === undefined) throw new StatsError("NOT_CONVERGED", `${NAME}: the EWMA limit search did not converge`);
    const half = c * sd * Math.sqrt(lambda / (2 - lambda));
    const lowerLimit = mean - half;
    const upperLimit = mean + half;
    let z = mean;
    for (let i = points; i < values.length; i++) {
      const v = values[i]!;
      z = (1 - lambda) * z + lambda * v;
      const ewma = z;
      let status: PointStatus = "ok";
      let reason = `EWMA ${fmt(ewma)} within the control limits [${fmt(lowerLimit)}, ${fmt(upperLimit)}]`;
      if (ewma > upperLimit) {
        status = "high";
        reason = `EWMA ${fmt(ewma)} above the upper control limit ${fmt(upperLimit)}`;
      } else if (ewma < lowerLimit) {
        status = "low";
        reason = `EWMA ${fmt(ewma)} below the lower control limit ${fmt(lowerLimit)}`;
      }
      if (status !== "ok") {
        alarms.push(i);
        z = mean;
      }
      out.push({ ...chartPoint(i, v, mean, status, reason), ewma, lowerLimit, upperLimit });
    }
    return {
      method: `EWMA control chart (λ = ${lambda}, fixed limits)`,
      ...base,
      lambda,
      referenceValue: null,
      controlLimit: c,
      inControlAverageRunLength: ewmaRunLength(lambda, c, 0),
      points: out,
      alarms,
    };
  }

  const k = opts.referenceValue ?? 0.5;
  const sideTarget = alt === "two-sided" ? 2 * target : target;
  if (!(cusumRunLength(k, 0, 0) < sideTarget)) {
    throw new StatsError(
      "NO_SOLUTION",
      `${NAME}: with referenceValue ${k} even h = 0 gives an in-control run length above 1/alpha; lower referenceValue or alpha`,
    );
  }
  const h = solveControlLimit((x) => cusumRunLength(k, x, 0), sideTarget, 0, `cusum|${k}|${sideTarget}`);
  if (h === undefined) throw new StatsError("NOT_CONVERGED", `${NAME}: the CUSUM limit search did not converge`);
  const watchUp = alt !== "less";
  const watchDown = alt !== "greater";
  let upper = 0;
  let lower = 0;
  for (let i = points; i < values.length; i++) {
    const v = values[i]!;
    const x = (v - mean) / sd;
    upper = Math.max(0, upper + x - k);
    lower = Math.max(0, lower - x - k);
    const cusumUpper = watchUp ? upper : null;
    const cusumLower = watchDown ? lower : null;
    let status: PointStatus = "ok";
    let reason = `CUSUM within the decision interval h = ${fmt(h)} (sd units)`;
    if (watchUp && upper > h) {
      status = "high";
      reason = `upper CUSUM ${fmt(upper)} exceeds the decision interval h = ${fmt(h)} (sd units)`;
    } else if (watchDown && lower > h) {
      status = "low";
      reason = `lower CUSUM ${fmt(lower)} exceeds the decision interval h = ${fmt(h)} (sd units)`;
    }
    if (status !== "ok") {
      alarms.push(i);
      upper = 0;
      lower = 0;
    }
    out.push({ ...chartPoint(i, v, mean, status, reason), cusumUpper, cusumLower });
  }
  const sideLength = cusumRunLength(k, h, 0);
  return {
    method: `tabular CUSUM control chart (k = ${k}, ${alt === "two-sided" ? "two-sided" : `one-sided (${alt})`})`,
    ...base,
    lambda: null,
    referenceValue: k,
    controlLimit: h,
    inControlAverageRunLength: alt === "two-sided" ? sideLength / 2 : sideLength,
    points: out,
    alarms,
  };
}

function chartPoint(
  index: number,
  value: number,
  expected: number,
  status: PointStatus,
  reason: string,
): MonitoredPoint {
  return {
    index,
    status,
    reason,
    value,
    expected,
    ewma: null,
    cusumUpper: null,
    cusumLower: null,
    lowerLimit: null,
    upperLimit: null,
    pValue: null,
  };
}

function monitorTest(
  series: readonly (RatePoint | CountPoint)[],
  opts: MonitorMetricOptions,
  alpha: number,
  alt: Alternative,
): MonitorMetricResult {
  const binomial = opts.method === "binomial";
  const events = (p: RatePoint | CountPoint): number =>
    binomial ? (p as RatePoint).successes : (p as CountPoint).count;
  const size = (p: RatePoint | CountPoint): number =>
    binomial ? (p as RatePoint).trials : ((p as CountPoint).exposure ?? 1);
  let rate: number;
  let points = 0;
  if (typeof opts.baseline === "number") {
    points = opts.baseline;
    let x = 0;
    let n = 0;
    for (let i = 0; i < points; i++) {
      x += events(series[i]!);
      n += size(series[i]!);
    }
    rate = x / n;
    if (!(rate > 0) || (binomial && !(rate < 1))) {
      throw new StatsError(
        "DEGENERATE_DATA",
        `${NAME}: the baseline rate is ${rate}, so no test against it exists; give a longer baseline or a known rate`,
      );
    }
  } else {
    rate = (opts.baseline as KnownRateBaseline).rate;
  }
  const out: MonitoredPoint[] = [];
  const alarms: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const p = series[i]!;
    const x = events(p);
    const n = size(p);
    const value = x / n;
    if (i < points) {
      out.push(baselinePoint(i, value, rate));
      continue;
    }
    const expectedEvents = binomial ? n * rate : rate * n;
    const pValue = binomial ? binomialTestPValue(x, n, rate, alt) : poissonTestPValue(x, expectedEvents, alt);
    const observed = binomial
      ? `${x} of ${n} (rate ${fmt(value)})`
      : `count ${x} (rate ${fmt(value)} per unit exposure)`;
    const test = binomial ? "exact binomial" : "exact Poisson";
    let status: PointStatus = "ok";
    let reason = `${observed} consistent with the baseline rate ${fmt(rate)}: ${test} p = ${fmt(pValue)} > alpha ${alpha}`;
    if (pValue <= alpha) {
      status = x > expectedEvents ? "high" : "low";
      reason = `${observed} ${status === "high" ? "above" : "below"} the baseline rate ${fmt(rate)}: ${test} p = ${fmt(pValue)} <= alpha ${alpha}`;
      alarms.push(i);
    }
    out.push({ ...chartPoint(i, value, rate, status, reason), pValue });
  }
  return {
    method: `${binomial ? "exact binomial" : "exact Poisson"} test of each point against the baseline rate (${
      alt === "two-sided" ? "two-sided" : `one-sided (${alt})`
    })`,
    monitor: opts.method,
    alternative: alt,
    alpha,
    baseline: { points, mean: rate, sd: null },
    lambda: null,
    referenceValue: null,
    controlLimit: null,
    inControlAverageRunLength: null,
    points: out,
    alarms,
  };
}
