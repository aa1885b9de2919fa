import { describe, expect, it } from "vitest";
import { fCdf, fSf } from "../../src/distributions/f.js";
import { regularizedBeta } from "../../src/distributions/regularizedBeta.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("fCdf / fSf conformance (mpmath, 50+ digits)", () => {
  testKernelFixtures("distributions/f", { fCdf, fSf });
});

describe("fCdf(x, df1, df2) / fSf(x, df1, df2)", () => {
  it("documented examples", () => {
    expectClose(fCdf(2, 3, 10), 0.8219925926248246, { rtol: 1e-14 }, "fCdf(2, 3, 10)");
    expectClose(fCdf(1e-8, 2, 1e3), 9.999999949899992e-9, { rtol: 1e-14 }, "fCdf(1e-8, 2, 1e3)");
    expectClose(fSf(2, 3, 10), 0.17800740737517542, { rtol: 1e-14 }, "fSf(2, 3, 10)");
    expectClose(fSf(100, 5, 50), 8.139642227455311e-25, { rtol: 1e-13 }, "fSf(100, 5, 50)");
  });

  it("far tails with unequal large df (λ in double-double; 3.1e-13 before)", () => {
    // mpmath, 60 digits: I_z(d1/2, d2/2) at z = d1/(d1 + d2 x) with d1 = 1608.57…, d2 = 500865.07….
    const truth = 4.088469867018959e-224;
    expectClose(fSf(3.995738286547197, 500865.0770894506, 1608.5676371555762), truth, { rtol: 1e-13 }, "fSf");
    expectClose(fCdf(1 / 3.995738286547197, 1608.5676371555762, 500865.0770894506), truth, { rtol: 1e-13 }, "fCdf");
  });

  it("keeps relative accuracy when d1·x ≪ d2 (@stdlib loses digits there)", () => {
    // F(x; 2, d2) = 1 − (1 + 2x/d2)^(−d2/2) exactly.
    for (const [x, d2] of [
      [1e-12, 1e6],
      [1e-8, 1e3],
      [1e-3, 1e5],
    ] as const) {
      const exact = -Math.expm1((-d2 / 2) * Math.log1p((2 * x) / d2));
      expectClose(fCdf(x, 2, d2), exact, { rtol: 1e-14 }, `fCdf(${x}, 2, ${d2})`);
    }
  });

  it("closed form F(x; 2, 2) = x/(1 + x) and its upper tail 1/(1 + x)", () => {
    for (const x of [1e-300, 1e-5, 0.5, 3, 1e8, 1e300]) {
      expectClose(fCdf(x, 2, 2), x / (1 + x), { rtol: 1e-15 }, `fCdf(${x}, 2, 2)`);
      expectClose(fSf(x, 2, 2), 1 / (1 + x), { rtol: 1e-15 }, `fSf(${x}, 2, 2)`);
    }
  });

  it("equals the incomplete beta at z = d1 x/(d1 x + d2)", () => {
    expectClose(fCdf(1.7, 4, 9), regularizedBeta((4 * 1.7) / (4 * 1.7 + 9), 2, 4.5), { rtol: 1e-14 });
  });

  it("edges and NaN", () => {
    expect(fCdf(0, 3, 4)).toBe(0);
    expect(fCdf(-1, 3, 4)).toBe(0);
    expect(fSf(0, 3, 4)).toBe(1);
    expect(fCdf(Number.POSITIVE_INFINITY, 3, 4)).toBe(1);
    expect(fSf(Number.POSITIVE_INFINITY, 3, 4)).toBe(0);
    expect(fCdf(Number.NaN, 3, 4)).toBeNaN();
    expect(fCdf(1, Number.NaN, 4)).toBeNaN();
    expect(fCdf(1, 3, 0)).toBeNaN();
    expect(fSf(1, -3, 4)).toBeNaN();
  });

  it("infinite degrees of freedom give R's chi-square limits", () => {
    const inf = Number.POSITIVE_INFINITY;
    // d2 = ∞, d1 = 2: χ²_2/2 is Exp(1): P(F ≤ x) = 1 − e^(−x).
    expectClose(fCdf(1.5, 2, inf), -Math.expm1(-1.5), { rtol: 1e-14 }, "fCdf(1.5, 2, ∞)");
    expectClose(fSf(30, 2, inf), Math.exp(-30), { rtol: 1e-14 }, "fSf(30, 2, ∞)");
    // d1 = ∞, d2 = 2: 2/χ²_2 = 1/Exp(1): P(F ≤ x) = e^(−1/x).
    expectClose(fCdf(0.5, inf, 2), Math.exp(-2), { rtol: 1e-14 }, "fCdf(0.5, ∞, 2)");
    expectClose(fCdf(0.5, 2, 1e300), -Math.expm1(-0.5), { rtol: 1e-14 }, "fCdf(0.5, 2, 1e300)");
    expect(fCdf(0.9, inf, inf)).toBe(0);
    expect(fCdf(1, inf, inf)).toBe(1);
    expect(fSf(1.1, inf, inf)).toBe(0);
  });

  it("keeps the upper tail accurate when d2/(d1 x + d2) is tiny (λ near −b, a former 2.8e-12 error)", () => {
    // Reference: mpmath betainc(d2/2, d1/2, 0, d2/(d1 x + d2)) at 50 digits (fast-check counterexample of the
    // reciprocal-symmetry law).
    expectClose(fSf(2069.67473113443, 16.277541462851293, 17.429103891688467), 2.477788979074573e-25, {
      rtol: 1e-13,
    });
  });
});
