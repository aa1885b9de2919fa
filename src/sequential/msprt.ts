import * as z from "zod/mini";
import { normalCdf, normalPdf } from "../distributions/normal.js";
import { type InputIssue, InvalidArgumentError, StatsError } from "../errors.js";
import {
  count,
  finiteNumber,
  nonNegativeNumber,
  openUnitInterval,
  parseArguments,
  positiveNumber,
  proportionData,
} from "../internal/validate.js";
import type { ConfidenceInterval, MeanSummary, ProportionData, SufficientStatistics } from "../types.js";
import { logMixtureRatio, mixtureHalfWidth } from "./mixture.js";

const FN = "msprt";

/** One arm at one look: cumulative conversions, sufficient statistics, or a mean summary. @public */
export type MsprtArm = ProportionData | SufficientStatistics | MeanSummary;

/** Cumulative data of both arms at one look. @public */
export interface MsprtLook {
  /** Control arm, cumulative up to this look. */
  readonly control: MsprtArm;
  /** Treatment arm, cumulative up to this look. */
  readonly treatment: MsprtArm;
}

const arm = z.union(
  [
    proportionData(),
    z.strictObject({ n: count(), sum: finiteNumber(), sumSquares: finiteNumber() }),
    z.strictObject({ n: count(), mean: finiteNumber(), sd: nonNegativeNumber() }),
  ],
  {
    error: "must be { visitors, conversions }, { n, sum, sumSquares } or { n, mean, sd } with integer counts",
  },
);

const schema = z.object({
  looks: z
    .array(z.strictObject({ control: arm, treatment: arm }, { error: "must be { control, treatment }" }), {
      error: "must be an array of looks { control, treatment }",
    })
    .check(z.minLength(1, { error: "must have at least one look" })),
  options: z
    .strictObject(
      {
        mixingVariance: z.optional(positiveNumber()),
        plannedSampleSize: z.optional(positiveNumber()),
        plannedVariance: z.optional(positiveNumber()),
        alpha: z.optional(openUnitInterval()),
        nullValue: z.optional(finiteNumber()),
      },
      { error: "must be an options object" },
    )
    .check(
      z.superRefine((o, ctx) => {
        const push = (path: string, message: string): void => {
          ctx.issues.push({ code: "custom", message, path: [path], input: o });
        };
        if (o.mixingVariance === undefined && o.plannedSampleSize === undefined) {
          push("mixingVariance", "is required unless plannedSampleSize and plannedVariance are given");
        }
        if (o.mixingVariance !== undefined && o.plannedSampleSize !== undefined) {
          push("plannedSampleSize", "cannot be combined with mixingVariance");
        }
        if (o.plannedSampleSize !== undefined && o.plannedVariance === undefined) {
          push("plannedVariance", "is required with plannedSampleSize");
        }
        if (o.plannedVariance !== undefined && o.plannedSampleSize === undefined) {
          push("plannedVariance", "is only used with plannedSampleSize");
        }
      }),
    ),
});

/**
 * Options of {@link msprt}. Give either `mixingVariance` or `plannedSampleSize` with `plannedVariance`.
 *
 * @public
 */
export interface MsprtOptions {
  /** τ²: variance of the normal mixture over the effect (in squared effect units), fixed before the test. */
  readonly mixingVariance?: number;
  /**
   * Planned maximum number of observations per arm M; τ² is then the truncation-optimal value for M and
   * `plannedVariance` (Johari et al. 2017).
   */
  readonly plannedSampleSize?: number;
  /** Planned per-pair variance σ_A² + σ_B² (p_A(1 − p_A) + p_B(1 − p_B) for conversions), with `plannedSampleSize`. */
  readonly plannedVariance?: number;
  /**
   * Significance level: reject when the mixture likelihood ratio reaches 1/α.
   * @defaultValue 0.05
   */
  readonly alpha?: number;
  /**
   * Effect under H0 (treatment minus control).
   * @defaultValue 0
   */
  readonly nullValue?: number;
}

/** The mSPRT at one look. @public */
export interface MsprtLookResult {
  /** 1-based look number. */
  readonly look: number;
  /** Treatment minus control mean (or rate) at this look. */
  readonly estimate: number;
  /** √(σ_T²/n_T + σ_C²/n_C) with plug-in variances from the cumulative data. */
  readonly standardError: number;
  /** Λ: the normal-mixture likelihood ratio against `nullValue`. */
  readonly likelihoodRatio: number;
  /** Always-valid p-value: min over looks so far of min(1, 1/Λ). Never increases. */
  readonly pValue: number;
  /** Always-valid interval: the intersection of the (1 − α) intervals of all looks so far. */
  readonly confidenceInterval: ConfidenceInterval;
  /** Whether Λ ≥ 1/α at this or an earlier look. */
  readonly rejected: boolean;
}

/** Result of {@link msprt}. @public */
export interface MsprtResult {
  /** The procedure in words. */
  readonly method: string;
  /** α echoed. */
  readonly alpha: number;
  /** Effect under H0. */
  readonly nullValue: number;
  /** τ² used. */
  readonly mixingVariance: number;
  /** Every look, in order. */
  readonly looks: readonly MsprtLookResult[];
  /** The last look's always-valid p-value. */
  readonly pValue: number;
  /** The last look's running-intersection interval. */
  readonly confidenceInterval: ConfidenceInterval;
  /** "reject" once Λ has reached 1/α at some look, else "continue". */
  readonly decision: "reject" | "continue";
  /** The first look (1-based) at which H0 was rejected, or null. */
  readonly stoppedAtLook: number | null;
}

/**
 * Mixture sequential probability ratio test (mSPRT) of Johari, Pekelis & Walsh for a difference in means
 * or conversion rates, with always-valid p-values and confidence intervals over any number of looks.
 *
 * @remarks
 * At each look with estimate Δ̂ = x̄_T − x̄_C and variance v = σ_T²/n_T + σ_C²/n_C, against H0: Δ = Δ0 with
 * a N(Δ0, τ²) mixture over the alternative,
 *
 * ```math
 * \Lambda_n = \sqrt{\frac{v}{v+\tau^2}}\exp\Bigl(\frac{\tau^2(\hat\Delta-\Delta_0)^2}{2v(v+\tau^2)}\Bigr),\qquad
 * p_n = \min\bigl(p_{n-1}, 1/\Lambda_n\bigr),
 * ```
 *
 * and the (1 − α) interval Δ̂ ± √(2v(v + τ²)/τ² · [ln(1/α) + ½ ln((v + τ²)/v)]) is intersected over looks.
 * With n pairs and per-pair variance V (v = V/n) this is the published form
 * √(V/(V + nτ²))·exp(n²τ²(Ȳ − X̄ − θ0)²/(2V(V + nτ²))). Λ is a martingale under H0, so by Ville's
 * inequality rejecting the first time Λ ≥ 1/α keeps type I error ≤ α however often one looks.
 *
 * τ² from a plan (truncation-optimal for a maximum of M observations per arm, per-pair variance σ²):
 * b = 2 ln(1/α)/√(Mσ²), τ² = σ²·Φ(−b)/(φ(b)/b − Φ(−b)). τ² must not be estimated from the data being tested.
 *
 * Method: closed forms. Variances are plug-ins from the cumulative data at each look (p(1 − p) for
 * conversions; the sample variance for sums and summaries), as Optimizely and mixtureSPRT's C++ code do;
 * very small looks make the plug-in unreliable, so start monitoring after a burn-in. The running
 * intersection can become empty (lower > upper) only if the data contradict a constant effect; it is
 * reported as is. 1/Λ underflows to 0 for overwhelming evidence (Λ > 1.8e308).
 *
 * Conforms to the reference values of `sequential.md` §16.5 (e.g. n = 1000, Δ̂ = 0.1, V = 2, τ² = 0.01:
 * Λ = 3.27872, half-width 0.136674) and mixtureSPRT `calcTau` (τ² = 0.0772 for α = 0.05, σ² = 1, M = 10,000).
 *
 * @reference Johari, Ramesh, Leonid Pekelis, and David J. Walsh. 2022. "Always Valid Inference: Continuous
 * Monitoring of A/B Tests." _Operations Research_ 70 (3): 1806–21. doi:10.1287/opre.2021.2135
 * @reference Johari, Ramesh, Pete Koomen, Leonid Pekelis, and David Walsh. 2017. "Peeking at A/B Tests: Why It
 * Matters, and What to Do About It." In _Proceedings of the 23rd ACM SIGKDD_, 1517–25. doi:10.1145/3097983.3097992
 * @reference Robbins, Herbert. 1970. "Statistical Methods Related to the Law of the Iterated Logarithm." _Annals
 * of Mathematical Statistics_ 41 (5): 1397–1409. doi:10.1214/aoms/1177696786
 *
 * @param looks - Cumulative data of both arms at each look (at least one), in time order.
 * @param options - See {@link MsprtOptions}.
 * @returns An {@link MsprtResult} with every look and the decision.
 * @throws {@link InvalidArgumentError} if a look is malformed (counts not integers, conversions > visitors), arms
 * mix proportions and means, neither τ² nor a plan is given, or an option is out of range.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if an arm has fewer than 2 observations or the estimated
 * variance of the difference is 0 at some look.
 *
 * @example
 * ```ts
 * const r = msprt(
 *   [{ control: { n: 1000, mean: 0, sd: 1 }, treatment: { n: 1000, mean: 0.1, sd: 1 } }],
 *   { mixingVariance: 0.01 },
 * );
 * r.looks[0].likelihoodRatio; // ≈ 3.2787
 * r.pValue;                   // ≈ 0.30500
 * r.confidenceInterval;       // ≈ { lower: -0.036674, upper: 0.23667, level: 0.95 }
 * ```
 * @public
 */
export function msprt(looks: readonly MsprtLook[], options: MsprtOptions): MsprtResult {
  const args = parseArguments(FN, schema, { looks, options });
  requireOneArmKind(args.looks);
  const o = args.options;
  const alpha = o.alpha ?? 0.05;
  const nullValue = o.nullValue ?? 0;
  const tau2 =
    o.mixingVariance ??
    truncationOptimalMixingVariance(alpha, o.plannedSampleSize as number, o.plannedVariance as number);
  const threshold = -Math.log(alpha);
  const results: MsprtLookResult[] = [];
  let pValue = 1;
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  let stoppedAtLook: number | null = null;
  for (const [i, look] of args.looks.entries()) {
    const c = armMoments(look.control, i, "control");
    const t = armMoments(look.treatment, i, "treatment");
    const estimate = t.mean - c.mean;
    const v = t.variance / t.n + c.variance / c.n;
    if (!(v > 0)) {
      throw new StatsError("DEGENERATE_DATA", `${FN}: looks.${i}: the variance of the difference is 0`);
    }
    const logRatio = logMixtureRatio(estimate - nullValue, v, tau2);
    pValue = Math.min(pValue, Math.min(1, Math.exp(-logRatio)));
    const half = mixtureHalfWidth(v, tau2, alpha);
    lower = Math.max(lower, estimate - half);
    upper = Math.min(upper, estimate + half);
    if (stoppedAtLook === null && logRatio >= threshold) stoppedAtLook = i + 1;
    results.push({
      look: i + 1,
      estimate,
      standardError: Math.sqrt(v),
      likelihoodRatio: Math.exp(logRatio),
      pValue,
      confidenceInterval: { lower, upper, level: 1 - alpha },
      rejected: stoppedAtLook !== null,
    });
  }
  const last = results[results.length - 1] as MsprtLookResult;
  return {
    method: "Mixture sequential probability ratio test (normal mixture, two-sided)",
    alpha,
    nullValue,
    mixingVariance: tau2,
    looks: results,
    pValue: last.pValue,
    confidenceInterval: last.confidenceInterval,
    decision: stoppedAtLook === null ? "continue" : "reject",
    stoppedAtLook,
  };
}

/**
 * τ² = σ²Φ(−b)/(φ(b)/b − Φ(−b)), b = 2 ln(1/α)/√(Mσ²) (Johari et al. 2017; mixtureSPRT `calcTau`).
 *
 * @internal
 */
export function truncationOptimalMixingVariance(alpha: number, plannedSampleSize: number, variance: number): number {
  const b = (2 * Math.log(1 / alpha)) / Math.sqrt(plannedSampleSize * variance);
  const tail = normalCdf(-b);
  return (variance * tail) / (normalPdf(b) / b - tail);
}

/** A proportions arm beside a means arm compares nothing: every arm of every look must be of one kind. */
function requireOneArmKind(looks: readonly MsprtLook[]): void {
  const kindOf = (a: MsprtArm): string => ("visitors" in a ? "proportions" : "means");
  const first = kindOf((looks[0] as MsprtLook).control);
  const issues: InputIssue[] = [];
  for (const [i, look] of looks.entries()) {
    for (const side of ["control", "treatment"] as const) {
      if (kindOf(look[side]) !== first) {
        issues.push({
          path: ["looks", i, side],
          message: `is a ${kindOf(look[side])} arm but looks.0.control is a ${first} arm; use one kind throughout`,
          code: "custom",
        });
      }
    }
  }
  if (issues.length > 0) throw new InvalidArgumentError(FN, issues);
}

function armMoments(a: MsprtArm, look: number, side: string): { n: number; mean: number; variance: number } {
  if ("visitors" in a) {
    if (a.visitors < 1) throw degenerate(look, side);
    const p = a.conversions / a.visitors;
    return { n: a.visitors, mean: p, variance: p * (1 - p) };
  }
  if (a.n < 2) throw degenerate(look, side);
  if ("sum" in a) {
    const mean = a.sum / a.n;
    return { n: a.n, mean, variance: Math.max(0, (a.sumSquares - a.sum * mean) / (a.n - 1)) };
  }
  return { n: a.n, mean: a.mean, variance: a.sd * a.sd };
}

function degenerate(look: number, side: string): StatsError {
  return new StatsError("DEGENERATE_DATA", `${FN}: looks.${look}.${side}: needs at least 2 observations`);
}
