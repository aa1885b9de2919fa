import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { alternative, finiteNumber, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";
import type { Alternative, ConfidenceInterval } from "../types.js";
import { logMixtureRatio, mixtureHalfWidth } from "./mixture.js";

const FN = "confidenceSequence";

const schema = z.object({
  estimate: z.object(
    {
      estimate: finiteNumber(),
      standardError: positiveNumber(),
      sampleSize: positiveNumber(),
    },
    { error: "must be an object { estimate, standardError, sampleSize }" },
  ),
  options: z.strictObject(
    {
      tuningSampleSize: z.optional(positiveNumber()),
      confidenceLevel: z.optional(openUnitInterval()),
      alternative: z.optional(alternative()),
      nullValue: z.optional(finiteNumber()),
    },
    { error: "must be an options object" },
  ),
});

/**
 * An estimate with its standard error and the number of units behind it, e.g. a readout of
 * `compareMeans`, `compareProportions` or `compareRatios` (CUPED included) with `sampleSize` added.
 * Extra fields are ignored, so a readout can be passed as `{ ...readout, sampleSize }`.
 *
 * @public
 */
export interface SequentialEstimate {
  /** The effect estimate (absolute or relative, treatment minus control). */
  readonly estimate: number;
  /** Its standard error (> 0). */
  readonly standardError: number;
  /** Units in the two compared arms together, N = n_A + n_B (> 0). */
  readonly sampleSize: number;
}

/**
 * Options of {@link confidenceSequence}.
 *
 * @public
 */
export interface ConfidenceSequenceOptions {
  /**
   * N*: total units (both compared arms) at which a decision is expected; the sequence is narrowest
   * there. Fix it before the experiment starts. Eppo's default corresponds to 10,000.
   * @defaultValue 5000
   */
  readonly tuningSampleSize?: number;
  /**
   * Coverage 1 − α, uniformly over time.
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Direction of the alternative (one-sided sequences spend all of α on one side).
   * @defaultValue "two-sided"
   */
  readonly alternative?: Alternative;
  /**
   * Effect under H0 for the p-value.
   * @defaultValue 0
   */
  readonly nullValue?: number;
}

/**
 * An always-valid confidence interval and p-value at one look.
 *
 * @public
 */
export interface ConfidenceSequenceResult {
  /** The procedure in words. */
  readonly method: string;
  /** The effect estimate echoed. */
  readonly estimate: number;
  /** Its standard error echoed. */
  readonly standardError: number;
  /** N echoed. */
  readonly sampleSize: number;
  /** N* used. */
  readonly tuningSampleSize: number;
  /** Direction of the alternative. */
  readonly alternative: Alternative;
  /** Effect under H0. */
  readonly nullValue: number;
  /** The mixing parameter ρ (GrowthBook's parameterisation: ρ² = (−2 ln α′ + ln(1 − 2 ln α′))/N*). */
  readonly mixingParameter: number;
  /** Half-width over standard error: the multiplier that replaces z_{1−α/2}. */
  readonly multiplier: number;
  /** The confidence sequence at this look; one-sided sequences have one infinite end. */
  readonly confidenceInterval: ConfidenceInterval;
  /** The smallest α at which the level-(1 − α) sequence (with the same ρ) excludes `nullValue`. */
  readonly pValue: number;
}

/**
 * Asymptotic normal-mixture confidence sequence (Waudby-Smith et al.) in GrowthBook's parameterisation:
 * an interval for the effect that is valid at every sample size at once, so it may be checked continuously.
 *
 * @remarks
 * With N units, standard error SE, s² = SE²·N and ρ² = (−2 ln α′ + ln(1 − 2 ln α′))/N* (α′ = α two-sided,
 * 2α one-sided):
 *
 * ```math
 * \begin{aligned}
 * \text{two-sided: }& \hat\theta \pm s\sqrt{\tfrac{2(N\rho^2+1)}{N^2\rho^2}\,\ln\tfrac{\sqrt{N\rho^2+1}}{\alpha}}\\
 * \text{one-sided: }& \hat\theta - s\sqrt{\tfrac{2(N\rho^2+1)}{N^2\rho^2}\,\ln\Bigl(1+\tfrac{\sqrt{N\rho^2+1}}{2\alpha}\Bigr)}\\
 * p_{\text{two-sided}} &= \min\Bigl(1, \sqrt{N\rho^2+1}\;e^{-\frac{N\rho^2 z^2}{2(N\rho^2+1)}}\Bigr),\quad z = (\hat\theta-\theta_0)/SE
 * \end{aligned}
 * ```
 *
 * The two-sided p-value is 1/Λ with Λ the normal-mixture likelihood ratio (mixing variance SE²·Nρ²), so
 * rejecting when p ≤ α is Ville's inequality. The one-sided p-value inverts the one-sided bound with ρ held
 * at the value set by `confidenceLevel` (closed form), capped at 1. Eppo's sequential intervals are the
 * same boundary with N* = N_tune = 10,000 (σ̂ taken as the standard error). The optimal mixing parameter
 * makes the sequence narrowest at N = N*: the multiplier there is 3.035 at α = 0.05 (vs 1.960 fixed-n).
 *
 * Method: closed forms (log1p, no cancellation). Stateless: each call is one look; the p-value is not a
 * running minimum (use {@link msprt} for monotone always-valid p-values over looks), and "ever crossed" is
 * the valid decision rule.
 *
 * Conforms to GrowthBook `SequentialTwoSidedTTest` / `SequentialOneSided*TTest` (intervals to all printed
 * digits; the one-sided p-value differs from GrowthBook's numerical search in the fourth decimal: here it is
 * the exact inversion with ρ fixed); test vectors in `test/sequential/confidenceSequence.test.ts`.
 *
 * @reference Waudby-Smith, Ian, David Arbour, Ritwik Sinha, Edward H. Kennedy, and Aaditya Ramdas. 2024.
 * "Time-Uniform Central Limit Theory and Asymptotic Confidence Sequences." _Annals of Statistics_ 52 (6):
 * 2613–40. doi:10.1214/24-AOS2408
 * @reference Howard, Steven R., Aaditya Ramdas, Jon McAuliffe, and Jasjeet Sekhon. 2021. "Time-Uniform,
 * Nonparametric, Nonasymptotic Confidence Sequences." _Annals of Statistics_ 49 (2): 1055–80.
 * doi:10.1214/20-AOS1991
 *
 * @param estimate - See {@link SequentialEstimate}.
 * @param options - See {@link ConfidenceSequenceOptions}.
 * @returns A {@link ConfidenceSequenceResult}.
 * @throws {@link InvalidArgumentError} if the estimate is not finite, the standard error or sample size is
 * not > 0, or an option is out of range.
 * @throws {@link StatsError} `"NO_SOLUTION"` for a one-sided sequence at confidence level ≤ 0.5 (2α ≥ 1
 * leaves no mixing parameter).
 *
 * @example
 * ```ts
 * const r = confidenceSequence(
 *   { estimate: 0.23437666666666668, standardError: 0.12983081254184736, sampleSize: 6461 },
 *   { alternative: "greater" },
 * );
 * r.confidenceInterval.lower; // ≈ -0.12657
 * r.pValue;                   // ≈ 0.46305
 * ```
 * @public
 */
export function confidenceSequence(
  estimate: SequentialEstimate,
  options: ConfidenceSequenceOptions = {},
): ConfidenceSequenceResult {
  const args = parseArguments(FN, schema, { estimate, options });
  const { estimate: theta, standardError: se, sampleSize: n } = args.estimate;
  const o = args.options;
  const tuningSampleSize = o.tuningSampleSize ?? 5000;
  const level = o.confidenceLevel ?? 0.95;
  const alt: Alternative = o.alternative ?? "two-sided";
  const nullValue = o.nullValue ?? 0;
  const alpha = 1 - level;
  const twoSided = alt === "two-sided";
  const alphaPrime = twoSided ? alpha : 2 * alpha;
  if (!(alphaPrime < 1)) {
    throw new StatsError("NO_SOLUTION", `${FN}: a one-sided sequence needs confidenceLevel > 0.5`);
  }
  const rho = growthBookRho(alphaPrime, tuningSampleSize);
  const nr2 = n * rho * rho;
  const diff = theta - nullValue;
  let multiplier: number;
  let pValue: number;
  if (twoSided) {
    // Mixing variance in estimate units: SE²·Nρ².
    multiplier = mixtureHalfWidth(1, nr2, alpha);
    pValue = Math.min(1, Math.exp(-logMixtureRatio(diff / se, 1, nr2)));
  } else {
    // (2(Nρ² + 1)/(Nρ²)) · ln(1 + √(Nρ² + 1)/(2α)), in SE units.
    const scale = (2 * (nr2 + 1)) / nr2;
    multiplier = Math.sqrt(scale * Math.log1p(Math.sqrt(nr2 + 1) / (2 * alpha)));
    const signed = alt === "greater" ? diff / se : -diff / se;
    // Invert scale·ln(1 + √(Nρ²+1)/(2a)) = z² for a (z > 0).
    pValue = signed > 0 ? Math.min(1, Math.sqrt(nr2 + 1) / (2 * Math.expm1((signed * signed) / scale))) : 1;
  }
  const halfWidth = multiplier * se;
  const confidenceInterval: ConfidenceInterval = {
    lower: alt === "less" ? Number.NEGATIVE_INFINITY : theta - halfWidth,
    upper: alt === "greater" ? Number.POSITIVE_INFINITY : theta + halfWidth,
    level,
  };
  return {
    method: `Asymptotic normal-mixture confidence sequence (${twoSided ? "two-sided" : "one-sided"}, N* = ${tuningSampleSize})`,
    estimate: theta,
    standardError: se,
    sampleSize: n,
    tuningSampleSize,
    alternative: alt,
    nullValue,
    mixingParameter: rho,
    multiplier,
    confidenceInterval,
    pValue,
  };
}

/** ρ = √((−2 ln α′ + ln(1 − 2 ln α′))/N*) (Waudby-Smith et al. eq. 161; GrowthBook `sequential_rho`). */
function growthBookRho(alphaPrime: number, tuningSampleSize: number): number {
  const l = Math.log(alphaPrime);
  return Math.sqrt((-2 * l + Math.log1p(-2 * l)) / tuningSampleSize);
}
