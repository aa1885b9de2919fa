import { fc, test } from "@fast-check/vitest";
import stdlibBinomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import stdlibBinomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import { describe, expect } from "vitest";
import { binomialCdf, binomialPmf, binomialSf } from "../../src/distributions/binomial.js";
import { expectClose } from "../helpers/expectClose.js";

const prob = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
/** Dyadic p = i/2^20, so that 1 − p is exact and the symmetry law can be checked to rounding. */
const dyadicProb = fc.integer({ min: 1, max: 2 ** 20 - 1 }).map((i) => i / 2 ** 20);
const smallN = fc.integer({ min: 0, max: 200 });

describe("binomial (laws)", () => {
  test.prop([smallN, prob])("pmf sums to 1 over 0..n", (n, p) => {
    let sum = 0;
    for (let k = 0; k <= n; k++) sum += binomialPmf(k, n, p);
    expectClose(sum, 1, { rtol: 1e-13 }, `n=${n}, p=${p}`);
  });

  test.prop([fc.integer({ min: 1, max: 1e9 }), prob, fc.double({ min: 0, max: 1, noNaN: true })])(
    "cdf and sf lie in [0, 1] and add to 1",
    (n, p, u) => {
      const k = Math.floor(u * n);
      const c = binomialCdf(k, n, p);
      const s = binomialSf(k, n, p);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expectClose(c + s, 1, { rtol: 1e-13 }, `k=${k}, n=${n}, p=${p}`);
    },
  );

  test.prop([fc.integer({ min: 1, max: 1e7 }), prob, fc.double({ min: 0, max: 1, noNaN: true })])(
    "cdf is non-decreasing in k and cdf(k) − cdf(k − 1) = pmf(k)",
    (n, p, u) => {
      const k = Math.max(1, Math.floor(u * n));
      const hi = binomialCdf(k, n, p);
      const lo = binomialCdf(k - 1, n, p);
      expect(hi).toBeGreaterThanOrEqual(lo);
      // Only where the difference is not dominated by rounding of the larger cdf.
      const pmf = binomialPmf(k, n, p);
      if (pmf > 1e-6 * hi) expectClose(hi - lo, pmf, { rtol: 1e-8, atol: 1e-15 }, `k=${k}, n=${n}, p=${p}`);
    },
  );

  test.prop([fc.integer({ min: 1, max: 1e9 }), dyadicProb, fc.double({ min: 0, max: 1, noNaN: true })])(
    "symmetry: cdf(k; n, p) = sf(n − k − 1; n, 1 − p)",
    (n, p, u) => {
      const k = Math.min(n - 1, Math.floor(u * n));
      // 1e-13 where values are >= 1e-100, 3e-13 in the deep tails (see the fixture notes)
      const c = binomialCdf(k, n, p);
      expectClose(c, binomialSf(n - k - 1, n, 1 - p), { rtol: c > 1e-100 ? 1e-13 : 3e-13, atol: 1e-300 }, `k=${k}`);
      const f = binomialPmf(k, n, p);
      expectClose(f, binomialPmf(n - k, n, 1 - p), { rtol: f > 1e-100 ? 1e-13 : 3e-13, atol: 1e-300 }, `pmf k=${k}`);
    },
  );

  test.prop([fc.integer({ min: 1, max: 1e6 }), prob, fc.double({ min: 0, max: 1, noNaN: true })])(
    "agrees with @stdlib binomial pmf and cdf where they are O(1)",
    (n, p, u) => {
      const k = Math.floor(u * n);
      const pmf = binomialPmf(k, n, p);
      if (pmf > 1e-100) expectClose(pmf, stdlibBinomialPmf(k, n, p), { rtol: 1e-9 }, `pmf k=${k}, n=${n}, p=${p}`);
      const c = binomialCdf(k, n, p);
      if (c > 1e-3) expectClose(c, stdlibBinomialCdf(k, n, p), { rtol: 1e-9 }, `cdf k=${k}, n=${n}, p=${p}`);
    },
  );
});
