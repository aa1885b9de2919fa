import { fc, test } from "@fast-check/vitest";
import stdlibNormalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { describe, expect } from "vitest";
import { normalCdf, normalPdf, normalQuantile, normalSf } from "../../src/distributions/normal.js";
import { expectClose } from "../helpers/expectClose.js";

const z = fc.double({ min: -38, max: 38, noNaN: true });
const mean = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const sd = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const prob = fc.double({ min: 1e-300, max: 1 - 2 ** -53, noNaN: true });

describe("normalCdf / normalSf (laws)", () => {
  test.prop([z])("cdf and sf are probabilities", (x) => {
    for (const v of [normalCdf(x), normalSf(x)]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  test.prop([z, z])("cdf is non-decreasing, sf non-increasing", (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
    expect(normalSf(lo)).toBeGreaterThanOrEqual(normalSf(hi));
  });

  test.prop([z])("symmetry: cdf(−x) = sf(x) exactly", (x) => {
    expect(normalCdf(-x)).toBe(normalSf(x));
  });

  test.prop([fc.double({ min: -8, max: 8, noNaN: true })])("cdf + sf = 1 where both are O(1)", (x) => {
    expectClose(normalCdf(x) + normalSf(x), 1, { rtol: 3e-16 }, `x=${x}`);
  });

  test.prop([z, fc.integer({ min: -20, max: 20 }), fc.integer({ min: -1000, max: 1000 })])(
    "location-scale: cdf(m + s z, m, s) = cdf(z) when the arithmetic is exact",
    (x, k, m) => {
      const s = 2 ** k;
      const zz = Math.round(x * 1024) / 1024;
      expect(normalCdf(m + s * zz, m, s)).toBe(normalCdf(zz));
    },
  );

  test.prop([z])("agrees with @stdlib normal cdf (its accuracy: 2e-13 in the tails)", (x) => {
    expectClose(normalCdf(x), stdlibNormalCdf(x, 0, 1), { rtol: 2e-13, atol: 1e-300 }, `x=${x}`);
  });
});

describe("normalPdf (laws)", () => {
  test.prop([z, mean, sd])("symmetric about the mean and non-negative", (x, m, s) => {
    expect(normalPdf(x)).toBe(normalPdf(-x));
    expect(normalPdf(m + x, m, s)).toBeGreaterThanOrEqual(0);
  });

  test.prop([fc.double({ min: -30, max: 30, noNaN: true })])("is the derivative of the cdf", (x) => {
    const h = 1e-6 * Math.max(1, Math.abs(x)) ** -1;
    const numeric = (normalCdf(x + h) - normalCdf(x - h)) / (2 * h);
    fc.pre(normalPdf(x) > 1e-250);
    // Central difference error ≈ h²·|φ''|/6 plus cancellation of the two cdf values.
    expectClose(numeric, normalPdf(x), { rtol: 1e-5, atol: 1e-9 }, `x=${x}`);
  });
});

describe("normalQuantile (laws)", () => {
  test.prop([prob])("cdf(quantile(p)) ≈ p", (p) => {
    const x = normalQuantile(p);
    // cdf has relative condition number |x|·φ(x)/Φ(x) ≈ x² in the tail, so the quantile's own
    // relative error (< 6e-16) and its rounding are amplified by about x².
    const tol = 2e-15 + x * x * 1e-15;
    if (p <= 0.5) expectClose(normalCdf(x), p, { rtol: tol }, `p=${p}`);
    else expectClose(normalSf(x), 1 - p, { rtol: tol }, `p=${p}`);
  });

  test.prop([fc.double({ min: -37, max: 8, noNaN: true })])("quantile(cdf(x)) ≈ x", (x) => {
    fc.pre(x !== 0);
    // Rounding p = cdf(x) to a double (half an ulp, ≤ p·2^-53) moves the quantile by p·2^-53/φ(x):
    // negligible in the lower tail, dominant near x = 0 and for x > 0 where p is close to 1.
    const p = normalCdf(x);
    const tol = 2e-15 + (p * Number.EPSILON) / (Math.abs(x) * normalPdf(x));
    expectClose(normalQuantile(normalCdf(x)), x, { rtol: tol }, `x=${x}`);
  });

  test.prop([fc.double({ min: 1e-300, max: 0.5, noNaN: true })])(
    "symmetry: quantile(p) = −quantile(1 − p) where 1 − p is exact",
    (p) => {
      const q = 1 - p;
      fc.pre(1 - q === p);
      expect(normalQuantile(q) + 0).toBe(-normalQuantile(p) + 0); // + 0 folds −0 into 0 at p = ½
    },
  );

  test.prop([prob, prob])("increasing", (a, b) => {
    fc.pre(a < b);
    expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
  });

  test.prop([prob, mean, sd])("location-scale", (p, m, s) => {
    expectClose(normalQuantile(p, m, s), m + s * normalQuantile(p), { rtol: 1e-15, atol: 1e-300 }, `p=${p}`);
  });
});
