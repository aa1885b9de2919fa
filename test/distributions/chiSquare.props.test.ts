import { fc, test } from "@fast-check/vitest";
import stdlibChiSquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { describe, expect } from "vitest";
import { chiSquareCdf, chiSquareQuantile, chiSquareSf } from "../../src/distributions/chiSquare.js";
import { gammaCdf, gammaSf } from "../../src/distributions/gamma.js";
import { gammaPrefactor } from "../../src/distributions/regularizedGamma.js";
import { expectClose } from "../helpers/expectClose.js";

const df = fc.double({ min: 2e-3, max: 2e7, noNaN: true });
const ratio = fc.double({ min: 1e-3, max: 20, noNaN: true });
const prob = fc.double({ min: 1e-300, max: 1 - 2 ** -53, noNaN: true });

describe("chiSquareCdf / chiSquareSf (laws)", () => {
  test.prop([df, ratio])("cdf + sf = 1, both in [0, 1]", (k, u) => {
    const x = k * u;
    const p = chiSquareCdf(x, k);
    const q = chiSquareSf(x, k);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(q).toBeLessThanOrEqual(1);
    expectClose(p + q, 1, { rtol: 4e-16 }, `x=${x}, df=${k}`);
  });

  test.prop([df, ratio, fc.double({ min: 1e-9, max: 5, noNaN: true })])(
    "cdf non-decreasing, sf non-increasing in x",
    (k, u, step) => {
      const x = k * u;
      const y = x * (1 + step);
      expect(chiSquareCdf(x, k)).toBeLessThanOrEqual(chiSquareCdf(y, k) * (1 + 1e-14));
      expect(chiSquareSf(y, k)).toBeLessThanOrEqual(chiSquareSf(x, k) * (1 + 1e-14));
    },
  );

  test.prop([fc.double({ min: 0, max: 1400, noNaN: true })])("closed form for df = 2", (x) => {
    expectClose(chiSquareCdf(x, 2), -Math.expm1(-x / 2), { rtol: 1e-15 }, `cdf(${x}, 2)`);
    expectClose(chiSquareSf(x, 2), Math.exp(-x / 2), { rtol: 4e-15 }, `sf(${x}, 2)`);
  });

  test.prop([df, ratio])("is the gamma distribution with shape df/2 and rate 1/2", (k, u) => {
    const x = k * u;
    expect(chiSquareCdf(x, k)).toBe(gammaCdf(x, k / 2, 0.5));
    expect(chiSquareSf(x, k)).toBe(gammaSf(x, k / 2, 0.5));
  });

  // @stdlib's chi-square CDF uses its gammainc, accurate only for df ≲ 200.
  test.prop([fc.double({ min: 0.02, max: 200, noNaN: true }), fc.double({ min: 0.05, max: 4, noNaN: true })])(
    "agrees with @stdlib chisquare cdf for df ≤ 200",
    (k, u) => {
      const x = k * u;
      const p = chiSquareCdf(x, k);
      if (p > 1e-250) expectClose(p, stdlibChiSquareCdf(x, k), { rtol: 1e-12 }, `x=${x}, df=${k}`);
    },
  );
});

describe("chiSquareQuantile (laws)", () => {
  test.prop([prob, df])("quantile is non-negative and cdf(quantile(p)) ≈ p", (p, k) => {
    const x = chiSquareQuantile(p, k);
    expect(x).toBeGreaterThanOrEqual(0);
    if (!(x > 1e-290)) return; // underflowed quantile
    // Rounding x to a double moves ln P by (d ln P/d ln x)·2^−53, so the tolerance carries that slope.
    const density = gammaPrefactor(k / 2, x / 2);
    if (p <= 0.5) {
      const slope = density / p;
      expectClose(chiSquareCdf(x, k), p, { rtol: 1e-13 + slope * 2 ** -52 }, `p=${p}, df=${k}`);
    } else {
      const slope = density / (1 - p);
      expectClose(chiSquareSf(x, k), 1 - p, { rtol: 1e-13 + slope * 2 ** -52 }, `p=${p}, df=${k}`);
    }
  });

  test.prop([df, ratio])("quantile(cdf(x)) ≈ x where the CDF is well conditioned", (k, u) => {
    const x = k * u;
    const p = chiSquareCdf(x, k);
    fc.pre(p > 1e-290 && p < 0.5);
    // Conditioning: δx/x = (δp/p) / (d ln P/d ln x) with d ln P/d ln x = (x/2)^{k/2} e^{−x/2} / (Γ(k/2) P).
    const slope = gammaPrefactor(k / 2, x / 2) / p;
    fc.pre(slope > 1e-3);
    expectClose(chiSquareQuantile(p, k), x, { rtol: 1e-13 + 4e-16 / slope }, `x=${x}, df=${k}`);
  });

  test.prop([df, prob, prob])("quantile is non-decreasing in p", (k, p1, p2) => {
    const lo = Math.min(p1, p2);
    const hi = Math.max(p1, p2);
    expect(chiSquareQuantile(lo, k)).toBeLessThanOrEqual(chiSquareQuantile(hi, k) * (1 + 1e-13));
  });
});
