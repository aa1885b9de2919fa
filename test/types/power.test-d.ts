/**
 * Type tests for the power area (style guide §4 and §7.6), imported from the root entry.
 *
 * @remarks
 * The planners are split per unknown (`sampleSize*` solves n, `power*` solves power, `mde*` solves the effect), so
 * §4's "exactly one unknown" rule becomes: each solver requires its knowns and rejects its unknown as an excess
 * property.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type Alternative,
  type ExperimentDurationOptions,
  type ExperimentDurationResult,
  experimentDuration,
  type GroupSequentialDesign,
  type MdeTwoMeansOptions,
  type MdeTwoProportionsOptions,
  type MdeType,
  type MultipleComparison,
  mdeTwoMeans,
  mdeTwoProportions,
  type NormalPrior,
  type PowerByWeekOptions,
  type PowerByWeekResult,
  type PowerTwoMeansOptions,
  type PowerTwoProportionsOptions,
  powerByWeek,
  powerTwoMeans,
  powerTwoProportions,
  type SampleSizeTwoMeansOptions,
  type SampleSizeTwoMeansResult,
  type SampleSizeTwoProportionsOptions,
  type SampleSizeTwoProportionsResult,
  type SequentialSampleSize,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
  type TwoMeansPlan,
  type TwoMeansTest,
  type TwoProportionsMethod,
  type TwoProportionsPlan,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

declare const design: GroupSequentialDesign;

describe("sampleSizeTwoProportions", () => {
  test("signature and result", () => {
    expectTypeOf(sampleSizeTwoProportions).parameters.toEqualTypeOf<[SampleSizeTwoProportionsOptions]>();
    expectTypeOf(sampleSizeTwoProportions).returns.toEqualTypeOf<SampleSizeTwoProportionsResult>();
    expectTypeOf<SampleSizeTwoProportionsResult>().toExtend<TwoProportionsPlan>();
    expectTypeOf<SampleSizeTwoProportionsResult>().toEqualTypeOf<DeepReadonly<SampleSizeTwoProportionsResult>>();
    const r = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1 });
    expectTypeOf(r.alternative).toEqualTypeOf<Alternative>();
    expectTypeOf(r.model).toEqualTypeOf<TwoProportionsMethod>();
    expectTypeOf(r.mdeType).toEqualTypeOf<MdeType>();
    expectTypeOf(r.multipleComparison).toEqualTypeOf<MultipleComparison>();
    expectTypeOf(r.nControlExact).toEqualTypeOf<number>();
    expectTypeOf(r.nControl).toEqualTypeOf<number>();
    expectTypeOf(r.method).toEqualTypeOf<string>();
    expectTypeOf(r.sequential).toEqualTypeOf<SequentialSampleSize | undefined>();
    // @ts-expect-error results are readonly
    r.nControl = 1;
  });

  test("accepts every option", () => {
    sampleSizeTwoProportions({
      baselineRate: 0.1,
      mde: 0.02,
      mdeType: "absolute",
      power: 0.8,
      alpha: 0.05,
      alternative: "greater",
      allocationRatio: 2,
      treatmentArms: 2,
      multipleComparison: "bonferroni",
      varianceReduction: 0.1,
      method: "arcsine",
      continuityCorrection: true,
      sequential: design,
    });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error nothing left to solve for: nControl is what this solver finds
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, power: 0.8, nControl: 1000 });
    // @ts-expect-error two unknowns: the effect is missing
    sampleSizeTwoProportions({ baselineRate: 0.1, power: 0.8 });
    // @ts-expect-error baselineRate is required
    sampleSizeTwoProportions({ mde: 0.1 });
    // @ts-expect-error R spelling of the alternative
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, alternative: "two.sided" });
    // @ts-expect-error unknown method
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, method: "foo" });
    // @ts-expect-error unknown mdeType
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, mdeType: "percent" });
    // @ts-expect-error unknown correction
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, multipleComparison: "holm" });
    // @ts-expect-error unknown option key (typo of power)
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, pwr: 0.8 });
    // @ts-expect-error a two-means option on the proportions planner
    sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1, sd: 1 });
    // @ts-expect-error numbers, not strings
    sampleSizeTwoProportions({ baselineRate: "0.1", mde: 0.1 });
    // @ts-expect-error the options object is required
    sampleSizeTwoProportions();
  });
});

describe("sampleSizeTwoMeans", () => {
  test("signature and result", () => {
    expectTypeOf(sampleSizeTwoMeans).parameters.toEqualTypeOf<[SampleSizeTwoMeansOptions]>();
    expectTypeOf(sampleSizeTwoMeans).returns.toEqualTypeOf<SampleSizeTwoMeansResult>();
    expectTypeOf<SampleSizeTwoMeansResult>().toExtend<TwoMeansPlan>();
    expectTypeOf<SampleSizeTwoMeansResult>().toEqualTypeOf<DeepReadonly<SampleSizeTwoMeansResult>>();
    const r = sampleSizeTwoMeans({ sd: 1, mde: 0.2 });
    expectTypeOf(r.alternative).toEqualTypeOf<Alternative>();
    expectTypeOf(r.test).toEqualTypeOf<TwoMeansTest>();
    expectTypeOf(r.baselineMean).toEqualTypeOf<number | undefined>();
    expectTypeOf(r.achievedPower).toEqualTypeOf<number>();
  });

  test("accepts every option", () => {
    sampleSizeTwoMeans({
      sd: 1,
      sdTreatment: 1.2,
      baselineMean: 10,
      mde: 0.05,
      mdeType: "relative",
      test: "z-relative",
      power: 0.9,
      alpha: 0.01,
      alternative: "less",
      allocationRatio: 1,
      treatmentArms: 3,
      multipleComparison: "sidak",
      varianceReduction: 0.3,
      sequential: design,
    });
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, test: "z", alwaysValid: { tuningSampleSize: 5000 } });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error nothing left to solve for
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, nControl: 100 });
    // @ts-expect-error two unknowns: the effect is missing
    sampleSizeTwoMeans({ sd: 1, power: 0.8 });
    // @ts-expect-error sd is required
    sampleSizeTwoMeans({ mde: 0.2 });
    // @ts-expect-error unknown test
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, test: "welch" });
    // @ts-expect-error R spelling of the alternative
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, alternative: "two.sided" });
    // @ts-expect-error a proportions option on the means planner
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, baselineRate: 0.1 });
  });
});

describe("powerTwoProportions / powerTwoMeans", () => {
  test("signature and result", () => {
    expectTypeOf(powerTwoProportions).parameters.toEqualTypeOf<[PowerTwoProportionsOptions]>();
    expectTypeOf(powerTwoProportions).returns.toEqualTypeOf<TwoProportionsPlan>();
    expectTypeOf(powerTwoMeans).parameters.toEqualTypeOf<[PowerTwoMeansOptions]>();
    expectTypeOf(powerTwoMeans).returns.toEqualTypeOf<TwoMeansPlan>();
    expectTypeOf<TwoProportionsPlan>().toEqualTypeOf<DeepReadonly<TwoProportionsPlan>>();
    expectTypeOf<TwoMeansPlan>().toEqualTypeOf<DeepReadonly<TwoMeansPlan>>();
    expectTypeOf(powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 1000 }).power).toEqualTypeOf<number>();
    expectTypeOf(powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, nTreatment: 120 }).power).toEqualTypeOf<number>();
    const bayes = powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, test: "z", prior: { mean: 0, variance: 0.09 } });
    expectTypeOf(bayes.prior).toEqualTypeOf<NormalPrior | undefined>();
    mdeTwoMeans({ sd: 1, nControl: 100, test: "z", prior: null });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error nothing left to solve for: power is what this solver finds
    powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 1000, power: 0.8 });
    // @ts-expect-error two unknowns: the sample size is missing
    powerTwoProportions({ baselineRate: 0.1, mde: 0.1 });
    // @ts-expect-error two unknowns: the effect is missing
    powerTwoProportions({ baselineRate: 0.1, nControl: 1000 });
    // @ts-expect-error nothing left to solve for
    powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, power: 0.8 });
    // @ts-expect-error two unknowns: the sample size is missing
    powerTwoMeans({ sd: 1, mde: 0.2 });
    // @ts-expect-error unknown method
    powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 1000, method: "foo" });
    // @ts-expect-error sequential designs are for the sample-size solvers only
    powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, sequential: design });
    // @ts-expect-error a prior has a variance, not an sd
    powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, test: "z", prior: { mean: 0, sd: 0.3 } });
    // @ts-expect-error Bayesian power is for the power and MDE solvers only
    sampleSizeTwoMeans({ sd: 1, mde: 0.2, test: "z", prior: { mean: 0, variance: 0.09 } });
  });
});

describe("mdeTwoProportions / mdeTwoMeans", () => {
  test("signature and result", () => {
    expectTypeOf(mdeTwoProportions).parameters.toEqualTypeOf<[MdeTwoProportionsOptions]>();
    expectTypeOf(mdeTwoProportions).returns.toEqualTypeOf<TwoProportionsPlan>();
    expectTypeOf(mdeTwoMeans).parameters.toEqualTypeOf<[MdeTwoMeansOptions]>();
    expectTypeOf(mdeTwoMeans).returns.toEqualTypeOf<TwoMeansPlan>();
    mdeTwoProportions({ baselineRate: 0.1, nControl: 1000, power: 0.8, direction: "decrease" });
    mdeTwoMeans({ sd: 1, nControl: 100, direction: "increase" });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error nothing left to solve for: the effect is what this solver finds
    mdeTwoProportions({ baselineRate: 0.1, nControl: 1000, mde: 0.1 });
    // @ts-expect-error two unknowns: the sample size is missing
    mdeTwoProportions({ baselineRate: 0.1, power: 0.8 });
    // @ts-expect-error nothing left to solve for
    mdeTwoMeans({ sd: 1, nControl: 100, mde: 0.2 });
    // @ts-expect-error two unknowns: the sample size is missing
    mdeTwoMeans({ sd: 1 });
    // @ts-expect-error unknown direction
    mdeTwoMeans({ sd: 1, nControl: 100, direction: "up" });
  });
});

describe("experimentDuration", () => {
  test("signature and result", () => {
    expectTypeOf(experimentDuration).parameters.toEqualTypeOf<[ExperimentDurationOptions]>();
    expectTypeOf(experimentDuration).returns.toEqualTypeOf<ExperimentDurationResult>();
    expectTypeOf<ExperimentDurationResult>().toEqualTypeOf<DeepReadonly<ExperimentDurationResult>>();
    // a planner result is accepted as sampleSize
    const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1 });
    experimentDuration({ sampleSize: plan, dailyUnits: 1000, trafficShare: 0.5 });
    experimentDuration({ totalUnits: 20_000, dailyUnits: 1000 });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error dailyUnits is required
    experimentDuration({ totalUnits: 20_000 });
    // @ts-expect-error unknown option key
    experimentDuration({ totalUnits: 20_000, dailyUnits: 1000, weekends: false });
    // @ts-expect-error sampleSize must carry nTotal
    experimentDuration({ sampleSize: { nControl: 10 }, dailyUnits: 1000 });
  });
});

describe("powerByWeek", () => {
  test("signature and result", () => {
    expectTypeOf(powerByWeek).parameters.toEqualTypeOf<[PowerByWeekOptions]>();
    expectTypeOf(powerByWeek).returns.toEqualTypeOf<PowerByWeekResult>();
    expectTypeOf<PowerByWeekResult>().toEqualTypeOf<DeepReadonly<PowerByWeekResult>>();
    const r = powerByWeek({
      weeklyUnits: 4500,
      treatmentArms: 2,
      metrics: [
        { name: "cr", kind: "proportions", baselineRate: 0.1, mde: 0.1, method: "arcsine" },
        { name: "revenue", kind: "means", sd: 3, mde: 0.2, test: "z", alwaysValid: { tuningSampleSize: 5000 } },
      ],
    });
    expectTypeOf(r.weeksToPower).toEqualTypeOf<number | null>();
    expectTypeOf(r.byWeek[0]!.metrics[0]!.mde).toEqualTypeOf<number | null>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error metrics is required
    powerByWeek({ weeklyUnits: 1000 });
    powerByWeek({
      weeklyUnits: 1000,
      // @ts-expect-error a means option on a proportions metric
      metrics: [{ name: "cr", kind: "proportions", baselineRate: 0.1, mde: 0.1, sd: 1 }],
    });
    // @ts-expect-error alpha is set for the whole experiment
    powerByWeek({ weeklyUnits: 1000, metrics: [{ name: "m", kind: "means", sd: 1, mde: 0.1, alpha: 0.1 }] });
    // @ts-expect-error the sizes are the table's own
    powerByWeek({ weeklyUnits: 1000, metrics: [{ name: "m", kind: "means", sd: 1, mde: 0.1, nControl: 10 }] });
    // @ts-expect-error unknown kind
    powerByWeek({ weeklyUnits: 1000, metrics: [{ name: "m", kind: "ratio", sd: 1, mde: 0.1 }] });
  });
});
