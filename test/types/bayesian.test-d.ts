/**
 * Type tests for the Bayesian area (style guide §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type ArmRisk,
  type BayesianMeanData,
  type BayesianMeansOptions,
  type BayesianMeansResult,
  type BayesianProportionsOptions,
  type BayesianProportionsResult,
  type BestArm,
  type BetaPrior,
  bayesianMeans,
  bayesianProportions,
  type ConfidenceInterval,
  type NormalPrior,
  type ProbabilityToBeBestOptions,
  type ProbabilityToBeBestResult,
  type ProportionData,
  probabilityToBeBest,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

const a: ProportionData = { visitors: 1000, conversions: 100 };
const b: ProportionData = { visitors: 1000, conversions: 120 };

describe("bayesianProportions", () => {
  test("signature and result", () => {
    expectTypeOf(bayesianProportions).parameters.toEqualTypeOf<
      [ProportionData, ProportionData, (BayesianProportionsOptions | undefined)?]
    >();
    expectTypeOf(bayesianProportions).returns.toEqualTypeOf<BayesianProportionsResult>();
    expectTypeOf<BayesianProportionsResult>().toEqualTypeOf<DeepReadonly<BayesianProportionsResult>>();
    const r = bayesianProportions(a, b, { prior: { alpha: 1, beta: 1 }, credibleLevel: 0.9 });
    expectTypeOf(r.prior).toEqualTypeOf<BetaPrior>();
    expectTypeOf(r.control.credibleInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.difference.credibleInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.probabilityTreatmentBetter).toEqualTypeOf<number>();
    // @ts-expect-error results are readonly
    r.probabilityTreatmentBetter = 1;
  });

  test("misuse does not compile", () => {
    // @ts-expect-error mean summaries are for bayesianMeans
    bayesianProportions({ n: 100, mean: 1, sd: 1 }, b);
    // @ts-expect-error a Beta prior has alpha and beta
    bayesianProportions(a, b, { prior: { mean: 0, variance: 1 } });
    // @ts-expect-error unknown key inside the prior
    bayesianProportions(a, b, { prior: { alpha: 1, beta: 1, weight: 2 } });
    // @ts-expect-error credibleLevel, not confidenceLevel
    bayesianProportions(a, b, { confidenceLevel: 0.9 });
    // @ts-expect-error the treatment arm is required
    bayesianProportions(a);
  });
});

describe("bayesianMeans", () => {
  test("signature and result", () => {
    expectTypeOf(bayesianMeans).parameters.toEqualTypeOf<
      [BayesianMeanData, BayesianMeanData, (BayesianMeansOptions | undefined)?]
    >();
    expectTypeOf(bayesianMeans).returns.toEqualTypeOf<BayesianMeansResult>();
    expectTypeOf<BayesianMeansResult>().toEqualTypeOf<DeepReadonly<BayesianMeansResult>>();
    const r = bayesianMeans([1, 2, 3], [2, 3, 4]);
    expectTypeOf(r.prior).toEqualTypeOf<NormalPrior | null>();
    expectTypeOf(r.credibleInterval).toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf(r.risk).toEqualTypeOf<ArmRisk>();
  });

  test("accepts every data shape and option", () => {
    bayesianMeans(new Float64Array([1, 2]), new Float64Array([2, 3]));
    bayesianMeans({ n: 100, mean: 1, sd: 2 }, { n: 100, mean: 1.1, sd: 2 });
    bayesianMeans({ n: 100, sum: 100, sumSquares: 500 }, { n: 100, sum: 110, sumSquares: 550 });
    bayesianMeans(a, b, { relative: true, prior: null, credibleLevel: 0.9 });
    bayesianMeans(a, b, { prior: { mean: 0, variance: 0.01 } });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error a normal prior has mean and variance
    bayesianMeans(a, b, { prior: { alpha: 1, beta: 1 } });
    // @ts-expect-error samples are numbers
    bayesianMeans(["1"], ["2"]);
    // @ts-expect-error relative is a boolean
    bayesianMeans(a, b, { relative: "yes" });
  });
});

describe("probabilityToBeBest", () => {
  test("signature and result", () => {
    expectTypeOf(probabilityToBeBest).parameters.toEqualTypeOf<
      [readonly BestArm[], (ProbabilityToBeBestOptions | undefined)?]
    >();
    expectTypeOf(probabilityToBeBest).returns.toEqualTypeOf<ProbabilityToBeBestResult>();
    expectTypeOf<ProbabilityToBeBestResult>().toEqualTypeOf<DeepReadonly<ProbabilityToBeBestResult>>();
    expectTypeOf<ProbabilityToBeBestResult["family"]>().toEqualTypeOf<"beta" | "normal">();
    expectTypeOf<ProbabilityToBeBestResult["probabilityToBeBest"]>().toEqualTypeOf<readonly number[]>();
    probabilityToBeBest([a, b], { prior: { alpha: 1, beta: 1 } });
    probabilityToBeBest([
      { alpha: 11, beta: 91 },
      { alpha: 13, beta: 89 },
    ]);
    probabilityToBeBest([
      { mean: 0.1, sd: 0.01 },
      { mean: 0.12, sd: 0.01 },
    ]);
  });

  test("misuse does not compile", () => {
    // @ts-expect-error arms are an array
    probabilityToBeBest(a, b);
    // @ts-expect-error a normal posterior has mean and sd
    probabilityToBeBest([{ mean: 0.1 }, { mean: 0.2 }]);
    // @ts-expect-error unknown option key
    probabilityToBeBest([a, b], { draws: 1000 });
  });
});
