import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError, StatsError } from "../../src/errors.js";
import {
  type CompareProportionsOptions,
  type CompareProportionsResult,
  compareProportions,
} from "../../src/significance/compareProportions.js";
import type { ProportionData } from "../../src/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: {
    readonly control: ProportionData;
    readonly treatment: ProportionData;
    readonly options: CompareProportionsOptions;
  };
  readonly expected: Readonly<Record<string, string>>;
}

const getters: Readonly<Record<string, (r: CompareProportionsResult) => number>> = {
  xSquared: (r) => r.statistic ** 2,
  statistic: (r) => r.statistic,
  pValue: (r) => r.pValue,
  ciLower: (r) => r.difference.confidenceInterval.lower,
  ciUpper: (r) => r.difference.confidenceInterval.upper,
  estimateTreatment: (r) => r.treatment.rate,
  estimateControl: (r) => r.control.rate,
  relativeEstimate: (r) => r.relativeLift.estimate,
  relativeStandardError: (r) => r.relativeLift.standardError,
  relativeCiLower: (r) => r.relativeLift.confidenceInterval.lower,
  relativeCiUpper: (r) => r.relativeLift.confidenceInterval.upper,
  relativePValue: (r) => r.relativeLift.pValue,
};

describe("compareProportions conformance", () => {
  for (const path of listFixtures("significance/compareProportions")) {
    const fixture = loadFixture<Case>(path);
    test(`matches ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      expect(fixture.cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = compareProportions(c.input.control, c.input.treatment, c.input.options);
        for (const [key, value] of Object.entries(c.expected)) {
          const get = getters[key];
          if (get === undefined) throw new Error(`no getter for ${key}`);
          try {
            expectClose(get(r), num(value), fixture.meta.tolerance, `${c.name} ${key}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

describe("compareProportions published cases", () => {
  test("Spotify S1 (test_chisquared.py): 42/104 vs 500/1009", () => {
    const r = compareProportions({ visitors: 104, conversions: 42 }, { visitors: 1009, conversions: 500 });
    expectClose(r.difference.estimate, 0.091694, { atol: 5e-7 }, "diff");
    expectClose(r.difference.confidenceInterval.lower, -0.0075254, { atol: 5e-8 }, "lower");
    expectClose(r.difference.confidenceInterval.upper, 0.190913, { atol: 5e-7 }, "upper");
    expectClose(r.pValue, 0.074866, { atol: 5e-7 }, "p");
    expectClose(r.statistic ** 2, 3.17297, { atol: 5e-6 }, "X-squared");
    // Spotify's relative CI is the absolute CI divided by the control rate, not this library's delta method.
    expectClose(r.relativeLift.estimate, 0.227052, { atol: 5e-7 }, "relative");
    const r99 = compareProportions(
      { visitors: 104, conversions: 42 },
      { visitors: 1009, conversions: 500 },
      { confidenceLevel: 0.99 },
    );
    expectClose(r99.difference.confidenceInterval.lower, -0.0387024, { atol: 5e-8 }, "99 lower");
    expectClose(r99.difference.confidenceInterval.upper, 0.22209, { atol: 5e-6 }, "99 upper");
    const r999 = compareProportions(
      { visitors: 104, conversions: 42 },
      { visitors: 1009, conversions: 500 },
      { confidenceLevel: 0.999 },
    );
    expectClose(r999.difference.confidenceInterval.lower, -0.074883, { atol: 5e-7 }, "99.9 lower");
    expectClose(r999.difference.confidenceInterval.upper, 0.258271, { atol: 5e-7 }, "99.9 upper");
  });

  test("Spotify S2: 40/100 vs 50/100", () => {
    const r = compareProportions({ visitors: 100, conversions: 40 }, { visitors: 100, conversions: 50 });
    expectClose(r.difference.estimate, 0.1, { rtol: 1e-15 }, "diff");
    expectClose(r.difference.confidenceInterval.lower, -0.03719748, { atol: 5e-9 }, "lower");
    expectClose(r.difference.confidenceInterval.upper, 0.237197, { atol: 5e-7 }, "upper");
    expectClose(r.pValue, 0.155218, { atol: 5e-7 }, "p");
  });

  test("Fieller worked value of the reference file is reproduced through the shared helper (G1 data, z)", () => {
    // Reference §5 uses G1's means; compareProportions exercises the same helper on rates, so check it on a
    // rate pair with the Fieller-quadratic roots instead (mpmath fixtures); here the documented property:
    // Fieller excludes 0 exactly when the unpooled Wald test rejects.
    const control = { visitors: 5000, conversions: 500 };
    for (const conversions of [520, 540, 560, 600]) {
      const treatment = { visitors: 5000, conversions };
      const r = compareProportions(control, treatment, { test: "z-unpooled", relativeInterval: "fieller" });
      const excludesZero = r.relativeLift.confidenceInterval.lower > 0 || r.relativeLift.confidenceInterval.upper < 0;
      expect(excludesZero).toBe(r.pValue < 0.05);
    }
  });
});

describe("compareProportions documented example", () => {
  test("Spotify's chi-squared case", () => {
    const r = compareProportions({ visitors: 104, conversions: 42 }, { visitors: 1009, conversions: 500 });
    expectClose(r.statistic ** 2, 3.173, { atol: 5e-4 }, "X-squared");
    expectClose(r.pValue, 0.074866, { atol: 5e-7 }, "p");
    expectClose(r.difference.estimate, 0.091694, { atol: 5e-7 }, "diff");
    expectClose(r.difference.confidenceInterval.lower, -0.0075254, { atol: 5e-8 }, "lower");
    expectClose(r.difference.confidenceInterval.upper, 0.19091, { atol: 5e-6 }, "upper");
    expect(r.difference.confidenceInterval.level).toBe(0.95);
    expectClose(r.relativeLift.estimate, 0.22705, { atol: 5e-6 }, "relative");
  });
});

describe("compareProportions results", () => {
  const control = { visitors: 10_000, conversions: 1_000 };
  const treatment = { visitors: 10_000, conversions: 1_100 };

  test("echoes what was asked", () => {
    const r = compareProportions(control, treatment, {
      alternative: "greater",
      confidenceLevel: 0.9,
      nullValue: -0.01,
      test: "z-unpooled",
      interval: "newcombe",
      relativeInterval: "fieller",
    });
    expect(r.alternative).toBe("greater");
    expect(r.confidenceLevel).toBe(0.9);
    expect(r.nullValue).toBe(-0.01);
    expect(r.test).toBe("z-unpooled");
    expect(r.interval).toBe("newcombe");
    expect(r.relativeLift.intervalMethod).toBe("fieller");
    expect(r.difference.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    expect(r.relativeLift.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    expect(r.control).toEqual({
      visitors: 10_000,
      conversions: 1_000,
      rate: 0.1,
      standardError: Math.sqrt(0.09 / 1e4),
    });
    expect(JSON.parse(JSON.stringify(r)).method).toBe(r.method);
  });

  test("defaults: two-sided, 0.95, null 0, pooled z, Wald, delta", () => {
    const r = compareProportions(control, treatment);
    expect(r).toMatchObject({ alternative: "two-sided", confidenceLevel: 0.95, nullValue: 0, test: "z-pooled" });
    expect(r.interval).toBe("wald");
    expect(r.relativeLift.intervalMethod).toBe("delta");
    expect(r.relativeLift.bounded).toBe(true);
  });

  test("a tiny p-value is printed, not 0", () => {
    const r = compareProportions(
      { visitors: 1_000_000, conversions: 100_000 },
      { visitors: 1_000_000, conversions: 104_500 },
    );
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-20);
    const far = compareProportions(
      { visitors: 2_000_000, conversions: 200_000 },
      { visitors: 2_000_000, conversions: 218_600 },
    );
    expect(far.pValue).toBeGreaterThan(0);
    expect(far.pValue).toBeLessThan(1e-150);
  });

  test("Yates with |d| below the correction gives z = 0 and p = 1", () => {
    const r = compareProportions(
      { visitors: 20, conversions: 10 },
      { visitors: 20, conversions: 10 },
      { test: "yates" },
    );
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
  });

  test("equal arms give z = 0 and p = 1 for every test", () => {
    for (const t of ["z-pooled", "z-unpooled", "yates"] as const) {
      const r = compareProportions(control, control, { test: t });
      expect(r.statistic).toBe(0);
      expect(r.pValue).toBe(1);
    }
  });

  test("a zero treatment rate is fine; the log interval then throws DEGENERATE_DATA", () => {
    const r = compareProportions({ visitors: 50, conversions: 10 }, { visitors: 50, conversions: 0 });
    expect(Number.isFinite(r.statistic)).toBe(true);
    expect(r.relativeLift.estimate).toBe(-1);
    expect(() =>
      compareProportions(
        { visitors: 50, conversions: 10 },
        { visitors: 50, conversions: 0 },
        { relativeInterval: "log" },
      ),
    ).toThrow(/log interval/);
  });

  test("an unbounded Fieller set is reported as (-Infinity, Infinity) with bounded: false", () => {
    const r = compareProportions(
      { visitors: 10, conversions: 1 },
      { visitors: 10, conversions: 3 },
      { relativeInterval: "fieller" },
    );
    expect(r.relativeLift.bounded).toBe(false);
    expect(r.relativeLift.confidenceInterval.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(r.relativeLift.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
  });

  test("Wald interval is clipped to [-1, 1] as in R", () => {
    const r = compareProportions(
      { visitors: 3, conversions: 0 + 1 },
      { visitors: 3, conversions: 3 },
      { test: "z-pooled" },
    );
    expect(r.difference.confidenceInterval.upper).toBeLessThanOrEqual(1);
  });
});

describe("compareProportions degenerate data", () => {
  const expectDegenerate = (fn: () => unknown, pattern: RegExp) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(StatsError);
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
      expect((error as Error).message).toMatch(/^compareProportions: /);
      expect((error as Error).message).toMatch(pattern);
      return;
    }
    throw new Error("did not throw");
  };

  test("both rates 0 or both 1", () => {
    expectDegenerate(
      () => compareProportions({ visitors: 10, conversions: 0 }, { visitors: 10, conversions: 0 }),
      /standard error/,
    );
    expectDegenerate(
      () => compareProportions({ visitors: 10, conversions: 10 }, { visitors: 10, conversions: 10 }),
      /standard error/,
    );
  });

  test("unpooled SE 0 (all-or-nothing arms)", () => {
    expectDegenerate(
      () =>
        compareProportions({ visitors: 10, conversions: 10 }, { visitors: 10, conversions: 0 }, { test: "z-unpooled" }),
      /standard error/,
    );
  });

  test("zero control rate: no relative lift", () => {
    expectDegenerate(
      () => compareProportions({ visitors: 10, conversions: 0 }, { visitors: 10, conversions: 3 }),
      /control mean is 0/,
    );
  });
});

describe("compareProportions bad input", () => {
  const good = { visitors: 100, conversions: 10 };
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("compareProportions: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };

  test("conversions > visitors", () => {
    rejects(
      () => compareProportions({ visitors: 10, conversions: 11 }, good),
      "control.conversions: conversions must be <= visitors",
    );
  });
  test("negative and fractional counts, in both arms at once", () => {
    rejects(
      () => compareProportions({ visitors: 10.5, conversions: 1 }, { visitors: 10, conversions: -1 }),
      "control.visitors: must be an integer",
      "treatment.conversions: must be >= 0",
    );
  });
  test("zero visitors", () => {
    rejects(
      () => compareProportions(good, { visitors: 0, conversions: 0 }),
      "treatment.visitors: visitors must be >= 1",
    );
  });
  test("NaN and Infinity counts", () => {
    rejects(() => compareProportions({ visitors: Number.NaN, conversions: 1 }, good), "control.visitors");
    rejects(
      () => compareProportions(good, { visitors: Number.POSITIVE_INFINITY, conversions: 1 }),
      "treatment.visitors",
    );
  });
  test("not an object", () => {
    rejects(
      () => compareProportions(null as unknown as ProportionData, good),
      "control: must be an object { visitors, conversions }",
    );
  });
  test("options out of range, each named", () => {
    rejects(
      () =>
        compareProportions(good, good, {
          alternative: "two.sided" as "two-sided",
          confidenceLevel: 1,
          nullValue: 1,
          test: "chisq" as "yates",
          interval: "exact" as "wald",
          relativeInterval: "boot" as "delta",
        }),
      'options.alternative: must be "two-sided", "less" or "greater"',
      "options.confidenceLevel: must be < 1",
      "options.nullValue: must be < 1",
      "options.test: must be",
      "options.interval: must be",
      "options.relativeInterval: must be",
    );
  });
  test("unknown option keys are rejected", () => {
    rejects(() => compareProportions(good, good, { alpha: 0.05 } as CompareProportionsOptions), "options");
  });
  test("Yates with a non-zero null value", () => {
    rejects(
      () => compareProportions(good, good, { test: "yates", nullValue: 0.01 }),
      'options.nullValue: must be 0 when test is "yates"',
    );
  });
});
