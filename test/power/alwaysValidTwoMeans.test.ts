import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { confidenceSequence } from "../../src/sequential/confidenceSequence.js";
import { groupSequentialDesign } from "../../src/sequential/groupSequentialDesign.js";
import { expectClose } from "../helpers/expectClose.js";
import { thrown } from "./planningFixtures.js";

/** GrowthBook case G21: mean 10, variance 3909.9997749994377, 400,000 users in 3 variations (133,333 per arm). */
const g21 = {
  sd: Math.sqrt(3909.9997749994377),
  baselineMean: 10,
  mdeType: "relative",
  test: "z-relative",
  nControl: 133_333,
} as const;
const sequential = { tuningSampleSize: 5000 } as const;

describe("alwaysValid: GrowthBook's sequential power (case G21)", () => {
  test("documented example / G21: sequential power 0.20596 (fixed 0.52144)", () => {
    const r = powerTwoMeans({ ...g21, mde: 0.05, alwaysValid: sequential });
    expectClose(r.power, 0.20596, { atol: 5e-6 }, "sequential power");
    const fixed = powerTwoMeans({ ...g21, mde: 0.05 });
    expectClose(fixed.power, 0.52144, { atol: 5e-6 }, "fixed power");
  });

  test("documented example / G21: sequential MDE at 80 % power 0.12821 (fixed 0.07027)", () => {
    const r = mdeTwoMeans({ ...g21, alwaysValid: sequential });
    expectClose(r.mde, 0.12821, { atol: 5e-6 }, "sequential mde");
    expectClose(mdeTwoMeans(g21).mde, 0.07027, { atol: 5e-6 }, "fixed mde");
  });

  test("G21 MDE is GrowthBook's closed-form quadratic with k·M/z", () => {
    const n = g21.nControl;
    const r = mdeTwoMeans({ ...g21, alwaysValid: sequential, alternative: "greater", alpha: 0.025 });
    const fromTwoSided = mdeTwoMeans({ ...g21, alwaysValid: sequential });
    // One-sided at alpha/2 uses the one-sided multiplier, so check the quadratic with the two-sided M instead.
    const m = fromTwoSided.alwaysValid?.multiplier as number;
    const zA = 1.959963984540054;
    const k = ((zA + 0.8416212335729143) * m) / zA;
    const sigma2 = 3909.9997749994377 / n;
    const a = 1 - (k * k * sigma2) / 100;
    const c = 100 - k * k * sigma2;
    const closed = ((20 + Math.sqrt(400 - 4 * a * c)) / (2 * a) - 10) / 10;
    // The two-region solve adds the far region Φ(−z − λ) ≈ 1e-6 of power, so its MDE is a little (1.7e-7) smaller.
    expect(fromTwoSided.mde).toBeLessThan(closed);
    expectClose(fromTwoSided.mde, closed, { atol: 5e-7 }, "quadratic");
    expectClose(closed, 0.12821, { atol: 5e-6 }, "quadratic vs G21");
    expect(r.mde).toBeGreaterThan(0);
  });

  test("the result echoes the option, M from confidenceSequence at N = nControl + nTreatment, and M/z", () => {
    const r = powerTwoMeans({ ...g21, mde: 0.05, alwaysValid: sequential });
    const cs = confidenceSequence(
      { estimate: 0, standardError: 1, sampleSize: 2 * 133_333 },
      { tuningSampleSize: 5000, confidenceLevel: 0.95 },
    );
    expect(r.alwaysValid?.tuningSampleSize).toBe(5000);
    expect(r.alwaysValid?.multiplier).toBe(cs.multiplier);
    expectClose(r.alwaysValid?.seInflation as number, cs.multiplier / 1.959963984540054, { rtol: 1e-15 }, "M/z");
    expect(r.method).toMatch(/always-valid \(SE inflated by M\/z = 1\.77260, N\* = 5000\)/);
    expect(powerTwoMeans({ ...g21, mde: 0.05 })).not.toHaveProperty("alwaysValid");
  });

  test('test "z": power is the z-test power at SE·M/z (one-sided uses the one-sided multiplier)', () => {
    const opts = { sd: 2, mde: 0.1, nControl: 3000, nTreatment: 2000, test: "z" } as const;
    for (const alternative of ["two-sided", "greater"] as const) {
      const r = powerTwoMeans({ ...opts, alternative, alwaysValid: { tuningSampleSize: 10_000 } });
      const m = confidenceSequence(
        { estimate: 0, standardError: 1, sampleSize: 5000 },
        { tuningSampleSize: 10_000, confidenceLevel: 0.95, alternative },
      ).multiplier;
      const z = alternative === "two-sided" ? 1.959963984540054 : 1.6448536269514722;
      const se = Math.sqrt(4 / 3000 + 4 / 2000) * (m / z);
      // Φ via the fixed-horizon planner at an equivalent effect: power(δ/(M/z)) without inflation.
      const fixed = powerTwoMeans({ ...opts, alternative, mde: 0.1 / (m / z) });
      expectClose(r.power, fixed.power, { rtol: 1e-13 }, alternative);
      expect(se).toBeGreaterThan(Math.sqrt(4 / 3000 + 4 / 2000));
    }
  });
});

describe("alwaysValid: sampleSizeTwoMeans", () => {
  const { nControl: _n, ...g21Design } = g21;

  test("documented example / G21 inverted: +5 % with N* = 5,000 needs 940,481 per arm (fixed 258,095)", () => {
    const r = sampleSizeTwoMeans({ ...g21Design, mde: 0.05, alwaysValid: sequential });
    expect(r.nControl).toBe(940_481);
    expectClose(r.alwaysValid?.seInflation as number, 1.9089, { atol: 5e-5 }, "M/z");
    expect(sampleSizeTwoMeans({ ...g21Design, mde: 0.05 }).nControl).toBe(258_095);
    // The plan reaches 80 % under the inflation at its own size, and one unit fewer does not.
    const at = (n: number): number =>
      powerTwoMeans({ ...g21Design, mde: 0.05, nControl: n, alwaysValid: sequential }).power;
    expectClose(at(r.nControl), r.achievedPower, { rtol: 1e-15 }, "achieved");
    expect(at(r.nControl)).toBeGreaterThanOrEqual(0.8);
    expect(at(r.nControl - 1)).toBeLessThan(0.8);
    // The reported multiplier is the one at the rounded total N = nControl + nTreatment.
    const cs = confidenceSequence(
      { estimate: 0, standardError: 1, sampleSize: 2 * r.nControl },
      { tuningSampleSize: 5000, confidenceLevel: 0.95 },
    );
    expectClose(r.alwaysValid?.multiplier as number, cs.multiplier, { rtol: 1e-15 }, "M");
    expect(r.method).toMatch(/always-valid/);
  });

  test("G21 round trip: the sizes solved for G21's printed sequential power bracket G21's 133,333.3 per arm", () => {
    // G21 prints the power to 5 decimals, so the sizes for 0.205955 and 0.205965 bracket GrowthBook's 400,000 / 3.
    const at = (power: number): number =>
      sampleSizeTwoMeans({ ...g21Design, mde: 0.05, power, alwaysValid: sequential }).nControlExact;
    expect(at(0.205955)).toBeLessThan(400_000 / 3);
    expect(at(0.205965)).toBeGreaterThan(400_000 / 3);
  });

  test("tiny and huge answers: the rounded plan reaches the power and one unit fewer does not", () => {
    for (const mde of [3, 1, 0.3, 0.01, 1e-4]) {
      for (const tuningSampleSize of [10, 5000, 1e8]) {
        const opts = { mde, sd: 1, test: "z", alwaysValid: { tuningSampleSize } } as const;
        const r = sampleSizeTwoMeans(opts);
        const at = (n: number): number => powerTwoMeans({ ...opts, nControl: n }).power;
        expect(at(r.nControl)).toBeGreaterThanOrEqual(0.8);
        if (r.nControl > 1) expect(at(r.nControl - 1)).toBeLessThan(0.8);
      }
    }
  });

  test("bad input: a t-test, or alwaysValid together with a group sequential design", () => {
    const t = thrown(() => sampleSizeTwoMeans({ sd: 1, mde: 0.2, alwaysValid: sequential }));
    expect(t).toBeInstanceOf(InvalidArgumentError);
    expect(t.message).toContain('sampleSizeTwoMeans: alwaysValid: needs test "z" or "z-relative"');
    const both = thrown(() =>
      sampleSizeTwoMeans({
        sd: 1,
        mde: 0.2,
        test: "z",
        alwaysValid: sequential,
        sequential: groupSequentialDesign({ kMax: 3 }),
      }),
    );
    expect(both).toBeInstanceOf(InvalidArgumentError);
    expect(both.message).toContain("alwaysValid: choose alwaysValid or sequential, not both");
  });
});

describe("alwaysValid: bad input", () => {
  test("a t-test is rejected, naming the option", () => {
    for (const f of [
      () => powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, alwaysValid: sequential }),
      () => mdeTwoMeans({ sd: 1, nControl: 100, test: "t", alwaysValid: sequential }),
    ]) {
      const error = thrown(f);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toMatch(/^(powerTwoMeans|mdeTwoMeans): /);
      expect(error.message).toContain('alwaysValid: needs test "z" or "z-relative"');
    }
  });

  test("tuningSampleSize must be a positive number; unknown keys and non-objects are rejected", () => {
    const base = { sd: 1, mde: 0.2, nControl: 100, test: "z" } as const;
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrown(() => powerTwoMeans({ ...base, alwaysValid: { tuningSampleSize: bad } }));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toContain("powerTwoMeans: ");
      expect(error.message).toContain("alwaysValid.tuningSampleSize");
    }
    const extra = thrown(() =>
      // @ts-expect-error unknown key
      powerTwoMeans({ ...base, alwaysValid: { tuningSampleSize: 5000, rho: 1 } }),
    );
    expect(extra.message).toContain("alwaysValid");
    const missing = thrown(() =>
      // @ts-expect-error tuningSampleSize is required
      mdeTwoMeans({ sd: 1, nControl: 100, test: "z", alwaysValid: {} }),
    );
    expect(missing.message).toContain("mdeTwoMeans: ");
    expect(missing.message).toContain("alwaysValid.tuningSampleSize");
    // @ts-expect-error not an object
    const scalar = thrown(() => powerTwoMeans({ ...base, alwaysValid: 5000 }));
    expect(scalar.message).toContain("alwaysValid: must be an object { tuningSampleSize }");
  });

  test("a one-sided alpha of 0.5 or more is rejected (no one-sided confidence sequence)", () => {
    const error = thrown(() =>
      powerTwoMeans({
        sd: 1,
        mde: 0.2,
        nControl: 100,
        test: "z",
        alternative: "greater",
        alpha: 0.6,
        alwaysValid: sequential,
      }),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain("powerTwoMeans: alwaysValid: needs a one-sided alpha per comparison below 0.5");
  });

  test("too few users for any sequential lift is NO_SOLUTION", () => {
    const error = thrown(() => mdeTwoMeans({ ...g21, nControl: 600, alwaysValid: sequential }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(mdeTwoMeans({ ...g21, nControl: 600 }).mde).toBeGreaterThan(0);
  });
});
