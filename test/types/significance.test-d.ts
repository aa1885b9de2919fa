/**
 * Type tests for the significance area (style guide §4 and §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type AdjustPValuesResult,
  type Alternative,
  adjustPValues,
  type BootstrapConfidenceIntervalOptions,
  type BootstrapConfidenceIntervalResult,
  bootstrapConfidenceInterval,
  type ChiSquareTestOptions,
  type ChiSquareTestResult,
  type CompareMeansOptions,
  type CompareMeansResult,
  type CompareProportionsOptions,
  type CompareProportionsResult,
  type CompareRatiosOptions,
  type CompareRatiosResult,
  type ConfidenceInterval,
  type CupedSummary,
  chiSquareTest,
  compareMeans,
  compareProportions,
  compareRatios,
  type EffectEstimate,
  type FisherExactTestOptions,
  type FisherExactTestResult,
  fisherExactTest,
  type MannWhitneyUTestOptions,
  type MannWhitneyUTestResult,
  type MeanData,
  type MeanSummary,
  mannWhitneyUTest,
  type PermutationTestOptions,
  type PermutationTestResult,
  type ProportionConfidenceIntervalOptions,
  type ProportionConfidenceIntervalResult,
  type ProportionData,
  type ProportionIntervalMethod,
  type PValueAdjustment,
  type PValueAdjustmentName,
  permutationTest,
  proportionConfidenceInterval,
  type RatioData,
  type ReadoutResult,
  type RelativeIntervalMethod,
  type RelativeLiftEstimate,
  type SampleRatioMismatchTestOptions,
  type SampleRatioMismatchTestResult,
  type SufficientStatistics,
  sampleRatioMismatchTest,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

const a: ProportionData = { visitors: 1000, conversions: 100 };
const b: ProportionData = { visitors: 1000, conversions: 120 };
const x = [1, 2, 3];
const y = new Float64Array([2, 3, 4]);
declare const ratio: RatioData;

describe("shared readout shapes", () => {
  test("readonly data, literal unions, intervals", () => {
    expectTypeOf<ReadoutResult>().toEqualTypeOf<DeepReadonly<ReadoutResult>>();
    expectTypeOf<ReadoutResult["alternative"]>().toEqualTypeOf<Alternative>();
    expectTypeOf<Alternative>().toEqualTypeOf<"two-sided" | "less" | "greater">();
    expectTypeOf<EffectEstimate["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf<RelativeLiftEstimate>().toExtend<EffectEstimate>();
    expectTypeOf<RelativeLiftEstimate["intervalMethod"]>().toEqualTypeOf<RelativeIntervalMethod>();
    expectTypeOf<ConfidenceInterval>().toEqualTypeOf<{
      readonly lower: number;
      readonly upper: number;
      readonly level: number;
    }>();
  });
});

describe("compareProportions", () => {
  test("signature and result", () => {
    expectTypeOf(compareProportions).parameters.toEqualTypeOf<
      [ProportionData, ProportionData, (CompareProportionsOptions | undefined)?]
    >();
    expectTypeOf(compareProportions).returns.toEqualTypeOf<CompareProportionsResult>();
    expectTypeOf<CompareProportionsResult>().toExtend<ReadoutResult>();
    expectTypeOf<CompareProportionsResult>().toEqualTypeOf<DeepReadonly<CompareProportionsResult>>();
    const r = compareProportions(a, b);
    expectTypeOf(r.alternative).toEqualTypeOf<Alternative>();
    expectTypeOf(r.test).toEqualTypeOf<"z-pooled" | "z-unpooled" | "yates">();
    expectTypeOf(r.interval).toEqualTypeOf<"wald" | "newcombe" | "agresti-caffo">();
    expectTypeOf(r.difference.confidenceInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.relativeLift.confidenceInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.pValue).toEqualTypeOf<number>();
    // @ts-expect-error results are readonly
    r.pValue = 0;
    // @ts-expect-error nested results are readonly too
    r.difference.confidenceInterval.lower = 0;
  });

  test("accepts every option", () => {
    compareProportions(a, b, {
      alternative: "greater",
      confidenceLevel: 0.9,
      nullValue: 0,
      test: "yates",
      interval: "newcombe",
      relativeInterval: "log",
    });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error R spelling of the alternative
    compareProportions(a, b, { alternative: "two.sided" });
    // @ts-expect-error unknown test
    compareProportions(a, b, { test: "foo" });
    // @ts-expect-error unknown option key
    compareProportions(a, b, { conf: 0.9 });
    // @ts-expect-error mean summaries are for compareMeans
    compareProportions({ n: 100, mean: 1, sd: 1 }, b);
    // @ts-expect-error conversions is required
    compareProportions({ visitors: 100 }, b);
    // @ts-expect-error the treatment arm is required
    compareProportions(a);
    // @ts-expect-error arms are objects, not tuples
    compareProportions([1000, 100], [1000, 120]);
  });
});

describe("compareMeans", () => {
  test("signature and result", () => {
    expectTypeOf(compareMeans).parameters.toEqualTypeOf<[MeanData, MeanData, (CompareMeansOptions | undefined)?]>();
    expectTypeOf(compareMeans).returns.toEqualTypeOf<CompareMeansResult>();
    expectTypeOf<CompareMeansResult>().toExtend<ReadoutResult>();
    expectTypeOf<CompareMeansResult>().toEqualTypeOf<DeepReadonly<CompareMeansResult>>();
    expectTypeOf<MeanSummary>().toExtend<MeanData>();
    expectTypeOf<SufficientStatistics>().toExtend<MeanData>();
    const r = compareMeans(x, y);
    expectTypeOf(r.alternative).toEqualTypeOf<Alternative>();
    expectTypeOf(r.cuped).toEqualTypeOf<CupedSummary | null>();
    expectTypeOf(r.difference.confidenceInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.df).toEqualTypeOf<number>();
  });

  test("accepts every data shape", () => {
    compareMeans([1, 2, 3], [2, 3, 4]);
    compareMeans(new Float64Array([1, 2]), new Float64Array([2, 3]));
    compareMeans({ n: 100, mean: 1, sd: 2 }, { n: 120, mean: 1.1, sd: 2 });
    compareMeans({ n: 100, sum: 100, sumSquares: 500 }, { n: 120, sum: 130, sumSquares: 600 });
    compareMeans(
      { n: 100, sum: 100, sumSquares: 500, covariateSum: 10, covariateSumSquares: 20, crossSum: 30 },
      { n: 100, sum: 110, sumSquares: 550, covariateSum: 11, covariateSumSquares: 21, crossSum: 31 },
    );
    compareMeans({ values: x, covariate: x }, { values: y, covariate: y });
    compareMeans(x, y, {
      alternative: "less",
      confidenceLevel: 0.99,
      nullValue: 0.5,
      equalVariance: true,
      relativeInterval: "fieller",
    });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error proportion data is for compareProportions
    compareMeans({ visitors: 100, conversions: 10 }, { visitors: 100, conversions: 12 });
    // @ts-expect-error sd is missing from the summary
    compareMeans({ n: 100, mean: 1 }, { n: 120, mean: 1.1, sd: 2 });
    // @ts-expect-error samples are numbers
    compareMeans(["1", "2"], ["2", "3"]);
    // @ts-expect-error the log interval is for proportions only
    compareMeans(x, y, { relativeInterval: "log" });
    // @ts-expect-error R spelling of the alternative
    compareMeans(x, y, { alternative: "two.sided" });
    // @ts-expect-error R spelling of equalVariance
    compareMeans(x, y, { varEqual: true });
  });
});

describe("compareRatios", () => {
  test("signature and result", () => {
    expectTypeOf(compareRatios).parameters.toEqualTypeOf<[RatioData, RatioData, (CompareRatiosOptions | undefined)?]>();
    expectTypeOf(compareRatios).returns.toEqualTypeOf<CompareRatiosResult>();
    expectTypeOf<CompareRatiosResult>().toEqualTypeOf<DeepReadonly<CompareRatiosResult>>();
    expectTypeOf<RatioData>().toEqualTypeOf<DeepReadonly<RatioData>>();
    expectTypeOf(compareRatios(ratio, ratio).cuped).toEqualTypeOf<CupedSummary | null>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error a mean summary lacks the denominator sums
    compareRatios({ n: 100, mean: 1, sd: 1 }, ratio);
    // @ts-expect-error the log interval is for proportions only
    compareRatios(ratio, ratio, { relativeInterval: "log" });
    // @ts-expect-error R spelling of the alternative
    compareRatios(ratio, ratio, { alternative: "two.sided" });
    // @ts-expect-error the CUPED covariate sums must be complete
    compareRatios({ ...ratio, covariate: { numeratorSum: 1 } }, ratio);
    // @ts-expect-error equalVariance is a compareMeans option
    compareRatios(ratio, ratio, { equalVariance: true });
  });
});

describe("tests on tables and samples", () => {
  test("signatures and results", () => {
    expectTypeOf(chiSquareTest).parameters.toEqualTypeOf<
      [readonly (readonly number[])[], (ChiSquareTestOptions | undefined)?]
    >();
    expectTypeOf(chiSquareTest).returns.toEqualTypeOf<ChiSquareTestResult>();
    expectTypeOf<ChiSquareTestResult>().toEqualTypeOf<DeepReadonly<ChiSquareTestResult>>();

    expectTypeOf(fisherExactTest).parameters.toEqualTypeOf<
      [readonly (readonly number[])[], (FisherExactTestOptions | undefined)?]
    >();
    expectTypeOf(fisherExactTest).returns.toEqualTypeOf<FisherExactTestResult>();
    expectTypeOf<FisherExactTestResult>().toEqualTypeOf<DeepReadonly<FisherExactTestResult>>();
    expectTypeOf<FisherExactTestResult["alternative"]>().toEqualTypeOf<Alternative>();
    expectTypeOf<FisherExactTestResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();

    expectTypeOf(mannWhitneyUTest).parameters.toEqualTypeOf<
      [readonly number[] | Float64Array, readonly number[] | Float64Array, (MannWhitneyUTestOptions | undefined)?]
    >();
    expectTypeOf(mannWhitneyUTest).returns.toEqualTypeOf<MannWhitneyUTestResult>();
    expectTypeOf<MannWhitneyUTestResult>().toEqualTypeOf<DeepReadonly<MannWhitneyUTestResult>>();
    expectTypeOf<MannWhitneyUTestResult["alternative"]>().toEqualTypeOf<Alternative>();
    expectTypeOf<MannWhitneyUTestResult["z"]>().toEqualTypeOf<number | null>();
    expectTypeOf<MannWhitneyUTestResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();

    expectTypeOf(permutationTest).returns.toEqualTypeOf<PermutationTestResult>();
    expectTypeOf<PermutationTestResult>().toEqualTypeOf<DeepReadonly<PermutationTestResult>>();
    expectTypeOf<PermutationTestResult["alternative"]>().toEqualTypeOf<Alternative>();

    expectTypeOf(bootstrapConfidenceInterval).returns.toEqualTypeOf<BootstrapConfidenceIntervalResult>();
    expectTypeOf<BootstrapConfidenceIntervalResult>().toEqualTypeOf<DeepReadonly<BootstrapConfidenceIntervalResult>>();
    expectTypeOf<BootstrapConfidenceIntervalResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf<BootstrapConfidenceIntervalResult["intervalMethod"]>().toEqualTypeOf<"percentile" | "bca">();

    expectTypeOf(sampleRatioMismatchTest).parameters.toEqualTypeOf<
      [
        readonly number[] | Float64Array,
        readonly number[] | Float64Array,
        (SampleRatioMismatchTestOptions | undefined)?,
      ]
    >();
    expectTypeOf(sampleRatioMismatchTest).returns.toEqualTypeOf<SampleRatioMismatchTestResult>();
    expectTypeOf<SampleRatioMismatchTestResult>().toEqualTypeOf<DeepReadonly<SampleRatioMismatchTestResult>>();
    expectTypeOf<SampleRatioMismatchTestResult["mismatch"]>().toEqualTypeOf<boolean>();

    expectTypeOf(proportionConfidenceInterval).parameters.toEqualTypeOf<
      [number, number, (ProportionConfidenceIntervalOptions | undefined)?]
    >();
    expectTypeOf(proportionConfidenceInterval).returns.toEqualTypeOf<ProportionConfidenceIntervalResult>();
    expectTypeOf<ProportionConfidenceIntervalResult>().toEqualTypeOf<
      DeepReadonly<ProportionConfidenceIntervalResult>
    >();
    expectTypeOf<ProportionConfidenceIntervalResult["intervalMethod"]>().toEqualTypeOf<ProportionIntervalMethod>();
    expectTypeOf<ProportionConfidenceIntervalResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();

    expectTypeOf(adjustPValues).parameters.toEqualTypeOf<[readonly number[] | Float64Array, PValueAdjustmentName]>();
    expectTypeOf(adjustPValues).returns.toEqualTypeOf<AdjustPValuesResult>();
    expectTypeOf<AdjustPValuesResult>().toEqualTypeOf<DeepReadonly<AdjustPValuesResult>>();
    expectTypeOf<AdjustPValuesResult["adjustment"]>().toEqualTypeOf<PValueAdjustment>();
  });

  test("accepts every option", () => {
    chiSquareTest(
      [
        [10, 20],
        [30, 40],
      ],
      { continuityCorrection: false },
    );
    fisherExactTest(
      [
        [1, 2],
        [3, 4],
      ],
      { alternative: "less", confidenceLevel: 0.9 },
    );
    mannWhitneyUTest(x, y, { alternative: "greater", continuityCorrection: false, exact: true, confidenceLevel: 0.9 });
    permutationTest(x, y, { statistic: "difference-in-medians", alternative: "less", resamples: 999, seed: 1 });
    permutationTest(x, y, { statistic: (c, t) => (t[0] ?? 0) - (c[0] ?? 0) });
    const options: BootstrapConfidenceIntervalOptions = {
      statistic: "relative-lift",
      method: "bca",
      confidenceLevel: 0.9,
      resamples: 999,
      seed: 1,
    };
    bootstrapConfidenceInterval(x, y, options);
    sampleRatioMismatchTest([500, 510], [1, 1], { threshold: 0.001 });
    proportionConfidenceInterval(10, 100, { method: "clopper-pearson", confidenceLevel: 0.9 });
    adjustPValues([0.01, 0.02], "BH");
    adjustPValues(new Float64Array([0.01, 0.02]), "holm-sidak");
    const permutationOptions: PermutationTestOptions = { resamples: 100 };
    permutationTest(x, y, permutationOptions);
  });

  test("misuse does not compile", () => {
    // @ts-expect-error unknown interval method
    proportionConfidenceInterval(10, 100, { method: "foo" });
    // @ts-expect-error proportionConfidenceInterval takes successes and trials, not a ProportionData
    proportionConfidenceInterval({ visitors: 100, conversions: 10 });
    // @ts-expect-error unknown adjustment
    adjustPValues([0.01], "foo");
    // @ts-expect-error the method is required (no silent default)
    adjustPValues([0.01]);
    // @ts-expect-error a table is a matrix
    chiSquareTest([10, 20, 30, 40]);
    // @ts-expect-error chiSquareTest has no alternative
    chiSquareTest([[1, 2]], { alternative: "greater" });
    // @ts-expect-error R spelling of the alternative
    fisherExactTest([[1, 2]], { alternative: "two.sided" });
    // @ts-expect-error unknown statistic name
    permutationTest(x, y, { statistic: "mean" });
    // @ts-expect-error a statistic function maps two samples to a number
    permutationTest(x, y, { statistic: (c: Float64Array) => c });
    // @ts-expect-error unknown bootstrap method
    bootstrapConfidenceInterval(x, y, { method: "basic" });
    // @ts-expect-error samples are numeric arrays
    mannWhitneyUTest([{ n: 1 }], y);
    // @ts-expect-error R spelling of the alternative
    mannWhitneyUTest(x, y, { alternative: "two.sided" });
    // @ts-expect-error R spelling of the alternative
    permutationTest(x, y, { alternative: "two.sided" });
    // @ts-expect-error the seed is a number
    permutationTest(x, y, { seed: "abc" });
    // @ts-expect-error threshold is the only option
    sampleRatioMismatchTest([500, 510], [1, 1], { alpha: 0.01 });
  });
});
