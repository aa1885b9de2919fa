import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { brentRoot, expandingBrentRoot } from "../internal/roots.js";
import { finiteNumber, parseArguments, positiveNumber } from "../internal/validate.js";
import type { ConfidenceInterval } from "../types.js";
import { haybittlePetoBounds, spendingEfficacyBounds, wangTsiatisBounds } from "./boundaries.js";
import type { GroupSequentialDesign } from "./groupSequentialDesign.js";
import { type Boundaries, crossingProbabilities, type Looks, makeLooks } from "./recursion.js";
import { HAYBITTLE_PETO_BOUND, spendingValue } from "./spending.js";

const FN = "groupSequentialAnalysis";
/** Repeated p-values are reported down to this floor. */
const REPEATED_P_FLOOR = 1e-15;

/** Whether `value` looks like a design returned by groupSequentialDesign. */
function isDesign(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Partial<GroupSequentialDesign>;
  return (
    Number.isInteger(d.kMax) &&
    Array.isArray(d.informationRates) &&
    d.informationRates.length === d.kMax &&
    Array.isArray(d.criticalValues) &&
    d.criticalValues.length === d.kMax &&
    typeof d.alpha === "number" &&
    (d.sided === 1 || d.sided === 2)
  );
}

const designSchema = z.custom<GroupSequentialDesign>(isDesign, {
  error: "must be a design returned by groupSequentialDesign",
});

const schema = z
  .object({
    design: designSchema,
    options: z.strictObject(
      {
        zStatistics: z
          .array(finiteNumber(), { error: "must be an array of finite numbers" })
          .check(z.minLength(1, { error: "must have at least one look" })),
        informationRates: z.optional(
          z
            .array(positiveNumber(), { error: "must be an array of numbers > 0" })
            .check(
              z.refine((r) => r.every((v, i) => i === 0 || v > r[i - 1]!), { error: "must be strictly increasing" }),
            ),
        ),
        standardErrors: z.optional(z.array(positiveNumber(), { error: "must be an array of numbers > 0" })),
      },
      { error: "must be an options object { zStatistics, informationRates?, standardErrors? }" },
    ),
  })
  .check(
    z.superRefine((a, ctx) => {
      const k = a.options.zStatistics.length;
      const push = (path: string, message: string): void => {
        ctx.issues.push({ code: "custom", message, path: ["options", path], input: a });
      };
      if (k > a.design.kMax) push("zStatistics", `must have at most kMax = ${a.design.kMax} looks`);
      if (a.options.informationRates !== undefined && a.options.informationRates.length !== k) {
        push("informationRates", "must have one entry per z statistic");
      }
      if (a.options.standardErrors !== undefined && a.options.standardErrors.length !== k) {
        push("standardErrors", "must have one entry per z statistic");
      }
    }),
  );

/**
 * Options of {@link groupSequentialAnalysis}.
 *
 * @public
 */
export interface GroupSequentialAnalysisOptions {
  /** Cumulative Wald statistics Z_1, …, Z_k (estimate / standard error at each look so far), k ≤ kMax. */
  readonly zStatistics: readonly number[];
  /**
   * Information fractions actually observed, I_k / I_max (planned maximum); spending designs recompute
   * their bounds for them. Values above 1 (overrun) spend at most alpha.
   * @defaultValue the design's planned rates
   */
  readonly informationRates?: readonly number[];
  /** Standard errors of the effect estimate at each look, for intervals on the effect scale (estimate = Z·SE). */
  readonly standardErrors?: readonly number[];
}

/** Analysis of one look. @public */
export interface GroupSequentialLook {
  /** 1-based look number. */
  readonly look: number;
  /** Information fraction used. */
  readonly informationRate: number;
  /** Z statistic echoed. */
  readonly zStatistic: number;
  /** Efficacy bound for the observed information. */
  readonly criticalValue: number;
  /** Futility bound of the design at this look (none at the last look). */
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
 * Spending designs recompute c_1..c_k for the observed information fractions (the last planned look spends
 * all remaining alpha). The repeated p-value at look k is the α′ with c_k(α′) = Z_k (two-sided: |Z_k|);
 * the repeated interval is θ̂_k ± c_k·SE_k. Stopping at look k* with z*, the stagewise-ordering p-value is
 *
 * ```math
 * p = \sum_{j<k^*} P_0(Z_j \ge c_j,\ \text{no stop before } j) + P_0(\text{no stop before } k^*,\ Z_{k^*} \ge z^*)
 * ```
 *
 * (two-sided: twice the smaller tail); the final interval and the median-unbiased estimate solve the same
 * probability under effect θ for α/sided, 1 − α/sided and ½. Non-binding futility bounds are ignored for
 * these probabilities; binding ones stay in place. Futility bounds are those of the design (not re-derived
 * for the observed information); classical designs keep their planned bounds.
 *
 * Method: the recursion and root finding of {@link groupSequentialDesign}; Brent's method on ln α′ for
 * repeated p-values (reported in [1e−15, 0.5]: capped at 0.5 as rpact, floored at 1e−15) and on the drift for the final interval.
 *
 * Conforms to rpact `getAnalysisResults(normalApproximation = TRUE)`; fixtures in
 * `test/fixtures/sequential/groupSequentialAnalysis/rpact/` (agreement within rpact's 1e−6 analysis tolerance).
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
 * @throws {@link InvalidArgumentError} if the design is not a design, there are more statistics than looks,
 * or lengths disagree.
 * @throws {@link StatsError} `"NOT_CONVERGED"` if a root search fails.
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
 * @public
 */
export function groupSequentialAnalysis(
  design: GroupSequentialDesign,
  options: GroupSequentialAnalysisOptions,
): GroupSequentialAnalysisResult {
  parseArguments(FN, schema, { design, options });
  const z = options.zStatistics;
  const k = z.length;
  const { kMax, alpha, sided } = design;
  const rates = options.informationRates ?? design.informationRates.slice(0, k);
  const looks = makeLooks(rates);
  const binding = design.futility?.binding === true;
  const futility = design.futilityBounds;
  const bindingFutility = binding ? futility : undefined;

  const boundsFor = (a: number, count: number): number[] => efficacyBounds(design, looks, a, count, bindingFutility);
  const critical = boundsFor(alpha, k);
  const standardErrors = options.standardErrors;

  const results: GroupSequentialLook[] = [];
  let stoppedAtLook: number | null = null;
  for (let i = 0; i < k; i++) {
    const zi = z[i]!;
    const c = critical[i]!;
    const stat = sided === 2 ? Math.abs(zi) : zi;
    const f = i < kMax - 1 ? futility?.[i] : undefined;
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
    const se = standardErrors?.[i];
    results.push({
      look: i + 1,
      informationRate: rates[i]!,
      zStatistic: zi,
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
    method: `Group sequential analysis (${design.method})`,
    alpha,
    sided,
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
