import { fc, test } from "@fast-check/vitest";
import stdlibErf from "@stdlib/math-base-special-erf";
import stdlibErfc from "@stdlib/math-base-special-erfc";
import stdlibErfinv from "@stdlib/math-base-special-erfinv";
import { describe, expect } from "vitest";
import { erf, erfc } from "../../src/distributions/erf.js";
import { erfInv } from "../../src/distributions/erfInv.js";
import { expectClose } from "../helpers/expectClose.js";

const real = fc.double({ min: -30, max: 30, noNaN: true });
const open = fc.double({ min: -1, max: 1, noNaN: true, minExcluded: true, maxExcluded: true });

describe("erf / erfc (laws)", () => {
  test.prop([real])("erf is odd", (x) => {
    expect(erf(-x)).toBe(-erf(x));
  });

  test.prop([real])("erf is in [-1, 1] and erfc in [0, 2]", (x) => {
    const e = erf(x);
    const c = erfc(x);
    expect(Math.abs(e)).toBeLessThanOrEqual(1);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThanOrEqual(2);
  });

  test.prop([fc.double({ min: -6, max: 6, noNaN: true })])("erf(x) + erfc(x) = 1", (x) => {
    expectClose(erf(x) + erfc(x), 1, { rtol: 4e-16 }, `x=${x}`);
  });

  test.prop([fc.double({ min: 0.5, max: 26, noNaN: true })])("erfc(-x) = 2 - erfc(x)", (x) => {
    expectClose(erfc(-x), 2 - erfc(x), { ulps: 1 }, `x=${x}`);
  });

  test.prop([real, real])("erf is non-decreasing and erfc non-increasing", (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    expect(erf(lo)).toBeLessThanOrEqual(erf(hi));
    expect(erfc(lo)).toBeGreaterThanOrEqual(erfc(hi));
  });

  test.prop([fc.double({ min: -26, max: 26, noNaN: true })])("agrees with @stdlib erf/erfc to 1e-13", (x) => {
    expectClose(erf(x), stdlibErf(x), { rtol: 1e-13, atol: 1e-300 }, `erf(${x})`);
    expectClose(erfc(x), stdlibErfc(x), { rtol: 1e-13, atol: 1e-300 }, `erfc(${x})`);
  });
});

describe("erfInv (laws)", () => {
  test.prop([open])("odd", (y) => {
    expect(erfInv(-y)).toBe(-erfInv(y));
  });

  test.prop([open])("erf(erfInv(y)) ≈ y", (y) => {
    // erf is well conditioned here; the round trip is limited by the spacing of doubles near erfInv(y).
    expectClose(erf(erfInv(y)), y, { rtol: 1e-15, atol: 1e-300 }, `y=${y}`);
  });

  test.prop([fc.double({ min: -5.5, max: 5.5, noNaN: true })])("erfInv(erf(x)) ≈ x where erf is not flat", (x) => {
    fc.pre(Math.abs(x) <= 2 && Math.abs(x) >= 1e-300);
    // Relative condition number of erfInv at y = erf(x) is erf(x)/(x erf'(x)) <= 7 for |x| <= 2.
    expectClose(erfInv(erf(x)), x, { rtol: 4e-15 }, `x=${x}`);
  });

  test.prop([fc.double({ min: 0.5, max: 5.8, noNaN: true })])("erfc(erfInv(y)) ≈ 1 − y in the tail", (x) => {
    const y = 1 - erfc(x);
    fc.pre(y < 1);
    const c = 1 - y; // exact
    const x1 = erfInv(y);
    // erfc has relative condition number 2x² at x, so the half-ulp rounding of x1 alone moves
    // erfc(x1) by up to x1² · 2^-52 relative.
    expectClose(erfc(x1), c, { rtol: 1e-15 + x1 * x1 * Number.EPSILON }, `x=${x}`);
  });

  test.prop([open])("agrees with @stdlib erfinv to 1e-13", (y) => {
    expectClose(erfInv(y), stdlibErfinv(y), { rtol: 1e-13, atol: 1e-300 }, `y=${y}`);
  });

  test.prop([open, open])("increasing", (a, b) => {
    fc.pre(a < b);
    expect(erfInv(a)).toBeLessThanOrEqual(erfInv(b));
  });
});
