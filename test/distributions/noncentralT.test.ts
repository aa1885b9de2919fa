import { describe, expect, it } from "vitest";
import { noncentralTCdf, noncentralTSf } from "../../src/distributions/noncentralT.js";
import { normalCdf, normalSf } from "../../src/distributions/normal.js";
import { studentTCdf, studentTSf } from "../../src/distributions/studentT.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("noncentral t conformance (mpmath: 60-digit series, 50-digit quadrature)", () => {
  testKernelFixtures("distributions/noncentralT", { noncentralTCdf, noncentralTSf });
});

describe("noncentralTCdf(t, df, ncp) and noncentralTSf(t, df, ncp)", () => {
  it("documented examples (mpmath; R pt agrees to ~1e-13)", () => {
    expectClose(noncentralTCdf(1, 10, 1), 0.4902400513954507, { rtol: 1e-13 }, "pt(1, 10, 1)");
    expectClose(noncentralTCdf(-2, 5, 3), 7.799636091832038e-6, { rtol: 1e-12 }, "pt(-2, 5, 3)");
    expectClose(noncentralTSf(1.979, 126, 2.8284), 0.8014429523167986, { rtol: 1e-13 }, "power");
  });

  it("agrees with R pt where R is accurate", () => {
    // R 4.2.2 sprintf("%.17g", pt(...)); R's own error is ~1e-13 here
    expectClose(noncentralTCdf(2.5, 3, 2), 0.57530941329964957, { rtol: 1e-11 }, "pt(2.5, 3, 2)");
    expectClose(noncentralTCdf(-1, 5, 1.5), 0.0093876456217294457, { rtol: 1e-11 }, "pt(-1, 5, 1.5)");
  });

  it("is more accurate than R's upper tail for negative ncp (R forms it as 1 − F)", () => {
    // R: pt(3, 100, -1, lower = FALSE) = 4.6663045267347769e-5 (off by 4.3e-10 relative);
    // mpmath 50-digit quadrature: 4.6663045247224265e-05
    expectClose(noncentralTSf(3, 100, -1), 4.6663045247224265e-5, { rtol: 1e-12 }, "sf(3; 100, −1)");
  });

  it("is more accurate than R where R warns: pt(50, 1, 40) (R returns 0.4718)", () => {
    // mpmath 60-digit series: 0.5761965234082624
    expectClose(noncentralTSf(50, 1, 40), 0.5761965234082624, { rtol: 1e-12 }, "sf(50; 1, 40)");
    expectClose(noncentralTCdf(50, 1, 40), 1 - 0.5761965234082624, { rtol: 1e-12 }, "cdf(50; 1, 40)");
  });

  it("keeps relative accuracy in tails that 1 − cdf would lose", () => {
    // mpmath quadrature, 50 digits
    expectClose(noncentralTSf(5, 2, -30), 4.336345197805147e-202, { rtol: 1e-11 }, "sf(5; 2, −30)");
    expectClose(noncentralTSf(60, 1e5, 40), 9.503639045910362e-88, { rtol: 1e-11 }, "sf(60; 1e5, 40)");
    expectClose(noncentralTSf(3, 1e5, -2), 2.868300214056518e-7, { rtol: 1e-11 }, "sf(3; 1e5, −2)");
  });

  it("reduces to the central t at ncp = 0", () => {
    for (const [t, df] of [
      [1.3, 4],
      [-2.2, 17.5],
      [40, 1],
      [0.01, 1e5],
    ] as const) {
      expect(noncentralTCdf(t, df, 0)).toBe(studentTCdf(t, df));
      expect(noncentralTSf(t, df, 0)).toBe(studentTSf(t, df));
    }
  });

  it("is the normal N(ncp, 1) at df = Infinity and Φ(−ncp) at t = 0", () => {
    expect(noncentralTCdf(1.5, Number.POSITIVE_INFINITY, 0.7)).toBe(normalCdf(1.5, 0.7));
    expect(noncentralTSf(1.5, Number.POSITIVE_INFINITY, 0.7)).toBe(normalSf(1.5, 0.7));
    expectClose(noncentralTCdf(0, 7, 1.2), normalCdf(-1.2), { rtol: 1e-15 }, "t = 0");
    expectClose(noncentralTSf(0, 7, 1.2), normalCdf(1.2), { rtol: 1e-15 }, "t = 0, sf");
    expectClose(noncentralTCdf(-0, 7, -1.2), normalCdf(1.2), { rtol: 1e-15 }, "t = −0");
  });

  it("approaches the normal limit as df grows (A&S 26.7.10 beyond df = 1e9 (1 + t² + ncp²)²)", () => {
    expectClose(noncentralTCdf(1.5, 1e9, 0.7), normalCdf(1.5, 0.7), { rtol: 1e-8 }, "df = 1e9");
    expectClose(noncentralTCdf(1.5, 1e300, 0.7), normalCdf(1.5, 0.7), { rtol: 1e-15 }, "df = 1e300");
    expectClose(noncentralTSf(1.5, 1e300, 0.7), normalSf(1.5, 0.7), { rtol: 1e-15 }, "df = 1e300, sf");
    // the two branches meet continuously: series just below the switch, normal limit above it
    const spread = 1 + 1.5 * 1.5 + 0.7 * 0.7;
    const switchDf = 1e9 * spread * spread;
    expectClose(
      noncentralTCdf(1.5, switchDf * 0.999, 0.7),
      noncentralTCdf(1.5, switchDf * 1.001, 0.7),
      { rtol: 1e-13 },
      "switch",
    );
  });

  it("satisfies the reflection F(t; ν, δ) = 1 − F(−t; ν, −δ) exactly (both tails computed directly)", () => {
    for (const [t, df, d] of [
      [1.2, 6, 2],
      [-3, 20, 1],
      [2, 3, -4],
    ] as const) {
      expect(noncentralTCdf(t, df, d)).toBe(noncentralTSf(-t, df, -d));
      expect(noncentralTSf(t, df, d)).toBe(noncentralTCdf(-t, df, -d));
    }
  });

  it("tiny and subnormal t give the t = 0 values (no division by a subnormal t²/ν)", () => {
    for (const t of [1.5717277847026288e-162, 5e-324, 1e-200]) {
      expectClose(noncentralTCdf(t, 1, Math.SQRT2), normalCdf(-Math.SQRT2), { rtol: 1e-15 }, `cdf(${t})`);
      expectClose(noncentralTSf(-t, 1, -Math.SQRT2), normalCdf(-Math.SQRT2), { rtol: 1e-15 }, `sf(${-t})`);
    }
  });

  it("t = ±Infinity gives the limits", () => {
    expect(noncentralTCdf(Number.POSITIVE_INFINITY, 5, 2)).toBe(1);
    expect(noncentralTSf(Number.POSITIVE_INFINITY, 5, 2)).toBe(0);
    expect(noncentralTCdf(Number.NEGATIVE_INFINITY, 5, 2)).toBe(0);
    expect(noncentralTSf(Number.NEGATIVE_INFINITY, 5, 2)).toBe(1);
  });

  it("handles huge |t| without overflow (the tail decays like |t|^−ν)", () => {
    // mpmath 60-digit series: 8.643606884608055e-101
    expectClose(noncentralTSf(1e100, 1, 1), 8.643606884608055e-101, { rtol: 1e-12 }, "sf(1e100; 1, 1)");
    expectClose(noncentralTCdf(-1e100, 1, -1), 8.643606884608055e-101, { rtol: 1e-12 }, "cdf(−1e100; 1, −1)");
  });

  it("returns NaN for NaN input, df <= 0 and infinite ncp", () => {
    for (const f of [noncentralTCdf, noncentralTSf]) {
      expect(f(Number.NaN, 5, 1)).toBeNaN();
      expect(f(1, Number.NaN, 1)).toBeNaN();
      expect(f(1, 5, Number.NaN)).toBeNaN();
      expect(f(1, 0, 1)).toBeNaN();
      expect(f(1, -3, 1)).toBeNaN();
      expect(f(1, 5, Number.POSITIVE_INFINITY)).toBeNaN();
      expect(f(1, 5, Number.NEGATIVE_INFINITY)).toBeNaN();
    }
  });

  it("stays within [0, 1] at the extremes of the target range", () => {
    for (const [t, df, d] of [
      [60, 1e5, 40],
      [-60, 1e5, -40],
      [0.5, 1, 40],
      [1e-8, 1, -40],
      [200, 1, 40],
    ] as const) {
      for (const v of [noncentralTCdf(t, df, d), noncentralTSf(t, df, d)]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});
