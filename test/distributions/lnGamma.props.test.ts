import { fc, test } from "@fast-check/vitest";
import gammaln from "@stdlib/math-base-special-gammaln";
import { describe, expect } from "vitest";
import { lnBeta, lnGamma, stirlingCorrection } from "../../src/distributions/lnGamma.js";
import { expectClose } from "../helpers/expectClose.js";

const positive = fc.double({ min: 1e-10, max: 1e15, noNaN: true });

describe("lnGamma (laws)", () => {
  // ln Γ(x + 1) = ln Γ(x) + ln x, checked where neither side is near a zero of ln Γ (x ≥ 3).
  test.prop([fc.double({ min: 3, max: 1e12, noNaN: true })])("recurrence ln Γ(x + 1) = ln Γ(x) + ln x", (x) => {
    expectClose(lnGamma(x + 1), lnGamma(x) + Math.log(x), { rtol: 2e-15 }, `x=${x}`);
  });

  test.prop([fc.double({ min: 1e-10, max: 0.4, noNaN: true })])(
    "recurrence below 1: ln Γ(x) = ln Γ(x + 1) − ln x",
    (x) => {
      expectClose(lnGamma(x), lnGamma(x + 1) - Math.log(x), { rtol: 2e-15 }, `x=${x}`);
    },
  );

  test.prop([fc.double({ min: 0.05, max: 0.95, noNaN: true })])(
    "reflection ln Γ(x) + ln Γ(1 − x) = ln(π / sin πx)",
    (x) => {
      expectClose(lnGamma(x) + lnGamma(1 - x), Math.log(Math.PI / Math.sin(Math.PI * x)), { rtol: 1e-14 }, `x=${x}`);
    },
  );

  test.prop([positive])("agrees with @stdlib gammaln to 1e-13", (x) => {
    expectClose(lnGamma(x), gammaln(x), { rtol: 1e-13, atol: 1e-15 }, `x=${x}`);
  });

  test.prop([fc.double({ min: 2, max: 1e15, noNaN: true })])("increasing for x ≥ 2", (x) => {
    expect(lnGamma(x * (1 + 1e-9))).toBeGreaterThanOrEqual(lnGamma(x));
  });

  test.prop([fc.double({ min: 0.5, max: 1e15, noNaN: true })])(
    "stirlingCorrection is positive and below 1/(12x)",
    (x) => {
      const d = stirlingCorrection(x);
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual((1 / (12 * x)) * (1 + 4 * Number.EPSILON)); // equality up to rounding for huge x
    },
  );
});

describe("lnBeta (laws)", () => {
  test.prop([positive, positive])("symmetric", (a, b) => {
    expect(lnBeta(a, b)).toBe(lnBeta(b, a));
  });

  // B(a, b) = B(a + 1, b) · (a + b)/a; checked where ln B is well away from 0.
  test.prop([fc.double({ min: 0.5, max: 1e6, noNaN: true }), fc.double({ min: 0.5, max: 1e6, noNaN: true })])(
    "recurrence ln B(a, b) = ln B(a + 1, b) + ln((a + b)/a)",
    (a, b) => {
      const lhs = lnBeta(a, b);
      fc.pre(Math.abs(lhs) > 0.1);
      expectClose(lnBeta(a + 1, b) + Math.log((a + b) / a), lhs, { rtol: 1e-13 }, `a=${a}, b=${b}`);
    },
  );

  test.prop([fc.double({ min: 0.1, max: 9, noNaN: true }), fc.double({ min: 0.1, max: 9, noNaN: true })])(
    "equals the lnGamma sum for small arguments",
    (a, b) => {
      expect(lnBeta(a, b)).toBe(lnGamma(a) + lnGamma(b) - lnGamma(a + b));
    },
  );
});
