import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareQuantile, chiSquareSf } from "../../src/distributions/chiSquare.js";
import { erfc } from "../../src/distributions/erf.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

// Measured maximum relative error against the fixtures (values ≥ 1e-300):
//   chiSquareCdf: central 6.4e-16, lower_tail 4.9e-16, upper_tail 1.2e-16 (rtol 1e-13)
//   chiSquareSf:  central 3.9e-15, lower_tail 2.1e-16, upper_tail 4.0e-15 (rtol 1e-13)
//   chiSquareQuantile: lower_tail 5.1e-16, central 4.8e-14 (df = 0.00265), upper_tail 1.8e-16 (rtol 1e-12)
describe("chiSquareCdf / chiSquareSf / chiSquareQuantile conformance (mpmath, 50 digits)", () => {
  testKernelFixtures("distributions/chiSquare", { chiSquareCdf, chiSquareSf, chiSquareQuantile });
});

describe("chiSquareCdf(x, df) / chiSquareSf(x, df)", () => {
  it("documented examples", () => {
    // R: pchisq(3.84, 1) = 0.9499564787512949; pchisq(3.84, 1, lower.tail = FALSE) = 0.05004352124870519
    expectClose(chiSquareCdf(3.84, 1), 0.94996, { rtol: 5e-5 }, "chiSquareCdf(3.84, 1)");
    expectClose(chiSquareCdf(10, 2), 0.99326, { rtol: 5e-5 }, "chiSquareCdf(10, 2)");
    expectClose(chiSquareSf(3.84, 1), 0.050044, { rtol: 5e-5 }, "chiSquareSf(3.84, 1)");
    expectClose(chiSquareSf(200, 10), 1.6139e-37, { rtol: 5e-5 }, "chiSquareSf(200, 10)");
    expectClose(chiSquareSf(3.84, 1), 0.05004352124870519, { rtol: 1e-14 }, "R pchisq upper");
  });

  it("has the closed form F(x; 2) = 1 − e^{−x/2}, S(x; 2) = e^{−x/2}", () => {
    for (const x of [1e-300, 1e-12, 0.01, 1, 2.2, 7, 50, 400, 1400]) {
      expectClose(chiSquareCdf(x, 2), -Math.expm1(-x / 2), { rtol: 1e-15 }, `cdf(${x}, 2)`);
      expectClose(chiSquareSf(x, 2), Math.exp(-x / 2), { rtol: 2e-15 }, `sf(${x}, 2)`);
    }
  });

  it("has the closed form S(x; 1) = erfc(√(x/2))", () => {
    for (const x of [1e-6, 0.1, 1, 2.2, 3.84, 10, 50, 200]) {
      expectClose(chiSquareSf(x, 1), erfc(Math.sqrt(x / 2)), { rtol: 5e-14 }, `sf(${x}, 1)`);
    }
  });

  it("accepts non-integer degrees of freedom", () => {
    // mpmath: gammainc(1.25, 0, 1.5, regularized=True) = 0.694150370554182085731...
    expectClose(chiSquareCdf(3, 2.5), 0.6941503705541821, { rtol: 1e-15 }, "cdf(3, 2.5)");
    expect(chiSquareCdf(3, 2.5)).toBeGreaterThan(chiSquareCdf(3, 3));
  });

  it("handles x ≤ 0 and x = Infinity", () => {
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquareCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(chiSquareSf(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });

  it("returns NaN for df ≤ 0, df = Infinity or NaN input", () => {
    for (const [x, df] of [
      [1, 0],
      [1, -1],
      [1, Number.POSITIVE_INFINITY],
      [Number.NaN, 2],
      [1, Number.NaN],
    ] as const) {
      expect(chiSquareCdf(x, df), `cdf(${x}, ${df})`).toBeNaN();
      expect(chiSquareSf(x, df), `sf(${x}, ${df})`).toBeNaN();
    }
  });

  it("keeps tiny p-values (no 1 − cdf)", () => {
    // mpmath: gammainc(0.5, 700, inf, regularized=True) = 2.10101451626421749...e-306
    // (R pchisq(1400, 1, lower.tail = FALSE)); 1 − chiSquareCdf would give 0.
    expectClose(chiSquareSf(1400, 1), 2.1010145162642176e-306, { rtol: 1e-14 }, "sf(1400, 1)");
    expect(chiSquareCdf(1400, 1)).toBe(1);
  });
});

describe("chiSquareQuantile(p, df)", () => {
  it("documented examples", () => {
    // R: qchisq(0.95, 1) = 3.841458820694124; qchisq(0.05, 10) = 3.940299136119061
    expectClose(chiSquareQuantile(0.95, 1), 3.8415, { rtol: 5e-5 }, "qchisq(0.95, 1)");
    expectClose(chiSquareQuantile(0.05, 10), 3.9403, { rtol: 5e-5 }, "qchisq(0.05, 10)");
    expectClose(chiSquareQuantile(0.95, 1), 3.841458820694124, { rtol: 1e-14 }, "R qchisq(0.95, 1)");
  });

  it("inverts the closed form for df = 2: x = −2 ln(1 − p)", () => {
    for (const p of [1e-300, 1e-20, 1e-5, 0.1, 0.5, 0.9, 0.999999, 1 - 2 ** -53]) {
      expectClose(chiSquareQuantile(p, 2), -2 * Math.log1p(-p), { rtol: 1e-14 }, `q(${p}, 2)`);
    }
  });

  it("returns 0 at p = 0, Infinity at p = 1, NaN outside [0, 1] or for bad df", () => {
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    for (const [p, df] of [
      [-0.1, 3],
      [1.1, 3],
      [Number.NaN, 3],
      [0.5, 0],
      [0.5, -2],
      [0.5, Number.NaN],
      [0.5, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(chiSquareQuantile(p, df), `q(${p}, ${df})`).toBeNaN();
    }
  });

  it("returns 0 when the quantile underflows", () => {
    // F(x; 0.01) ≈ (x/2)^0.005/Γ(1.005): the 1e-10 quantile is far below the smallest double.
    expect(chiSquareQuantile(1e-10, 0.01)).toBe(0);
  });

  it("round-trips through the CDF in both tails", () => {
    for (const df of [0.05, 1, 3.5, 30, 1e3, 1e6]) {
      for (const p of [1e-280, 1e-12, 0.01, 0.5]) {
        const x = chiSquareQuantile(p, df);
        if (x > 1e-290) expectClose(chiSquareCdf(x, df), p, { rtol: 1e-12 + 1e-15 * df }, `cdf(q(${p}, ${df}))`);
        const xu = chiSquareQuantile(1 - p, df);
        if (p >= 1e-16) expectClose(chiSquareSf(xu, df), 1 - (1 - p), { rtol: 1e-12 + 1e-15 * df }, `sf(q(1 − ${p}))`);
      }
    }
  });
});
