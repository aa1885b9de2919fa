/**
 * Private helpers of `experiment-stats/bayesian`: the data forms a mean-metric arm may take, and their
 * reduction to (n, mean, per-unit variance).
 *
 * @remarks
 * The forms, schemas and moments are those of `internal/meanArm` (shared with `significance/compareMeans`):
 * a raw sample, `{ n, mean, sd }`, `{ n, sum, sumSquares }`, and proportions `{ visitors, conversions }`
 * with GrowthBook's per-unit variance p(1 − p).
 *
 * @packageDocumentation
 * @internal
 */
import type * as z from "zod/mini";
import { type MeanDataForms, meanArmMoments, meanArmSchema as sharedArmSchema } from "../internal/meanArm.js";
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

const FORMS: MeanDataForms = {
  message: MEAN_DATA_FORMS,
  covariate: false,
  proportion: true,
  finitenessFromMoments: false,
};

/** The schema for one arm, chosen by the shape of `value` so messages name the right fields. @internal */
export function meanArmSchema(value: unknown): z.ZodMiniType<unknown> {
  return sharedArmSchema(value, FORMS);
}

/**
 * Size, mean and per-unit variance of a validated arm: sample moments (variance with n − 1), the summary as
 * given, moments from the sums, or p̂ and p̂(1 − p̂) for a proportion (GrowthBook's convention, no n − 1).
 * @internal
 */
export function armMoments(arm: BayesianMeanData): ArmMoments {
  return meanArmMoments(arm).y;
}
