import { describe, expect, test } from "vitest";
import type { BayesianMeanData } from "../../src/bayesian/armData.js";
import {
  type BayesianMeansOptions,
  type BayesianMeansResult,
  bayesianMeans,
} from "../../src/bayesian/bayesianMeans.js";
import { normalPositiveNegativeParts } from "../../src/bayesian/normalLoss.js";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface MeansCase {
  readonly name: string;
  readonly control: BayesianMeanData;
  readonly treatment: BayesianMeanData;
  readonly options: BayesianMeansOptions;
  readonly expected: Readonly<Record<string, string>>;
}

const getters: Readonly<Record<string, (r: BayesianMeansResult) => number>> = {
  estimate: (r) => r.estimate,
  standardError: (r) => r.standardError,
  posteriorMean: (r) => r.posteriorMean,
  posteriorSd: (r) => r.posteriorSd,
  chanceToWin: (r) => r.chanceToWin,
  ciLower: (r) => r.credibleInterval.lower,
  ciUpper: (r) => r.credibleInterval.upper,
  riskControl: (r) => r.risk.control,
  riskTreatment: (r) => r.risk.treatment,
};

describe("bayesianMeans conformance (mpmath, 50 digits)", () => {
  for (const file of ["random.json", "extreme.json"]) {
    const fixture = loadFixture<MeansCase>(`bayesian/bayesianMeans/${file}`);
    test(`${file}: ${fixture.cases.length} cases`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = bayesianMeans(c.control, c.treatment, c.options);
        for (const [key, value] of Object.entries(c.expected)) {
          try {
            expectClose(getters[key]!(r), num(value), fixture.meta.tolerance, `${c.name} ${key}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("bayesianMeans reproduces GrowthBook's published Bayesian cases (test_tests.py)", () => {
  test("G14: P(49, 100) vs P(51, 100), relative, improper prior", () => {
    const r = bayesianMeans({ visitors: 100, conversions: 49 }, { visitors: 100, conversions: 51 });
    const d5 = { atol: 0.5e-5 };
    expectClose(r.posteriorMean, 0.04082, d5, "mean");
    expectClose(r.posteriorSd, 0.14725, d5, "sd");
    expectClose(r.credibleInterval.lower, -0.24779, d5, "lower");
    expectClose(r.credibleInterval.upper, 0.32943, d5, "upper");
    expectClose(r.chanceToWin, 0.60918, d5, "chanceToWin");
    expectClose(r.risk.control, 0.0814, { atol: 0.5e-4 }, "risk control");
    expectClose(r.risk.treatment, 0.04058, d5, "risk treatment");
  });
  const sm = (sum: number, sumSquares: number, n: number) => ({ n, sum, sumSquares });
  test("G15: SM(100, 1002.25, 10) vs SM(105, 1111.5, 10), improper prior", () => {
    const r = bayesianMeans(sm(100, 1002.25, 10), sm(105, 1111.5, 10));
    const d5 = { atol: 0.5e-5 };
    expectClose(r.posteriorMean, 0.05, d5, "mean");
    expectClose(r.posteriorSd, 0.03572, d5, "sd");
    expectClose(r.credibleInterval.lower, -0.02, d5, "lower");
    expectClose(r.credibleInterval.upper, 0.12, d5, "upper");
    expectClose(r.chanceToWin, 0.91923, d5, "chanceToWin");
    expectClose(r.risk.control, 0.05131, d5, "risk control");
    expectClose(r.risk.treatment, 0.00131, d5, "risk treatment");
  });
  test("G16: same data, proper prior N(0.1, variance 0.1)", () => {
    const r = bayesianMeans(sm(100, 1002.25, 10), sm(105, 1111.5, 10), { prior: { mean: 0.1, variance: 0.1 } });
    const d5 = { atol: 0.5e-5 };
    expectClose(r.posteriorMean, 0.05063, d5, "mean");
    expectClose(r.posteriorSd, 0.03549, d5, "sd");
    expectClose(r.credibleInterval.lower, -0.01893, d5, "lower");
    expectClose(r.credibleInterval.upper, 0.12019, d5, "upper");
    expectClose(r.chanceToWin, 0.92315, d5, "chanceToWin");
    expectClose(r.risk.control, 0.05186, d5, "risk control");
    expectClose(r.risk.treatment, 0.00123, d5, "risk treatment");
  });
  test("G17: get_risk(mu = 0.1, sigma = 0.05)", () => {
    const [control, treatment] = normalPositiveNegativeParts(0.1, 0.05);
    expectClose(control, 0.1004245351308, { atol: 0.5e-13 }, "risk control");
    // GrowthBook prints 16 decimals truncated (mpmath: 0.000424535130841481901...).
    expectClose(treatment, 0.0004245351308414, { atol: 1e-16 }, "risk treatment");
    expectClose(treatment, 0.0004245351308414819, { rtol: 1e-14 }, "risk treatment (mpmath)");
    // The same through the public function: difference 0.1 with standard error 0.05.
    const r = bayesianMeans({ n: 2, mean: 0, sd: 0.05 }, { n: 2, mean: 0.1, sd: 0.05 }, { relative: false });
    expectClose(r.risk.control, 0.1004245351308, { atol: 0.5e-13 }, "public risk control");
    expectClose(r.risk.treatment, 0.0004245351308414, { atol: 1e-16 }, "public risk treatment");
  });
  test("G18: get_risk(±0.01, 4.5e-9) beyond |mu/sigma| = 37 gives [0.01, 0] and [0, 0.01]", () => {
    expect(normalPositiveNegativeParts(0.01, 4.5e-9)).toEqual([0.01, 0]);
    expect(normalPositiveNegativeParts(-0.01, 4.5e-9)).toEqual([0, 0.01]);
    const r = bayesianMeans({ n: 2, mean: 1, sd: 4.5e-9 }, { n: 2, mean: 1.01, sd: 4.5e-9 }, { relative: false });
    expectClose(r.risk.control, 0.01, { rtol: 1e-12 }, "risk control");
    expect(r.risk.treatment).toBe(0);
    expect(r.chanceToWin).toBe(1);
  });
});

describe("bayesianMeans documented example", () => {
  test("G14 as in the TSDoc", () => {
    const r = bayesianMeans({ visitors: 100, conversions: 49 }, { visitors: 100, conversions: 51 });
    expectClose(r.posteriorMean, 0.040816, { atol: 5e-7 }, "posteriorMean");
    expectClose(r.posteriorSd, 0.14725, { atol: 5e-6 }, "posteriorSd");
    expectClose(r.chanceToWin, 0.60918, { atol: 5e-6 }, "chanceToWin");
    expectClose(r.credibleInterval.lower, -0.24779, { atol: 5e-6 }, "lower");
    expectClose(r.credibleInterval.upper, 0.32943, { atol: 5e-6 }, "upper");
    expect(r.credibleInterval.level).toBe(0.95);
    expectClose(r.risk.control, 0.081396, { atol: 5e-7 }, "risk.control");
    expectClose(r.risk.treatment, 0.04058, { atol: 5e-7 }, "risk.treatment");
    expect(r.method).toBe("Normal model on the relative lift (delta method), improper flat prior");
    expect(r.prior).toBeNull();
    expect(r.relative).toBe(true);
  });
});

describe("bayesianMeans data forms", () => {
  const control = [3.1, 2.9, 3.4, 3.0, 2.7, 3.3];
  const treatment = [3.5, 3.2, 3.9, 3.1, 3.6, 3.4, 3.0];
  const sums = (xs: number[]) => ({
    n: xs.length,
    sum: xs.reduce((a, b) => a + b, 0),
    sumSquares: xs.reduce((a, b) => a + b * b, 0),
  });
  const summary = (xs: number[]) => {
    const n = xs.length;
    const m = xs.reduce((a, b) => a + b, 0) / n;
    return { n, mean: m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1)) };
  };
  test("a raw sample, a Float64Array, sums and a summary give the same answer", () => {
    const base = bayesianMeans(control, treatment);
    for (const [c, t] of [
      [Float64Array.from(control), Float64Array.from(treatment)],
      [sums(control), sums(treatment)],
      [summary(control), summary(treatment)],
    ] as const) {
      const r = bayesianMeans(c, t);
      expectClose(r.posteriorMean, base.posteriorMean, { rtol: 1e-12 }, "mean");
      expectClose(r.posteriorSd, base.posteriorSd, { rtol: 1e-10 }, "sd");
    }
  });
  test("prior: null is the improper prior", () => {
    const a = bayesianMeans(control, treatment, { prior: null });
    const b = bayesianMeans(control, treatment);
    expect(a).toEqual(b);
  });
  test("a negative control mean divides by |mean| (the lift keeps its sign)", () => {
    const r = bayesianMeans({ n: 100, mean: -10, sd: 1 }, { n: 100, mean: -9, sd: 1 });
    expectClose(r.estimate, 0.1, { rtol: 1e-14 }, "estimate");
    expect(r.chanceToWin).toBeGreaterThan(0.5);
  });
  test("the absolute model reports the difference of means", () => {
    const r = bayesianMeans({ n: 50, mean: 2, sd: 1 }, { n: 50, mean: 2.5, sd: 1 }, { relative: false });
    expectClose(r.estimate, 0.5, { rtol: 1e-15 }, "estimate");
    expectClose(r.standardError, Math.sqrt(2 / 50), { rtol: 1e-15 }, "standardError");
    expect(r.method).toBe("Normal model on the difference of means, improper flat prior");
  });
  test("results are plain JSON data", () => {
    const r = bayesianMeans(control, treatment, { prior: { mean: 0, variance: 0.09 } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

function thrown(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("bayesianMeans rejects bad input, naming the function and the field", () => {
  const ok = { n: 10, mean: 1, sd: 1 };
  const cases: [string, () => unknown, string][] = [
    [
      "non-positive prior variance",
      () => bayesianMeans(ok, ok, { prior: { mean: 0, variance: 0 } }),
      "options.prior.variance: must be > 0",
    ],
    [
      "negative prior variance",
      () => bayesianMeans(ok, ok, { prior: { mean: 0, variance: -1 } }),
      "options.prior.variance: must be > 0",
    ],
    [
      "non-finite prior mean",
      () => bayesianMeans(ok, ok, { prior: { mean: Number.NaN, variance: 1 } }),
      "options.prior.mean: must be a finite number",
    ],
    [
      "conversions > visitors",
      () => bayesianMeans({ visitors: 10, conversions: 11 }, ok),
      "control.conversions: must be <= visitors",
    ],
    [
      "negative conversions",
      () => bayesianMeans(ok, { visitors: 10, conversions: -1 }),
      "treatment.conversions: must be >= 0",
    ],
    ["zero visitors", () => bayesianMeans({ visitors: 0, conversions: 0 }, ok), "control.visitors: must be >= 1"],
    ["non-integer n", () => bayesianMeans({ n: 2.5, mean: 1, sd: 1 }, ok), "control.n: must be an integer"],
    ["n < 2", () => bayesianMeans(ok, { n: 1, sum: 1, sumSquares: 1 }), "treatment.n: must be >= 2"],
    ["negative sd", () => bayesianMeans({ n: 5, mean: 1, sd: -1 }, ok), "control.sd: must be >= 0"],
    [
      "inconsistent sums",
      () => bayesianMeans({ n: 5, sum: 10, sumSquares: 1 }, ok),
      "control.sumSquares: must be >= sum^2 / n",
    ],
    ["short sample", () => bayesianMeans([1], ok), "control: must be an array of at least 2 finite numbers"],
    [
      "NaN in a sample",
      () => bayesianMeans(ok, [1, Number.NaN, 3]),
      "treatment: must be an array of at least 2 finite numbers",
    ],
    [
      "Infinity in a Float64Array sample",
      () => bayesianMeans(Float64Array.of(1, Number.POSITIVE_INFINITY, 3), ok),
      "control: must be an array of at least 2 finite numbers",
    ],
    [
      "a string in a plain sample",
      () => bayesianMeans([1, "2", 3] as never, ok),
      "control: must be an array of at least 2 finite numbers",
    ],
    [
      "a bigint in a plain sample",
      () => bayesianMeans(ok, [1, 2n, 3] as never),
      "treatment: must be an array of at least 2 finite numbers",
    ],
    [
      "a bad sample value beside a bad option",
      () => bayesianMeans([1, Number.NaN, 3], ok, { credibleLevel: 2 }),
      "options.credibleLevel: must be < 1; control: must be an array of at least 2 finite numbers",
    ],
    [
      "unknown data form",
      () => bayesianMeans({ foo: 1 } as never, ok),
      "control: must be a sample of at least 2 finite numbers",
    ],
    ["credibleLevel 1", () => bayesianMeans(ok, ok, { credibleLevel: 1 }), "options.credibleLevel: must be < 1"],
    ["credibleLevel 0", () => bayesianMeans(ok, ok, { credibleLevel: 0 }), "options.credibleLevel: must be > 0"],
    [
      "relative not boolean",
      () => bayesianMeans(ok, ok, { relative: "yes" } as never),
      "options.relative: must be true or false",
    ],
    ["unknown option", () => bayesianMeans(ok, ok, { alpha: 0.05 } as never), "options"],
  ];
  for (const [label, fn, message] of cases) {
    test(label, () => {
      const error = thrown(fn);
      expect(error.functionName).toBe("bayesianMeans");
      expect(error.message).toContain("bayesianMeans: ");
      expect(error.message).toContain(message);
    });
  }
  test("every bad field is named at once", () => {
    const error = thrown(() =>
      bayesianMeans({ visitors: 5, conversions: 6 }, { n: 1, mean: 0, sd: 1 }, { prior: { mean: 0, variance: 0 } }),
    );
    expect(error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["control.conversions", "treatment.n", "options.prior.variance"]),
    );
  });
});

describe("bayesianMeans degenerate data", () => {
  test("a control mean of 0 has no relative lift", () => {
    try {
      bayesianMeans({ visitors: 100, conversions: 0 }, { visitors: 100, conversions: 3 });
      throw new Error("did not throw");
    } catch (error) {
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
      expect((error as Error).message).toMatch(/^bayesianMeans: the control mean is 0/);
    }
  });
  test("but the absolute model handles it", () => {
    const r = bayesianMeans({ visitors: 100, conversions: 0 }, { visitors: 100, conversions: 3 }, { relative: false });
    expect(r.chanceToWin).toBeGreaterThan(0.9);
  });
  test("constant data throw DEGENERATE_DATA", () => {
    for (const [c, t] of [
      [
        [2, 2, 2],
        [2, 2],
      ],
      [
        { visitors: 10, conversions: 10 },
        { visitors: 20, conversions: 20 },
      ],
      [
        { n: 5, mean: 1, sd: 0 },
        { n: 5, mean: 1.5, sd: 0 },
      ],
    ] as const) {
      try {
        bayesianMeans(c, t, { relative: false });
        throw new Error("did not throw");
      } catch (error) {
        expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
      }
    }
  });
});
