import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import {
  type CompareRatiosOptions,
  type CompareRatiosResult,
  compareRatios,
  type RatioData,
} from "../../src/significance/compareRatios.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

type Encoded = { readonly [key: string]: string | number | Encoded };
interface Case {
  readonly name: string;
  readonly input: {
    control: Encoded;
    treatment: Encoded;
    options: CompareRatiosOptions;
  };
  readonly expected: Readonly<Record<string, string>>;
}
const getters: Readonly<Record<string, (r: CompareRatiosResult) => number>> = {
  ratioControl: (r) => r.control.ratio,
  ratioTreatment: (r) => r.treatment.ratio,
  theta: (r) => r.cuped?.theta ?? 0,
  df: (r) => r.df,
  standardError: (r) => r.difference.standardError,
  statistic: (r) => r.statistic,
  pValue: (r) => r.pValue,
  ciLower: (r) => r.difference.confidenceInterval.lower,
  ciUpper: (r) => r.difference.confidenceInterval.upper,
  relativeEstimate: (r) => r.relativeLift.estimate,
  relativeStandardError: (r) => r.relativeLift.standardError,
};
const decode = (d: Encoded): Record<string, unknown> =>
  Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === "object" ? decode(v) : num(v)]));
const parse = (d: Encoded) => decode(d) as unknown as RatioData;

describe("compareRatios conformance", () => {
  const fixture = loadFixture<Case>("significance/compareRatios/r/delta.json");
  test(`matches ${fixture.meta.reference} (${fixture.cases.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of fixture.cases) {
      const r = compareRatios(parse(c.input.control), parse(c.input.treatment), c.input.options);
      for (const [key, value] of Object.entries(c.expected)) {
        try {
          expectClose(getters[key]!(r), num(value), fixture.meta.tolerance, `${c.name} ${key}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

const control = {
  n: 1000,
  numeratorSum: 5200,
  numeratorSumSquares: 91000,
  denominatorSum: 2500,
  denominatorSumSquares: 8100,
  crossSum: 20500,
};
const treatment = {
  n: 1000,
  numeratorSum: 5750,
  numeratorSumSquares: 104000,
  denominatorSum: 2520,
  denominatorSumSquares: 8200,
  crossSum: 22500,
};

describe("compareRatios published case G13 (GrowthBook ratio CUPED)", () => {
  // packages/stats/tests/frequentist/test_tests.py, test_two_sided_ttest_test_runs_ratio_ra, printed to 5 decimals
  const arm = (v: number[]): RatioData => ({
    n: 100,
    numeratorSum: v[0]!,
    numeratorSumSquares: v[1]!,
    denominatorSum: v[2]!,
    denominatorSumSquares: v[3]!,
    crossSum: v[11]!,
    covariate: {
      numeratorSum: v[4]!,
      numeratorSumSquares: v[5]!,
      denominatorSum: v[6]!,
      denominatorSumSquares: v[7]!,
      numeratorProducts: v[8]!,
      denominatorProducts: v[9]!,
      crossSum: v[10]!,
      numeratorDenominatorProducts: v[12]!,
      denominatorNumeratorProducts: v[13]!,
    },
  });
  const a = arm([
    485.112236689623, 2715.484666118136, 679.9093275844917, 4939.424001640236, 192.59138069991536, 460.076026390857,
    290.1398399750233, 920.9461385038898, 1113.6215759318352, 2130.9404074446747, 634.239482353647, 3602.146836776702,
    1559.2878434944676, 1460.3181079276983,
  ]);
  const b = arm([
    514.7757826608777, 2994.897482705013, 705.4090874383759, 5291.36604146392, 206.94157227402536, 514.2903702246757,
    302.54389139107326, 994.4506208125663, 1237.0953021125997, 2292.081739775257, 698.4173425817908, 3918.1561431600717,
    1701.0287270040265, 1604.0759503266522,
  ]);
  test("relative lift, SE, interval and p-value", () => {
    const r = compareRatios(a, b);
    const five = { atol: 5e-6 };
    expectClose(r.relativeLift.estimate, -0.0007, five, "estimate");
    expectClose(r.relativeLift.standardError, 0.00391, five, "SE");
    expectClose(r.relativeLift.confidenceInterval.lower, -0.00841, five, "lower");
    expectClose(r.relativeLift.confidenceInterval.upper, 0.007, five, "upper");
    expectClose(r.relativeLift.pValue, 0.85771, five, "p");
    expect(r.cuped?.theta).toBeGreaterThan(0);
    expect(r.method).toContain("CUPED");
  });
  test("covariate sums in one arm only, or Fieller with CUPED, are rejected", () => {
    const { covariate: _dropped, ...plainB } = b;
    expect(() => compareRatios(a, plainB)).toThrow(/treatment: must carry covariate sums/);
    expect(() => compareRatios(a, b, { relativeInterval: "fieller" })).toThrow(
      /options.relativeInterval: must be "delta"/,
    );
  });
});

describe("compareRatios documented example and results", () => {
  test("documented example", () => {
    const r = compareRatios(control, treatment);
    expectClose(r.control.ratio, 2.08, { rtol: 1e-15 }, "ratio");
    expectClose(r.difference.estimate, 0.20175, { atol: 5e-6 }, "difference");
    expectClose(r.pValue, 0.082275, { atol: 5e-7 }, "p");
    expectClose(r.relativeLift.estimate, 0.096993, { atol: 5e-7 }, "relative");
    expectClose(r.difference.confidenceInterval.lower, -0.025837, { atol: 5e-7 }, "lower");
    expectClose(r.difference.confidenceInterval.upper, 0.42933, { atol: 5e-6 }, "upper");
  });
  test("echoes the options; swapping arms negates z and keeps p", () => {
    const r = compareRatios(control, treatment, { alternative: "greater", confidenceLevel: 0.9, nullValue: 0.01 });
    expect(r).toMatchObject({ alternative: "greater", confidenceLevel: 0.9, nullValue: 0.01 });
    expect(r.difference.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    const a = compareRatios(control, treatment);
    const b = compareRatios(treatment, control);
    expectClose(b.statistic, -a.statistic, { rtol: 1e-14 }, "z");
    expectClose(b.pValue, a.pValue, { rtol: 1e-13 }, "p");
  });
  test("a denominator summing to 0 or a zero control ratio is degenerate", () => {
    const degenerate = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
        expect((error as Error).message).toMatch(/^compareRatios: /);
        return;
      }
      throw new Error("did not throw");
    };
    degenerate(() =>
      compareRatios({ ...control, denominatorSum: 0, denominatorSumSquares: 10, crossSum: 0 }, treatment),
    );
    degenerate(() => compareRatios({ ...control, numeratorSum: 0, numeratorSumSquares: 100, crossSum: 0 }, treatment));
  });
});

describe("compareRatios bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("compareRatios: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("inconsistent and non-finite sums", () => {
    rejects(
      () => compareRatios({ ...control, numeratorSumSquares: 100 }, { ...treatment, n: 1.5 }),
      "control.numeratorSumSquares: must be >= numeratorSum^2 / n",
      "treatment.n: must be an integer",
    );
    rejects(() => compareRatios({ ...control, crossSum: 1e9 }, treatment), "control.crossSum: is inconsistent");
    rejects(
      () => compareRatios({ ...control, denominatorSum: Number.NaN }, treatment),
      "control.denominatorSum: must be a finite number",
    );
    rejects(() => compareRatios({ n: 10 } as RatioData, treatment), "control.numeratorSum");
  });
  test("options", () => {
    rejects(
      () => compareRatios(control, treatment, { relativeInterval: "log" as "delta", confidenceLevel: -1 }),
      'options.relativeInterval: must be "delta" or "fieller"',
      "options.confidenceLevel: must be > 0",
    );
  });
});
