/**
 * Result types shared by the A/B readouts of `experiment-stats/significance`.
 *
 * @packageDocumentation
 */
import type { Alternative, ConfidenceInterval } from "../types.js";

/**
 * An estimated effect with its standard error and confidence interval.
 *
 * @public
 */
export interface EffectEstimate {
  /** Point estimate (treatment minus control, or the relative lift). */
  readonly estimate: number;
  /** Standard error of the estimate. */
  readonly standardError: number;
  /** Confidence interval at the requested level; one-sided intervals have one infinite bound. */
  readonly confidenceInterval: ConfidenceInterval;
}

/**
 * How the interval for the relative lift was built.
 *
 * - `"delta"`: estimate ± critical value × delta-method standard error.
 * - `"fieller"`: Fieller's exact set for the ratio of means (Fieller 1954), minus 1.
 * - `"log"`: interval for the risk ratio on the log scale, minus 1 (proportions only).
 *
 * @public
 */
export type RelativeIntervalMethod = "delta" | "fieller" | "log";

/**
 * The relative lift `(treatment − control) / |control|` with its own test.
 *
 * @public
 */
export interface RelativeLiftEstimate extends EffectEstimate {
  /** How {@link EffectEstimate.confidenceInterval} was built. */
  readonly intervalMethod: RelativeIntervalMethod;
  /**
   * `false` when a Fieller set is not a bounded interval (the control mean is not significantly
   * different from 0 at the requested level); the interval is then `(-Infinity, Infinity)`.
   */
  readonly bounded: boolean;
  /** `(estimate − nullValue / |control mean|) / standardError`, the delta-method statistic. */
  readonly statistic: number;
  /** p-value of the delta-method test of the relative lift (what GrowthBook reports). */
  readonly pValue: number;
}

/**
 * Fields shared by the A/B readouts (`compareProportions`, `compareMeans`, `compareRatios`).
 *
 * @public
 */
export interface ReadoutResult {
  /** The procedure in words, e.g. `"Welch two-sample t-test"`. */
  readonly method: string;
  /** Direction of the alternative hypothesis (treatment minus control). */
  readonly alternative: Alternative;
  /** Level of the confidence intervals. */
  readonly confidenceLevel: number;
  /** Difference (treatment minus control) under the null hypothesis. */
  readonly nullValue: number;
  /** Treatment minus control. */
  readonly difference: EffectEstimate;
  /** (treatment − control) / |control|. */
  readonly relativeLift: RelativeLiftEstimate;
  /** The test statistic (z or t). */
  readonly statistic: number;
  /** p-value of the test of the difference against `nullValue`. */
  readonly pValue: number;
}
