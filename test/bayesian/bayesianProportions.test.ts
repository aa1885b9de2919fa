import { describe, expect, test } from "vitest";
import {
  type BayesianProportionsOptions,
  type BayesianProportionsResult,
  bayesianProportions,
} from "../../src/bayesian/bayesianProportions.js";
import {
  closedFormGreater,
  expectedShortfall,
  quadratureGreater,
  quadratureShortfall,
} from "../../src/bayesian/betaComparison.js";
import { InvalidArgumentError } from "../../src/errors.js";
import type { ProportionData } from "../../src/types.js";
import { expectClose, type Tolerance } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface ProportionsCase {
  readonly name: string;
  readonly control: ProportionData;
  readonly treatment: ProportionData;
  readonly options: BayesianProportionsOptions;
  readonly expected: Readonly<Record<string, string>>;
}
type Tolerances = Readonly<Record<"probability" | "loss" | "bound", Tolerance>>;

const getters: Readonly<Record<string, [keyof Tolerances, (r: BayesianProportionsResult) => number]>> = {
  probabilityTreatmentBetter: ["probability", (r) => r.probabilityTreatmentBetter],
  lossControl: ["loss", (r) => r.expectedLoss.control],
  lossTreatment: ["loss", (r) => r.expectedLoss.treatment],
  differenceMean: ["loss", (r) => r.difference.mean],
  differenceLower: ["bound", (r) => r.difference.credibleInterval.lower],
  differenceUpper: ["bound", (r) => r.difference.credibleInterval.upper],
  relativeLower: ["bound", (r) => r.relativeLift.credibleInterval.lower],
  relativeUpper: ["bound", (r) => r.relativeLift.credibleInterval.upper],
};

describe("bayesianProportions conformance (mpmath exact sums and quadrature, scipy bounds)", () => {
  for (const file of ["closedForm.json", "quadrature.json", "largeJeffreys.json"]) {
    const fixture = loadFixture<ProportionsCase>(`bayesian/bayesianProportions/${file}`);
    const tolerance = fixture.meta.tolerance as unknown as Tolerances;
    test(`${file}: ${fixture.cases.length} cases`, () => {
      expect(fixture.cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = bayesianProportions(c.control, c.treatment, c.options);
        for (const [key, value] of Object.entries(c.expected)) {
          const [kind, get] = getters[key]!;
          try {
            expectClose(get(r), num(value), tolerance[kind], `${c.name} ${key}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("bayesianProportions documented example", () => {
  test("100/1000 vs 120/1000, uniform prior", () => {
    const r = bayesianProportions({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 });
    expectClose(r.probabilityTreatmentBetter, 0.92318, { atol: 5e-6 }, "P");
    expectClose(r.expectedLoss.control, 0.020445, { atol: 5e-7 }, "loss control");
    expectClose(r.expectedLoss.treatment, 0.00048461, { atol: 5e-9 }, "loss treatment");
    expectClose(r.difference.mean, 0.01996, { atol: 5e-6 }, "difference mean");
    expectClose(r.difference.credibleInterval.lower, -0.0074707, { atol: 5e-8 }, "difference lower");
    expectClose(r.difference.credibleInterval.upper, 0.04747, { atol: 5e-6 }, "difference upper");
    expectClose(r.relativeLift.credibleInterval.lower, -0.06536, { atol: 5e-6 }, "relative lower");
    expectClose(r.relativeLift.credibleInterval.upper, 0.54084, { atol: 5e-6 }, "relative upper");
    expect(r.difference.credibleInterval.level).toBe(0.95);
    expect(r.prior).toEqual({ alpha: 1, beta: 1 });
    expect(r.control.posterior).toEqual({ alpha: 101, beta: 901 });
    expect(r.method).toContain("Evan Miller's closed form");
  });
});

describe("bayesianProportions reference cases", () => {
  test("E4 (Evan Miller): 100/1000 vs 120/1000, uniform prior", () => {
    const r = bayesianProportions({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 });
    expectClose(r.probabilityTreatmentBetter, 0.92318, { atol: 0.5e-5 }, "P");
    expectClose(r.expectedLoss.treatment, 4.84614e-4, { atol: 0.5e-9 }, "loss of choosing B");
    expectClose(r.expectedLoss.control, 0.0204447, { atol: 0.5e-7 }, "loss of choosing A");
  });
  test("S18 (Spotify BetaBinomial, seeded Monte Carlo): 42/104 vs 500/1009, Jeffreys prior", () => {
    const r = bayesianProportions(
      { visitors: 104, conversions: 42 },
      { visitors: 1009, conversions: 500 },
      { prior: { alpha: 0.5, beta: 0.5 } },
    );
    // Spotify's values come from posterior sampling: Monte Carlo tolerance 0.003 (reference §17.4).
    expectClose(r.probabilityTreatmentBetter, 0.962782, { atol: 0.003 }, "P");
    expectClose(r.difference.mean, 0.090737, { atol: 0.003 }, "difference");
    expectClose(r.difference.credibleInterval.lower, -0.0092189, { atol: 0.003 }, "lower");
    expectClose(r.difference.credibleInterval.upper, 0.18712235, { atol: 0.003 }, "upper");
  });
  test("no data: the prior itself; P = 1/2 and E[max(U − V, 0)] = 1/6 for uniforms", () => {
    const r = bayesianProportions({ visitors: 0, conversions: 0 }, { visitors: 0, conversions: 0 });
    expect(r.probabilityTreatmentBetter).toBe(0.5);
    expectClose(r.expectedLoss.control, 1 / 6, { rtol: 1e-14 }, "loss");
    expectClose(r.expectedLoss.treatment, 1 / 6, { rtol: 1e-14 }, "loss");
    // U − V is triangular on (−1, 1): the 2.5% quantile is −1 + √0.05.
    expectClose(r.difference.credibleInterval.lower, -1 + Math.sqrt(0.05), { rtol: 1e-10 }, "lower");
    expectClose(r.difference.credibleInterval.upper, 1 - Math.sqrt(0.05), { rtol: 1e-10 }, "upper");
    // U/V has P(U/V ≤ r) = r/2 for r ≤ 1 and 1 − 1/(2r) beyond: bounds 0.05 and 20.
    expectClose(r.relativeLift.credibleInterval.lower, 0.05 - 1, { rtol: 1e-10 }, "relative lower");
    expectClose(r.relativeLift.credibleInterval.upper, 20 - 1, { rtol: 1e-10 }, "relative upper");
    expect(r.relativeLift.mean).toBe(Number.POSITIVE_INFINITY);
  });
  test("the per-arm credible interval is the Beta quantile pair", () => {
    const r = bayesianProportions(
      { visitors: 10, conversions: 3 },
      { visitors: 10, conversions: 5 },
      { credibleLevel: 0.9 },
    );
    expect(r.control.posterior).toEqual({ alpha: 4, beta: 8 });
    expectClose(r.control.mean, 4 / 12, { rtol: 1e-15 }, "mean");
    // R 4.2.2: sprintf("%.17g", qbeta(c(0.05, 0.95), 4, 8))
    expectClose(r.control.credibleInterval.lower, 0.13507547291964123, { rtol: 1e-12 }, "lower");
    expectClose(r.control.credibleInterval.upper, 0.56437418828923014, { rtol: 1e-12 }, "upper");
    expect(r.control.credibleInterval.level).toBe(0.9);
  });
  test("the closed form and the quadrature agree (both paths of P and of the loss)", () => {
    const shapes: [number, number, number, number][] = [
      [50, 51, 60, 41],
      [1, 1, 1, 1],
      [5, 100, 3, 200],
      [501, 500, 480, 521],
      [1000, 1, 990, 12],
      [1, 1000, 3, 998],
    ];
    for (const [a1, b1, a2, b2] of shapes) {
      const x = { alpha: a1, beta: b1 };
      const y = { alpha: a2, beta: b2 };
      expectClose(
        closedFormGreater(x, y)!,
        quadratureGreater(x, y),
        { rtol: 1e-12, atol: 1e-14 },
        `P ${a1},${b1},${a2},${b2}`,
      );
      expectClose(
        expectedShortfall(x, y),
        quadratureShortfall(x, y),
        { rtol: 1e-11, atol: 1e-300 },
        `loss ${a1},${b1},${a2},${b2}`,
      );
    }
  });
  test("the closed form is used only for integer shapes up to 1000", () => {
    expect(closedFormGreater({ alpha: 0.5, beta: 10.5 }, { alpha: 3.5, beta: 8.5 })).toBeUndefined();
    expect(closedFormGreater({ alpha: 2000, beta: 10 }, { alpha: 1990, beta: 20 })).toBeUndefined();
    expect(closedFormGreater({ alpha: 0.5, beta: 10 }, { alpha: 3.5, beta: 8.5 })).toBeDefined();
  });
  test("a million conversions per arm (Jeffreys prior): finite, fast, consistent", () => {
    const start = performance.now();
    const r = bayesianProportions(
      { visitors: 10_000_000, conversions: 1_000_000 },
      { visitors: 10_000_000, conversions: 1_001_000 },
      { prior: { alpha: 0.5, beta: 0.5 } },
    );
    expect(performance.now() - start).toBeLessThan(5000);
    // Normal approximation: z = 1000 / sqrt(2 · 1e7 · 0.1 · 0.9) ≈ 0.745.
    expectClose(r.probabilityTreatmentBetter, 0.7719, { atol: 2e-3 }, "P");
    expectClose(r.expectedLoss.control - r.expectedLoss.treatment, r.difference.mean, { rtol: 1e-9 }, "loss identity");
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

describe("bayesianProportions rejects bad input, naming the function and the field", () => {
  const ok = { visitors: 100, conversions: 10 };
  const cases: [string, () => unknown, string][] = [
    [
      "conversions > visitors",
      () => bayesianProportions({ visitors: 10, conversions: 11 }, ok),
      "control.conversions: conversions must be <= visitors",
    ],
    [
      "negative visitors",
      () => bayesianProportions(ok, { visitors: -1, conversions: 0 }),
      "treatment.visitors: must be >= 0",
    ],
    [
      "negative conversions",
      () => bayesianProportions({ visitors: 5, conversions: -2 }, ok),
      "control.conversions: must be >= 0",
    ],
    [
      "fractional count",
      () => bayesianProportions({ visitors: 5.5, conversions: 1 }, ok),
      "control.visitors: must be an integer",
    ],
    [
      "missing data",
      () => bayesianProportions(undefined as never, ok),
      "control: must be an object { visitors, conversions }",
    ],
    [
      "zero prior alpha",
      () => bayesianProportions(ok, ok, { prior: { alpha: 0, beta: 1 } }),
      "options.prior.alpha: must be > 0",
    ],
    [
      "negative prior beta",
      () => bayesianProportions(ok, ok, { prior: { alpha: 1, beta: -1 } }),
      "options.prior.beta: must be > 0",
    ],
    [
      "infinite prior",
      () => bayesianProportions(ok, ok, { prior: { alpha: Number.POSITIVE_INFINITY, beta: 1 } }),
      "options.prior.alpha: must be a finite number",
    ],
    ["credibleLevel 1", () => bayesianProportions(ok, ok, { credibleLevel: 1 }), "options.credibleLevel: must be < 1"],
    [
      "credibleLevel NaN",
      () => bayesianProportions(ok, ok, { credibleLevel: Number.NaN }),
      "options.credibleLevel: must be a finite number",
    ],
    ["unknown option", () => bayesianProportions(ok, ok, { alpha: 0.05 } as never), "options"],
  ];
  for (const [label, fn, message] of cases) {
    test(label, () => {
      const error = thrown(fn);
      expect(error.functionName).toBe("bayesianProportions");
      expect(error.message).toContain("bayesianProportions: ");
      expect(error.message).toContain(message);
    });
  }
  test("every bad field is named at once", () => {
    const error = thrown(() =>
      bayesianProportions(
        { visitors: 5, conversions: 6 },
        { visitors: -1, conversions: 0 },
        { prior: { alpha: 0, beta: 0 } },
      ),
    );
    expect(error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining([
        "control.conversions",
        "treatment.visitors",
        "options.prior.alpha",
        "options.prior.beta",
      ]),
    );
  });
});
