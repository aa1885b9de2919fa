import { describe, expect, it } from "vitest";
import { gammaCdf, gammaSf } from "../../src/distributions/gamma.js";
import { regularizedGammaP, regularizedGammaQ } from "../../src/distributions/regularizedGamma.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

// Measured maximum relative error against the fixtures (rtol 1e-13 each):
//   gammaCdf: central 1.3e-15, tails 3.7e-16; gammaSf: central 6.7e-15, tails 2.3e-15.
describe("gammaCdf / gammaSf conformance (mpmath gammainc at the exact product rate·x, 50 digits)", () => {
  testKernelFixtures("distributions/gamma", { gammaCdf, gammaSf });
});

describe("gammaCdf(x, shape, rate) / gammaSf(x, shape, rate)", () => {
  it("documented examples", () => {
    // R: pgamma(2, 3) = 0.3233235838169366; pgamma(2, 3, 0.5) = 0.08030139707139418
    expectClose(gammaCdf(2, 3), 0.32332, { rtol: 5e-5 }, "gammaCdf(2, 3)");
    expectClose(gammaCdf(2, 3, 0.5), 0.080301, { rtol: 5e-5 }, "gammaCdf(2, 3, 0.5)");
    expectClose(gammaSf(2, 3), 0.67668, { rtol: 5e-5 }, "gammaSf(2, 3)");
    expectClose(gammaSf(100, 10, 0.5), 1.2596e-12, { rtol: 5e-5 }, "gammaSf(100, 10, 0.5)");
    expectClose(gammaCdf(2, 3), 0.3233235838169366, { rtol: 1e-15 }, "R pgamma(2, 3)");
  });

  it("defaults to rate 1 (the regularized incomplete gamma function)", () => {
    for (const [x, a] of [
      [0.5, 0.3],
      [4, 4],
      [30, 12.5],
      [1e3, 700],
    ] as const) {
      expect(gammaCdf(x, a)).toBe(regularizedGammaP(a, x));
      expect(gammaSf(x, a)).toBe(regularizedGammaQ(a, x));
    }
  });

  it("is the exponential distribution for shape 1", () => {
    for (const x of [1e-9, 0.3, 2, 40, 600]) {
      expectClose(gammaCdf(x, 1, 2), -Math.expm1(-2 * x), { rtol: 1e-15 }, `cdf(${x}, 1, 2)`);
      expectClose(gammaSf(x, 1, 2), Math.exp(-2 * x), { rtol: 2e-15 }, `sf(${x}, 1, 2)`);
    }
  });

  it("handles x ≤ 0 and x = Infinity as R pgamma does", () => {
    expect(gammaCdf(0, 2)).toBe(0);
    expect(gammaCdf(-3, 2, 4)).toBe(0);
    expect(gammaSf(0, 2)).toBe(1);
    expect(gammaSf(-3, 2, 4)).toBe(1);
    expect(gammaCdf(Number.POSITIVE_INFINITY, 2)).toBe(1);
    expect(gammaSf(Number.POSITIVE_INFINITY, 2)).toBe(0);
    expect(gammaCdf(Number.NEGATIVE_INFINITY, 2)).toBe(0);
  });

  it("returns NaN for invalid parameters or NaN input", () => {
    const bad: [number, number, number][] = [
      [1, 0, 1],
      [1, -2, 1],
      [1, Number.POSITIVE_INFINITY, 1],
      [1, 2, 0],
      [1, 2, -1],
      [1, 2, Number.POSITIVE_INFINITY],
      [Number.NaN, 2, 1],
      [1, Number.NaN, 1],
      [1, 2, Number.NaN],
    ];
    for (const [x, a, r] of bad) {
      expect(gammaCdf(x, a, r), `gammaCdf(${x}, ${a}, ${r})`).toBeNaN();
      expect(gammaSf(x, a, r), `gammaSf(${x}, ${a}, ${r})`).toBeNaN();
    }
  });

  it("evaluates at the exact product rate·x (no loss from rounding it)", () => {
    // fl(0.1·7000) = 700 while the exact product is 700.0000000000000388578...; mpmath at the exact
    // product: gammainc(3, 7000*mpf(0.1), inf, regularized=True) = 2.42253238647822559e-299, while
    // Q(3, 700) = 2.4225323864783195e-299 differs by 3.9e-14 (d ln Q/d ln x ≈ 698).
    const exact = 2.422532386478226e-299;
    expectClose(gammaSf(7000, 3, 0.1), exact, { rtol: 5e-15 }, "gammaSf(7000, 3, 0.1)");
    expect(Math.abs(regularizedGammaQ(3, 700) / exact - 1)).toBeGreaterThan(3e-14);
  });
});
