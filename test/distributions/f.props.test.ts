import { fc, test } from "@fast-check/vitest";
import pf from "@stdlib/stats-base-dists-f-cdf";
import { describe, expect } from "vitest";
import { betaCdf } from "../../src/distributions/beta.js";
import { fCdf, fSf } from "../../src/distributions/f.js";
import { expectClose } from "../helpers/expectClose.js";

const x = fc.double({ min: 1e-10, max: 1e10, noNaN: true });
const df = fc.double({ min: 0.5, max: 1e6, noNaN: true });

describe("F distribution (laws)", () => {
  test.prop([x, df, df])("cdf + sf = 1, both in [0, 1]", (v, d1, d2) => {
    const c = fCdf(v, d1, d2);
    const s = fSf(v, d1, d2);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(Math.abs(c + s - 1)).toBeLessThanOrEqual(1e-14);
  });

  test.prop([x, df, df])("reciprocal symmetry: P(F(d1, d2) ≤ x) = P(F(d2, d1) ≥ 1/x)", (v, d1, d2) => {
    const lhs = fCdf(v, d1, d2);
    const rhs = fSf(1 / v, d2, d1);
    fc.pre(lhs > 1e-280);
    // Each side is within the 1e-13 target; rounding 1/x moves the right side by ε/2 times the elasticity
    // d ln F / d ln x, estimated here by a finite difference. (A sum of per-side targets, not a fitted bound:
    // 86 of 300,000 samples exceeded the former 1e-13 total by up to 1.25x.)
    const elasticity = Math.abs(Math.log(fCdf(v * (1 + 1e-6), d1, d2) / lhs) / Math.log1p(1e-6));
    expectClose(lhs, rhs, { rtol: 2e-13 + 2 ** -53 * elasticity * 1.01 });
  });

  test.prop([x, x, df, df])("cdf is non-decreasing", (v1, v2, d1, d2) => {
    const [lo, hi] = v1 < v2 ? [v1, v2] : [v2, v1];
    expect(fCdf(hi, d1, d2)).toBeGreaterThanOrEqual(fCdf(lo, d1, d2) * (1 - 1e-13));
  });

  test.prop([
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0.5, max: 100, noNaN: true }),
    fc.double({ min: 0.5, max: 100, noNaN: true }),
  ])("relation to the beta law: F(x; d1, d2) = Beta(d1/2, d2/2) CDF at d1 x/(d1 x + d2)", (v, d1, d2) => {
    const z = (d1 * v) / (d1 * v + d2);
    expectClose(fCdf(v, d1, d2), betaCdf(z, d1 / 2, d2 / 2), { rtol: 1e-12 });
  });

  test.prop([
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 1, max: 1e3, noNaN: true }),
    fc.double({ min: 1, max: 1e3, noNaN: true }),
  ])("agrees with @stdlib F cdf in the body", (v, d1, d2) => {
    const ours = fCdf(v, d1, d2);
    fc.pre(ours > 1e-6);
    expectClose(ours, pf(v, d1, d2), { rtol: 1e-9 });
  });
});
