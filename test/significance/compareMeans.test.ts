import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import {
  type CompareMeansOptions,
  type CompareMeansResult,
  compareMeans,
  type MeanData,
} from "../../src/significance/compareMeans.js";
import { expectClose, type Tolerance } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

type Summary = { n: number; mean: string; sd: string; sum: string; sumSquares: string };
interface TCase {
  readonly name: string;
  readonly input: { control: number[]; treatment: number[]; options: CompareMeansOptions };
  readonly summaries: { control: Summary; treatment: Summary };
  readonly expected: Readonly<Record<string, string>>;
}
type Sums = Record<string, string | number>;
interface CupedCase {
  readonly name: string;
  readonly input: {
    control: { values: number[]; covariate: number[] };
    treatment: { values: number[]; covariate: number[] };
    options: CompareMeansOptions;
  };
  readonly sums: { control: Sums; treatment: Sums };
  readonly expected: Readonly<Record<string, string>>;
}

const getters: Readonly<Record<string, (r: CompareMeansResult) => number>> = {
  statistic: (r) => r.statistic,
  df: (r) => r.df,
  pValue: (r) => r.pValue,
  ciLower: (r) => r.difference.confidenceInterval.lower,
  ciUpper: (r) => r.difference.confidenceInterval.upper,
  standardError: (r) => r.difference.standardError,
  meanTreatment: (r) => r.treatment.mean,
  meanControl: (r) => r.control.mean,
  theta: (r) => r.cuped?.theta ?? Number.NaN,
  varianceReduction: (r) => r.cuped?.varianceReduction ?? Number.NaN,
  relativeEstimate: (r) => r.relativeLift.estimate,
  relativeStandardError: (r) => r.relativeLift.standardError,
};

function compare(
  r: CompareMeansResult,
  expected: Readonly<Record<string, string>>,
  tol: Tolerance,
  label: string,
): string[] {
  const failures: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const get = getters[key];
    if (get === undefined) throw new Error(`no getter for ${key}`);
    try {
      expectClose(get(r), num(value), tol, `${label} ${key}`);
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  return failures;
}

const summaryOf = (s: Summary) => ({ n: s.n, mean: num(s.mean), sd: num(s.sd) });
const sumsOf = (s: Summary) => ({ n: s.n, sum: num(s.sum), sumSquares: num(s.sumSquares) });
const parseSums = (s: Sums) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, num(v)])) as unknown as MeanData;

describe("compareMeans conformance (R t.test)", () => {
  for (const path of listFixtures("significance/compareMeans").filter((p) => !p.includes("cuped"))) {
    const fixture = loadFixture<TCase>(path);
    test(`raw samples match ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        failures.push(
          ...compare(
            compareMeans(c.input.control, c.input.treatment, c.input.options),
            c.expected,
            fixture.meta.tolerance,
            c.name,
          ),
        );
        // Float64Array input gives the same answer
        const typed = compareMeans(
          Float64Array.from(c.input.control),
          Float64Array.from(c.input.treatment),
          c.input.options,
        );
        failures.push(
          ...compare(typed, { statistic: c.expected["statistic"]! }, fixture.meta.tolerance, `${c.name} typed`),
        );
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
    test(`summaries { n, mean, sd } match ${fixture.meta.reference} (${path})`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = compareMeans(summaryOf(c.summaries.control), summaryOf(c.summaries.treatment), c.input.options);
        failures.push(...compare(r, c.expected, fixture.meta.tolerance, c.name));
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
    test(`sufficient statistics { n, sum, sumSquares } match ${fixture.meta.reference} (${path})`, () => {
      // Σx² − (Σx)²/n cancels: the relative error of the variance is about ε·Σx²/((n−1)s²), up to ~1e-9
      // here (means 50 with sds 0.1). Tolerance 1e-7 reflects the input form, not the test.
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = compareMeans(sumsOf(c.summaries.control), sumsOf(c.summaries.treatment), c.input.options);
        failures.push(...compare(r, c.expected, { rtol: 1e-7, atol: 1e-9 }, c.name));
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

describe("compareMeans conformance (CUPED)", () => {
  const fixture = loadFixture<CupedCase>("significance/compareMeans/r/cuped.json");
  test(`raw { values, covariate } match ${fixture.meta.reference} (${fixture.cases.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of fixture.cases) {
      failures.push(
        ...compare(
          compareMeans(c.input.control, c.input.treatment, c.input.options),
          c.expected,
          fixture.meta.tolerance,
          c.name,
        ),
      );
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
  test("sufficient statistics with covariate sums match the same cases", () => {
    const failures: string[] = [];
    for (const c of fixture.cases) {
      const r = compareMeans(parseSums(c.sums.control), parseSums(c.sums.treatment), c.input.options);
      failures.push(...compare(r, c.expected, { rtol: 1e-8, atol: 1e-10 }, c.name));
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

// GrowthBook packages/stats/tests/frequentist/test_tests.py, printed to 5 decimals.
const gbControl = { n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const gbTreatment = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };
const gbControl3000 = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const five = { atol: 5e-6 };

describe("compareMeans published cases (GrowthBook, Spotify)", () => {
  test("G1 (relative) and G2 (absolute)", () => {
    const r = compareMeans(gbControl, gbTreatment);
    expectClose(r.relativeLift.estimate, 0.70732, five, "G1 estimate");
    expectClose(r.relativeLift.standardError, 0.37879, five, "G1 SE");
    expectClose(r.relativeLift.confidenceInterval.lower, -0.03526, five, "G1 lower");
    expectClose(r.relativeLift.confidenceInterval.upper, 1.44989, five, "G1 upper");
    expectClose(r.relativeLift.pValue, 0.06191, five, "G1 p");
    expectClose(r.difference.estimate, 0.29, { rtol: 1e-14 }, "G2 estimate");
    expectClose(r.difference.standardError, 0.12478, five, "G2 SE");
    expectClose(r.difference.confidenceInterval.lower, 0.04538, five, "G2 lower");
    expectClose(r.difference.confidenceInterval.upper, 0.53462, five, "G2 upper");
    expectClose(r.pValue, 0.02016, five, "G2 p");
  });

  test("G1 data with a Fieller relative interval: the reference file's worked value (t quantile)", () => {
    const r = compareMeans(gbControl, gbTreatment, { relativeInterval: "fieller" });
    expectClose(r.df, 5841.742, { atol: 5e-4 }, "df");
    expectClose(r.relativeLift.confidenceInterval.lower, 0.094062, { atol: 5e-7 }, "lower");
    expectClose(r.relativeLift.confidenceInterval.upper, 1.7086899, { atol: 5e-7 }, "upper");
  });

  test("G3: proportions 14/28 vs 16/30 through summaries with sd = sqrt(p(1 − p))", () => {
    const arm = (x: number, n: number) => ({ n, mean: x / n, sd: Math.sqrt((x / n) * (1 - x / n)) });
    const r = compareMeans(arm(14, 28), arm(16, 30));
    expectClose(r.relativeLift.estimate, 0.06667, five, "estimate");
    expectClose(r.relativeLift.standardError, 0.2717, { atol: 5e-5 }, "SE");
    expectClose(r.relativeLift.confidenceInterval.lower, -0.47767, five, "lower");
    expectClose(r.relativeLift.confidenceInterval.upper, 0.61101, five, "upper");
    expectClose(r.relativeLift.pValue, 0.80707, five, "p");
    expectClose(r.df, 55.71, { atol: 5e-3 }, "df");
  });

  test("G6: CUPED with pooled theta (point estimate and SE; the sequential interval is not this function's)", () => {
    const r = compareMeans(
      { ...gbControl3000, covariateSum: 16.87, covariateSumSquares: 527.9767, crossSum: 1 },
      { ...gbTreatment, covariateSum: 22.7, covariateSumSquares: 1348.29, crossSum: 1 },
    );
    expectClose(r.relativeLift.estimate, 0.50338, five, "estimate");
    expectClose(r.relativeLift.standardError, 0.33341, five, "SE");
    expectClose(r.cuped?.theta ?? Number.NaN, -0.0114032, { atol: 5e-8 }, "theta");
  });

  test("G7, G8, G9: one-sided tests", () => {
    const greater = compareMeans(gbControl3000, gbTreatment, { alternative: "greater" });
    expectClose(greater.relativeLift.estimate, 0.5033610858562358, { rtol: 1e-13 }, "G7 estimate");
    expectClose(greater.relativeLift.standardError, 0.3334122146400735, { rtol: 1e-12 }, "G7 SE");
    expectClose(greater.relativeLift.confidenceInterval.lower, -0.045136675850396046, { rtol: 1e-9 }, "G7 lower");
    expect(greater.relativeLift.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    expectClose(greater.relativeLift.pValue, 0.06558262868467746, { rtol: 1e-9 }, "G7 p");
    expectClose(greater.difference.estimate, 0.23437666666666668, { rtol: 1e-13 }, "G8 estimate");
    expectClose(greater.difference.standardError, 0.12983081254184736, { rtol: 1e-12 }, "G8 SE");
    expectClose(greater.difference.confidenceInterval.lower, 0.020791480063255735, { rtol: 1e-9 }, "G8 lower");
    expectClose(greater.pValue, 0.03554272489873023, { rtol: 1e-9 }, "G8 p");
    const less = compareMeans(gbControl3000, gbTreatment, { alternative: "less" });
    expect(less.relativeLift.confidenceInterval.lower).toBe(Number.NEGATIVE_INFINITY);
    expectClose(less.relativeLift.confidenceInterval.upper, 1.0518588475628676, { rtol: 1e-9 }, "G9 upper");
    expectClose(less.relativeLift.pValue, 0.9344173713153225, { rtol: 1e-9 }, "G9 p");
  });

  test("S3: Spotify StudentsTTest from sums (Welch p recomputed 0.03326)", () => {
    const c = { n: 48351, sum: 1.438602e6, sumSquares: 7.330581e7 };
    const t = { n: 50571, sum: 1.521974e6, sumSquares: 7.862121e7 };
    const r = compareMeans(c, t);
    expectClose(r.difference.estimate, 0.34248, five, "difference");
    expectClose(r.difference.standardError, 0.16087, five, "SE");
    expectClose(r.pValue, 0.03326, five, "p");
    expectClose(r.pValue, 0.03334, { rtol: 0.01 }, "p (Spotify's test, 1%)");
    const swapped = compareMeans(t, c);
    expectClose(swapped.pValue, r.pValue, { rtol: 1e-12 }, "symmetric");
  });
});

describe("compareMeans documented example", () => {
  test("Student's sleep data", () => {
    const control = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const treatment = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = compareMeans(control, treatment);
    expectClose(r.statistic, 1.8608134674868531, { rtol: 1e-13 }, "t");
    expectClose(r.df, 17.776473516178498, { rtol: 1e-13 }, "df");
    expectClose(r.pValue, 0.079394140187358173, { rtol: 1e-12 }, "p");
    expectClose(r.difference.confidenceInterval.lower, -0.20548323071171018, { rtol: 1e-12 }, "lower");
    expectClose(r.difference.confidenceInterval.upper, 3.3654832307117104, { rtol: 1e-12 }, "upper");
    expectClose(r.relativeLift.estimate, 2.1067, { atol: 5e-5 }, "relative");
  });
});

describe("compareMeans results", () => {
  const c = [1, 2, 3, 4, 5, 6];
  const t = [2, 3, 4, 5, 6, 9];

  test("echoes what was asked and is JSON-serializable", () => {
    const r = compareMeans(c, t, { alternative: "less", confidenceLevel: 0.9, nullValue: 0.5, equalVariance: true });
    expect(r).toMatchObject({
      alternative: "less",
      confidenceLevel: 0.9,
      nullValue: 0.5,
      equalVariance: true,
      cuped: null,
    });
    expect(r.method).toBe("Student two-sample t-test (pooled variance)");
    expect(r.difference.confidenceInterval.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(r.df).toBe(10);
    expect(JSON.parse(JSON.stringify(r)).control).toEqual(r.control);
  });

  test("one constant arm is fine (Welch df = n − 1 of the other)", () => {
    const r = compareMeans([5, 5, 5, 5], [1, 2, 3, 4, 5]);
    expectClose(r.df, 4, { rtol: 1e-14 }, "df");
  });

  test("a tiny p-value is printed, not 0", () => {
    const control = Array.from({ length: 300 }, (_, i) => 10 + Math.sin(i));
    const treatment = Array.from({ length: 300 }, (_, i) => 14 + Math.cos(i));
    const r = compareMeans(control, treatment);
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-200);
  });

  test("CUPED with a constant covariate falls back to theta = 0 and no reduction", () => {
    const r = compareMeans(
      { values: [1, 2, 3, 4], covariate: [1, 1, 1, 1] },
      { values: [2, 3, 4, 6], covariate: [1, 1, 1, 1] },
    );
    expect(r.cuped?.theta).toBe(0);
    expect(r.cuped?.varianceReduction).toBe(0);
    expect(r.method).toContain("CUPED");
  });
});

describe("compareMeans degenerate data", () => {
  const degenerate = (fn: () => unknown, pattern: RegExp) => {
    try {
      fn();
    } catch (error) {
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
      expect((error as Error).message).toMatch(/^compareMeans: /);
      expect((error as Error).message).toMatch(pattern);
      return;
    }
    throw new Error("did not throw");
  };
  test("both arms constant", () => {
    degenerate(() => compareMeans([3, 3, 3], [4, 4, 4]), /essentially constant/);
    degenerate(() => compareMeans({ n: 10, mean: 0, sd: 0 }, { n: 10, mean: 0, sd: 0 }), /essentially constant/);
  });
  test("zero control mean: no relative lift", () => {
    degenerate(() => compareMeans([-1, 0, 1], [1, 2, 3]), /control mean is 0/);
  });
});

describe("compareMeans bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("compareMeans: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  const good = [1, 2, 3];

  test("fewer than 2 values, NaN, Infinity, each arm named", () => {
    rejects(
      () => compareMeans([1], [1, Number.NaN]),
      "control: must be an array of at least 2 finite numbers",
      "treatment: must be",
    );
    rejects(
      () => compareMeans(good, [1, Number.POSITIVE_INFINITY]),
      "treatment: must be an array of at least 2 finite numbers",
    );
  });
  test("Float64Array samples: non-finite values are caught in the moments pass, short arrays by the schema", () => {
    rejects(
      () => compareMeans(Float64Array.of(1, Number.NaN, 3), Float64Array.of(1, 2, Number.POSITIVE_INFINITY)),
      "control: must be an array of at least 2 finite numbers",
      "treatment: must be an array of at least 2 finite numbers",
    );
    rejects(
      () => compareMeans(Float64Array.of(1), Float64Array.of(1, 2)),
      "control: must be an array of at least 2 finite numbers",
    );
  });
  test("plain arrays: non-numbers are caught in the moments pass without coercion, each arm named", () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is one of the non-numbers under test
    const holey = [1, , 3] as number[];
    for (const bad of ["2", null, undefined, 2n, Symbol("s"), { valueOf: () => 2 }]) {
      rejects(
        () => compareMeans([1, bad, 3] as unknown as number[], holey),
        "control: must be an array of at least 2 finite numbers",
        "treatment: must be an array of at least 2 finite numbers",
      );
    }
  });
  test("bad sample values are named beside bad options (the schema fails, deferred checks still run)", () => {
    rejects(
      () => compareMeans([1, Number.NaN, 3], Float64Array.of(1, 2, Number.POSITIVE_INFINITY), { confidenceLevel: 2 }),
      "control: must be an array of at least 2 finite numbers",
      "treatment: must be an array of at least 2 finite numbers",
      "options.confidenceLevel: must be < 1",
    );
  });
  test("unrecognised data", () => {
    rejects(
      () => compareMeans("abc" as unknown as number[], good),
      "control: must be a sample of at least 2 finite numbers, { values, covariate }",
    );
    rejects(() => compareMeans(null as unknown as number[], good), "control: must be a sample");
  });
  test("bad summaries", () => {
    rejects(
      () => compareMeans({ n: 1.5, mean: Number.NaN, sd: -1 }, good),
      "control.n: must be an integer",
      "control.mean: must be a finite number",
      "control.sd: must be >= 0",
    );
    rejects(() => compareMeans({ n: 1, mean: 0, sd: 1 }, good), "control.n: must be >= 2");
  });
  test("inconsistent sufficient statistics", () => {
    rejects(() => compareMeans({ n: 10, sum: 100, sumSquares: 500 }, good), "control.sumSquares: must be >= sum^2 / n");
    rejects(
      () => compareMeans({ n: 10, sum: 100, sumSquares: 5000, covariateSum: 3 }, good),
      "control.covariateSum: covariateSum, covariateSumSquares and crossSum go together",
    );
  });
  test("covariate length mismatch and covariate in one arm only", () => {
    rejects(
      () => compareMeans({ values: [1, 2, 3], covariate: [1, 2] }, good),
      "control.covariate: must have as many values as values",
    );
    rejects(
      () => compareMeans({ values: [1, 2, 3], covariate: [1, 2, 4] }, good),
      "treatment: must carry a covariate as control does",
    );
  });
  test("options", () => {
    rejects(
      () =>
        compareMeans(good, good, {
          alternative: "both" as "less",
          confidenceLevel: 0,
          nullValue: Number.NaN,
          equalVariance: "yes" as unknown as boolean,
          relativeInterval: "log" as "delta",
        }),
      "options.alternative",
      "options.confidenceLevel: must be > 0",
      "options.nullValue: must be a finite number",
      "options.equalVariance: must be true or false",
      'options.relativeInterval: must be "delta" or "fieller"',
    );
    rejects(() => compareMeans(good, good, { mu: 1 } as CompareMeansOptions), "options");
    rejects(
      () =>
        compareMeans(
          { values: [1, 2, 3], covariate: [1, 2, 4] },
          { values: [1, 2, 5], covariate: [1, 3, 4] },
          { relativeInterval: "fieller" },
        ),
      'options.relativeInterval: must be "delta" when the data carry a covariate',
    );
  });
});
