import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { compareRatios, type RatioData } from "../../src/significance/compareRatios.js";
import { expectClose } from "../helpers/expectClose.js";

/** Raw per-unit (numerator, denominator) pairs reduced to sums; denominators >= 1. */
const unit = fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 20 }));
const armData = fc.array(unit, { minLength: 5, maxLength: 80 });
const sums = (units: readonly (readonly [number, number])[], scaleM = 1, scaleD = 1): RatioData => {
  let numeratorSum = 0;
  let numeratorSumSquares = 0;
  let denominatorSum = 0;
  let denominatorSumSquares = 0;
  let crossSum = 0;
  for (const [m0, d0] of units) {
    const m = m0 * scaleM;
    const d = d0 * scaleD;
    numeratorSum += m;
    numeratorSumSquares += m * m;
    denominatorSum += d;
    denominatorSumSquares += d * d;
    crossSum += m * d;
  }
  return { n: units.length, numeratorSum, numeratorSumSquares, denominatorSum, denominatorSumSquares, crossSum };
};
const usable = (c: RatioData, t: RatioData) => {
  try {
    const r = compareRatios(c, t);
    return r.difference.standardError > 1e-6 && r.control.ratio > 1e-6;
  } catch {
    return false;
  }
};
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe("compareRatios (laws)", () => {
  test.prop([armData, armData])(
    "p in [0, 1], nothing NaN; swapping arms negates t and keeps the two-sided p",
    (c0, t0) => {
      const c = sums(c0);
      const t = sums(t0);
      fc.pre(usable(c, t) && usable(t, c));
      const a = compareRatios(c, t);
      const b = compareRatios(t, c);
      expect(a.pValue).toBeGreaterThanOrEqual(0);
      expect(a.pValue).toBeLessThanOrEqual(1);
      expect(Number.isFinite(a.relativeLift.standardError) && Number.isFinite(a.relativeLift.pValue)).toBe(true);
      expectClose(b.statistic, -a.statistic, { rtol: 1e-12, atol: 1e-12 }, "z");
      expectClose(b.pValue, a.pValue, { rtol: 1e-10, atol: 1e-300 }, "p");
    },
  );
  test.prop([armData, armData])("p_less + p_greater = 1", (c0, t0) => {
    const c = sums(c0);
    const t = sums(t0);
    fc.pre(usable(c, t));
    const less = compareRatios(c, t, { alternative: "less" }).pValue;
    const greater = compareRatios(c, t, { alternative: "greater" }).pValue;
    expectClose(less + greater, 1, { rtol: 1e-14 }, "sum");
  });
  test.prop([armData, armData, level])("a null value at the one-sided bound gives p = 1 − level", (c0, t0, lv) => {
    const c = sums(c0);
    const t = sums(t0);
    fc.pre(usable(c, t));
    const { lower } = compareRatios(c, t, { alternative: "greater", confidenceLevel: lv }).difference
      .confidenceInterval;
    expectClose(compareRatios(c, t, { alternative: "greater", nullValue: lower }).pValue, 1 - lv, { rtol: 1e-9 }, "p");
  });
  test.prop([
    armData,
    armData,
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  ])(
    "rescaling numerators or denominators (currency, units) leaves z and the relative lift unchanged",
    (c0, t0, km, kd) => {
      const c = sums(c0);
      const t = sums(t0);
      fc.pre(usable(c, t));
      const a = compareRatios(c, t);
      const b = compareRatios(sums(c0, km, kd), sums(t0, km, kd));
      expectClose(b.statistic, a.statistic, { rtol: 1e-7, atol: 1e-9 }, "z");
      expectClose(b.relativeLift.estimate, a.relativeLift.estimate, { rtol: 1e-9, atol: 1e-12 }, "relative");
    },
  );
});
