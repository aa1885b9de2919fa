/**
 * Type tests for the sequential area (style guide §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type AlphaSpendingOptions,
  type Alternative,
  alphaSpending,
  type ConfidenceInterval,
  type ConfidenceSequenceOptions,
  type ConfidenceSequenceResult,
  compareMeans,
  compareProportions,
  confidenceSequence,
  type EvanMillerOptions,
  type EvanMillerResult,
  evanMillerSequentialTest,
  type GroupSequentialAnalysisOptions,
  type GroupSequentialAnalysisResult,
  type GroupSequentialDesign,
  type GroupSequentialDesignOptions,
  type GroupSequentialLook,
  groupSequentialAnalysis,
  groupSequentialDesign,
  type MsprtLook,
  type MsprtOptions,
  type MsprtResult,
  msprt,
  type SequentialEstimate,
  type SpendingFamily,
  type SprtOptions,
  type SprtResult,
  sprt,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

describe("alphaSpending", () => {
  test("overloads keep the shape of t", () => {
    expectTypeOf(alphaSpending(0.5, { family: "obrien-fleming" })).toEqualTypeOf<number>();
    expectTypeOf(alphaSpending([0.5, 1], { family: "kim-demets", parameter: 2, alpha: 0.05 })).toEqualTypeOf<
      readonly number[]
    >();
    expectTypeOf<AlphaSpendingOptions["family"]>().toEqualTypeOf<SpendingFamily>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error family is required
    alphaSpending(0.5, {});
    // @ts-expect-error unknown family
    alphaSpending(0.5, { family: "lan-demets" });
    // @ts-expect-error the options object is required
    alphaSpending(0.5);
    // @ts-expect-error unknown option key
    alphaSpending(0.5, { family: "pocock", sided: 2 });
  });
});

describe("groupSequentialDesign / groupSequentialAnalysis", () => {
  test("signatures and results", () => {
    expectTypeOf(groupSequentialDesign).parameters.toEqualTypeOf<[(GroupSequentialDesignOptions | undefined)?]>();
    expectTypeOf(groupSequentialDesign).returns.toEqualTypeOf<GroupSequentialDesign>();
    // `futility` is an intersection (FutilitySpec & { binding }), which DeepReadonly flattens: checked on its own below
    expectTypeOf<Omit<GroupSequentialDesign, "futility">>().toEqualTypeOf<
      DeepReadonly<Omit<GroupSequentialDesign, "futility">>
    >();
    expectTypeOf<NonNullable<GroupSequentialDesign["futility"]>["binding"]>().toEqualTypeOf<boolean>();
    expectTypeOf<GroupSequentialDesign["sided"]>().toEqualTypeOf<1 | 2>();
    const design = groupSequentialDesign({
      kMax: 3,
      alpha: 0.05,
      sided: 1,
      spending: { family: "hwang-shih-decani", parameter: -4 },
      futility: { family: "kim-demets", parameter: 2, binding: false },
      power: 0.8,
    });
    groupSequentialDesign({ informationRates: [0.5, 1], classical: "wang-tsiatis", deltaWT: 0.25 });

    expectTypeOf(groupSequentialAnalysis).parameters.toEqualTypeOf<
      [GroupSequentialDesign, GroupSequentialAnalysisOptions]
    >();
    expectTypeOf(groupSequentialAnalysis).returns.toEqualTypeOf<GroupSequentialAnalysisResult>();
    expectTypeOf<GroupSequentialAnalysisResult>().toEqualTypeOf<DeepReadonly<GroupSequentialAnalysisResult>>();
    expectTypeOf<GroupSequentialAnalysisResult["decision"]>().toEqualTypeOf<"reject" | "accept" | "continue">();
    expectTypeOf<GroupSequentialLook["repeatedConfidenceInterval"]>().toEqualTypeOf<ConfidenceInterval | undefined>();
    groupSequentialAnalysis(design, { zStatistics: [1.2, 2.5] });
    groupSequentialAnalysis(design, {
      looks: [
        { control: { visitors: 500, conversions: 50 }, treatment: { visitors: 500, conversions: 60 } },
        { control: { n: 500, mean: 1, sd: 2 }, treatment: { n: 500, mean: 1.1, sd: 2 } },
      ],
      plannedSampleSize: { control: 1000, treatment: 1000 },
    });
  });

  test("misuse does not compile", () => {
    const futility = groupSequentialDesign().futility;
    if (futility !== undefined) {
      // @ts-expect-error the resolved futility spec is readonly
      futility.binding = true;
    }
    // @ts-expect-error unknown classical design
    groupSequentialDesign({ classical: "obf" });
    // @ts-expect-error sided is 1 or 2
    groupSequentialDesign({ sided: 3 });
    // @ts-expect-error alternative is not a design option (use sided)
    groupSequentialDesign({ alternative: "two-sided" });
    // @ts-expect-error the design comes first and is a computed design
    groupSequentialAnalysis({ kMax: 3 }, { zStatistics: [1] });
    const design = groupSequentialDesign();
    // @ts-expect-error looks hold ProportionData or MeanSummary arms
    groupSequentialAnalysis(design, { looks: [{ control: { n: 1 }, treatment: { n: 1 } }] });
  });
});

describe("msprt", () => {
  test("signature and result", () => {
    expectTypeOf(msprt).parameters.toEqualTypeOf<[readonly MsprtLook[], MsprtOptions]>();
    expectTypeOf(msprt).returns.toEqualTypeOf<MsprtResult>();
    expectTypeOf<MsprtResult>().toEqualTypeOf<DeepReadonly<MsprtResult>>();
    expectTypeOf<MsprtResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf<MsprtResult["decision"]>().toEqualTypeOf<"reject" | "continue">();
    msprt(
      [
        { control: { visitors: 100, conversions: 10 }, treatment: { visitors: 100, conversions: 12 } },
        { control: { n: 100, sum: 10, sumSquares: 20 }, treatment: { n: 100, sum: 12, sumSquares: 22 } },
        { control: { n: 100, mean: 1, sd: 1 }, treatment: { n: 100, mean: 1.1, sd: 1 } },
      ],
      { mixingVariance: 0.01, alpha: 0.05, nullValue: 0 },
    );
  });

  test("misuse does not compile", () => {
    // @ts-expect-error a look pairs control and treatment arms
    msprt([{ visitors: 100, conversions: 10 }], {});
    // @ts-expect-error unknown option key
    msprt([], { alternative: "two-sided" });
  });
});

describe("confidenceSequence / sprt / evanMillerSequentialTest", () => {
  test("signatures and results", () => {
    expectTypeOf<SequentialEstimate>().toExtend<Parameters<typeof confidenceSequence>[0]>();
    expectTypeOf(confidenceSequence).parameter(1).toEqualTypeOf<ConfidenceSequenceOptions | undefined>();
    expectTypeOf<SequentialEstimate>().toEqualTypeOf<{
      readonly estimate: number;
      readonly standardError: number;
      readonly sampleSize: number;
    }>();
    // an A/B readout is accepted as it is
    confidenceSequence(compareProportions({ visitors: 100, conversions: 10 }, { visitors: 100, conversions: 12 }));
    confidenceSequence(compareMeans([1, 2, 3], [2, 3, 4]), { effect: "relative", mixingParameter: 0.01 });
    expectTypeOf(confidenceSequence).returns.toEqualTypeOf<ConfidenceSequenceResult>();
    expectTypeOf<ConfidenceSequenceResult>().toEqualTypeOf<DeepReadonly<ConfidenceSequenceResult>>();
    expectTypeOf<ConfidenceSequenceResult["alternative"]>().toEqualTypeOf<Alternative>();
    expectTypeOf<ConfidenceSequenceResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();
    confidenceSequence(
      { estimate: 0.1, standardError: 0.05, sampleSize: 1000 },
      { tuningSampleSize: 500, confidenceLevel: 0.9, alternative: "greater", nullValue: 0 },
    );

    expectTypeOf(sprt).parameters.toEqualTypeOf<[SprtOptions]>();
    expectTypeOf(sprt).returns.toEqualTypeOf<SprtResult>();
    expectTypeOf<SprtResult>().toEqualTypeOf<DeepReadonly<SprtResult>>();
    expectTypeOf<SprtResult["decision"]>().toEqualTypeOf<"reject" | "accept" | "continue">();
    sprt({ p0: 0.1, p1: 0.12, successes: [3, 7], trials: [50, 100], alpha: 0.05, beta: 0.2 });

    expectTypeOf(evanMillerSequentialTest).parameters.toEqualTypeOf<[EvanMillerOptions]>();
    expectTypeOf(evanMillerSequentialTest).returns.toEqualTypeOf<EvanMillerResult>();
    expectTypeOf<EvanMillerResult>().toEqualTypeOf<DeepReadonly<EvanMillerResult>>();
    expectTypeOf<EvanMillerResult["decision"]>().toEqualTypeOf<
      "treatment wins" | "no winner" | "continue" | undefined
    >();
    evanMillerSequentialTest({ relativeLift: 0.1, treatmentConversions: 30, controlConversions: 20 });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error sampleSize is required
    confidenceSequence({ estimate: 0.1, standardError: 0.05 });
    // @ts-expect-error R spelling of the alternative
    confidenceSequence({ estimate: 0.1, standardError: 0.05, sampleSize: 10 }, { alternative: "two.sided" });
    // @ts-expect-error unknown effect
    confidenceSequence({ estimate: 0.1, standardError: 0.05, sampleSize: 10 }, { effect: "difference" });
    // @ts-expect-error p1 is required
    sprt({ p0: 0.1, successes: 3, trials: 50 });
    // @ts-expect-error successes and trials are required
    sprt({ p0: 0.1, p1: 0.12 });
    // @ts-expect-error unknown option key
    evanMillerSequentialTest({ maxConversions: 100, lift: 0.1 });
  });
});
