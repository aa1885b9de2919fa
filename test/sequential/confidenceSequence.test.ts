import { describe, expect, test } from "vitest";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import { confidenceSequence } from "../../src/sequential/confidenceSequence.js";
import { compareMeans } from "../../src/significance/compareMeans.js";
import { compareProportions } from "../../src/significance/compareProportions.js";
import { compareRatios, type RatioData } from "../../src/significance/compareRatios.js";
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
    // GrowthBook's bisection prints 0.46316491943359384 (see the next test for why); the exact inversion
    // (rho fixed) is 0.4630474, 1.18e-4 below.
    expectClose(g.pValue, 0.4630473577946261, { rtol: 1e-12 }, "greater p (exact inversion)");
    expectClose(0.46316491943359384 - g.pValue, 1.1756e-4, { atol: 5e-9 }, "GrowthBook minus exact");
    const l = confidenceSequence(absolute, { alternative: "less" });
    expectClose(l.confidenceInterval.upper, 0.5953217750613832, { rtol: 1e-13 }, "less upper");
    expect(l.pValue).toBe(1);
  });

  test("G11 p-value: GrowthBook's bisection (tol 1e-6 on the bound, next midpoint returned) gives 0.46316491943359384", () => {
    // Their search (gbstats SequentialOneSidedTreatmentLesserTTest.compute_p_value), replayed on our bound with
    // rho fixed: bisect alpha on [1e-5, 0.4999]; after each evaluation move the bracket, take the new midpoint,
    // and stop when |bound - 0| < 1e-6, returning that new midpoint rather than the alpha just evaluated.
    const rho = confidenceSequence(absolute, { alternative: "greater" }).mixingParameter;
    const bound = (a: number) =>
      confidenceSequence(absolute, { alternative: "greater", confidenceLevel: 1 - a, mixingParameter: rho })
        .confidenceInterval.lower;
    let lo = 1e-5;
    let hi = 0.4999;
    let mid = 0.5 * (lo + hi);
    let evaluated = mid;
    let iterations = 0;
    for (; iterations < 100; iterations++) {
      evaluated = mid;
      const d = bound(mid);
      if (d < 0) lo = mid;
      else hi = mid;
      mid = 0.5 * (lo + hi);
      if (Math.abs(d) < 1e-6) break;
    }
    expect(iterations + 1).toBe(11); // evaluations of the bound
    expect(mid).toBe(0.46316491943359384); // all 17 digits of GrowthBook's printed value
    const exact = confidenceSequence(absolute, { alternative: "greater" }).pValue;
    expectClose(evaluated, exact, { atol: 5e-6 }, "the alpha GrowthBook evaluated is within 4.5e-6 of exact");
    expectClose(bound(exact), 0, { atol: 1e-15 }, "the exact p puts the bound on 0");
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

describe("confidenceSequence on A/B readouts (GrowthBook cases G4-G13)", () => {
  const gbA = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
  const gbB = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };
  const five = { atol: 5e-6 };

  test("G4: compareMeans readout, relative, N* = 1000", () => {
    const r = confidenceSequence(compareMeans(gbA, gbB), { effect: "relative", tuningSampleSize: 1000 });
    expect(r.effect).toBe("relative");
    expect(r.sampleSize).toBe(6461);
    expect(r.method).toContain("relative effect");
    expectClose(r.estimate, 0.50336, five, "estimate");
    expectClose(r.confidenceInterval.lower, -0.55844, five, "lower");
    expectClose(r.confidenceInterval.upper, 1.56516, five, "upper");
    expect(r.pValue).toBe(1);
  });

  test("G5: compareProportions readout, relative, N* = 5000", () => {
    const r = confidenceSequence(
      compareProportions({ conversions: 1396, visitors: 3000 }, { conversions: 2422, visitors: 3461 }),
      { effect: "relative" },
    );
    expect(r.sampleSize).toBe(6461);
    expectClose(r.estimate, 0.50386, five, "estimate");
    expectClose(r.standardError, 0.03386, five, "SE");
    expectClose(r.confidenceInterval.lower, 0.40098, five, "lower");
    expectClose(r.confidenceInterval.upper, 0.60675, five, "upper");
    expect(r.pValue).toBeLessThan(1e-20);
  });

  test("G6: CUPED compareMeans readout, relative, N* = 5000", () => {
    const readout = compareMeans(
      { ...gbA, covariateSum: 16.87, covariateSumSquares: 527.9767, crossSum: 1 },
      { ...gbB, covariateSum: 22.7, covariateSumSquares: 1348.29, crossSum: 1 },
    );
    expect(readout.cuped).not.toBeNull();
    const r = confidenceSequence(readout, { effect: "relative" });
    expect(r.standardError).toBe(readout.relativeLift.standardError); // the CUPED standard error is plugged in
    expectClose(r.estimate, 0.50338, five, "estimate");
    expectClose(r.standardError, 0.33341, five, "SE");
    expectClose(r.confidenceInterval.lower, -0.50969, five, "lower");
    expectClose(r.confidenceInterval.upper, 1.51646, five, "upper");
    expect(r.pValue).toBe(1);
  });

  test("G11/G12: the readout's alternative is the default; absolute difference by default", () => {
    const greater = confidenceSequence(compareMeans(gbA, gbB, { alternative: "greater" }));
    expect(greater.effect).toBe("absolute");
    expect(greater.alternative).toBe("greater");
    expectClose(greater.confidenceInterval.lower, -0.12656844172804982, { rtol: 1e-12 }, "G11 lower");
    expect(greater.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    const less = confidenceSequence(compareMeans(gbA, gbB), { alternative: "less" });
    expectClose(less.confidenceInterval.upper, 0.5953217750613832, { rtol: 1e-12 }, "G12 upper");
    // The readout's level is the default too.
    const r90 = confidenceSequence(compareMeans(gbA, gbB, { confidenceLevel: 0.9 }));
    expect(r90.confidenceInterval.level).toBe(0.9);
  });

  test("G13: CUPED compareRatios readout, relative, N* = 5000: CI (-0.02063, 0.01923), p = 1", () => {
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
    const a13 = arm([
      485.112236689623, 2715.484666118136, 679.9093275844917, 4939.424001640236, 192.59138069991536, 460.076026390857,
      290.1398399750233, 920.9461385038898, 1113.6215759318352, 2130.9404074446747, 634.239482353647, 3602.146836776702,
      1559.2878434944676, 1460.3181079276983,
    ]);
    const b13 = arm([
      514.7757826608777, 2994.897482705013, 705.4090874383759, 5291.36604146392, 206.94157227402536, 514.2903702246757,
      302.54389139107326, 994.4506208125663, 1237.0953021125997, 2292.081739775257, 698.4173425817908,
      3918.1561431600717, 1701.0287270040265, 1604.0759503266522,
    ]);
    const readout = compareRatios(a13, b13);
    expect(readout.cuped).not.toBeNull();
    const r = confidenceSequence(readout, { effect: "relative" });
    expect(r.sampleSize).toBe(200);
    expectClose(r.confidenceInterval.lower, -0.02063, five, "lower");
    expectClose(r.confidenceInterval.upper, 0.01923, five, "upper");
    expect(r.pValue).toBe(1);
  });

  test("a readout's relative lift is not read for the absolute effect", () => {
    const readout = compareMeans(gbA, gbB);
    const broken = { ...readout, relativeLift: { ...readout.relativeLift, standardError: Number.NaN } };
    expect(confidenceSequence(broken).estimate).toBe(readout.difference.estimate);
    expect(() => confidenceSequence(broken, { effect: "relative" })).toThrow(
      "confidenceSequence: estimate.relativeLift.standardError: must be a finite number",
    );
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

  test("effect applies only to a readout; a readout needs arm sizes", () => {
    expect(bad({ estimate: 0, standardError: 1, sampleSize: 10 }, { effect: "relative" }).message).toBe(
      "confidenceSequence: options.effect: applies only to a readout",
    );
    const readout = compareMeans([1, 2, 3], [2, 3, 5]);
    expect(bad({ ...readout, control: {} }).message).toBe(
      "confidenceSequence: estimate.control: must carry n or visitors (> 0)",
    );
    expect(bad(readout, { effect: "log" }).message).toBe(
      'confidenceSequence: options.effect: must be "absolute" or "relative"',
    );
    expect(bad({ estimate: 0, standardError: 1, sampleSize: 10 }, { mixingParameter: 0 }).message).toBe(
      "confidenceSequence: options.mixingParameter: must be > 0",
    );
  });

  test("a fixed mixingParameter nests the sequences across levels and allows level <= 0.5", () => {
    const e = { estimate: 0.2, standardError: 0.1, sampleSize: 5000 };
    const wide = confidenceSequence(e, { mixingParameter: 0.03, alternative: "greater", confidenceLevel: 0.99 });
    const narrow = confidenceSequence(e, { mixingParameter: 0.03, alternative: "greater", confidenceLevel: 0.4 });
    expect(wide.mixingParameter).toBe(0.03);
    expect(wide.confidenceInterval.lower).toBeLessThan(narrow.confidenceInterval.lower);
    expect(wide.pValue).toBe(narrow.pValue);
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
