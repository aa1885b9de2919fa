/**
 * The data forms one arm of a mean metric may take, their validation schemas, and their reduction to
 * moments, written once for every procedure that reads mean-metric arms (`significance/compareMeans`,
 * `bayesian/bayesianMeans`).
 *
 * @remarks
 * Forms: a raw sample (array or `Float64Array`), a summary `{ n, mean, sd }`, sufficient statistics
 * `{ n, sum, sumSquares }`; on request a sample with a covariate `{ values, covariate }` and covariate sums
 * `covariateSum`, `covariateSumSquares`, `crossSum` (CUPED), or a proportion `{ visitors, conversions }`
 * with GrowthBook's per-unit variance p̂(1 − p̂) (no n − 1). Each caller names its accepted forms in its own
 * message, so a value of no accepted form is reported in the caller's words.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import type { InputIssue } from "../errors.js";
import {
  consistentSumSquares,
  covarianceFromSums,
  type Moments,
  momentsFromSums,
  pairedSampleMoments,
  sampleMoments,
} from "./moments.js";
import { count, finiteNumber, finiteSample, integerAtLeast, isFiniteSample, nonNegativeNumber } from "./validate.js";

/** Which forms a procedure accepts besides samples, summaries and sufficient statistics. @internal */
export interface MeanDataForms {
  /** The message for a value in none of the accepted forms (it lists them). */
  readonly message: string;
  /** Accept `{ values, covariate }` and the covariate sums of sufficient statistics (CUPED). */
  readonly covariate: boolean;
  /** Accept `{ visitors, conversions }` with per-unit variance p̂(1 − p̂). */
  readonly proportion: boolean;
  /**
   * Leave a raw sample's values (plain array or `Float64Array`) to the moments pass: the schema checks only
   * that it is an array of at least 2 elements, and the caller checks that the moments it gets are finite
   * (a non-number or non-finite value makes the mean or the variance non-finite, see `sampleMoments`), so
   * validation adds no pass over the sample. The caller passes {@link sampleValueIssues} to
   * `parseArguments` so that a sample's bad values are still named when another field fails the schema.
   */
  readonly finitenessFromMoments: boolean;
}

/** Mean, variance and covariance with the outcome of an arm's pre-experiment covariate. @internal */
export interface CovariateMoments {
  readonly mean: number;
  readonly variance: number;
  readonly covariance: number;
}

/** The moments of an arm's outcome, and of its covariate when it carries one. @internal */
export interface MeanArmMoments {
  readonly y: Moments;
  readonly covariate?: CovariateMoments;
}

/** An arm that passed {@link meanArmSchema}. @internal */
export type ParsedMeanArm =
  | ArrayLike<number>
  | { readonly values: ArrayLike<number>; readonly covariate: ArrayLike<number> }
  | { readonly n: number; readonly mean: number; readonly sd: number }
  | {
      readonly n: number;
      readonly sum: number;
      readonly sumSquares: number;
      readonly covariateSum?: number | undefined;
      readonly covariateSumSquares?: number | undefined;
      readonly crossSum?: number | undefined;
    }
  | { readonly visitors: number; readonly conversions: number };

/** The message of a sample that is too short or holds a non-finite value. @internal */
export const SAMPLE_MESSAGE = "must be an array of at least 2 finite numbers";

const isSampleShaped = (v: unknown): v is ArrayLike<unknown> => Array.isArray(v) || v instanceof Float64Array;

/** An array or Float64Array of at least 2 elements, whatever they hold (the moments pass checks them). */
const sampleShape = () =>
  z.custom<ArrayLike<number>>((v) => isSampleShaped(v) && v.length >= 2, { error: SAMPLE_MESSAGE });

const sampleWithCovariate = (message: string) =>
  z.strictObject({ values: finiteSample(2), covariate: finiteSample(2) }, { error: message }).check(
    z.refine((d) => d.values.length === d.covariate.length, {
      error: "must have as many values as values",
      path: ["covariate"],
    }),
  );

const meanSummary = (message: string) =>
  z.strictObject({ n: integerAtLeast(2), mean: finiteNumber(), sd: nonNegativeNumber() }, { error: message });

const consistentSums = () =>
  z.refine<{ n: number; sum: number; sumSquares: number }>((d) => consistentSumSquares(d.n, d.sum, d.sumSquares), {
    error: "must be >= sum^2 / n (inconsistent sums give a negative variance)",
    path: ["sumSquares"],
  });

const sufficientStatistics = (message: string) =>
  z
    .strictObject({ n: integerAtLeast(2), sum: finiteNumber(), sumSquares: nonNegativeNumber() }, { error: message })
    .check(consistentSums());

const sufficientStatisticsWithCovariate = (message: string) =>
  z
    .strictObject(
      {
        n: integerAtLeast(2),
        sum: finiteNumber(),
        sumSquares: nonNegativeNumber(),
        covariateSum: z.optional(finiteNumber()),
        covariateSumSquares: z.optional(nonNegativeNumber()),
        crossSum: z.optional(finiteNumber()),
      },
      { error: message },
    )
    .check(
      consistentSums(),
      z.refine(
        (d) =>
          (d.covariateSum === undefined) === (d.covariateSumSquares === undefined) &&
          (d.covariateSum === undefined) === (d.crossSum === undefined),
        { error: "covariateSum, covariateSumSquares and crossSum go together (all or none)", path: ["covariateSum"] },
      ),
      z.refine(
        (d) =>
          d.covariateSum === undefined ||
          d.covariateSumSquares === undefined ||
          consistentSumSquares(d.n, d.covariateSum, d.covariateSumSquares),
        { error: "must be >= covariateSum^2 / n", path: ["covariateSumSquares"] },
      ),
    );

const proportion = (message: string) =>
  z
    .strictObject({ visitors: integerAtLeast(1), conversions: count() }, { error: message })
    .check(z.refine((d) => d.conversions <= d.visitors, { error: "must be <= visitors", path: ["conversions"] }));

type ArmForm =
  | "sampleShape"
  | "sample"
  | "sampleWithCovariate"
  | "proportion"
  | "summary"
  | "sufficientStatistics"
  | "sufficientStatisticsWithCovariate"
  | "none";

function armForm(value: unknown, forms: MeanDataForms): ArmForm {
  if (isSampleShaped(value)) return forms.finitenessFromMoments ? "sampleShape" : "sample";
  if (typeof value === "object" && value !== null) {
    if (forms.covariate && ("values" in value || "covariate" in value)) return "sampleWithCovariate";
    if (forms.proportion && ("visitors" in value || "conversions" in value)) return "proportion";
    if ("mean" in value || "sd" in value) return "summary";
    if ("sum" in value || "sumSquares" in value) {
      return forms.covariate ? "sufficientStatisticsWithCovariate" : "sufficientStatistics";
    }
  }
  return "none";
}

function buildSchema(form: ArmForm, message: string): z.ZodMiniType<unknown> {
  switch (form) {
    case "sampleShape":
      return sampleShape();
    case "sample":
      return finiteSample(2);
    case "sampleWithCovariate":
      return sampleWithCovariate(message);
    case "proportion":
      return proportion(message);
    case "summary":
      return meanSummary(message);
    case "sufficientStatistics":
      return sufficientStatistics(message);
    case "sufficientStatisticsWithCovariate":
      return sufficientStatisticsWithCovariate(message);
    case "none":
      return z.custom<never>(() => false, { error: message });
  }
}

/** Schemas built once per caller and form: building a zod schema costs more than parsing a small arm. */
const schemas = new WeakMap<MeanDataForms, Map<ArmForm, z.ZodMiniType<unknown>>>();

/**
 * The schema for one arm, chosen by the shape of `value` so that messages name the fields of the form the
 * caller meant; a value of no accepted form fails with `forms.message`. The same schema object is returned
 * for every value of one form (for one `forms` object), so callers may cache what they build on it.
 * @internal
 */
export function meanArmSchema(value: unknown, forms: MeanDataForms): z.ZodMiniType<unknown> {
  const form = armForm(value, forms);
  let byForm = schemas.get(forms);
  if (byForm === undefined) {
    byForm = new Map();
    schemas.set(forms, byForm);
  }
  let schema = byForm.get(form);
  if (schema === undefined) {
    schema = buildSchema(form, forms.message);
    byForm.set(form, schema);
  }
  return schema;
}

/**
 * Issues for the raw samples among `arms` (keyed by argument name) that are long enough but hold a
 * non-number or non-finite value, when `forms` leaves values to the moments pass; none otherwise. For the
 * failure path of `parseArguments` only: it reads every value again.
 * @internal
 */
export function sampleValueIssues(arms: Readonly<Record<string, unknown>>, forms: MeanDataForms): InputIssue[] {
  if (!forms.finitenessFromMoments) return [];
  const issues: InputIssue[] = [];
  for (const [name, value] of Object.entries(arms)) {
    if (isSampleShaped(value) && value.length >= 2 && !isFiniteSample(value, 2)) {
      issues.push({ path: [name], message: SAMPLE_MESSAGE });
    }
  }
  return issues;
}

/**
 * The moments of a validated arm: sample moments (variance with n − 1, covariance by two passes), the
 * summary as given (variance sd²), moments from the sums (with the covariate's when all three covariate
 * sums are present), or p̂ and p̂(1 − p̂) for a proportion.
 * @internal
 */
export function meanArmMoments(arm: ParsedMeanArm): MeanArmMoments {
  if (Array.isArray(arm) || arm instanceof Float64Array) return { y: sampleMoments(arm as ArrayLike<number>) };
  if ("visitors" in arm) {
    const p = arm.conversions / arm.visitors;
    return { y: { n: arm.visitors, mean: p, variance: p * (1 - p) } };
  }
  if ("values" in arm) {
    const m = pairedSampleMoments(arm.values, arm.covariate);
    return { y: m.y, covariate: { mean: m.x.mean, variance: m.x.variance, covariance: m.covariance } };
  }
  if ("mean" in arm) return { y: { n: arm.n, mean: arm.mean, variance: arm.sd * arm.sd } };
  if (!("sum" in arm)) return { y: sampleMoments(arm as ArrayLike<number>) };
  const y = momentsFromSums(arm.n, arm.sum, arm.sumSquares);
  if (arm.covariateSum === undefined || arm.covariateSumSquares === undefined || arm.crossSum === undefined) {
    return { y };
  }
  const x = momentsFromSums(arm.n, arm.covariateSum, arm.covariateSumSquares);
  return {
    y,
    covariate: {
      mean: x.mean,
      variance: x.variance,
      covariance: covarianceFromSums(arm.n, arm.sum, arm.covariateSum, arm.crossSum),
    },
  };
}
