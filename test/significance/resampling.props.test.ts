import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { bootstrapConfidenceInterval } from "../../src/significance/bootstrapConfidenceInterval.js";
import { permutationTest } from "../../src/significance/permutationTest.js";

const sample = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 15 });
const seed = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe("permutationTest and bootstrapConfidenceInterval (laws)", () => {
  test.prop([sample, sample, seed, fc.integer({ min: 1, max: 200 })])(
    "permutation p-values lie in [1/(m + 1), 1]",
    (c, t, s, m) => {
      const r = permutationTest(c, t, { seed: s, resamples: m });
      expect(r.pValue).toBeGreaterThanOrEqual(1 / (m + 1));
      expect(r.pValue).toBeLessThanOrEqual(1);
      expect(r.pValue).toBe((r.extremeCount + 1) / (m + 1));
    },
  );
  test.prop([sample, sample, seed, fc.integer({ min: -1000, max: 1000 })])(
    "adding a constant to every value leaves the permutation test unchanged (same seed)",
    (c, t, s, shift) => {
      const a = permutationTest(c, t, { seed: s, resamples: 200 });
      const b = permutationTest(
        c.map((v) => v + shift),
        t.map((v) => v + shift),
        { seed: s, resamples: 200 },
      );
      expect(b.extremeCount).toBe(a.extremeCount);
    },
  );
  test.prop([sample, sample, seed, fc.constantFrom("percentile" as const, "bca" as const)])(
    "bootstrap intervals are ordered and carry their level",
    (c, t, s, method) => {
      fc.pre(new Set(c).size > 1 && new Set(t).size > 1);
      const r = bootstrapConfidenceInterval(c, t, { seed: s, method, resamples: 200 });
      expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.confidenceInterval.upper);
      expect(r.confidenceInterval.level).toBe(0.95);
      expect(r.standardError).toBeGreaterThan(0);
    },
  );
});
