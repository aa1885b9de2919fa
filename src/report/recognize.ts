/**
 * Recognises which procedure produced a result from the fields it carries (results are plain data
 * without a type tag).
 *
 * @packageDocumentation
 */
import type { AttributionComparison } from "../attribution/compareAttributionModels.js";
import type { AttributionResult } from "../attribution/types.js";
import type { BayesianMeansResult } from "../bayesian/bayesianMeans.js";
import type { BayesianProportionsResult } from "../bayesian/bayesianProportions.js";
import type { ProbabilityToBeBestResult } from "../bayesian/probabilityToBeBest.js";
import type { ExperimentDurationResult } from "../power/experimentDuration.js";
import type { PowerByWeekResult } from "../power/powerByWeek.js";
import type { TwoMeansPlan, TwoProportionsPlan } from "../power/types.js";
import type { ConfidenceSequenceResult } from "../sequential/confidenceSequence.js";
import type { EvanMillerResult } from "../sequential/evanMillerSequentialTest.js";
import type { GroupSequentialAnalysisResult } from "../sequential/groupSequentialAnalysis.js";
import type { GroupSequentialDesign } from "../sequential/groupSequentialDesign.js";
import type { MsprtResult } from "../sequential/msprt.js";
import type { SprtResult } from "../sequential/sprt.js";
import type { AdjustPValuesResult } from "../significance/adjustPValues.js";
import type { ChiSquareTestResult } from "../significance/chiSquareTest.js";
import type { CompareMeansResult } from "../significance/compareMeans.js";
import type { CompareProportionsResult } from "../significance/compareProportions.js";
import type { CompareRatiosResult } from "../significance/compareRatios.js";
import type { FisherExactTestResult } from "../significance/fisherExactTest.js";
import type { MannWhitneyUTestResult } from "../significance/mannWhitneyUTest.js";
import type { ProportionConfidenceIntervalResult } from "../significance/proportionConfidenceInterval.js";
import type { SampleRatioMismatchTestResult } from "../significance/sampleRatioMismatchTest.js";

/**
 * Every result `formatResult` and `display` understand.
 *
 * @since 0.1.0
 * @public
 */
export type ReportableResult =
  | TwoProportionsPlan
  | TwoMeansPlan
  | ExperimentDurationResult
  | PowerByWeekResult
  | CompareProportionsResult
  | CompareMeansResult
  | CompareRatiosResult
  | ChiSquareTestResult
  | SampleRatioMismatchTestResult
  | AdjustPValuesResult
  | ProportionConfidenceIntervalResult
  | FisherExactTestResult
  | MannWhitneyUTestResult
  | BayesianProportionsResult
  | BayesianMeansResult
  | ProbabilityToBeBestResult
  | GroupSequentialDesign
  | GroupSequentialAnalysisResult
  | MsprtResult
  | ConfidenceSequenceResult
  | SprtResult
  | EvanMillerResult
  | AttributionResult
  | AttributionComparison;

/**
 * What a result is, as {@link recognizeResult} tells it.
 *
 * - `"two-proportions-plan"` / `"two-means-plan"`: from `sampleSize…` (with `nControlExact`),
 *   `power…` or `mde…`.
 * - `"hypothesis-test"`: any other result with `method` and `pValue` (`fisherExactTest`,
 *   `mannWhitneyUTest`).
 *
 * @since 0.1.0
 * @public
 */
export type ResultKind =
  | "two-proportions-plan"
  | "two-means-plan"
  | "experiment-duration"
  | "power-by-week"
  | "compare-proportions"
  | "compare-means"
  | "compare-ratios"
  | "chi-square-test"
  | "sample-ratio-mismatch-test"
  | "adjust-p-values"
  | "proportion-confidence-interval"
  | "hypothesis-test"
  | "bayesian-proportions"
  | "bayesian-means"
  | "probability-to-be-best"
  | "group-sequential-design"
  | "group-sequential-analysis"
  | "msprt"
  | "confidence-sequence"
  | "sprt"
  | "evan-miller-sequential-test"
  | "attribution"
  | "attribution-comparison";

type Fields = Readonly<Record<string, unknown>>;

function has(o: Fields, ...keys: readonly string[]): boolean {
  return keys.every((k) => Object.hasOwn(o, k) && o[k] !== undefined);
}

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Tells which procedure produced `result`, from the fields it carries.
 *
 * @remarks
 * Results are plain data without a type tag, so each kind is recognised by fields only it has
 * (`probabilityTreatmentBetter` for `bayesianProportions`, `nControlExact` for a sample-size plan,
 * `criticalValues` and `inflationFactor` for a group sequential design, …). A power plan and an MDE
 * plan carry the same fields and are one kind.
 *
 * @param result - Anything.
 * @returns The kind, or `undefined` when `result` is not a result of experiment-stats.
 *
 * @example
 * ```ts
 * recognizeResult(compareProportions({ visitors: 1000, conversions: 50 }, { visitors: 1000, conversions: 60 }));
 * // "compare-proportions"
 * ```
 * @since 0.1.0
 * @public
 */
export function recognizeResult(result: unknown): ResultKind | undefined {
  if (!isObject(result)) return undefined;
  const r = result;
  if (has(r, "adjustedPValues", "adjustment")) return "adjust-p-values";
  if (has(r, "mismatch", "observedCounts", "expectedCounts")) return "sample-ratio-mismatch-test";
  if (has(r, "standardizedResiduals", "expected", "df")) return "chi-square-test";
  if (has(r, "intervalMethod", "successes", "trials")) return "proportion-confidence-interval";
  if (has(r, "probabilityTreatmentBetter", "expectedLoss", "control", "treatment")) return "bayesian-proportions";
  if (has(r, "chanceToWin", "posteriorMean", "posteriorSd")) return "bayesian-means";
  if (has(r, "probabilityToBeBest", "posteriorMeans", "expectedLoss", "family")) return "probability-to-be-best";
  if (has(r, "difference", "relativeLift", "control", "treatment") && isObject(r["control"])) {
    const control = r["control"];
    if (has(control, "visitors", "conversions")) return "compare-proportions";
    if (has(control, "ratio")) return "compare-ratios";
    if (has(r, "df", "equalVariance")) return "compare-means";
  }
  if (has(r, "baselineRate", "treatmentRate", "nTotal", "power")) return "two-proportions-plan";
  if (has(r, "standardizedEffect", "sd", "nTotal", "power")) return "two-means-plan";
  if (has(r, "exactDays", "days", "weeks", "unitsPerDay")) return "experiment-duration";
  if (has(r, "byWeek", "weeklyUnits", "metrics")) return "power-by-week";
  if (has(r, "criticalValues", "inflationFactor", "informationRates")) return "group-sequential-design";
  if (has(r, "looks", "sided", "decision")) return "group-sequential-analysis";
  if (has(r, "looks", "mixingVariance")) return "msprt";
  if (has(r, "mixingParameter", "multiplier", "tuningSampleSize")) return "confidence-sequence";
  if (has(r, "upperThreshold", "lowerThreshold", "p0", "p1", "looks")) return "sprt";
  if (has(r, "maxConversions", "threshold", "attainedAlpha")) return "evan-miller-sequential-test";
  if (has(r, "models", "results", "channels")) return "attribution-comparison";
  if (has(r, "model", "channels", "totalConversions", "totalValue")) return "attribution";
  if (typeof r["method"] === "string" && typeof r["pValue"] === "number") return "hypothesis-test";
  return undefined;
}
