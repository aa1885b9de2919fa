import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { brentRoot, expandingBrentRoot } from "../internal/roots.js";
import { finiteNumber, parseArguments, positiveNumber } from "../internal/validate.js";
import type { ConfidenceInterval, MeanSummary, ProportionData } from "../types.js";
import { betaSpendingPass, haybittlePetoBounds, spendingEfficacyBounds, wangTsiatisBounds } from "./boundaries.js";
import { isGroupSequentialDesign, NOT_A_DESIGN } from "./designGuard.js";
import type { GroupSequentialDesign } from "./groupSequentialDesign.js";
import { type Boundaries, crossingProbabilities, type Looks, makeLooks } from "./recursion.js";
import { HAYBITTLE_PETO_BOUND, spendingValue } from "./spending.js";

const FN = "groupSequentialAnalysis";
/** Repeated p-values are reported down to this floor. */
const REPEATED_P_FLOOR = 1e-15;

const designSchema = z.custom<GroupSequentialDesign>(isGroupSequentialDesign, { error: NOT_A_DESIGN });

const proportionArm = z
  .strictObject(
    {
      visitors: z
        .number({ error: "must be a finite number" })
        .check(z.int({ error: "must be an integer" }), z.gte(1, { error: "must be >= 1" })),
      conversions: z
        .number({ error: "must be a finite number" })
        .check(z.int({ error: "must be an integer" }), z.gte(0, { error: "must be >= 0" })),
    },
    { error: "must be { visitors, conversions }" },
  )
  .check(z.refine((d) => d.conversions <= d.visitors, { error: "must be <= visitors", path: ["conversions"] }));

const meanArm = z.strictObject(
  {
    n: z
      .number({ error: "must be a finite number" })
      .check(z.int({ error: "must be an integer" }), z.gte(1, { error: "must be >= 1" })),
    mean: finiteNumber(),
    sd: finiteNumber().check(z.gte(0, { error: "must be >= 0" })),
  },
  { error: "must be { n, mean, sd }" },
);

const arm = z.union([proportionArm, meanArm], {
  error: "must be cumulative proportions { visitors, conversions } or means { n, mean, sd }",
});

const lookSchema = z.strictObject({ control: arm, treatment: arm }, { error: "must be { control, treatment }" });

const plannedSchema = z.strictObject(
  { control: positiveNumber(), treatment: positiveNumber() },
  { error: "must be { control, treatment } (planned maximum units per arm)" },
);

const schema = z
  .object({
    design: designSchema,
    options: z.strictObject(
      {
        zStatistics: z.optional(
          z
            .array(finiteNumber(), { error: "must be an array of finite numbers" })
            .check(z.minLength(1, { error: "must have at least one look" })),
        ),
        looks: z.optional(
          z
            .array(lookSchema, { error: "must be an array of looks { control, treatment }" })
            .check(z.minLength(1, { error: "must have at least one look" })),
        ),
        plannedSampleSize: z.optional(plannedSchema),
        informationRates: z.optional(
          z
            .array(positiveNumber(), { error: "must be an array of numbers > 0" })
            .check(
              z.refine((r) => r.every((v, i) => i === 0 || v > r[i - 1]!), { error: "must be strictly increasing" }),
            ),
        ),
        standardErrors: z.optional(z.array(positiveNumber(), { error: "must be an array of numbers > 0" })),
      },
      {
        error:
          "must be an options object { zStatistics | looks, informationRates? | plannedSampleSize?, standardErrors? }",
      },
    ),
  })
  .check(
    z.superRefine((a, ctx) => {
      const o = a.options;
      const push = (path: (string | number)[], message: string): void => {
        ctx.issues.push({ code: "custom", message, path: ["options", ...path], input: a });
      };
      if ((o.zStatistics === undefined) === (o.looks === undefined)) {
        push([o.zStatistics === undefined ? "zStatistics" : "looks"], "give exactly one of zStatistics and looks");
        return;
      }
      const what = o.zStatistics === undefined ? "look" : "z statistic";
      const field = o.zStatistics === undefined ? "looks" : "zStatistics";
      const k = (o.zStatistics ?? o.looks ?? []).length;
      if (k > a.design.kMax) push([field], `must have at most kMax = ${a.design.kMax} looks`);
      if (o.informationRates !== undefined && o.informationRates.length !== k) {
        push(["informationRates"], `must have one entry per ${what}`);
      }
      if (o.standardErrors !== undefined) {
        if (o.looks !== undefined)
          push(["standardErrors"], "are computed from the looks; give them only with zStatistics");
        else if (o.standardErrors.length !== k) push(["standardErrors"], "must have one entry per z statistic");
      }
      if (o.plannedSampleSize !== undefined) {
        if (o.looks === undefined)
          push(["plannedSampleSize"], "is used with looks of data; give informationRates with zStatistics");
        if (o.informationRates !== undefined) push(["plannedSampleSize"], "cannot be combined with informationRates");
      }
      if (o.looks !== undefined) lookIssues(o.looks, push);
    }),
  );

type Arm = { readonly visitors: number; readonly conversions: number } | MeanSummary;
type DataLook = { readonly control: Arm; readonly treatment: Arm };

function sizeOf(a: Arm): number {
  return "visitors" in a ? a.visitors : a.n;
}

/** Cross-look checks: one kind of data throughout, cumulative sizes that never shrink and grow at every look. */
function lookIssues(looks: readonly DataLook[], push: (path: (string | number)[], message: string) => void): void {
  const kind = "visitors" in looks[0]!.control ? "proportions" : "means";
  looks.forEach((l, i) => {
    for (const side of ["control", "treatment"] as const) {
      if (("visitors" in l[side] ? "proportions" : "means") !== kind) {
        push(["looks", i, side], `must be ${kind} like the control arm of look 1`);
      }
    }
    if (i > 0) {
      const p = looks[i - 1]!;
      const grew = sizeOf(l.control) + sizeOf(l.treatment) > sizeOf(p.control) + sizeOf(p.treatment);
      if (sizeOf(l.control) < sizeOf(p.control) || sizeOf(l.treatment) < sizeOf(p.treatment) || !grew) {
        push(["looks", i], "cumulative sizes must not decrease and must grow from the previous look");
      }
    }
  });
}

/**
 * Options of {@link groupSequentialAnalysis}.
 *
 * @public
 */
export interface GroupSequentialAnalysisOptions {
  /**
   * Cumulative Wald statistics Z_1, …, Z_k (estimate / standard error at each look so far), k ≤ kMax.
   * Give exactly one of `zStatistics` and `looks`.
   */
  readonly zStatistics?: readonly number[];
  /**
   * Cumulative data of each arm at each look so far (k ≤ kMax), all proportions `{ visitors, conversions }`
   * or all means `{ n, mean, sd }`; the effect is treatment minus control. Each look's Z, standard error and
   * (with `plannedSampleSize`) information rate are computed from them.
   */
  readonly looks?: readonly GroupSequentialDataLook[];
  /**
   * Planned maximum units per arm (e.g. `sequential.nControlMax` / `nTreatmentMax` of a sample-size plan): with
   * `looks`, the observed information rates are t_k = h(n_C,k, n_T,k) / h(N_C, N_T), h(a, b) = ab/(a + b)
   * (information of a difference for a fixed per-unit variance).
   * @defaultValue none: the looks are taken to be at the design's planned rates (rpact's default)
   */
  readonly plannedSampleSize?: {
    /** Planned control units at the last look. */
    readonly control: number;
    /** Planned treatment units at the last look. */
    readonly treatment: number;
  };
  /**
   * Information fractions actually observed, I_k / I_max (planned maximum); spending designs recompute
   * their bounds for them. Values above 1 (overrun) spend at most alpha.
   * @defaultValue the design's planned rates (or the rates from `plannedSampleSize`)
   */
  readonly informationRates?: readonly number[];
  /**
   * Standard errors of the effect estimate at each look, for intervals on the effect scale (estimate = Z·SE);
   * with `zStatistics` only (`looks` give their own).
   */
  readonly standardErrors?: readonly number[];
}

/**
 * Cumulative data of both arms at one look: proportions or means (the same kind in both arms and at every look).
 *
 * @public
 */
export interface GroupSequentialDataLook {
  /** Control arm so far. */
  readonly control: ProportionData | MeanSummary;
  /** Treatment arm so far. */
  readonly treatment: ProportionData | MeanSummary;
}

/** Analysis of one look. @public */
export interface GroupSequentialLook {
  /** 1-based look number. */
  readonly look: number;
  /** Information fraction used. */
  readonly informationRate: number;
  /** Z statistic (echoed, or computed from the look's data). */
  readonly zStatistic: number;
  /** Effect estimate Z·SE (treatment minus control), when standard errors are known. */
  readonly estimate?: number;
  /** Standard error of the estimate (given, or the one that defines Z for data). */
  readonly standardError?: number;
  /** Efficacy bound for the observed information. */
  readonly criticalValue: number;
  /**
   * Futility bound at this look (none at the last look): re-derived for the observed information by beta spending
   * for one-sided spending designs, the design's planned bound otherwise (two-sided designs, as rpact's
   * `getAnalysisResults`; 0 where the design has no inner futility region).
   */
  readonly futilityBound?: number;
  /** What the design says at this look. */
  readonly decision: "reject" | "futility" | "continue" | "accept";
  /** Smallest alpha at which the design (same family) would reject at this look. */
  readonly repeatedPValue: number;
  /** Repeated confidence interval estimate ± c_k·SE_k (level 1 − 2α/sided), with standard errors. */
  readonly repeatedConfidenceInterval?: ConfidenceInterval;
}

/** Inference at the look where the trial stopped (or the last look). @public */
export interface GroupSequentialFinal {
  /** The look (1-based). */
  readonly look: number;
  /** Stagewise-ordering p-value. */
  readonly pValue: number;
  /** Stagewise-ordering confidence interval (level 1 − 2α/sided), with standard errors. */
  readonly confidenceInterval?: ConfidenceInterval;
  /** Median-unbiased estimate, with standard errors. */
  readonly medianUnbiasedEstimate?: number;
}

/** Result of {@link groupSequentialAnalysis}. @public */
export interface GroupSequentialAnalysisResult {
  /** The procedure in words. */
  readonly method: string;
  /** Alpha of the design. */
  readonly alpha: number;
  /** 1 or 2. */
  readonly sided: 1 | 2;
  /**
   * Where the information rates come from: `"planned"` (the design's), `"given"` (`informationRates`) or
   * `"observed"` (the looks' sizes over `plannedSampleSize`).
   */
  readonly informationSource: "planned" | "given" | "observed";
  /** Every look analysed. */
  readonly looks: readonly GroupSequentialLook[];
  /** First look at which the efficacy bound was crossed, or null. */
  readonly stoppedAtLook: number | null;
  /** Overall: "reject" (efficacy), "accept" (last look without rejection), else "continue". */
  readonly decision: "reject" | "accept" | "continue";
  /** Final inference, once the trial has stopped for efficacy or reached its last look. */
  readonly final?: GroupSequentialFinal;
}

/**
 * Interim and final analysis of a group sequential trial: boundaries for the information actually
 * observed, decisions, repeated p-values and confidence intervals, and the final stagewise-ordering
 * p-value, confidence interval and median-unbiased estimate.
 *
 * @remarks
 * The statistics come as cumulative Z statistics (with optional standard errors) or as looks of cumulative data
 * per arm. Proportions give the pooled two-proportion statistic and means the pooled-variance statistic (rpact's,
 * normal approximation), with Δ̂ the treatment-minus-control difference:
 *
 * ```math
 * Z_k = \frac{\hat p_T - \hat p_C}{\sqrt{\bar p(1-\bar p)(1/n_C + 1/n_T)}},\qquad
 * Z_k = \frac{\bar x_T - \bar x_C}{s_p\sqrt{1/n_C + 1/n_T}},\qquad
 * t_k = \frac{h(n_{C,k}, n_{T,k})}{h(N_C, N_T)},\ h(a, b) = \frac{ab}{a+b}
 * ```
 *
 * and the standard error in the denominator is the one the intervals use (for proportions this makes them
 * test-based intervals Δ̂ ± c·SE₀). With `plannedSampleSize` (N_C, N_T) the observed information rates t_k are
 * computed as above; otherwise they are `informationRates`, or the design's planned rates.
 *
 * Spending designs recompute c_1..c_k for the information rates used (the last planned look spends all remaining
 * alpha). One-sided spending designs with beta spending also re-derive their futility bounds there: a_k spends
 * β(t_k) − β(t_{k−1}) under the design's drift δ (the drift is in units of the planned maximum information, so it
 * does not change), jointly with not having stopped before, and binding designs re-solve c_k with those bounds in
 * place (gsDesign's update with `n.I` and `maxn.IPlan`). Two-sided designs keep their planned futility bounds
 * a_k (|Z_k| < a_k stops for futility at look k whatever t_k was observed; a_k = 0, no futility stop, where the
 * design has no inner region), which is what rpact 3.3.4 `getAnalysisResults` does: it analyses with the design's
 * planned bounds and only warns "Observed sample sizes … not according to specified information rates …" (it also
 * keeps its planned efficacy bounds, where this function re-spends alpha). rpact has no re-derivation rule for
 * two-sided beta spending (it flags that approach as experimental); re-specifying the design at the observed rates
 * re-solves the drift and is a different plan, not an analysis of this one. The type I error stays α(t_k) either
 * way: non-binding bounds do not enter it, and binding ones are held in place when c_k is re-spent.
 * Classical designs (Pocock, O'Brien–Fleming, Wang–Tsiatis, Haybittle–Peto) have no spending function: they keep
 * their planned bounds c_k = C·t_k^{Δ−½} (or 3) at the planned t_k whatever information was observed, so their type I
 * error is alpha only when the looks happen as planned — use a spending design when the information at the looks is
 * not under control.
 *
 * The repeated p-value at look k is the α′ with c_k(α′) = Z_k (two-sided: |Z_k|); the repeated interval is
 * θ̂_k ± c_k·SE_k. Stopping at look k* with z*, the stagewise-ordering p-value is
 *
 * ```math
 * p = \sum_{j<k^*} P_0(Z_j \ge c_j,\ \text{no stop before } j) + P_0(\text{no stop before } k^*,\ Z_{k^*} \ge z^*)
 * ```
 *
 * (two-sided: twice the smaller tail); the final interval and the median-unbiased estimate solve the same
 * probability under effect θ for α/sided, 1 − α/sided and ½. Non-binding futility bounds are ignored for
 * these probabilities; binding ones stay in place.
 *
 * Method: the recursion and root finding of {@link groupSequentialDesign}; Brent's method on ln α′ for
 * repeated p-values (reported in [1e−15, 0.5]: capped at 0.5 as rpact, floored at 1e−15) and on the drift for the
 * final interval.
 *
 * Conforms to rpact `getAnalysisResults(normalApproximation = TRUE)`, with Z statistics and with `getDataset` looks
 * of cumulative means and rates at observed information rates (bounds within 1e−7, p-values and intervals within
 * rpact's 1e−6 analysis tolerance); re-derived futility bounds to exact multivariate-normal probabilities (mvtnorm,
 * within 1e−7); two-sided futility bounds at unplanned information to those rpact's analysis used (within 1e−6;
 * measured 1.5e−10). Fixtures in `test/fixtures/sequential/groupSequentialAnalysis/{rpact,mvtnorm}/`.
 *
 * @reference Jennison, Christopher, and Bruce W. Turnbull. 1989. "Interim Analyses: The Repeated Confidence
 * Interval Approach." _Journal of the Royal Statistical Society. Series B_ 51 (3): 305–61.
 * doi:10.1111/j.2517-6161.1989.tb01433.x
 * @reference Tsiatis, Anastasios A., Gary L. Rosner, and Cyrus R. Mehta. 1984. "Exact Confidence Intervals
 * Following a Group Sequential Test." _Biometrics_ 40 (3): 797–803. doi:10.2307/2530924
 *
 * @param design - A design from {@link groupSequentialDesign}.
 * @param options - See {@link GroupSequentialAnalysisOptions}.
 * @returns A {@link GroupSequentialAnalysisResult}.
 * @throws {@link InvalidArgumentError} if the design is not a design, neither or both of `zStatistics` and `looks`
 * are given, there are more looks than kMax, lengths disagree, looks mix proportions and means, or cumulative sizes
 * shrink or stall.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if a look of data has no variance (no or only conversions, SD 0 in
 * both arms, fewer than 3 units of means); `"NOT_CONVERGED"` if a root search fails.
 *
 * @example
 * ```ts
 * const design = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });
 * const r = groupSequentialAnalysis(design, {
 *   zStatistics: [1.767767, 2.656197],
 *   standardErrors: [0.1414214, 0.09976669],
 * });
 * r.decision;                      // "reject"
 * r.looks[1].repeatedPValue;       // ≈ 0.018668
 * r.final?.pValue;                 // ≈ 0.0039955
 * r.final?.medianUnbiasedEstimate; // ≈ 0.26486
 * ```
 * @example
 * ```ts
 * // Looks of cumulative conversions, planned 3000 per arm: information rates 1/3 and 2/3
 * const looks = groupSequentialAnalysis(design, {
 *   looks: [
 *     { control: { visitors: 1000, conversions: 100 }, treatment: { visitors: 1000, conversions: 120 } },
 *     { control: { visitors: 2000, conversions: 200 }, treatment: { visitors: 2000, conversions: 250 } },
 *   ],
 *   plannedSampleSize: { control: 3000, treatment: 3000 },
 * });
 * looks.looks[0].zStatistic;  // ≈ 1.42930 (pooled two-proportion z)
 * looks.looks.map((l) => l.decision); // ["continue", "continue"]
 * ```
 * @public
 */
export function groupSequentialAnalysis(
  design: GroupSequentialDesign,
  options: GroupSequentialAnalysisOptions,
): GroupSequentialAnalysisResult {
  parseArguments(FN, schema, { design, options });
  const data = options.looks === undefined ? undefined : statisticsFromLooks(options.looks);
  const z = data?.z ?? (options.zStatistics as readonly number[]);
  const k = z.length;
  const { kMax, alpha, sided } = design;
  const planned = options.plannedSampleSize;
  const informationSource: GroupSequentialAnalysisResult["informationSource"] =
    options.informationRates !== undefined
      ? "given"
      : data !== undefined && planned !== undefined
        ? "observed"
        : "planned";
  const rates =
    options.informationRates ??
    (data !== undefined && planned !== undefined
      ? data.information.map((i) => i / harmonic(planned.control, planned.treatment))
      : design.informationRates.slice(0, k));
  const looks = makeLooks(rates);
  const binding = design.futility?.binding === true;
  const observed = futilityForObserved(design, looks, rates);
  const futility = observed?.futility ?? design.futilityBounds;
  const bindingFutility = binding ? futility : undefined;

  const boundsFor = (a: number, count: number): number[] => efficacyBounds(design, looks, a, count, bindingFutility);
  const critical = observed?.upper ?? boundsFor(alpha, k);
  const standardErrors = data?.se ?? options.standardErrors;

  const results: GroupSequentialLook[] = [];
  let stoppedAtLook: number | null = null;
  for (let i = 0; i < k; i++) {
    const zi = z[i]!;
    const c = critical[i]!;
    const stat = sided === 2 ? Math.abs(zi) : zi;
    const f = i < kMax - 1 ? futility?.[i] : undefined;
    const se = standardErrors?.[i];
    const decision: GroupSequentialLook["decision"] =
      stat >= c
        ? "reject"
        : f !== undefined && (sided === 2 ? Math.abs(zi) < f : zi < f)
          ? "futility"
          : i === kMax - 1
            ? "accept"
            : "continue";
    if (decision === "reject" && stoppedAtLook === null) stoppedAtLook = i + 1;
    const repeatedPValue = repeatedP(design, looks, i, stat, bindingFutility);
    results.push({
      look: i + 1,
      informationRate: rates[i]!,
      zStatistic: zi,
      ...(se === undefined ? {} : { estimate: zi * se, standardError: se }),
      criticalValue: c,
      ...(f === undefined ? {} : { futilityBound: f }),
      decision,
      repeatedPValue,
      ...(se === undefined
        ? {}
        : {
            repeatedConfidenceInterval: {
              lower: (zi - c) * se,
              upper: (zi + c) * se,
              level: 1 - (2 * alpha) / sided,
            },
          }),
    });
  }
  const finalLook = stoppedAtLook ?? (k === kMax ? kMax : null);
  const final =
    finalLook === null
      ? undefined
      : finalInference(design, looks, critical, finalLook, z, standardErrors, bindingFutility);
  return {
    method: `Group sequential analysis (${design.method})${data === undefined ? "" : `, ${data.kind}`}`,
    alpha,
    sided,
    informationSource,
    looks: results,
    stoppedAtLook,
    decision: stoppedAtLook !== null ? "reject" : k === kMax ? "accept" : "continue",
    ...(final === undefined ? {} : { final }),
  };
}

/** Efficacy bounds of the design at level `a` for looks 1..count at the observed information. */
function efficacyBounds(
  design: GroupSequentialDesign,
  looks: Looks,
  a: number,
  count: number,
  bindingFutility: readonly number[] | undefined,
): number[] {
  const { sided, kMax } = design;
  if (design.classical !== undefined || design.spending?.family === "haybittle-peto") {
    if (a === design.alpha) return design.criticalValues.slice(0, count);
    const planned = makeLooks(design.informationRates);
    if (design.classical === "haybittle-peto" || design.spending?.family === "haybittle-peto") {
      const interim = design.spending?.parameter ?? HAYBITTLE_PETO_BOUND;
      return haybittlePetoBoundsOrInfinite(planned, sided, a, interim).slice(0, count);
    }
    const deltaWT =
      design.classical === "obrien-fleming" ? 0 : design.classical === "pocock" ? 0.5 : (design.deltaWT ?? 0);
    return wangTsiatisBounds(FN, planned, sided, a, deltaWT).slice(0, count);
  }
  const spending = design.spending ?? { family: "obrien-fleming" as const };
  const cumulative = Array.from(looks.t, (t, i) =>
    i === kMax - 1 ? a : sided * spendingValue(spending.family, Math.min(t, 1), a / sided, spending.parameter),
  );
  return spendingEfficacyBounds(FN, looks, sided, cumulative, bindingFutility, count);
}

function haybittlePetoBoundsOrInfinite(looks: Looks, sided: 1 | 2, a: number, interim: number): number[] {
  try {
    return haybittlePetoBounds(FN, looks, sided, a, interim);
  } catch {
    // At levels below the interim spend there is no final bound that works: nothing rejects at the end.
    return Array.from(looks.t, (_, i) => (i === looks.t.length - 1 ? Number.POSITIVE_INFINITY : interim));
  }
}

/** α′ with c_k(α′) = stat, in [1e-15, 0.5] (capped at 0.5, floored at 1e-15). */
function repeatedP(
  design: GroupSequentialDesign,
  looks: Looks,
  k: number,
  stat: number,
  bindingFutility: readonly number[] | undefined,
): number {
  const bound = (logA: number): number => efficacyBounds(design, looks, Math.exp(logA), k + 1, bindingFutility)[k]!;
  const lo = Math.log(REPEATED_P_FLOOR);
  const hi = Math.log(0.5);
  const f = (logA: number): number => {
    const c = bound(logA);
    return (c === Number.POSITIVE_INFINITY ? 40 : c) - stat;
  };
  if (f(hi) >= 0) return 0.5;
  if (f(lo) <= 0) return REPEATED_P_FLOOR;
  const r = brentRoot(f, lo, hi, { absoluteTolerance: 1e-12 });
  if (!r.ok) throw new StatsError("NOT_CONVERGED", `${FN}: the repeated p-value search did not converge`);
  return Math.exp(r.root);
}

/** P_drift(stagewise ordering at least as extreme as z* at look k*) in the upper direction. */
function orderingProbability(
  design: GroupSequentialDesign,
  looks: Looks,
  critical: readonly number[],
  look: number,
  zStar: number,
  drift: number,
  bindingFutility: readonly number[] | undefined,
  lowerTail = false,
): number {
  const upper = critical.slice(0, look);
  upper[look - 1] = lowerTail ? -zStar : zStar;
  const bounds: Boundaries = { sided: design.sided, upper, futility: bindingFutility };
  const p = crossingProbabilities(looks, bounds, drift, look);
  let total = 0;
  for (let j = 0; j < look - 1; j++) total += lowerTail ? p.lower[j]! : p.upper[j]!;
  return total + (lowerTail ? p.lower[look - 1]! : p.upper[look - 1]!);
}

function finalInference(
  design: GroupSequentialDesign,
  allLooks: Looks,
  critical: readonly number[],
  look: number,
  z: readonly number[],
  standardErrors: readonly number[] | undefined,
  bindingFutility: readonly number[] | undefined,
): GroupSequentialFinal {
  const looks = makeLooks(Array.from(allLooks.t.subarray(0, look)));
  const zStar = z[look - 1]!;
  const sided = design.sided;
  // For a one-sided design the lower stopping region is futility (binding) or none; sided 2 keeps ±c.
  const pUpper = orderingProbability(design, looks, critical, look, zStar, 0, bindingFutility);
  let pValue: number;
  if (sided === 1) pValue = pUpper;
  else {
    const pLower = orderingProbability(design, looks, critical, look, zStar, 0, bindingFutility, true);
    pValue = Math.min(1, 2 * Math.min(pUpper, pLower));
  }
  const se = standardErrors?.[look - 1];
  if (se === undefined) return { look, pValue };
  const sqrtT = looks.sqrtT[look - 1]!;
  const solve = (target: number): number => {
    const f = (drift: number): number =>
      orderingProbability(design, looks, critical, look, zStar, drift, bindingFutility) - target;
    const start = zStar / sqrtT;
    const r = expandingBrentRoot(f, start - 1, start + 1, { absoluteTolerance: 1e-12 });
    if (!r.ok) throw new StatsError("NOT_CONVERGED", `${FN}: the final confidence interval search did not converge`);
    // Mean of Z_{k*} is drift·√t_{k*} = θ / SE_{k*}.
    return r.root * sqrtT * se;
  };
  const tail = design.alpha / sided;
  return {
    look,
    pValue,
    confidenceInterval: { lower: solve(tail), upper: solve(1 - tail), level: 1 - 2 * tail },
    medianUnbiasedEstimate: solve(0.5),
  };
}

/** h(a, b) = ab/(a + b): the information of a difference of two means per unit of per-unit precision. */
function harmonic(a: number, b: number): number {
  return (a * b) / (a + b);
}

/** Z statistics, standard errors and relative information of looks of data. */
interface DataStatistics {
  readonly kind: string;
  readonly z: number[];
  readonly se: number[];
  /** h(n_C, n_T) at each look. */
  readonly information: number[];
}

/**
 * Each look's Z from cumulative data. Proportions: the pooled two-proportion z statistic (rpact's, at θ0 = 0),
 * SE₀ = √(p̄(1 − p̄)(1/n_C + 1/n_T)). Means: the pooled-variance statistic (rpact's normal approximation),
 * SE = s_p√(1/n_C + 1/n_T), s_p² = ((n_C − 1)s_C² + (n_T − 1)s_T²)/(n_C + n_T − 2).
 */
function statisticsFromLooks(looks: readonly GroupSequentialDataLook[]): DataStatistics {
  const z: number[] = [];
  const se: number[] = [];
  const information: number[] = [];
  const proportions = "visitors" in looks[0]!.control;
  looks.forEach((look, i) => {
    let estimate: number;
    let standardError: number;
    let nC: number;
    let nT: number;
    if (proportions) {
      const c = look.control as ProportionData;
      const t = look.treatment as ProportionData;
      nC = c.visitors;
      nT = t.visitors;
      const pooled = (c.conversions + t.conversions) / (nC + nT);
      estimate = t.conversions / nT - c.conversions / nC;
      standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nC + 1 / nT));
      if (!(standardError > 0)) {
        throw new StatsError(
          "DEGENERATE_DATA",
          `${FN}: look ${i + 1}: ${pooled === 0 ? "no unit converted" : "every unit converted"} in either arm, so the z statistic is undefined`,
        );
      }
    } else {
      const c = look.control as MeanSummary;
      const t = look.treatment as MeanSummary;
      nC = c.n;
      nT = t.n;
      if (nC + nT < 3) {
        throw new StatsError("DEGENERATE_DATA", `${FN}: look ${i + 1}: the pooled variance needs at least 3 units`);
      }
      const variance = ((nC - 1) * c.sd * c.sd + (nT - 1) * t.sd * t.sd) / (nC + nT - 2);
      estimate = t.mean - c.mean;
      standardError = Math.sqrt(variance * (1 / nC + 1 / nT));
      if (!(standardError > 0)) {
        throw new StatsError("DEGENERATE_DATA", `${FN}: look ${i + 1}: both arms have standard deviation 0`);
      }
    }
    z.push(estimate / standardError);
    se.push(standardError);
    information.push(harmonic(nC, nT));
  });
  return {
    kind: proportions ? "pooled two-proportion z statistics" : "pooled-variance two-sample z statistics",
    z,
    se,
    information,
  };
}

/**
 * Efficacy and futility bounds re-derived for the observed information (one-sided spending designs with beta
 * spending): β(t_k) is spent under the design's drift (in units of the planned maximum information), binding bounds
 * re-solve the efficacy bounds with futility in place. `undefined` when the design has no futility, is two-sided
 * (planned bounds are kept, as rpact's `getAnalysisResults`) or classical (planned bounds are used), or the rates
 * are the planned ones (the design's bounds are exact).
 */
function futilityForObserved(
  design: GroupSequentialDesign,
  looks: Looks,
  rates: readonly number[],
): { readonly upper: number[]; readonly futility: number[] } | undefined {
  const f = design.futility;
  const spending = design.spending;
  if (f === undefined || spending === undefined || design.sided !== 1 || design.futilityBounds === undefined) {
    return undefined;
  }
  if (rates.every((t, i) => t === design.informationRates[i])) return undefined;
  const { kMax, alpha } = design;
  const k = rates.length;
  const beta = 1 - design.power;
  const cumulativeAlpha = rates.map((t, i) =>
    i === kMax - 1 ? alpha : spendingValue(spending.family, Math.min(t, 1), alpha, spending.parameter),
  );
  const cumulativeBeta = rates.map((t, i) =>
    i === kMax - 1 ? beta : spendingValue(f.family, Math.min(t, 1), beta, f.parameter),
  );
  const nonBinding = spendingEfficacyBounds(FN, looks, 1, cumulativeAlpha);
  const pass = betaSpendingPass(FN, looks, 1, cumulativeAlpha, cumulativeBeta, f.binding, nonBinding, design.drift, {
    final: k === kMax,
  });
  return { upper: pass.upper, futility: pass.futility.slice(0, Math.min(k, kMax - 1)) };
}
