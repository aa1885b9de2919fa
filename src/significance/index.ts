/**
 * Frequentist tests and A/B readouts: effects, relative lifts, intervals and p-values.
 *
 * @packageDocumentation
 */

export {
  type AdjustPValuesResult,
  adjustPValues,
  type PValueAdjustment,
  type PValueAdjustmentName,
} from "./adjustPValues.js";
export {
  type BootstrapConfidenceIntervalOptions,
  type BootstrapConfidenceIntervalResult,
  bootstrapConfidenceInterval,
} from "./bootstrapConfidenceInterval.js";
export { type ChiSquareTestOptions, type ChiSquareTestResult, chiSquareTest } from "./chiSquareTest.js";
export {
  type CompareMeansOptions,
  type CompareMeansResult,
  type CupedSummary,
  compareMeans,
  type MeanArmSummary,
  type MeanData,
  type MeanSufficientStatistics,
  type SampleWithCovariate,
} from "./compareMeans.js";
export {
  type CompareProportionsOptions,
  type CompareProportionsResult,
  compareProportions,
  type ProportionArmSummary,
} from "./compareProportions.js";
export {
  type CompareRatiosOptions,
  type CompareRatiosResult,
  compareRatios,
  type RatioArmSummary,
  type RatioCovariateSums,
  type RatioData,
} from "./compareRatios.js";
export { type FisherExactTestOptions, type FisherExactTestResult, fisherExactTest } from "./fisherExactTest.js";
export { type MannWhitneyUTestOptions, type MannWhitneyUTestResult, mannWhitneyUTest } from "./mannWhitneyUTest.js";
export { type PermutationTestOptions, type PermutationTestResult, permutationTest } from "./permutationTest.js";
export {
  type ProportionConfidenceIntervalOptions,
  type ProportionConfidenceIntervalResult,
  type ProportionIntervalMethod,
  proportionConfidenceInterval,
} from "./proportionConfidenceInterval.js";
export type { TwoSampleStatistic } from "./resampling.js";
export {
  type SampleRatioMismatchTestOptions,
  type SampleRatioMismatchTestResult,
  sampleRatioMismatchTest,
} from "./sampleRatioMismatchTest.js";
export type { EffectEstimate, ReadoutResult, RelativeIntervalMethod, RelativeLiftEstimate } from "./types.js";
