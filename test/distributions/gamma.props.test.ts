import { fc, test } from "@fast-check/vitest";
import stdlibGammaCdf from "@stdlib/stats-base-dists-gamma-cdf";
import { describe, expect } from "vitest";
import { gammaCdf, gammaSf } from "../../src/distributions/gamma.js";
import { gammaPrefactor } from "../../src/distributions/regularizedGamma.js";
import { expectClose } from "../helpers/expectClose.js";

const shape = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
const rate = fc.double({ min: 1e-4, max: 1e4, noNaN: true });
const ratio = fc.double({ min: 1e-3, max: 20, noNaN: true });

describe("gammaCdf / gammaSf (laws)", () => {
  test.prop([shape, rate, ratio])("cdf + sf = 1, both in [0, 1]", (a, r, u) => {
    const x = (a * u) / r;
    const p = gammaCdf(x, a, r);
    const q = gammaSf(x, a, r);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(q).toBeLessThanOrEqual(1);
    expectClose(p + q, 1, { rtol: 4e-16 }, `x=${x}, a=${a}, r=${r}`);
  });

  test.prop([shape, rate, ratio, fc.double({ min: 1e-9, max: 5, noNaN: true })])(
    "cdf non-decreasing, sf non-increasing in x",
    (a, r, u, step) => {
      const x = (a * u) / r;
      const y = x * (1 + step);
      expect(gammaCdf(x, a, r)).toBeLessThanOrEqual(gammaCdf(y, a, r) * (1 + 1e-14));
      expect(gammaSf(y, a, r)).toBeLessThanOrEqual(gammaSf(x, a, r) * (1 + 1e-14));
    },
  );

  // Scaling: F(x; a, rate) = F(rate·x; a, 1). Power-of-two rates make rate·x exact: identical values.
  test.prop([shape, fc.integer({ min: -20, max: 20 }), ratio])("rate 2^k gives exactly F(2^k·x; a)", (a, k, u) => {
    const r = 2 ** k;
    const x = (a * u) / r;
    expect(gammaCdf(x, a, r)).toBe(gammaCdf(r * x, a));
    expect(gammaSf(x, a, r)).toBe(gammaSf(r * x, a));
  });

  // Other rates: rate·x rounds by up to 2^−53 relative, which moves F by that times d ln F/d ln x.
  test.prop([shape, rate, ratio])("F(x; a, rate) = F(rate·x; a) up to the rounding of rate·x", (a, r, u) => {
    const x = (a * u) / r;
    const y = r * x;
    const p = gammaCdf(x, a, r);
    const q = gammaSf(x, a, r);
    const density = gammaPrefactor(a, y);
    if (p > 1e-290) {
      expectClose(p, gammaCdf(y, a), { rtol: 1e-14 + (density / p) * 2 ** -52 }, `cdf x=${x}, a=${a}, r=${r}`);
    }
    if (q > 1e-290) {
      expectClose(q, gammaSf(y, a), { rtol: 1e-14 + (density / q) * 2 ** -52 }, `sf x=${x}, a=${a}, r=${r}`);
    }
  });

  // @stdlib's gamma CDF shares its gammainc, accurate for shapes up to about 100.
  test.prop([fc.double({ min: 0.01, max: 100, noNaN: true }), rate, fc.double({ min: 0.05, max: 4, noNaN: true })])(
    "agrees with @stdlib gamma cdf for shape ≤ 100",
    (a, r, u) => {
      const x = (a * u) / r;
      const p = gammaCdf(x, a, r);
      if (p > 1e-250) expectClose(p, stdlibGammaCdf(x, a, r), { rtol: 1e-12 }, `x=${x}, a=${a}, r=${r}`);
    },
  );
});
