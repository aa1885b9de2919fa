import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createRandom } from "../../src/internal/prng.js";
import { compareMeans } from "../../src/significance/compareMeans.js";
import { expectClose } from "../helpers/expectClose.js";

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 60 });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const equalVariance = fc.boolean();

const mean = (x: readonly number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const variance = (x: readonly number[]) => {
  const m = mean(x);
  return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
};
/** Both arms vary (not "essentially constant") and the control mean is clearly non-zero. */
const usable = (c: readonly number[], t: readonly number[]) =>
  variance(c) > 1e-6 && variance(t) > 1e-6 && Math.abs(mean(c)) > 1e-6 && Math.abs(mean(t)) > 1e-6;

describe("compareMeans (laws)", () => {
  test.prop([
    sample,
    sample,
    equalVariance,
    level,
    fc.constantFrom("two-sided" as const, "less" as const, "greater" as const),
  ])(
    "p-values are probabilities; intervals are ordered, contain the estimate and carry their level",
    (c, t, eq, lv, alt) => {
      fc.pre(usable(c, t));
      const r = compareMeans(c, t, { equalVariance: eq, confidenceLevel: lv, alternative: alt });
      for (const p of [r.pValue, r.relativeLift.pValue]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      const ci = r.difference.confidenceInterval;
      expect(ci.lower).toBeLessThanOrEqual(r.difference.estimate);
      expect(ci.upper).toBeGreaterThanOrEqual(r.difference.estimate);
      expect(ci.level).toBe(lv);
    },
  );

  test.prop([sample, sample, equalVariance])("swapping arms negates t and keeps the two-sided p-value", (c, t, eq) => {
    fc.pre(usable(c, t));
    const a = compareMeans(c, t, { equalVariance: eq });
    const b = compareMeans(t, c, { equalVariance: eq });
    expectClose(b.statistic, -a.statistic, { rtol: 1e-12, atol: 1e-12 }, "t");
    expectClose(b.df, a.df, { rtol: 1e-12 }, "df");
    expectClose(b.pValue, a.pValue, { rtol: 1e-10, atol: 1e-15 }, "p");
    expectClose(
      b.difference.confidenceInterval.lower,
      -a.difference.confidenceInterval.upper,
      { rtol: 1e-12, atol: 1e-12 },
      "CI",
    );
  });

  test.prop([sample, sample, equalVariance])("p_less + p_greater = 1 and p_two = 2·min", (c, t, eq) => {
    fc.pre(usable(c, t));
    const less = compareMeans(c, t, { equalVariance: eq, alternative: "less" }).pValue;
    const greater = compareMeans(c, t, { equalVariance: eq, alternative: "greater" }).pValue;
    const two = compareMeans(c, t, { equalVariance: eq }).pValue;
    expectClose(less + greater, 1, { rtol: 1e-13 }, "sum");
    expectClose(two, Math.min(1, 2 * Math.min(less, greater)), { rtol: 1e-12, atol: 1e-300 }, "two");
  });

  test.prop([sample, sample, equalVariance, level])(
    "a null value at the one-sided bound gives p = 1 − level",
    (c, t, eq, lv) => {
      fc.pre(usable(c, t));
      const { lower } = compareMeans(c, t, { equalVariance: eq, alternative: "greater", confidenceLevel: lv })
        .difference.confidenceInterval;
      const r = compareMeans(c, t, { equalVariance: eq, alternative: "greater", nullValue: lower });
      expectClose(r.pValue, 1 - lv, { rtol: 1e-9 }, "p");
    },
  );

  test.prop([
    sample,
    sample,
    equalVariance,
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  ])("shifting and scaling both samples leaves t, df and p unchanged", (c, t, eq, shift, scale) => {
    const c2 = c.map((v) => v * scale + shift);
    const t2 = t.map((v) => v * scale + shift);
    fc.pre(usable(c, t) && usable(c2, t2));
    const a = compareMeans(c, t, { equalVariance: eq });
    const b = compareMeans(c2, t2, { equalVariance: eq });
    expectClose(b.statistic, a.statistic, { rtol: 1e-7, atol: 1e-9 }, "t");
    expectClose(b.df, a.df, { rtol: 1e-7 }, "df");
    expectClose(b.pValue, a.pValue, { rtol: 1e-6, atol: 1e-12 }, "p");
    expectClose(b.difference.estimate, a.difference.estimate * scale, { rtol: 1e-7, atol: 1e-9 * scale }, "estimate");
  });

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 200, max: 400 })])(
    "CUPED with a covariate independent of the outcome changes little",
    (seed, n) => {
      const rnd = createRandom(seed);
      const arm = (shift: number) => ({
        values: Array.from({ length: n }, () => 50 + shift + 5 * rnd.nextNormal()),
        covariate: Array.from({ length: n }, () => 20 + 3 * rnd.nextNormal()),
      });
      const r = compareMeans(arm(0), arm(1));
      expect(Math.abs(r.cuped!.varianceReduction)).toBeLessThan(0.1);
      expectClose(r.difference.estimate, r.cuped!.unadjustedDifference.estimate, { atol: 0.5 }, "estimate");
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 20, max: 300 })])(
    "CUPED with a (nearly) perfectly correlated covariate removes nearly all variance",
    (seed, n) => {
      const rnd = createRandom(seed);
      const arm = (shift: number) => {
        const covariate = Array.from({ length: n }, () => 20 + 3 * rnd.nextNormal());
        return { values: covariate.map((x) => 5 + shift + 2 * x + 1e-3 * rnd.nextNormal()), covariate };
      };
      const r = compareMeans(arm(0), arm(1));
      expect(r.cuped!.varianceReduction).toBeGreaterThan(0.99);
      // θ is pooled over both arms, so the between-arm shift pulls it a little away from the slope 2.
      expectClose(r.cuped!.theta, 2, { rtol: 0.05 }, "theta");
    },
  );
});
