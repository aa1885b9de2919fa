/**
 * Private helpers shared by the procedures of `experiment-stats/significance`: the one place where a
 * statistic becomes a p-value for an alternative, where a critical value becomes an interval, and where
 * a relative lift gets its delta-method or Fieller interval.
 *
 * @packageDocumentation
 * @internal
 */
import { normalCdf, normalQuantile, normalSf } from "../distributions/normal.js";
import { studentTCdf, studentTQuantile, studentTSf } from "../distributions/studentT.js";
import { StatsError } from "../errors.js";
import type { Alternative, ConfidenceInterval } from "../types.js";
import type { EffectEstimate, RelativeIntervalMethod, RelativeLiftEstimate } from "./types.js";

/** The reference distribution of a test statistic. @internal */
export interface ReferenceDistribution {
  /** P(X <= x). */
  readonly cdf: (x: number) => number;
  /** P(X > x), computed directly (never 1 − cdf). */
  readonly sf: (x: number) => number;
  /** Lower-tail quantile. */
  readonly quantile: (p: number) => number;
}

/** The standard normal law. @internal */
export const standardNormal: ReferenceDistribution = {
  cdf: (x) => normalCdf(x, 0, 1),
  sf: (x) => normalSf(x, 0, 1),
  quantile: (p) => normalQuantile(p, 0, 1),
};

/** Student's t law with `df` degrees of freedom. @internal */
export function studentT(df: number): ReferenceDistribution {
  return {
    cdf: (x) => studentTCdf(x, df),
    sf: (x) => studentTSf(x, df),
    quantile: (p) => studentTQuantile(p, df),
  };
}

/**
 * p-value of a statistic for an alternative: `2·sf(|s|)` (capped at 1), `cdf(s)` or `sf(s)`.
 * @internal
 */
export function pValueFor(statistic: number, alternative: Alternative, distribution: ReferenceDistribution): number {
  if (alternative === "less") return distribution.cdf(statistic);
  if (alternative === "greater") return distribution.sf(statistic);
  return Math.min(1, 2 * distribution.sf(Math.abs(statistic)));
}

/**
 * Critical value for an interval: the upper quantile at α/2 (two-sided) or at α (one-sided), α = 1 − level.
 * Computed as `−quantile(α/2)`, which keeps full relative accuracy for levels close to 1 (where
 * `quantile((1 + level)/2)` would lose digits to rounding near 1); assumes a law symmetric about 0.
 * @internal
 */
export function criticalValue(alternative: Alternative, level: number, distribution: ReferenceDistribution): number {
  const alpha = 1 - level;
  return -distribution.quantile(alternative === "two-sided" ? alpha / 2 : alpha);
}

/**
 * Interval `estimate ± halfWidth` for an alternative (one-sided: the open side infinite), optionally
 * clipped to `[min, max]`.
 * @internal
 */
export function intervalAround(
  estimate: number,
  halfWidth: number,
  alternative: Alternative,
  level: number,
  min: number = Number.NEGATIVE_INFINITY,
  max: number = Number.POSITIVE_INFINITY,
): ConfidenceInterval {
  const lower = alternative === "less" ? Number.NEGATIVE_INFINITY : Math.max(min, estimate - halfWidth);
  const upper = alternative === "greater" ? Number.POSITIVE_INFINITY : Math.min(max, estimate + halfWidth);
  return { lower, upper, level };
}

/** A Wald-type estimate: `estimate ± q·standardError`. @internal */
export function waldEstimate(
  estimate: number,
  standardError: number,
  alternative: Alternative,
  level: number,
  distribution: ReferenceDistribution,
): EffectEstimate {
  const q = criticalValue(alternative, level, distribution);
  return {
    estimate,
    standardError,
    confidenceInterval: intervalAround(estimate, q * standardError, alternative, level),
  };
}

/** What {@link relativeLiftEstimate} needs. @internal */
export interface RelativeLiftInput {
  readonly functionName: string;
  /** Numerator of the lift: treatment minus control (CUPED-adjusted when it applies). */
  readonly difference: number;
  /** Treatment mean (unadjusted), the numerator of the Fieller ratio. */
  readonly treatmentMean: number;
  /** Control mean (unadjusted), the denominator; must not be 0. */
  readonly controlMean: number;
  /** Variance of the relative estimate (delta method), computed by the caller. */
  readonly variance: number;
  /** Variance of the treatment mean (for Fieller). */
  readonly treatmentMeanVariance: number;
  /** Variance of the control mean (for Fieller). */
  readonly controlMeanVariance: number;
  readonly method: RelativeIntervalMethod;
  /** Log-scale standard error of the ratio, for `method: "log"`. */
  readonly logStandardError?: number;
  readonly alternative: Alternative;
  readonly level: number;
  /** Absolute null value; the relative null is `nullValue / |controlMean|`. */
  readonly nullValue: number;
  readonly distribution: ReferenceDistribution;
}

/** Throws `DEGENERATE_DATA` when the control mean is 0 (no relative lift). @internal */
export function assertNonZeroControl(functionName: string, controlMean: number): void {
  if (controlMean === 0) {
    throw new StatsError(
      "DEGENERATE_DATA",
      `${functionName}: the control mean is 0, so the relative lift (treatment − control) / |control| is undefined`,
    );
  }
}

/**
 * Relative lift `(difference)/|controlMean|` with its delta-method standard error, its delta-method
 * test, and an interval by the delta method, Fieller's theorem or the log risk ratio.
 * @internal
 */
export function relativeLiftEstimate(input: RelativeLiftInput): RelativeLiftEstimate {
  const { controlMean, alternative, level, distribution } = input;
  assertNonZeroControl(input.functionName, controlMean);
  const scale = Math.abs(controlMean);
  const estimate = input.difference / scale;
  const standardError = Math.sqrt(input.variance);
  const statistic = (estimate - input.nullValue / scale) / standardError;
  const pValue = pValueFor(statistic, alternative, distribution);
  const q = criticalValue(alternative, level, distribution);
  let confidenceInterval: ConfidenceInterval;
  let bounded = true;
  if (input.method === "delta") {
    confidenceInterval = intervalAround(estimate, q * standardError, alternative, level);
  } else if (input.method === "log") {
    const logRatio = Math.log1p(estimate);
    const halfWidth = q * (input.logStandardError ?? Number.NaN);
    confidenceInterval = {
      lower: alternative === "less" ? Number.NEGATIVE_INFINITY : Math.expm1(logRatio - halfWidth),
      upper: alternative === "greater" ? Number.POSITIVE_INFINITY : Math.expm1(logRatio + halfWidth),
      level,
    };
  } else {
    const fieller = fiellerLiftInterval(
      input.treatmentMean,
      controlMean,
      input.treatmentMeanVariance,
      input.controlMeanVariance,
      q,
    );
    bounded = fieller !== undefined;
    const lower = fieller?.lower ?? Number.NEGATIVE_INFINITY;
    const upper = fieller?.upper ?? Number.POSITIVE_INFINITY;
    confidenceInterval = {
      lower: alternative === "less" ? Number.NEGATIVE_INFINITY : lower,
      upper: alternative === "greater" ? Number.POSITIVE_INFINITY : upper,
      level,
    };
  }
  return { estimate, standardError, confidenceInterval, intervalMethod: input.method, bounded, statistic, pValue };
}

/**
 * Fieller's interval for the lift `(a − b)/|b|` of independent means a (treatment) and b (control)
 * with variances `va`, `vb` and critical value q; `undefined` when the set is unbounded (g >= 1).
 * @internal
 */
export function fiellerLiftInterval(
  a: number,
  b: number,
  va: number,
  vb: number,
  q: number,
): { lower: number; upper: number } | undefined {
  const g = (q * q * vb) / (b * b);
  if (!(g < 1)) return undefined;
  const ratio = a / b;
  const ratioMinusOne = (a - b) / b;
  const half = (q / Math.abs(b)) * Math.sqrt((1 - g) * va + ratio * ratio * vb);
  // ρ_L − 1 and ρ_U − 1 written without cancellation: (ρ̂ − 1 + g ∓ half)/(1 − g).
  const lowerRatioMinusOne = (ratioMinusOne + g - half) / (1 - g);
  const upperRatioMinusOne = (ratioMinusOne + g + half) / (1 - g);
  return b > 0
    ? { lower: lowerRatioMinusOne, upper: upperRatioMinusOne }
    : { lower: -upperRatioMinusOne, upper: -lowerRatioMinusOne };
}

/** Words for an alternative, used in `method` strings. @internal */
export function describeAlternative(alternative: Alternative): string {
  return alternative === "two-sided" ? "two-sided" : `one-sided (${alternative})`;
}

/**
 * Wilson score interval for `successes` out of `trials` at critical value `q` (two-sided form: the
 * caller picks q for the level), as statsmodels `proportion_confint(method = "wilson")`.
 * @internal
 */
export function wilsonBounds(successes: number, trials: number, q: number): { lower: number; upper: number } {
  const p = successes / trials;
  const q2 = q * q;
  const denominator = 1 + q2 / trials;
  const center = (p + q2 / (2 * trials)) / denominator;
  const half = (q * Math.sqrt((p * (1 - p)) / trials + q2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the exact bound is 0 or 1; center ∓ half would leave a rounding residue there.
  return {
    lower: successes === 0 ? 0 : Math.max(0, center - half),
    upper: successes === trials ? 1 : Math.min(1, center + half),
  };
}

/**
 * Pearson's statistic Σ (|O − E| − c)²/E over paired observed and expected counts, with continuity
 * correction c (0 for none), summed with compensation.
 * @internal
 */
export function pearsonStatistic(observed: ArrayLike<number>, expected: ArrayLike<number>, correction: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i]!;
    const d = Math.abs(observed[i]! - e) - correction;
    const term = (d * d) / e;
    const t = sum + term;
    compensation += sum >= term ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
