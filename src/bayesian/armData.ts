/**
 * Private helpers of `experiment-stats/bayesian`: the data forms a mean-metric arm may take, their
 * validation schema, and their reduction to (n, mean, per-unit variance).
 *
 * @remarks
 * This mirrors the data normalisation of `significance/compareMeans` (raw sample, `{ n, mean, sd }`,
 * `{ n, sum, sumSquares }`) and adds proportions `{ visitors, conversions }` with GrowthBook's per-unit
 * variance p(1 − p). It reuses the significance area's moment formulas; the arm schema and
 * {@link armMoments} are the candidates to merge into one shared module.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import { consistentSumSquares, momentsFromSums, sampleMoments } from "../internal/moments.js";
import { count, finiteNumber, finiteSample, integerAtLeast, nonNegativeNumber } from "../internal/validate.js";
import type { MeanSummary, ProportionData, SufficientStatistics } from "../types.js";

/**
 * The data of one arm for a normal-model analysis: a raw sample, a summary `{ n, mean, sd }`, sufficient
 * statistics `{ n, sum, sumSquares }`, or a proportion `{ visitors, conversions }`.
 *
 * @public
 */
export type BayesianMeanData = ArrayLike<number> | MeanSummary | SufficientStatistics | ProportionData;

/** Size, mean and per-unit variance of an arm. @internal */
export interface ArmMoments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/** Message for data in none of the accepted forms. @internal */
export const MEAN_DATA_FORMS =
  "must be a sample of at least 2 finite numbers, { n, mean, sd }, { n, sum, sumSquares } or { visitors, conversions }";

const meanSummary = () =>
  z.strictObject({ n: integerAtLeast(2), mean: finiteNumber(), sd: nonNegativeNumber() }, { error: MEAN_DATA_FORMS });

const sufficientStatistics = () =>
  z
    .strictObject(
      { n: integerAtLeast(2), sum: finiteNumber(), sumSquares: nonNegativeNumber() },
      { error: MEAN_DATA_FORMS },
    )
    .check(
      z.refine((d) => consistentSumSquares(d.n, d.sum, d.sumSquares), {
        error: "must be >= sum^2 / n (inconsistent sums give a negative variance)",
        path: ["sumSquares"],
      }),
    );

const proportion = () =>
  z.strictObject({ visitors: integerAtLeast(1), conversions: count() }, { error: MEAN_DATA_FORMS }).check(
    z.refine((d) => d.conversions <= d.visitors, {
      error: "must be <= visitors",
      path: ["conversions"],
    }),
  );

/** The schema for one arm, chosen by the shape of `value` so messages name the right fields. @internal */
export function meanArmSchema(value: unknown): z.ZodMiniType<unknown> {
  if (Array.isArray(value) || value instanceof Float64Array) return finiteSample(2);
  if (typeof value === "object" && value !== null) {
    if ("visitors" in value || "conversions" in value) return proportion();
    if ("mean" in value || "sd" in value) return meanSummary();
    if ("sum" in value || "sumSquares" in value) return sufficientStatistics();
  }
  return z.custom<never>(() => false, { error: MEAN_DATA_FORMS });
}

/**
 * Size, mean and per-unit variance of a validated arm: sample moments (variance with n − 1), the summary as
 * given, moments from the sums, or p̂ and p̂(1 − p̂) for a proportion (GrowthBook's convention, no n − 1).
 * @internal
 */
export function armMoments(arm: BayesianMeanData): ArmMoments {
  if (Array.isArray(arm) || arm instanceof Float64Array) return sampleMoments(arm as ArrayLike<number>);
  if ("visitors" in arm) {
    const p = arm.conversions / arm.visitors;
    return { n: arm.visitors, mean: p, variance: p * (1 - p) };
  }
  if ("mean" in arm) return { n: arm.n, mean: arm.mean, variance: arm.sd * arm.sd };
  if ("sum" in arm) return momentsFromSums(arm.n, arm.sum, arm.sumSquares);
  return sampleMoments(arm as ArrayLike<number>);
}
