import { describe, expect, it } from "vitest";
import { hypergeometricPmf } from "../../src/distributions/hypergeometric.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("hypergeometric conformance (mpmath, 50 digits)", () => {
  testKernelFixtures("distributions/hypergeometric", { hypergeometricPmf });
});

describe("hypergeometricPmf(x, m, n, k)", () => {
  it("documented examples (R dhyper)", () => {
    expectClose(hypergeometricPmf(1, 10, 7, 8), 0.00041135335252982298, { rtol: 1e-14 }, "dhyper(1, 10, 7, 8)");
    expectClose(hypergeometricPmf(3, 5, 5, 5), 0.39682539682539669, { rtol: 1e-14 }, "dhyper(3, 5, 5, 5)");
  });

  it("matches the closed form C(m, x) C(n, k − x) / C(m + n, k) on a small urn", () => {
    // m = 5, n = 5, k = 5: C(5, x) C(5, 5 − x) / 252
    const choose5 = [1, 5, 10, 10, 5, 1];
    for (let x = 0; x <= 5; x++) {
      expectClose(hypergeometricPmf(x, 5, 5, 5), (choose5[x]! * choose5[5 - x]!) / 252, { rtol: 1e-14 }, `x=${x}`);
    }
  });

  it("sums to 1 over the support", () => {
    for (const [m, n, k] of [
      [10, 7, 8],
      [50, 30, 40],
      [3, 300, 100],
      [1000, 1500, 700],
    ] as const) {
      let sum = 0;
      for (let x = Math.max(0, k - n); x <= Math.min(k, m); x++) sum += hypergeometricPmf(x, m, n, k);
      expectClose(sum, 1, { rtol: 1e-13 }, `m=${m}, n=${n}, k=${k}`);
    }
  });

  it("has the symmetries of the urn: swapping colours, and swapping drawn with white", () => {
    expectClose(hypergeometricPmf(3, 12, 9, 7), hypergeometricPmf(4, 9, 12, 7), { rtol: 1e-14 }, "colours");
    expectClose(hypergeometricPmf(3, 12, 9, 7), hypergeometricPmf(3, 7, 14, 12), { rtol: 1e-14 }, "k <-> m");
  });

  it("edge cases: no draws, drawing everything, empty colours", () => {
    expect(hypergeometricPmf(0, 5, 5, 0)).toBe(1);
    expect(hypergeometricPmf(1, 5, 5, 0)).toBe(0);
    expect(hypergeometricPmf(5, 5, 5, 10)).toBe(1);
    expect(hypergeometricPmf(4, 5, 5, 10)).toBe(0);
    expect(hypergeometricPmf(0, 0, 5, 3)).toBe(1);
    expect(hypergeometricPmf(3, 5, 0, 3)).toBe(1);
    expect(hypergeometricPmf(0, 0, 0, 0)).toBe(1);
  });

  it("is 0 outside the support and for non-integer or infinite x", () => {
    for (const x of [-1, 6, 2.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(hypergeometricPmf(x, 5, 5, 5), `x=${x}`).toBe(0);
    }
    // x = 0 is impossible when k > n (some white balls must be drawn)
    expect(hypergeometricPmf(0, 5, 3, 4)).toBe(0);
  });

  it("returns NaN for NaN input and invalid urns", () => {
    expect(hypergeometricPmf(Number.NaN, 5, 5, 5)).toBeNaN();
    expect(hypergeometricPmf(1, Number.NaN, 5, 5)).toBeNaN();
    expect(hypergeometricPmf(1, 5, 5.5, 5)).toBeNaN();
    expect(hypergeometricPmf(1, -1, 5, 2)).toBeNaN();
    expect(hypergeometricPmf(1, 5, 5, 11)).toBeNaN();
    expect(hypergeometricPmf(1, 5, 5, -1)).toBeNaN();
    expect(hypergeometricPmf(1, Number.POSITIVE_INFINITY, 5, 2)).toBeNaN();
  });
});
