import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { noncentralTCdf, noncentralTSf } from "../../src/distributions/noncentralT.js";
import { expectClose } from "../helpers/expectClose.js";

const df = fc.double({ min: 1, max: 1e5, noNaN: true });
const ncp = fc.double({ min: -40, max: 40, noNaN: true });
const t = fc.double({ min: -60, max: 60, noNaN: true });

describe("noncentral t (laws)", () => {
  test.prop([t, df, ncp])("cdf and sf lie in [0, 1] and add to 1", (x, nu, d) => {
    const c = noncentralTCdf(x, nu, d);
    const s = noncentralTSf(x, nu, d);
    for (const v of [c, s]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expectClose(c + s, 1, { rtol: 1e-12 }, `t=${x}, df=${nu}, ncp=${d}`);
  });

  test.prop([t, fc.double({ min: 1e-6, max: 5, noNaN: true }), df, ncp])(
    "cdf is non-decreasing in t",
    (x, step, nu, d) => {
      const lo = noncentralTCdf(x, nu, d);
      const hi = noncentralTCdf(x + step, nu, d);
      expect(hi).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
    },
  );

  test.prop([t, df, ncp, fc.double({ min: 1e-6, max: 5, noNaN: true })])(
    "cdf is non-increasing (sf non-decreasing) in ncp",
    (x, nu, d, step) => {
      const cLo = noncentralTCdf(x, nu, d + step);
      const cHi = noncentralTCdf(x, nu, d);
      expect(cLo).toBeLessThanOrEqual(cHi * (1 + 1e-12));
      const sLo = noncentralTSf(x, nu, d);
      const sHi = noncentralTSf(x, nu, d + step);
      expect(sLo).toBeLessThanOrEqual(sHi * (1 + 1e-12));
    },
  );

  test.prop([fc.double({ min: 0.01, max: 40, noNaN: true }), df])(
    "is continuous across ncp = 0, where the series branch meets the integral branch",
    (x, nu) => {
      const eps = 1e-9;
      // d sf/d ncp is bounded by the normal density, so a change of 2e-9 moves sf by < 1e-9.
      expectClose(noncentralTSf(x, nu, eps), noncentralTSf(x, nu, -eps), { atol: 1e-9 }, `t=${x}, df=${nu}`);
      expectClose(noncentralTCdf(-x, nu, eps), noncentralTCdf(-x, nu, -eps), { atol: 1e-9 }, `t=${-x}, df=${nu}`);
    },
  );

  test.prop([fc.double({ min: 0.05, max: 40, noNaN: true }), df, fc.double({ min: 0.05, max: 40, noNaN: true })])(
    "the small tail away from ncp is below the normal bound Φ(−|ncp|)",
    (x, nu, d) => {
      // P(T > t) with t > 0 > ncp needs Z > |ncp| at least
      const s = noncentralTSf(x, nu, -d);
      const bound = noncentralTSf(0, nu, -d);
      expect(s).toBeLessThanOrEqual(bound);
    },
  );
});
