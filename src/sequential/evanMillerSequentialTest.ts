import * as z from "zod/mini";
import { binomialPmf } from "../distributions/binomial.js";
import { normalQuantile } from "../distributions/normal.js";
import { StatsError } from "../errors.js";
import { count, integerAtLeast, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";

const FN = "evanMillerSequentialTest";
const MAX_CONVERSIONS = 2_000_000;

const schema = z.object({
  options: z
    .strictObject(
      {
        alpha: z.optional(openUnitInterval()),
        power: z.optional(openUnitInterval()),
        relativeLift: z.optional(positiveNumber()),
        maxConversions: z.optional(
          integerAtLeast(1).check(z.lte(MAX_CONVERSIONS, { error: `must be <= ${MAX_CONVERSIONS}` })),
        ),
        threshold: z.optional(integerAtLeast(1)),
        treatmentConversions: z.optional(count()),
        controlConversions: z.optional(count()),
      },
      { error: "must be an options object" },
    )
    .check(
      z.superRefine((o, ctx) => {
        const push = (path: string, message: string): void => {
          ctx.issues.push({ code: "custom", message, path: [path], input: o });
        };
        const analysis = o.treatmentConversions !== undefined || o.controlConversions !== undefined;
        if (analysis) {
          if (o.treatmentConversions === undefined) push("treatmentConversions", "is required with controlConversions");
          if (o.controlConversions === undefined) push("controlConversions", "is required with treatmentConversions");
          if (o.maxConversions === undefined && o.relativeLift === undefined) {
            push("maxConversions", "is required for an analysis (or give relativeLift to design it)");
          }
        } else {
          if (o.relativeLift === undefined) push("relativeLift", "is required to design the test");
          if (o.threshold !== undefined) push("threshold", "is only used with conversion counts");
        }
        if (o.threshold !== undefined && o.maxConversions !== undefined && o.threshold > o.maxConversions) {
          push("threshold", "must be <= maxConversions");
        }
      }),
    ),
});

/**
 * Options of {@link evanMillerSequentialTest}: give `relativeLift` (and `power`) to design the test, and the
 * conversion counts to analyse one.
 *
 * @public
 */
export interface EvanMillerOptions {
  /**
   * One-sided type I error.
   * @defaultValue 0.05
   */
  readonly alpha?: number;
  /**
   * Power at `relativeLift`, for the design.
   * @defaultValue 0.8
   */
  readonly power?: number;
  /** Relative lift p_T/p_C − 1 (> 0) the design must detect. */
  readonly relativeLift?: number;
  /** N: stop with no winner when T + C reaches it (from the design when omitted). */
  readonly maxConversions?: number;
  /** d: stop for the treatment when T − C reaches it (the smallest d with exact α(N, d) ≤ alpha when omitted). */
  readonly threshold?: number;
  /** T: conversions in treatment so far. */
  readonly treatmentConversions?: number;
  /** C: conversions in control so far. */
  readonly controlConversions?: number;
}

/** Result of {@link evanMillerSequentialTest}. @public */
export interface EvanMillerResult {
  /** The procedure in words. */
  readonly method: string;
  /** Target one-sided alpha. */
  readonly alpha: number;
  /** N. */
  readonly maxConversions: number;
  /** d. */
  readonly threshold: number;
  /** Exact type I error α(N, d) of the rule. */
  readonly attainedAlpha: number;
  /** Exact power at `relativeLift`, when given. */
  readonly attainedPower?: number;
  /** The lift used for the power. */
  readonly relativeLift?: number;
  /** With counts: "treatment wins" (T − C ≥ d), "no winner" (T + C ≥ N), else "continue". */
  readonly decision?: "treatment wins" | "no winner" | "continue";
}

/**
 * Evan Miller's simple sequential A/B test for conversions: stop for the treatment when T − C ≥ d, stop
 * with no winner when T + C ≥ N, with d and N from the exact random-walk probabilities.
 *
 * @remarks
 * Given a conversion, it comes from treatment with probability ½ under H0 and q = (1 + δ)/(2 + δ) when
 * p_T/p_C = 1 + δ (equal allocation), so T − C is a simple random walk in the number of conversions. By the
 * ballot theorem the first passage to +d happens at step n with probability (d/n)·C(n, (n + d)/2)·q^{(n+d)/2}(1 − q)^{(n−d)/2}:
 *
 * ```math
 * \alpha(N, d) = \sum_{n=d}^{N} \frac{d}{n}\binom{n}{\frac{n+d}{2}} 2^{-n},\qquad
 * \text{power}(N, d, \delta) = \sum_{n=d}^{N} \frac{d}{n}\binom{n}{\frac{n+d}{2}} q^{\frac{n+d}{2}}(1-q)^{\frac{n-d}{2}}
 * ```
 *
 * (terms with n − d odd are 0). The design is the smallest N, with the smallest d such that
 * α(N, d) ≤ alpha, whose power reaches the target; d ≈ z_{1−α/2}√N by the reflection principle (≈ 2√N).
 *
 * Method: each term is (d/n)·Binomial(n, q) mass at (n + d)/2 (Loader's saddle point, O(1)); α(N, d) is
 * O(N); the design searches N by bisection over the smallest d for each N (power is saw-toothed in N, so the
 * result is the smallest N found by the bisection with power ≥ target, verified exactly). N up to 2,000,000.
 * The rule is one-sided (a "control wins" branch doubles α) and ignores non-converting units.
 *
 * Conforms to the exact values in evanmiller.org/sequential-ab-testing.html (N = 1000 needs d = 62 at
 * α = 0.05; N = 100: 20; 500: 44; 5000: 139).
 *
 * @reference Miller, Evan. 2015. "Simple Sequential A/B Testing." https://www.evanmiller.org/sequential-ab-testing.html
 *
 * @param options - See {@link EvanMillerOptions}.
 * @returns An {@link EvanMillerResult}.
 * @throws {@link InvalidArgumentError} if a level is outside (0, 1), counts are not integers, or neither a
 * design (`relativeLift`) nor an analysis (counts with `maxConversions`) is specified.
 * @throws {@link StatsError} `"NO_SOLUTION"` if no N up to 2,000,000 reaches the power.
 *
 * @example
 * ```ts
 * evanMillerSequentialTest({ maxConversions: 1000, treatmentConversions: 40, controlConversions: 20 });
 * // ≈ { threshold: 62, attainedAlpha: 0.0497, decision: "continue", ... }
 * evanMillerSequentialTest({ relativeLift: 0.2, power: 0.8 });
 * // ≈ { maxConversions: 821, threshold: 57, attainedAlpha: 0.04673, attainedPower: 0.80121, ... }
 * ```
 * @public
 */
export function evanMillerSequentialTest(options: EvanMillerOptions): EvanMillerResult {
  const o = parseArguments(FN, schema, { options }).options;
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  let maxConversions = o.maxConversions;
  let threshold = o.threshold;
  if (maxConversions === undefined) {
    const design = designRule(alpha, power, o.relativeLift as number);
    maxConversions = design.n;
    threshold = design.d;
  }
  threshold ??= smallestThreshold(maxConversions, alpha);
  const q = o.relativeLift === undefined ? undefined : (1 + o.relativeLift) / (2 + o.relativeLift);
  const result: EvanMillerResult = {
    method: "Evan Miller's sequential A/B test (one-sided, conversions only)",
    alpha,
    maxConversions,
    threshold,
    attainedAlpha: passageProbability(maxConversions, threshold, 0.5),
    ...(q === undefined
      ? {}
      : { attainedPower: passageProbability(maxConversions, threshold, q), relativeLift: o.relativeLift as number }),
  };
  if (o.treatmentConversions === undefined || o.controlConversions === undefined) return result;
  const t = o.treatmentConversions;
  const c = o.controlConversions;
  const decision = t - c >= threshold ? "treatment wins" : t + c >= maxConversions ? "no winner" : "continue";
  return { ...result, decision };
}

/** P(the walk with up-probability q reaches +d within N steps) = Σ_n (d/n)·Binomial(n, q) mass at (n + d)/2. */
function passageProbability(maxSteps: number, d: number, q: number): number {
  let sum = 0;
  for (let n = d; n <= maxSteps; n += 2) sum += (d / n) * binomialPmf((n + d) / 2, n, q);
  return Math.min(1, sum);
}

/** The smallest d with α(N, d) ≤ alpha. */
function smallestThreshold(maxSteps: number, alpha: number): number {
  // α(N, d) decreases in d; start at the reflection-principle value z_{1−α/2}·√N and walk.
  let d = Math.max(1, Math.min(maxSteps, Math.round(-normalQuantile(alpha / 2) * Math.sqrt(maxSteps))));
  while (d > 1 && passageProbability(maxSteps, d - 1, 0.5) <= alpha) d--;
  while (passageProbability(maxSteps, d, 0.5) > alpha) d++;
  return d;
}

function designRule(alpha: number, power: number, lift: number): { n: number; d: number } {
  const q = (1 + lift) / (2 + lift);
  const reaches = (n: number): { ok: boolean; d: number } => {
    const d = smallestThreshold(n, alpha);
    return { ok: d <= n && passageProbability(n, d, q) >= power, d };
  };
  let hi = 16;
  while (!reaches(hi).ok) {
    if (hi >= MAX_CONVERSIONS)
      throw new StatsError("NO_SOLUTION", `${FN}: no N up to ${MAX_CONVERSIONS} reaches the power`);
    hi = Math.min(MAX_CONVERSIONS, hi * 2);
  }
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid).ok) hi = mid;
    else lo = mid;
  }
  return { n: hi, d: reaches(hi).d };
}
