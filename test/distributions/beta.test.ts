import { describe, expect, it } from "vitest";
import { betaCdf, betaPdf, betaQuantile, betaSf } from "../../src/distributions/beta.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("betaPdf / betaCdf / betaSf / betaQuantile conformance (mpmath, 50+ digits)", () => {
  testKernelFixtures("distributions/beta", { betaPdf, betaCdf, betaSf, betaQuantile });
});

describe("betaPdf(x, a, b)", () => {
  it("documented example", () => {
    expectClose(betaPdf(0.3, 2, 5), 2.1609000000000003, { rtol: 1e-14 }, "betaPdf(0.3, 2, 5)");
  });

  it("closed forms: uniform, arcsine, Beta(a, 1)", () => {
    expect(betaPdf(0.37, 1, 1)).toBe(1);
    for (const x of [1e-12, 0.2, 0.5, 0.9]) {
      expectClose(betaPdf(x, 0.5, 0.5), 1 / (Math.PI * Math.sqrt(x * (1 - x))), { rtol: 1e-14 }, `arcsine ${x}`);
      expectClose(betaPdf(x, 4.5, 1), 4.5 * x ** 3.5, { rtol: 1e-14, atol: 1e-300 }, `Beta(4.5, 1) ${x}`);
    }
  });

  it("endpoints follow R dbeta", () => {
    expect(betaPdf(0, 0.5, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(betaPdf(0, 1, 3)).toBe(3);
    expect(betaPdf(0, 2, 3)).toBe(0);
    expect(betaPdf(1, 3, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(betaPdf(1, 3, 1)).toBe(3);
    expect(betaPdf(1, 3, 2)).toBe(0);
    expect(betaPdf(-0.1, 2, 3)).toBe(0);
    expect(betaPdf(1.1, 2, 3)).toBe(0);
  });

  it("NaN in gives NaN; negative shapes give NaN; degenerate shapes are point masses", () => {
    expect(betaPdf(Number.NaN, 2, 3)).toBeNaN();
    expect(betaPdf(0.5, -1, 3)).toBeNaN();
    expect(betaPdf(0.5, 2, Number.NaN)).toBeNaN();
    expect(betaPdf(0, 0, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(betaPdf(0.5, 0, 3)).toBe(0);
    expect(betaPdf(1, 3, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(betaPdf(0.5, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("betaCdf(x, a, b) / betaSf(x, a, b)", () => {
  it("documented examples", () => {
    expectClose(betaCdf(0.3, 2, 5), 0.5798249999999999, { rtol: 1e-14 }, "betaCdf(0.3, 2, 5)");
    expectClose(betaSf(0.3, 2, 5), 0.420175, { rtol: 1e-14 }, "betaSf(0.3, 2, 5)");
    expectClose(betaSf(0.99, 2, 50), 5.050000000000224e-99, { rtol: 1e-13 }, "betaSf(0.99, 2, 50)");
  });

  it("edges and NaN", () => {
    expect(betaCdf(0, 2, 3)).toBe(0);
    expect(betaCdf(1, 2, 3)).toBe(1);
    expect(betaSf(0, 2, 3)).toBe(1);
    expect(betaSf(1, 2, 3)).toBe(0);
    expect(betaCdf(Number.NaN, 2, 3)).toBeNaN();
    expect(betaSf(0.5, 2, -3)).toBeNaN();
  });
});

describe("betaQuantile(p, a, b)", () => {
  it("documented examples (including @stdlib's miss at p = 1e-100)", () => {
    expectClose(betaQuantile(0.5, 2, 5), 0.26444998329565994, { rtol: 1e-14 }, "betaQuantile(0.5, 2, 5)");
    expectClose(betaQuantile(1e-100, 2.5, 10), 1.506767339492289e-41, { rtol: 1e-13 }, "betaQuantile(1e-100, 2.5, 10)");
  });

  it("closed forms: Beta(a, 1) = p^(1/a), Beta(1, b) = 1 − (1 − p)^(1/b), arcsine", () => {
    for (const p of [1e-300, 1e-20, 0.01, 0.5, 0.75, 0.999]) {
      expectClose(betaQuantile(p, 3, 1), p ** (1 / 3), { rtol: 1e-13 }, `Beta(3, 1) ${p}`);
      expectClose(betaQuantile(p, 1, 4), -Math.expm1(Math.log1p(-p) / 4), { rtol: 1e-13 }, `Beta(1, 4) ${p}`);
      expectClose(betaQuantile(p, 0.5, 0.5), Math.sin((Math.PI * p) / 2) ** 2, { rtol: 1e-12 }, `arcsine ${p}`);
    }
  });

  it("limits, edges and NaN", () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(betaQuantile(Number.NaN, 2, 3)).toBeNaN();
    expect(betaQuantile(0.5, Number.NaN, 3)).toBeNaN();
    expect(betaQuantile(-0.1, 2, 3)).toBeNaN();
    expect(betaQuantile(1.1, 2, 3)).toBeNaN();
    expect(betaQuantile(0.5, -2, 3)).toBeNaN();
    // A quantile below the smallest double underflows to 0 (Beta(0.05, 1): x = p^20).
    expect(betaQuantile(1e-300, 0.05, 1)).toBe(0);
    expect(betaQuantile(0.3, 0, 2)).toBe(0);
    expect(betaQuantile(0.3, 2, 0)).toBe(1);
  });

  it("finds the side of ½ with or without I_{1/2}(a, b), from starts at ½ or rounded to 0 or 1", () => {
    // AS 109's start is exactly ½ here; the root is ½ (up to the CDF's rounding).
    expectClose(betaQuantile(0.5, 1e5, 1e5), 0.5, { rtol: 1e-14 }, "median of Beta(1e5, 1e5)");
    // The start rounds to 1 (x > ½ side, iterated on 1 − x): the upper-tail power law takes over.
    expectClose(betaQuantile(8.860076792103023e-82, 615.5391592596964, 4.920905052417491), 0.7181160793936097, {
      rtol: 1e-12,
    });
    // Round trips on both sides of the median, with a < b and a > b.
    for (const [a, b] of [
      [2, 30],
      [30, 2],
      [0.3, 0.2],
      [0.2, 0.3],
    ] as const) {
      for (const p of [1e-30, 0.1, 0.45, 0.55, 0.9, 1 - 1e-12]) {
        const x = betaQuantile(p, a, b);
        expectClose(betaCdf(x, a, b), p, { rtol: 1e-12 }, `I(I⁻¹(${p}; ${a}, ${b}))`);
      }
    }
  });
});
