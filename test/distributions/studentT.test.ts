import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/distributions/normal.js";
import { studentTCdf, studentTQuantile, studentTSf } from "../../src/distributions/studentT.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("studentTCdf / studentTSf / studentTQuantile conformance (mpmath, 50+ digits)", () => {
  testKernelFixtures("distributions/studentT", { studentTCdf, studentTSf, studentTQuantile });
});

describe("studentTCdf(t, df) / studentTSf(t, df)", () => {
  it("documented examples", () => {
    expectClose(studentTCdf(-2, 5), 0.05096973941492918, { rtol: 1e-14 }, "studentTCdf(-2, 5)");
    expectClose(studentTCdf(-0.0061, 1e6), 0.4975664677899182, { rtol: 1e-14 }, "studentTCdf(-0.0061, 1e6)");
    expectClose(studentTSf(2, 5), 0.05096973941492918, { rtol: 1e-14 }, "studentTSf(2, 5)");
    expectClose(studentTSf(40, 30), 6.863022597203201e-28, { rtol: 1e-14 }, "studentTSf(40, 30)");
  });

  it("closed forms: Cauchy (df = 1) and df = 2", () => {
    for (const t of [-1e6, -30, -1, -0.1, 0.5, 3, 1e3]) {
      const cauchy = t < 0 ? Math.atan(-1 / t) / Math.PI : 0.5 + Math.atan(t) / Math.PI;
      expectClose(studentTCdf(t, 1), cauchy, { rtol: 1e-14 }, `Cauchy(${t})`);
      const r = Math.sqrt(2 + t * t);
      const df2 = t < 0 ? 1 / (r * (r - t)) : 0.5 + t / (2 * r);
      expectClose(studentTCdf(t, 2), df2, { rtol: 1e-13 }, `df 2 (${t})`);
    }
  });

  it("is correct at df = 1e6 for small |t| (jstat returns 0.5129 > ½ for a negative t)", () => {
    const p = studentTCdf(-0.0061, 1e6);
    expect(p).toBeLessThan(0.5);
    expectClose(2 * p, 0.9951329355798364, { rtol: 1e-13 }, "two-sided p");
  });

  it("gives no NaN for |t| beyond 1e154 (t² overflows)", () => {
    for (const t of [1e155, 1e200, 1e300, Number.MAX_VALUE]) {
      for (const df of [0.5, 1, 3, 30]) {
        expect(Number.isNaN(studentTCdf(-t, df))).toBe(false);
        expect(Number.isNaN(studentTSf(t, df))).toBe(false);
        expect(studentTCdf(t, df)).toBe(1);
      }
    }
    // P(T > t) ~ t^(−df)·const: for df = ½ at t = 1e300 it is still about 3e-151.
    expectClose(studentTCdf(-1e300, 0.5), 3.2070097541422515e-151, { rtol: 1e-12 }, "df ½, t = −1e300");
  });

  it("tends to the normal law: df = Infinity and df ≥ 1e30 use it, df = 1e20 agrees", () => {
    for (const t of [-8, -1.5, 0.3, 4]) {
      expect(studentTCdf(t, Number.POSITIVE_INFINITY)).toBe(normalCdf(t));
      expect(studentTCdf(t, 1e300)).toBe(normalCdf(t));
      expectClose(studentTCdf(t, 1e20), normalCdf(t), { rtol: 1e-14 }, `df 1e20, t ${t}`);
    }
  });

  it("t = 0 gives ½; t = ±Infinity gives 0 or 1", () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTSf(0, 3)).toBe(0.5);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(studentTSf(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(studentTSf(Number.NEGATIVE_INFINITY, 3)).toBe(1);
  });

  it("NaN in gives NaN; df ≤ 0 gives NaN", () => {
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
    expect(studentTCdf(1, Number.NaN)).toBeNaN();
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTCdf(1, -2)).toBeNaN();
    expect(studentTSf(1, 0)).toBeNaN();
  });
});

describe("studentTQuantile(p, df)", () => {
  it("documented examples", () => {
    expectClose(studentTQuantile(0.975, 10), 2.2281388519862744, { rtol: 1e-14 }, "qt(0.975, 10)");
    expectClose(studentTQuantile(1e-10, 3), -2225.769284683093, { rtol: 1e-13 }, "qt(1e-10, 3)");
  });

  it("does not collapse to 0 for p within 1e-14 of ½ (@stdlib returns exactly 0)", () => {
    for (const [p, df] of [
      [0.5 + 1e-15, 5],
      [0.5 - 1e-14, 5],
      [0.5 + 2 ** -52, 1e6],
    ] as const) {
      const t = studentTQuantile(p, df);
      expect(t).not.toBe(0);
      expect(Math.sign(t)).toBe(Math.sign(p - 0.5));
    }
  });

  it("closed forms: Cauchy and df = 2", () => {
    for (const p of [1e-300, 1e-10, 0.01, 0.3, 0.7, 0.99]) {
      // Cauchy: t = −cot(πp) for p < ½ (tan(π(p − ½)) loses p near 0); df 2: t = (2p − 1)·√(2/(4p(1 − p))).
      const cauchy = p < 0.5 ? -1 / Math.tan(Math.PI * p) : Math.tan(Math.PI * (p - 0.5));
      expectClose(studentTQuantile(p, 1), cauchy, { rtol: 1e-12 }, `Cauchy ${p}`);
      const a = 4 * p * (1 - p);
      expectClose(studentTQuantile(p, 2), (2 * p - 1) * Math.sqrt(2 / a), { rtol: 1e-12 }, `df 2, ${p}`);
    }
  });

  it("limits and edges", () => {
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.3, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.3));
    // Beyond the largest double (df = ½ at p = 1e-300 the quantile is about −1e600).
    expect(studentTQuantile(1e-300, 0.5)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("NaN in gives NaN; p outside [0, 1] or df ≤ 0 gives NaN", () => {
    expect(studentTQuantile(Number.NaN, 3)).toBeNaN();
    expect(studentTQuantile(0.3, Number.NaN)).toBeNaN();
    expect(studentTQuantile(-0.1, 3)).toBeNaN();
    expect(studentTQuantile(1.1, 3)).toBeNaN();
    expect(studentTQuantile(0.3, 0)).toBeNaN();
  });
});
