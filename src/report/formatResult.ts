/**
 * `formatResult`: the readout a person would write, as plain text, Markdown or HTML.
 *
 * @packageDocumentation
 */

import * as z from "zod/mini";
import type { AttributionComparison } from "../attribution/compareAttributionModels.js";
import type { AttributionResult } from "../attribution/types.js";
import type { BayesianMeansResult } from "../bayesian/bayesianMeans.js";
import type { BayesianProportionsResult } from "../bayesian/bayesianProportions.js";
import type { ProbabilityToBeBestResult } from "../bayesian/probabilityToBeBest.js";
import { InvalidArgumentError } from "../errors.js";
import { parseArguments } from "../internal/validate.js";
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
import type { ProportionConfidenceIntervalResult } from "../significance/proportionConfidenceInterval.js";
import type { SampleRatioMismatchTestResult } from "../significance/sampleRatioMismatchTest.js";
import { describeAttribution, describeAttributionComparison } from "./describe/attribution.js";
import {
  describeBayesianMeans,
  describeBayesianProportions,
  describeProbabilityToBeBest,
} from "./describe/bayesian.js";
import {
  describeExperimentDuration,
  describePowerByWeek,
  describeTwoMeansPlan,
  describeTwoProportionsPlan,
} from "./describe/power.js";
import {
  describeConfidenceSequence,
  describeEvanMiller,
  describeGroupSequentialAnalysis,
  describeGroupSequentialDesign,
  describeMsprt,
  describeSprt,
} from "./describe/sequential.js";
import {
  describeAdjustPValues,
  describeChiSquareTest,
  describeCompareMeans,
  describeCompareProportions,
  describeCompareRatios,
  describeHypothesisTest,
  describeProportionInterval,
  describeSampleRatioMismatch,
} from "./describe/significance.js";
import { type ReportDocument, type ReportFormat, renderDocument } from "./document.js";
import { type ReportableResult, recognizeResult } from "./recognize.js";

const NAME = "formatResult";

const optionsSchema = z.object({
  options: z.strictObject(
    {
      format: z.optional(z.enum(["text", "markdown", "html"], { error: 'must be "text", "markdown" or "html"' })),
    },
    { error: "must be an options object" },
  ),
});

/**
 * Options of {@link formatResult}.
 *
 * @since 0.1.0
 * @public
 */
export interface FormatResultOptions {
  /**
   * `"text"`: aligned plain text for terminals and logs; `"markdown"`: GitHub-flavoured Markdown
   * (tables, every user string escaped); `"html"`: an HTML fragment
   * (`<div class="experiment-stats-report">`) with every string escaped.
   * @defaultValue `"text"`
   */
  readonly format?: ReportFormat;
}

/**
 * Builds the neutral readout of a result.
 *
 * @internal
 */
export function describeResult(result: ReportableResult, functionName: string): ReportDocument {
  const kind = recognizeResult(result);
  switch (kind) {
    case "two-proportions-plan":
      return describeTwoProportionsPlan(result as TwoProportionsPlan);
    case "two-means-plan":
      return describeTwoMeansPlan(result as TwoMeansPlan);
    case "experiment-duration":
      return describeExperimentDuration(result as ExperimentDurationResult);
    case "power-by-week":
      return describePowerByWeek(result as PowerByWeekResult);
    case "compare-proportions":
      return describeCompareProportions(result as CompareProportionsResult);
    case "compare-means":
      return describeCompareMeans(result as CompareMeansResult);
    case "compare-ratios":
      return describeCompareRatios(result as CompareRatiosResult);
    case "chi-square-test":
      return describeChiSquareTest(result as ChiSquareTestResult);
    case "sample-ratio-mismatch-test":
      return describeSampleRatioMismatch(result as SampleRatioMismatchTestResult);
    case "adjust-p-values":
      return describeAdjustPValues(result as AdjustPValuesResult);
    case "proportion-confidence-interval":
      return describeProportionInterval(result as ProportionConfidenceIntervalResult);
    case "hypothesis-test":
      return describeHypothesisTest(result as Parameters<typeof describeHypothesisTest>[0]);
    case "bayesian-proportions":
      return describeBayesianProportions(result as BayesianProportionsResult);
    case "bayesian-means":
      return describeBayesianMeans(result as BayesianMeansResult);
    case "probability-to-be-best":
      return describeProbabilityToBeBest(result as ProbabilityToBeBestResult);
    case "group-sequential-design":
      return describeGroupSequentialDesign(result as GroupSequentialDesign);
    case "group-sequential-analysis":
      return describeGroupSequentialAnalysis(result as GroupSequentialAnalysisResult);
    case "msprt":
      return describeMsprt(result as MsprtResult);
    case "confidence-sequence":
      return describeConfidenceSequence(result as ConfidenceSequenceResult);
    case "sprt":
      return describeSprt(result as SprtResult);
    case "evan-miller-sequential-test":
      return describeEvanMiller(result as EvanMillerResult);
    case "attribution":
      return describeAttribution(result as AttributionResult);
    case "attribution-comparison":
      return describeAttributionComparison(result as AttributionComparison);
    case undefined:
      throw new InvalidArgumentError(functionName, [
        { path: ["result"], message: "must be a result of an experiment-stats procedure", code: "custom" },
      ]);
  }
}

/**
 * Writes a result as the readout a person would write: "Treatment converts 5.6 % vs 5.0 % (+12.0 %,
 * 95 % CI -1.1 % to +25.1 %), p = 0.058", followed by the tables behind it and notes on the method.
 *
 * @remarks
 * Method: the result's kind is recognised from its fields (see {@link recognizeResult}), then its
 * numbers are formatted; nothing is computed. Conventions:
 *
 * - p-values with two significant digits (`p = 0.0083`), a third when two would round across 0.001,
 *   0.01, 0.05 or 0.1, `p < 0.0001` below 1e-4 (see `formatPValue`);
 * - rates and relative lifts as percentages, differences of rates in percentage points (`pp`),
 *   estimates and their intervals with the decimals that show two significant digits of the
 *   interval's width;
 * - counts with thousands separators (`31,234`), infinite bounds as `∞`;
 * - Markdown escapes every character with a meaning (`| * _ [ ] < >` …) and HTML escapes `& < > " '`,
 *   so arbitrary channel names are safe.
 *
 * Output is locale-independent and identical on every runtime.
 *
 * @param result - A result of any procedure of experiment-stats (see {@link ReportableResult}).
 * @param options - See {@link FormatResultOptions}.
 * @returns The readout, ending with a newline.
 * @throws {@link InvalidArgumentError} when `result` is not a recognised result or `format` is not
 * `"text"`, `"markdown"` or `"html"`.
 *
 * @example
 * ```ts
 * const r = compareProportions({ visitors: 10000, conversions: 500 }, { visitors: 10000, conversions: 560 });
 * formatResult(r).split("\n")[3];
 * // "Treatment converts 5.6 % vs 5.0 % (+12.0 %, 95 % CI -1.1 % to +25.1 %), p = 0.058."
 * ```
 * @since 0.1.0
 * @public
 */
export function formatResult(result: ReportableResult, options: FormatResultOptions = {}): string {
  const format = checkFormat(NAME, options);
  return renderDocument(describeResult(result, NAME), format);
}

/**
 * Validates `options.format`.
 *
 * @internal
 */
export function checkFormat(functionName: string, options: unknown): ReportFormat {
  const parsed = parseArguments(functionName, optionsSchema, { options });
  return parsed.options.format ?? "text";
}
