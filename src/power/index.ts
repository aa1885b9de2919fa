/**
 * Planning an experiment: sample size, power and minimum detectable effect for proportions and means, the
 * duration that traffic allows, and power week by week.
 *
 * @packageDocumentation
 */
export {
  type ExperimentDurationOptions,
  type ExperimentDurationResult,
  experimentDuration,
} from "./experimentDuration.js";
export { type MdeTwoMeansOptions, mdeTwoMeans } from "./mdeTwoMeans.js";
export { type MdeTwoProportionsOptions, mdeTwoProportions } from "./mdeTwoProportions.js";
export {
  type PowerByWeekCell,
  type PowerByWeekMeansMetric,
  type PowerByWeekMetric,
  type PowerByWeekMetricSummary,
  type PowerByWeekOptions,
  type PowerByWeekProportionsMetric,
  type PowerByWeekResult,
  type PowerByWeekRow,
  powerByWeek,
} from "./powerByWeek.js";
export { type PowerTwoMeansOptions, powerTwoMeans } from "./powerTwoMeans.js";
export { type PowerTwoProportionsOptions, powerTwoProportions } from "./powerTwoProportions.js";
export {
  type SampleSizeTwoMeansOptions,
  type SampleSizeTwoMeansResult,
  sampleSizeTwoMeans,
} from "./sampleSizeTwoMeans.js";
export {
  type SampleSizeTwoProportionsOptions,
  type SampleSizeTwoProportionsResult,
  sampleSizeTwoProportions,
} from "./sampleSizeTwoProportions.js";
export type {
  AlwaysValidOptions,
  AlwaysValidPlan,
  EffectDirection,
  MdeType,
  MultipleComparison,
  PlanningDesign,
  PlanningDesignOptions,
  SequentialExpectedTotal,
  SequentialLookSize,
  SequentialSampleSize,
  SolvedSizes,
  TwoMeansDesignOptions,
  TwoMeansPlan,
  TwoMeansTest,
  TwoProportionsDesignOptions,
  TwoProportionsMethod,
  TwoProportionsPlan,
} from "./types.js";
