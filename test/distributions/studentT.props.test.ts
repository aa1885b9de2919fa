import { fc, test } from "@fast-check/vitest";
import tcdf from "@stdlib/stats-base-dists-t-cdf";
import { describe, expect } from "vitest";
import { studentTCdf, studentTQuantile, studentTSf } from "../../src/distributions/studentT.js";
import { expectClose } from "../helpers/expectClose.js";

const tValue = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const df = fc.double({ min: 0.5, max: 1e7, noNaN: true });
const prob = fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true });

describe("studentT (laws)", () => {
  test.prop([tValue, df])("symmetry cdf(−t) = sf(t)", (t, nu) => {
    expect(studentTCdf(-t, nu)).toBe(studentTSf(t, nu));
  });

  test.prop([tValue, df])("cdf + sf = 1 and both in [0, 1]", (t, nu) => {
    const c = studentTCdf(t, nu);
    const s = studentTSf(t, nu);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(Math.abs(c + s - 1)).toBeLessThanOrEqual(2e-15);
  });

  test.prop([tValue, tValue, df])("cdf is non-decreasing", (t1, t2, nu) => {
    const [lo, hi] = t1 < t2 ? [t1, t2] : [t2, t1];
    expect(studentTCdf(hi, nu)).toBeGreaterThanOrEqual(studentTCdf(lo, nu) * (1 - 1e-14));
  });

  test.prop([prob, df])("cdf(quantile(p)) ≈ p", (p, nu) => {
    const t = studentTQuantile(p, nu);
    fc.pre(Number.isFinite(t));
    const back = p < 0.5 ? studentTCdf(t, nu) : studentTSf(t, nu);
    const target = p < 0.5 ? p : 1 - p;
    // The round trip is limited by the conditioning |d ln F / d ln t| = |t| f(t)/F(t) ≤ ~min(t², df + 1).
    const cond = Math.max(1, Math.min(t * t, nu + 1));
    expectClose(back, target, { rtol: 1e-14 * cond + 1e-13 }, `p=${p}, df=${nu}`);
  });

  test.prop([tValue, fc.double({ min: 1, max: 1e5, noNaN: true })])(
    "agrees with @stdlib t cdf in the body",
    (t, nu) => {
      const ours = studentTCdf(t, nu);
      fc.pre(ours > 1e-6 && ours < 1 - 1e-6);
      expectClose(ours, tcdf(t, nu), { rtol: 1e-11 }, `t=${t}, df=${nu}`);
    },
  );
});
