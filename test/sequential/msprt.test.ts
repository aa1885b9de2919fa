import { describe, expect, test } from "vitest";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import { msprt, truncationOptimalMixingVariance } from "../../src/sequential/msprt.js";
import { expectClose } from "../helpers/expectClose.js";

// sequential.md §16.5: n per arm, difference, V = per-pair variance, tau², Λ, 1/Λ, CI half-width (α = 0.05).
const table = [
  [1000, 0.1, 2.0, 0.01, 3.27872, 0.304997, 0.136674],
  [5000, 0.05, 2.0, 0.0025, 5.49295, 0.182052, 0.0608212],
  [10000, 0.01, 0.5, 1e-4, 1.12452, 0.889265, 0.0230598],
] as const;

describe("msprt", () => {
  for (const [n, diff, v, tau2, lambda, p, half] of table) {
    test(`reference values n = ${n}, V = ${v}, tau² = ${tau2}`, () => {
      const sd = Math.sqrt(v / 2);
      const r = msprt([{ control: { n, mean: 1, sd }, treatment: { n, mean: 1 + diff, sd } }], {
        mixingVariance: tau2,
      });
      const look = r.looks[0]!;
      expectClose(look.likelihoodRatio, lambda, { rtol: 5e-6 }, "Λ");
      expectClose(look.pValue, p, { rtol: 5e-6 }, "1/Λ");
      expectClose(look.confidenceInterval.upper - (1 + diff - 1), half, { rtol: 5e-6 }, "half-width");
      expectClose(look.estimate - look.confidenceInterval.lower, half, { rtol: 5e-6 }, "half-width (lower)");
    });
  }

  test("documented example", () => {
    const r = msprt([{ control: { n: 1000, mean: 0, sd: 1 }, treatment: { n: 1000, mean: 0.1, sd: 1 } }], {
      mixingVariance: 0.01,
    });
    expectClose(r.looks[0]!.likelihoodRatio, 3.2787, { atol: 5e-5 }, "Λ");
    expectClose(r.pValue, 0.305, { atol: 5e-6 }, "p");
    expectClose(r.confidenceInterval.lower, -0.036674, { atol: 5e-7 }, "lower");
    expectClose(r.confidenceInterval.upper, 0.23667, { atol: 5e-6 }, "upper");
    expect(r.decision).toBe("continue");
    expect(r.stoppedAtLook).toBeNull();
  });

  test("truncation-optimal tau²: 0.0772 (α 0.05, σ² 1, M 10,000) and 0.195 (α 0.1, σ² 1, M 1,000)", () => {
    expectClose(truncationOptimalMixingVariance(0.05, 10_000, 1), 0.0772, { atol: 5e-5 }, "first");
    expectClose(truncationOptimalMixingVariance(0.1, 1000, 1), 0.195, { atol: 5e-4 }, "second");
    const r = msprt(
      [{ control: { visitors: 1000, conversions: 100 }, treatment: { visitors: 1000, conversions: 130 } }],
      {
        plannedSampleSize: 10_000,
        plannedVariance: 1,
      },
    );
    expectClose(r.mixingVariance, truncationOptimalMixingVariance(0.05, 10_000, 1), { rtol: 1e-15 }, "used");
  });

  test("the three parameterisations agree: mSPRT tau² = Waudby-Smith rho² s² (confidenceSequence)", async () => {
    const { confidenceSequence } = await import("../../src/sequential/confidenceSequence.js");
    // Balanced arms, per-unit variance 1 in each arm: SE² = 2/n, N = 2n, s² = SE²·N = 4.
    const n = 2500;
    const cs = confidenceSequence({ estimate: 0.05, standardError: Math.sqrt(2 / n), sampleSize: 2 * n });
    const tau2 = cs.mixingParameter ** 2 * (2 / n) * (2 * n);
    const m = msprt([{ control: { n, mean: 0, sd: 1 }, treatment: { n, mean: 0.05, sd: 1 } }], {
      mixingVariance: tau2,
    });
    expectClose(m.pValue, cs.pValue, { rtol: 1e-12 }, "p");
    expectClose(m.confidenceInterval.upper, cs.confidenceInterval.upper, { rtol: 1e-12 }, "upper");
  });

  test("running minimum p, running intersection interval and the first rejecting look", () => {
    const looks = [
      {
        control: { n: 500, sum: 500 * 0.1, sumSquares: 500 * 1.01 },
        treatment: { n: 500, sum: 500 * 0.3, sumSquares: 500 * 1.09 },
      },
      {
        control: { n: 1000, sum: 1000 * 0.1, sumSquares: 1000 * 1.01 },
        treatment: { n: 1000, sum: 1000 * 0.25, sumSquares: 1000 * 1.0625 },
      },
      {
        control: { n: 2000, sum: 2000 * 0.1, sumSquares: 2000 * 1.01 },
        treatment: { n: 2000, sum: 2000 * 0.1, sumSquares: 2000 * 1.01 },
      },
    ];
    const r = msprt(looks, { mixingVariance: 0.01 });
    expect(r.looks.map((l) => l.look)).toEqual([1, 2, 3]);
    for (let i = 1; i < 3; i++) {
      expect(r.looks[i]!.pValue).toBeLessThanOrEqual(r.looks[i - 1]!.pValue);
      expect(r.looks[i]!.confidenceInterval.lower).toBeGreaterThanOrEqual(r.looks[i - 1]!.confidenceInterval.lower);
      expect(r.looks[i]!.confidenceInterval.upper).toBeLessThanOrEqual(r.looks[i - 1]!.confidenceInterval.upper);
    }
    expect(r.looks[0]!.rejected).toBe(false); // Λ ≈ 19.0 < 1/α = 20
    expect(r.stoppedAtLook).toBe(2);
    expect(r.decision).toBe("reject");
    expect(r.looks[2]!.rejected).toBe(true);
    expect(r.looks[2]!.likelihoodRatio).toBeLessThan(1);
  });

  test("proportions use p(1 − p) from the cumulative counts", () => {
    const r = msprt(
      [{ control: { visitors: 2000, conversions: 200 }, treatment: { visitors: 2000, conversions: 260 } }],
      {
        mixingVariance: 0.001,
      },
    );
    const se = Math.sqrt((0.1 * 0.9) / 2000 + (0.13 * 0.87) / 2000);
    expectClose(r.looks[0]!.standardError, se, { rtol: 1e-14 }, "SE");
    expectClose(r.looks[0]!.estimate, 0.03, { rtol: 1e-12 }, "estimate");
  });

  const bad = (looks: unknown, o: unknown): InvalidArgumentError => {
    try {
      msprt(looks as never, o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return error as InvalidArgumentError;
    }
    throw new Error("did not throw");
  };
  const ok = [{ control: { visitors: 10, conversions: 1 }, treatment: { visitors: 10, conversions: 2 } }];

  test("rejects bad input", () => {
    expect(bad([], { mixingVariance: 1 }).message).toBe("msprt: looks: must have at least one look");
    expect(bad(ok, {}).message).toBe(
      "msprt: options.mixingVariance: is required unless plannedSampleSize and plannedVariance are given",
    );
    expect(bad(ok, { mixingVariance: 1, plannedSampleSize: 10, plannedVariance: 1 }).message).toBe(
      "msprt: options.plannedSampleSize: cannot be combined with mixingVariance",
    );
    expect(bad(ok, { plannedSampleSize: 10 }).message).toBe(
      "msprt: options.plannedVariance: is required with plannedSampleSize",
    );
    expect(bad(ok, { mixingVariance: 0 }).message).toBe("msprt: options.mixingVariance: must be > 0");
    expect(bad(ok, { mixingVariance: 1, alpha: 1 }).message).toBe("msprt: options.alpha: must be < 1");
    expect(
      bad([{ control: { visitors: 10, conversions: 11 }, treatment: { visitors: 10, conversions: 2 } }], {
        mixingVariance: 1,
      }).message,
    ).toContain("msprt: looks.0.control");
    expect(bad([{ control: { n: 10 }, treatment: { n: 10 } }], { mixingVariance: 1 }).message).toContain(
      "msprt: looks.0.control: must be { visitors, conversions }",
    );
    // Summaries and sufficient statistics are both means and may mix; a proportions arm may not.
    const mixed = [
      { control: { n: 100, mean: 1, sd: 1 }, treatment: { n: 100, sum: 110, sumSquares: 230 } },
      { control: { n: 200, mean: 1, sd: 1 }, treatment: { visitors: 200, conversions: 30 } },
    ];
    expect(bad(mixed, { mixingVariance: 1 }).message).toBe(
      "msprt: looks.1.treatment: is a proportions arm but looks.0.control is a means arm; use one kind throughout",
    );
  });

  test("degenerate data", () => {
    const run = () =>
      msprt([{ control: { visitors: 10, conversions: 0 }, treatment: { visitors: 10, conversions: 0 } }], {
        mixingVariance: 1,
      });
    expect(run).toThrow(StatsError);
    expect(run).toThrow("msprt: looks.0: the variance of the difference is 0");
    expect(() =>
      msprt([{ control: { n: 1, mean: 0, sd: 1 }, treatment: { n: 5, mean: 0, sd: 1 } }], { mixingVariance: 1 }),
    ).toThrow("msprt: looks.0.control: needs at least 2 observations");
  });
});
