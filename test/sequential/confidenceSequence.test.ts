import { describe, expect, test } from "vitest";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import { confidenceSequence } from "../../src/sequential/confidenceSequence.js";
import { expectClose } from "../helpers/expectClose.js";

// GrowthBook test vectors (packages/stats/tests/frequentist/test_tests.py, sequential.md §16.5).
const a = { sum: 1396.87, sumSquares: 52377.9767, n: 3000 };
const b = { sum: 2422.7, sumSquares: 134698.29, n: 3461 };
const moments = (s: typeof a) => {
  const mean = s.sum / s.n;
  return { mean, variance: (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1), n: s.n };
};
const A = moments(a);
const B = moments(b);
const relative = {
  estimate: B.mean / A.mean - 1,
  standardError: Math.sqrt(B.variance / (A.mean ** 2 * B.n) + (A.variance * B.mean ** 2) / (A.mean ** 4 * A.n)),
  sampleSize: A.n + B.n,
};
const absolute = {
  estimate: B.mean - A.mean,
  standardError: Math.sqrt(A.variance / A.n + B.variance / B.n),
  sampleSize: A.n + B.n,
};

describe("confidenceSequence vs GrowthBook", () => {
  test("inputs reproduce GrowthBook's estimates and standard errors", () => {
    expectClose(relative.estimate, 0.5033610858562358, { rtol: 1e-14 }, "relative");
    expectClose(relative.standardError, 0.3334122146400735, { rtol: 1e-13 }, "relative SE");
    expectClose(absolute.estimate, 0.23437666666666668, { rtol: 1e-14 }, "absolute");
    expectClose(absolute.standardError, 0.12983081254184736, { rtol: 1e-13 }, "absolute SE");
  });

  test("two-sided, relative, N* = 1000: CI (-0.55844, 1.56516), p = 1, rho = 0.089085", () => {
    const r = confidenceSequence(relative, { tuningSampleSize: 1000 });
    expectClose(r.confidenceInterval.lower, -0.55844, { atol: 5e-6 }, "lower");
    expectClose(r.confidenceInterval.upper, 1.56516, { atol: 5e-6 }, "upper");
    expect(r.pValue).toBe(1);
    expectClose(r.mixingParameter, 0.089085, { atol: 5e-7 }, "rho");
    expect(r.confidenceInterval.level).toBe(0.95);
  });

  test("one-sided greater/less, relative, N* = 5000: all printed digits of the bounds", () => {
    const g = confidenceSequence(relative, { alternative: "greater" });
    expectClose(g.confidenceInterval.lower, -0.42356454602790883, { rtol: 1e-13 }, "greater lower");
    expect(g.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    expectClose(g.mixingParameter, 0.035578, { atol: 5e-7 }, "rho");
    const l = confidenceSequence(relative, { alternative: "less" });
    expect(l.confidenceInterval.lower).toBe(Number.NEGATIVE_INFINITY);
    expectClose(l.confidenceInterval.upper, 1.4302867177403806, { rtol: 1e-13 }, "less upper");
    // GrowthBook reports its search cap 0.4999 here; the exact inversion is larger still.
    expect(g.pValue).toBeGreaterThan(0.4999);
    expect(l.pValue).toBe(1);
  });

  test("one-sided, absolute, N* = 5000", () => {
    const g = confidenceSequence(absolute, { alternative: "greater" });
    expectClose(g.confidenceInterval.lower, -0.12656844172804982, { rtol: 1e-13 }, "greater lower");
    // GrowthBook's bisection prints 0.46316491943359384; the exact inversion (rho fixed) is 0.4630474, 1.2e-4 apart.
    expectClose(g.pValue, 0.46316491943359384, { atol: 2e-4 }, "greater p");
    expectClose(g.pValue, 0.4630473577946261, { rtol: 1e-12 }, "greater p (exact inversion)");
    const l = confidenceSequence(absolute, { alternative: "less" });
    expectClose(l.confidenceInterval.upper, 0.5953217750613832, { rtol: 1e-13 }, "less upper");
    expect(l.pValue).toBe(1);
  });

  test("two-sided proportions 1396/3000 vs 2422/3461, relative, N* = 5000", () => {
    const pA = 1396 / 3000;
    const pB = 2422 / 3461;
    const est = {
      estimate: pB / pA - 1,
      standardError: Math.sqrt((pB * (1 - pB)) / (pA ** 2 * 3461) + (pA * (1 - pA) * pB ** 2) / (pA ** 4 * 3000)),
      sampleSize: 6461,
    };
    const r = confidenceSequence(est);
    expectClose(r.estimate, 0.50386, { atol: 5e-6 }, "estimate");
    expectClose(r.standardError, 0.03386, { atol: 5e-6 }, "SE");
    expectClose(r.confidenceInterval.lower, 0.40098, { atol: 5e-6 }, "lower");
    expectClose(r.confidenceInterval.upper, 0.60675, { atol: 5e-6 }, "upper");
    expect(r.pValue).toBeLessThan(1e-20);
  });

  test("documented example", () => {
    const r = confidenceSequence(
      { estimate: 0.23437666666666668, standardError: 0.12983081254184736, sampleSize: 6461 },
      { alternative: "greater" },
    );
    expectClose(r.confidenceInterval.lower, -0.12657, { atol: 5e-6 }, "lower");
    expectClose(r.pValue, 0.46305, { atol: 5e-6 }, "p");
  });
});

describe("confidenceSequence", () => {
  test("multipliers at alpha = 0.05, N* = 5000: 3.364, 3.035, 3.242 at N = 1000, 5000, 50000", () => {
    for (const [n, m] of [
      [1000, 3.364],
      [5000, 3.035],
      [50000, 3.242],
    ] as const) {
      const r = confidenceSequence({ estimate: 0, standardError: 1, sampleSize: n });
      expectClose(r.multiplier, m, { atol: 5e-4 }, `N=${n}`);
    }
  });

  test("Eppo's boundary is the same with N* = 10,000 (multiplier 3.03521 at N = N*)", () => {
    const r = confidenceSequence({ estimate: 0, standardError: 1, sampleSize: 10_000 }, { tuningSampleSize: 10_000 });
    expectClose(r.multiplier, 3.03521, { atol: 5e-6 }, "multiplier");
    // Eppo: B·σ with B = sqrt((t + ρ)/t · ln((t + ρ)/(ρα²))), ρ = N_tune/(ln(ln(e/α²)) − 2 ln α).
    const alpha = 0.05;
    const rho = 10_000 / (Math.log(Math.log(Math.E / alpha ** 2)) - 2 * Math.log(alpha));
    const t = 10_000;
    expectClose(r.multiplier, Math.sqrt(((t + rho) / t) * Math.log((t + rho) / (rho * alpha ** 2))), { rtol: 1e-13 });
  });

  test("two-sided p is at most alpha exactly when the null is outside the sequence", () => {
    const base = { standardError: 0.1, sampleSize: 4000 };
    const edge = confidenceSequence({ estimate: 1, ...base });
    const half = edge.multiplier * 0.1;
    expectClose(confidenceSequence({ estimate: half, ...base }).pValue, 0.05, { rtol: 1e-12 }, "p at the boundary");
    expect(confidenceSequence({ estimate: half * 1.01, ...base }).pValue).toBeLessThan(0.05);
    expect(confidenceSequence({ estimate: half * 0.99, ...base }).pValue).toBeGreaterThan(0.05);
  });

  test("nullValue shifts the test, not the interval", () => {
    const r = confidenceSequence({ estimate: 0.3, standardError: 0.1, sampleSize: 2000 }, { nullValue: 0.3 });
    expect(r.pValue).toBe(1);
    expect(r.nullValue).toBe(0.3);
  });

  const bad = (e: unknown, o: unknown = {}): InvalidArgumentError => {
    try {
      confidenceSequence(e as never, o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return error as InvalidArgumentError;
    }
    throw new Error("did not throw");
  };

  test("rejects bad input, naming every field", () => {
    expect(bad({ estimate: 0, standardError: 0, sampleSize: 10 }).message).toBe(
      "confidenceSequence: estimate.standardError: must be > 0",
    );
    expect(bad({ estimate: Number.NaN, standardError: 1, sampleSize: -1 }).message).toBe(
      "confidenceSequence: estimate.estimate: must be a finite number; estimate.sampleSize: must be > 0",
    );
    expect(bad({ estimate: 0, standardError: 1, sampleSize: 10 }, { confidenceLevel: 1 }).message).toBe(
      "confidenceSequence: options.confidenceLevel: must be < 1",
    );
    expect(bad({ estimate: 0, standardError: 1, sampleSize: 10 }, { alternative: "two.sided" }).message).toBe(
      'confidenceSequence: options.alternative: must be "two-sided", "less" or "greater"',
    );
    expect(bad({ estimate: 0, standardError: 1, sampleSize: 10 }, { tuningSampleSize: 0 }).message).toBe(
      "confidenceSequence: options.tuningSampleSize: must be > 0",
    );
    expect(bad(null).message).toContain("confidenceSequence: estimate");
  });

  test("a one-sided sequence at level <= 0.5 has no mixing parameter", () => {
    const run = () =>
      confidenceSequence(
        { estimate: 0, standardError: 1, sampleSize: 10 },
        { alternative: "less", confidenceLevel: 0.5 },
      );
    expect(run).toThrow(StatsError);
    expect(run).toThrow("confidenceSequence: a one-sided sequence needs confidenceLevel > 0.5");
  });

  test("accepts a readout with extra fields", () => {
    const r = confidenceSequence({ ...absolute, method: "Welch", pValue: 0.07 } as typeof absolute);
    expect(r.estimate).toBe(absolute.estimate);
  });
});
