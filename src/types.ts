/**
 * Types shared by every area.
 *
 * @packageDocumentation
 */

/**
 * Direction of the alternative hypothesis. The effect is always treatment minus control, so
 * `"greater"` means the treatment is above the control.
 *
 * @public
 */
export type Alternative = "two-sided" | "less" | "greater";

/**
 * A confidence (or credible) interval. One-sided intervals use `-Infinity` or `Infinity` for the open side.
 *
 * @public
 */
export interface ConfidenceInterval {
  /** Lower bound; `-Infinity` when open. */
  readonly lower: number;
  /** Upper bound; `Infinity` when open. */
  readonly upper: number;
  /** Coverage, a fraction such as 0.95. */
  readonly level: number;
}

/**
 * Conversions out of visitors in one arm of an experiment.
 *
 * @public
 */
export interface ProportionData {
  /** Units exposed (an integer >= 0). */
  readonly visitors: number;
  /** Units that converted (an integer, 0 <= conversions <= visitors). */
  readonly conversions: number;
}

/**
 * A metric summarised by its size, mean and standard deviation.
 *
 * @public
 */
export interface MeanSummary {
  /** Number of observations. */
  readonly n: number;
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation (denominator n - 1). */
  readonly sd: number;
}

/**
 * Sufficient statistics of a metric, as a warehouse query returns them.
 *
 * @public
 */
export interface SufficientStatistics {
  /** Number of observations. */
  readonly n: number;
  /** Sum of the values. */
  readonly sum: number;
  /** Sum of the squared values. */
  readonly sumSquares: number;
}
