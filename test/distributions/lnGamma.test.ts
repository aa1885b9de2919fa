import { describe, expect, it } from "vitest";
import { lnBeta, lnGamma, stirlingCorrection } from "../../src/distributions/lnGamma.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("lnGamma / lnBeta / stirlingCorrection conformance (mpmath, 50+ digits)", () => {
  testKernelFixtures("distributions/lnGamma", { lnGamma, lnBeta, stirlingCorrection });
});

describe("lnGamma(x)", () => {
  it("documented examples", () => {
    expectClose(lnGamma(0.5), 0.5723649429247001, { rtol: 1e-15 }, "lnGamma(0.5)");
    expectClose(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), { rtol: 2e-16 }, "ln √π");
    expectClose(lnGamma(100), 359.1342053695754, { rtol: 1e-15 }, "lnGamma(100)");
  });

  it("is exactly 0 at the zeros x = 1 and x = 2", () => {
    expect(lnGamma(1)).toBe(0);
    expect(lnGamma(2)).toBe(0);
  });

  it("equals the log factorial at small integers", () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      expectClose(lnGamma(n + 1), logFactorial + Math.log(n), { rtol: 1e-15 }, `lnGamma(${n + 1})`);
      logFactorial += Math.log(n);
    }
  });

  it("returns NaN for NaN", () => {
    expect(lnGamma(Number.NaN)).toBeNaN();
  });

  it("returns Infinity at the poles and at ±Infinity (R lgamma)", () => {
    for (const x of [0, -0, -1, -2, -100, -1e20, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
      expect(lnGamma(x), `lnGamma(${x})`).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it("overflows to Infinity only beyond about 2.5e305", () => {
    expect(Number.isFinite(lnGamma(2.5e305))).toBe(true);
    expect(lnGamma(1e306)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is -ln x for tiny x, including subnormals", () => {
    expectClose(lnGamma(1e-300), -Math.log(1e-300), { rtol: 1e-15 }, "lnGamma(1e-300)");
    expectClose(lnGamma(5e-324), -Math.log(5e-324), { rtol: 1e-15 }, "lnGamma(5e-324)");
  });

  it("uses the reflection formula for negative non-integers", () => {
    // Γ(−½) = −2√π.
    expectClose(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), { rtol: 1e-15 }, "lnGamma(-0.5)");
    // Γ(−3/2) = 4√π/3.
    expectClose(lnGamma(-1.5), Math.log((4 * Math.sqrt(Math.PI)) / 3), { rtol: 1e-15 }, "lnGamma(-1.5)");
  });
});

describe("lnBeta(a, b)", () => {
  it("documented examples", () => {
    expectClose(lnBeta(2, 3), Math.log(1 / 12), { rtol: 1e-15 }, "lnBeta(2, 3)");
    expectClose(lnBeta(1e6, 0.5), -6.335390211057437, { rtol: 1e-15 }, "lnBeta(1e6, 0.5)");
  });

  it("is symmetric", () => {
    expect(lnBeta(3.5, 1e8)).toBe(lnBeta(1e8, 3.5));
    expect(lnBeta(12, 40)).toBe(lnBeta(40, 12));
  });

  it("is -ln b when a = 1", () => {
    for (const b of [0.001, 0.5, 3, 17, 1e4, 1e12]) {
      expectClose(lnBeta(1, b), -Math.log(b), { rtol: 2e-15 }, `lnBeta(1, ${b})`);
    }
  });

  it("follows R lbeta at the edges", () => {
    expect(lnBeta(Number.NaN, 1)).toBeNaN();
    expect(lnBeta(1, Number.NaN)).toBeNaN();
    expect(lnBeta(-1, 2)).toBeNaN();
    expect(lnBeta(0, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(lnBeta(2, Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("stirlingCorrection(x)", () => {
  it("documented example", () => {
    expectClose(stirlingCorrection(10), 0.00833056343336287, { rtol: 1e-15 }, "stirlingCorrection(10)");
  });

  it("matches ln Γ minus Stirling's formula where that difference is well conditioned", () => {
    const x = 0.25;
    const direct = lnGamma(x) - ((x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI));
    expectClose(stirlingCorrection(x), direct, { rtol: 1e-15 }, "stirlingCorrection(0.25)");
  });

  it("is NaN for x <= 0 or NaN, and 0 at Infinity", () => {
    expect(stirlingCorrection(0)).toBeNaN();
    expect(stirlingCorrection(-1)).toBeNaN();
    expect(stirlingCorrection(Number.NaN)).toBeNaN();
    expect(stirlingCorrection(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
