import { describe, expect, test } from "vitest";
import { bayesianProportions } from "../../src/bayesian/bayesianProportions.js";
import { type BestArm, probabilityToBeBest } from "../../src/bayesian/probabilityToBeBest.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { expectClose, type Tolerance } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface BestCase {
  readonly name: string;
  readonly arms: readonly BestArm[];
  readonly options: { prior?: { alpha: number; beta: number } };
  readonly expected: { probabilityToBeBest: readonly string[]; expectedLoss: readonly string[] };
}
type Tolerances = Readonly<Record<"probability" | "loss", Tolerance>>;

describe("probabilityToBeBest conformance", () => {
  for (const file of ["normal.json", "beta.json"]) {
    const fixture = loadFixture<BestCase>(`bayesian/probabilityToBeBest/${file}`);
    const tolerance = fixture.meta.tolerance as unknown as Tolerances;
    test(`${file}: ${fixture.cases.length} cases (${fixture.meta.reference})`, () => {
      expect(fixture.cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = probabilityToBeBest(c.arms, c.options);
        c.expected.probabilityToBeBest.forEach((v, j) => {
          try {
            expectClose(r.probabilityToBeBest[j]!, num(v), tolerance.probability, `${c.name} P[${j}]`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        });
        c.expected.expectedLoss.forEach((v, j) => {
          try {
            expectClose(r.expectedLoss[j]!, num(v), tolerance.loss, `${c.name} loss[${j}]`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        });
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("probabilityToBeBest documented example and special cases", () => {
  test("three arms, uniform prior (TSDoc)", () => {
    const r = probabilityToBeBest([
      { visitors: 1000, conversions: 100 },
      { visitors: 1000, conversions: 120 },
      { visitors: 1000, conversions: 110 },
    ]);
    const p = r.probabilityToBeBest;
    expectClose(p[0]!, 0.046208, { atol: 5e-7 }, "P0");
    expectClose(p[1]!, 0.72689, { atol: 5e-6 }, "P1");
    expectClose(p[2]!, 0.22691, { atol: 5e-6 }, "P2");
    expectClose(p[0]! + p[1]! + p[2]!, 1, { atol: 1e-15 }, "sum");
    expectClose(r.expectedLoss[0]!, 0.022253, { atol: 5e-7 }, "loss0");
    expectClose(r.expectedLoss[1]!, 0.0022927, { atol: 5e-8 }, "loss1");
    expectClose(r.expectedLoss[2]!, 0.012273, { atol: 5e-7 }, "loss2");
    expect(r.family).toBe("beta");
    expect(r.prior).toEqual({ alpha: 1, beta: 1 });
  });
  test("two Beta arms agree with bayesianProportions (exact closed form and quadrature)", () => {
    const pairs: [
      BestArm & { visitors: number; conversions: number },
      BestArm & { visitors: number; conversions: number },
      { alpha: number; beta: number },
    ][] = [
      [
        { visitors: 1000, conversions: 100 },
        { visitors: 1000, conversions: 120 },
        { alpha: 1, beta: 1 },
      ],
      [
        { visitors: 10, conversions: 10 },
        { visitors: 12, conversions: 12 },
        { alpha: 0.5, beta: 0.5 },
      ],
      [
        { visitors: 10, conversions: 0 },
        { visitors: 12, conversions: 1 },
        { alpha: 0.5, beta: 0.5 },
      ],
      [
        { visitors: 10_000_000, conversions: 1_000_000 },
        { visitors: 10_000_000, conversions: 1_001_000 },
        { alpha: 0.5, beta: 0.5 },
      ],
    ];
    for (const [c, t, prior] of pairs) {
      const exact = bayesianProportions(c, t, { prior });
      const r = probabilityToBeBest([c, t], { prior });
      expectClose(r.probabilityToBeBest[1]!, exact.probabilityTreatmentBetter, { atol: 1e-10 }, "P");
      expectClose(r.expectedLoss[0]!, exact.expectedLoss.control, { rtol: 1e-9 }, "loss control");
      expectClose(r.expectedLoss[1]!, exact.expectedLoss.treatment, { rtol: 1e-9 }, "loss treatment");
    }
  });
  test("two normal arms: P = Φ(Δ/√(s1² + s2²)) and the truncated-normal losses", () => {
    const r = probabilityToBeBest([
      { mean: 0, sd: 0.3 },
      { mean: 0.25, sd: 0.4 },
    ]);
    // Δ = 0.25, s = 0.5: Φ(0.5) = 0.69146246127401310; E max(Δ', 0) with Δ' ~ N(0.25, 0.5²).
    expectClose(r.probabilityToBeBest[1]!, 0.6914624612740131, { atol: 1e-12 }, "P");
    expect(r.family).toBe("normal");
    expect(r.prior).toBeNull();
    expectClose(r.expectedLoss[0]! - r.expectedLoss[1]!, 0.25, { rtol: 1e-11 }, "loss difference");
  });
  test("Beta posteriors given directly equal the data with the prior", () => {
    const a = probabilityToBeBest([
      { alpha: 11, beta: 91 },
      { alpha: 13, beta: 89 },
    ]);
    const b = probabilityToBeBest([
      { visitors: 100, conversions: 10 },
      { visitors: 100, conversions: 12 },
    ]);
    expect(a.probabilityToBeBest).toEqual(b.probabilityToBeBest);
    expect(a.prior).toBeNull();
  });
  test("one arm is best with probability 1 and loses nothing", () => {
    const r = probabilityToBeBest([{ mean: 1, sd: 2 }]);
    expect(r.probabilityToBeBest).toEqual([1]);
    expect(r.expectedLoss).toEqual([0]);
  });
  test("identical arms share the probability", () => {
    const r = probabilityToBeBest(Array.from({ length: 5 }, () => ({ visitors: 500, conversions: 50 })));
    for (const p of r.probabilityToBeBest) expectClose(p, 0.2, { atol: 1e-10 }, "P");
  });
  test("an arm far behind has probability 0 (no NaN) and a loss equal to the gap", () => {
    const r = probabilityToBeBest([
      { mean: 0, sd: 1e-3 },
      { mean: 1, sd: 1e-3 },
    ]);
    expect(r.probabilityToBeBest).toEqual([0, 1]);
    expectClose(r.expectedLoss[0]!, 1, { rtol: 1e-12 }, "loss");
    expect(r.expectedLoss[1]!).toBe(0);
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

describe("probabilityToBeBest rejects bad input, naming the function and the field", () => {
  const ok = { visitors: 100, conversions: 10 };
  const cases: [string, () => unknown, string][] = [
    ["not an array", () => probabilityToBeBest({} as never), "arms: must be an array of arms"],
    ["no arms", () => probabilityToBeBest([]), "arms: must have at least 1 arm"],
    [
      "too many arms",
      () => probabilityToBeBest(Array.from({ length: 1001 }, () => ok)),
      "arms: must have at most 1000 arms",
    ],
    [
      "conversions > visitors",
      () => probabilityToBeBest([ok, { visitors: 5, conversions: 6 }]),
      "arms.1.conversions: must be <= visitors",
    ],
    ["negative count", () => probabilityToBeBest([{ visitors: -5, conversions: 0 }]), "arms.0.visitors: must be >= 0"],
    [
      "zero sd",
      () =>
        probabilityToBeBest([
          { mean: 0, sd: 0 },
          { mean: 1, sd: 1 },
        ]),
      "arms.0.sd: must be > 0",
    ],
    ["zero shape", () => probabilityToBeBest([{ alpha: 0, beta: 1 }, ok]), "arms.0.alpha: must be > 0"],
    [
      "unknown form",
      () => probabilityToBeBest([ok, { foo: 1 } as never]),
      "arms.1: must be { visitors, conversions }, { alpha, beta } or { mean, sd }",
    ],
    ["mixed families", () => probabilityToBeBest([ok, { mean: 0.1, sd: 0.01 }]), "arms: must all be normal posteriors"],
    [
      "bad prior",
      () => probabilityToBeBest([ok, ok], { prior: { alpha: -1, beta: 1 } }),
      "options.prior.alpha: must be > 0",
    ],
    ["unknown option", () => probabilityToBeBest([ok, ok], { seed: 1 } as never), "options"],
  ];
  for (const [label, fn, message] of cases) {
    test(label, () => {
      const error = thrown(fn);
      expect(error.functionName).toBe("probabilityToBeBest");
      expect(error.message).toContain("probabilityToBeBest: ");
      expect(error.message).toContain(message);
    });
  }
});
