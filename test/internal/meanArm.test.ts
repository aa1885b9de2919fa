import { describe, expect, it } from "vitest";
import {
  type MeanDataForms,
  meanArmMoments,
  meanArmSchema,
  SAMPLE_MESSAGE,
  sampleValueIssues,
} from "../../src/internal/meanArm.js";
import { covarianceFromSums, momentsFromSums, pairedSampleMoments, sampleMoments } from "../../src/internal/moments.js";

const MESSAGE = "must be one of the forms";
const plain: MeanDataForms = { message: MESSAGE, covariate: false, proportion: false, finitenessFromMoments: false };
const cuped: MeanDataForms = { ...plain, covariate: true, finitenessFromMoments: true };
const bayes: MeanDataForms = { ...plain, proportion: true };

const issues = (value: unknown, forms: MeanDataForms) => {
  const result = meanArmSchema(value, forms).safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("meanArmMoments", () => {
  const y = [3.1, 4.7, 2.2, 9.5, 6.3];
  const x = [1.0, 2.5, 0.7, 4.4, 3.9];

  it("reduces a sample (array or Float64Array) to its sample moments", () => {
    expect(meanArmMoments(y)).toEqual({ y: sampleMoments(y) });
    expect(meanArmMoments(Float64Array.from(y))).toEqual({ y: sampleMoments(y) });
  });

  it("reduces { values, covariate } to the paired moments", () => {
    const m = pairedSampleMoments(y, x);
    expect(meanArmMoments({ values: y, covariate: x })).toEqual({
      y: m.y,
      covariate: { mean: m.x.mean, variance: m.x.variance, covariance: m.covariance },
    });
  });

  it("takes { n, mean, sd } as given, with variance sd²", () => {
    expect(meanArmMoments({ n: 12, mean: 2.5, sd: 1.5 })).toEqual({ y: { n: 12, mean: 2.5, variance: 2.25 } });
  });

  it("reduces sufficient statistics, with the covariate only when all three covariate sums are there", () => {
    const sums = { n: 5, sum: 25.8, sumSquares: 159.88 };
    expect(meanArmMoments(sums)).toEqual({ y: momentsFromSums(5, 25.8, 159.88) });
    expect(meanArmMoments({ ...sums, covariateSum: 12.5 })).toEqual({ y: momentsFromSums(5, 25.8, 159.88) });
    const x5 = momentsFromSums(5, 12.5, 42.51);
    expect(meanArmMoments({ ...sums, covariateSum: 12.5, covariateSumSquares: 42.51, crossSum: 80.03 })).toEqual({
      y: momentsFromSums(5, 25.8, 159.88),
      covariate: { mean: x5.mean, variance: x5.variance, covariance: covarianceFromSums(5, 25.8, 12.5, 80.03) },
    });
  });

  it("gives a proportion p̂ and the per-unit variance p̂(1 − p̂) without n − 1 (GrowthBook)", () => {
    expect(meanArmMoments({ visitors: 200, conversions: 50 })).toEqual({ y: { n: 200, mean: 0.25, variance: 0.1875 } });
  });
});

describe("meanArmSchema", () => {
  it("accepts every form a caller asks for and refuses the others with the caller's message", () => {
    const withCovariate = { values: [1, 2, 3], covariate: [2, 3, 5] };
    const proportion = { visitors: 10, conversions: 3 };
    expect(issues(withCovariate, cuped)).toEqual([]);
    expect(issues(withCovariate, bayes)).toEqual([{ path: "", message: MESSAGE }]);
    expect(issues(proportion, bayes)).toEqual([]);
    expect(issues(proportion, cuped)).toEqual([{ path: "", message: MESSAGE }]);
    expect(issues("abc", plain)).toEqual([{ path: "", message: MESSAGE }]);
  });

  it("accepts covariate sums only with the covariate forms", () => {
    const sums = { n: 3, sum: 6, sumSquares: 14, covariateSum: 3, covariateSumSquares: 5, crossSum: 8 };
    expect(issues(sums, cuped)).toEqual([]);
    expect(issues(sums, bayes)).toEqual([{ path: "", message: MESSAGE }]);
    expect(issues({ n: 3, sum: 6, sumSquares: 14, covariateSum: 3 }, cuped)).toEqual([
      { path: "covariateSum", message: "covariateSum, covariateSumSquares and crossSum go together (all or none)" },
    ]);
  });

  it("reports inconsistent sums and a proportion above its visitors on the right field", () => {
    expect(issues({ n: 4, sum: 10, sumSquares: 1 }, plain)).toEqual([
      { path: "sumSquares", message: "must be >= sum^2 / n (inconsistent sums give a negative variance)" },
    ]);
    expect(issues({ visitors: 10, conversions: 11 }, bayes)).toEqual([
      { path: "conversions", message: "must be <= visitors" },
    ]);
  });

  it("checks a sample's values unless the caller checks the moments instead, and its length always", () => {
    for (const bad of [Float64Array.of(1, Number.NaN, 3), [1, Number.NaN, 3], [1, "2", 3], [1, null, 3]]) {
      expect(issues(bad, plain)).toEqual([{ path: "", message: SAMPLE_MESSAGE }]);
      expect(issues(bad, cuped)).toEqual([]);
    }
    for (const short of [Float64Array.of(1), [1], [], ["a"]]) {
      expect(issues(short, plain)).toEqual([{ path: "", message: SAMPLE_MESSAGE }]);
      expect(issues(short, cuped)).toEqual([{ path: "", message: SAMPLE_MESSAGE }]);
    }
    // The samples of { values, covariate } are always checked by the schema.
    expect(issues({ values: [1, Number.NaN, 3], covariate: [1, 2, 3] }, cuped)).toEqual([
      { path: "values", message: SAMPLE_MESSAGE },
    ]);
  });

  it("returns one schema per caller and form, whatever the values", () => {
    expect(meanArmSchema([1, 2], plain)).toBe(meanArmSchema([5, 6, 7], plain));
    expect(meanArmSchema({ n: 2, mean: 1, sd: 1 }, plain)).toBe(meanArmSchema({ n: 9, mean: 0, sd: 3 }, plain));
    expect(meanArmSchema([1, 2], plain)).not.toBe(meanArmSchema({ n: 2, mean: 1, sd: 1 }, plain));
    expect(meanArmSchema({ n: 2, mean: 1, sd: 1 }, plain)).not.toBe(meanArmSchema({ n: 2, mean: 1, sd: 1 }, bayes));
    expect(meanArmSchema(Float64Array.of(1, 2), cuped)).toBe(meanArmSchema([1, 2], cuped));
    expect(meanArmSchema(Float64Array.of(1, 2), plain)).toBe(meanArmSchema([1, 2], plain));
    expect(meanArmSchema([1, 2], cuped)).not.toBe(meanArmSchema([1, 2], plain));
  });

  it("gives the same verdicts from a cached schema as from a fresh one", () => {
    const forms: MeanDataForms = { ...plain };
    expect(issues({ n: 4, sum: 10, sumSquares: 30 }, forms)).toEqual([]);
    expect(issues({ n: 4, sum: 10, sumSquares: 1 }, forms)).toEqual([
      { path: "sumSquares", message: "must be >= sum^2 / n (inconsistent sums give a negative variance)" },
    ]);
    expect(issues({ n: 4, sum: 10, sumSquares: 30 }, forms)).toEqual([]);
  });
});

describe("sampleValueIssues", () => {
  it("names the long-enough raw samples with a non-number or non-finite value, when values are deferred", () => {
    const arms = {
      a: [1, 2, 3],
      b: [1, Number.POSITIVE_INFINITY],
      c: Float64Array.of(1, Number.NaN),
      d: [1, "2"],
      e: [Number.NaN],
      f: { n: 2, mean: Number.NaN, sd: 1 },
    };
    expect(sampleValueIssues(arms, cuped)).toEqual([
      { path: ["b"], message: SAMPLE_MESSAGE },
      { path: ["c"], message: SAMPLE_MESSAGE },
      { path: ["d"], message: SAMPLE_MESSAGE },
    ]);
    expect(sampleValueIssues(arms, plain)).toEqual([]);
  });
});
