/**
 * The data forms a mean-metric arm of `experiment-stats/bayesian` may take.
 *
 * @remarks
 * Schemas and moments are those of `internal/meanArm` (shared with `significance/compareMeans`): a raw
 * sample, `{ n, mean, sd }`, `{ n, sum, sumSquares }`, and proportions `{ visitors, conversions }` with
 * GrowthBook's per-unit variance p(1 − p); `bayesianMeans` states which forms it accepts.
 *
 * @packageDocumentation
 * @internal
 */
import type { Moments } from "../internal/moments.js";
import type { MeanSummary, ProportionData, SufficientStatistics } from "../types.js";

/**
 * The data of one arm for a normal-model analysis: a raw sample, a summary `{ n, mean, sd }`, sufficient
 * statistics `{ n, sum, sumSquares }`, or a proportion `{ visitors, conversions }`.
 *
 * @public
 */
export type BayesianMeanData = ArrayLike<number> | MeanSummary | SufficientStatistics | ProportionData;

/** Size, mean and per-unit variance of an arm. @internal */
export type ArmMoments = Moments;

/** Message for data in none of the accepted forms. @internal */
export const MEAN_DATA_FORMS =
  "must be a sample of at least 2 finite numbers, { n, mean, sd }, { n, sum, sumSquares } or { visitors, conversions }";
