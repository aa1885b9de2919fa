import { describe, expect, it } from "vitest";
import { normalCdf, normalPdf, normalQuantile, normalSf } from "../../src/distributions/normal.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("normal distribution conformance (mpmath, 50 digits)", () => {
  testKernelFixtures("distributions/normal", { normalPdf, normalCdf, normalSf, normalQuantile });
});

describe("normalPdf(x, mean, sd)", () => {
  it("documented examples", () => {
    expectClose(normalPdf(1), 0.24197072451914337, { rtol: 1e-15 }, "normalPdf(1)");
    expectClose(normalPdf(3, 1, 2), 0.12098536225957168, { rtol: 1e-15 }, "normalPdf(3, 1, 2)");
  });

  it("follows R dnorm at the edges", () => {
    expect(normalPdf(Number.NaN)).toBeNaN();
    expect(normalPdf(0, Number.NaN)).toBeNaN();
    expect(normalPdf(0, 0, Number.NaN)).toBeNaN();
    expect(normalPdf(0, 0, -1)).toBeNaN();
    expect(normalPdf(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(normalPdf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalPdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalPdf(1, 0, Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalPdf(40)).toBe(0);
  });

  it("is a point mass when sd = 0", () => {
    expect(normalPdf(2, 2, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(normalPdf(2.5, 2, 0)).toBe(0);
  });
});

describe("normalCdf(x, mean, sd) and normalSf(x, mean, sd)", () => {
  it("documented examples", () => {
    expectClose(normalCdf(1.96), 0.9750021048517796, { rtol: 1e-15 }, "normalCdf(1.96)");
    expectClose(normalCdf(-10), 7.619853024160527e-24, { rtol: 1e-15 }, "normalCdf(-10)");
    expectClose(normalSf(1.96), 0.024997895148220428, { rtol: 1e-15 }, "normalSf(1.96)");
    expectClose(normalSf(10), 7.619853024160527e-24, { rtol: 1e-15 }, "normalSf(10)");
  });

  it("is exactly 1/2 at the mean", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalSf(3, 3, 2)).toBe(0.5);
  });

  it("returns NaN for NaN arguments, sd < 0, and x = mean = ±Infinity", () => {
    for (const f of [normalCdf, normalSf]) {
      expect(f(Number.NaN)).toBeNaN();
      expect(f(0, Number.NaN)).toBeNaN();
      expect(f(0, 0, Number.NaN)).toBeNaN();
      expect(f(0, 0, -1)).toBeNaN();
      expect(f(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBeNaN();
      expect(f(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBeNaN();
    }
  });

  it("gives 0 and 1 at ±Infinity", () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("treats sd = 0 as a point mass at the mean (R pnorm)", () => {
    expect(normalCdf(1, 1, 0)).toBe(1);
    expect(normalCdf(0.5, 1, 0)).toBe(0);
    expect(normalSf(1, 1, 0)).toBe(0);
    expect(normalSf(0.5, 1, 0)).toBe(1);
  });

  it("gives 1/2 for sd = Infinity and finite x", () => {
    expect(normalCdf(1e300, 0, Number.POSITIVE_INFINITY)).toBe(0.5);
  });

  it("keeps p-values in the far tail (1 − cdf would give 0)", () => {
    // mpmath.ncdf(-37) at 50 digits
    expectClose(normalSf(37), 5.725571222524577e-300, { rtol: 1e-15 }, "normalSf(37)");
    expect(normalSf(38)).toBeGreaterThan(0);
    expect(normalSf(38.6)).toBe(0);
  });
});

describe("normalQuantile(p, mean, sd)", () => {
  it("documented examples", () => {
    expectClose(normalQuantile(0.975), 1.9599639845400536, { rtol: 1e-15 }, "normalQuantile(0.975)");
    expectClose(normalQuantile(1e-300), -37.0470962993612, { rtol: 1e-15 }, "normalQuantile(1e-300)");
  });

  it("gives ∓Infinity at p = 0 and 1, and 0 at p = 1/2", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.5, 7, 3)).toBe(7);
  });

  it("returns NaN outside [0, 1], for NaN and for sd < 0", () => {
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalQuantile(0.5, Number.NaN)).toBeNaN();
    expect(normalQuantile(0.5, 0, Number.NaN)).toBeNaN();
    expect(normalQuantile(0.3, 0, -1)).toBeNaN();
    expect(normalQuantile(0, 0, -1)).toBeNaN();
  });

  it("returns the mean when sd = 0", () => {
    expect(normalQuantile(0.3, 2, 0)).toBe(2);
    expect(normalQuantile(0.999, -5, 0)).toBe(-5);
  });

  it("handles subnormal probabilities", () => {
    expect(Number.isFinite(normalQuantile(5e-324))).toBe(true);
    expect(normalQuantile(5e-324)).toBeLessThan(normalQuantile(1e-300));
  });
});
