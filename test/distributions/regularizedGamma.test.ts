import { describe, expect, it } from "vitest";
import { erfc } from "../../src/distributions/erf.js";
import {
  gammaPrefactor,
  inverseRegularizedGamma,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedGammaScaled,
} from "../../src/distributions/regularizedGamma.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

// Measured maximum relative error against the fixtures (rtol 1e-13 each; values ≥ 1e-300):
//   P: small_shape 2.4e-16, lower_series 6.1e-16, upper_fraction 5.1e-16, large_shape_transition 5.6e-16,
//      large_shape_far 4.4e-16, extreme_tails 2.1e-15, branch_boundaries 8.5e-16
//   Q: small_shape 1.0e-15, lower_series 6.1e-16, upper_fraction 2.9e-15, large_shape_transition 6.0e-16,
//      large_shape_far 5.3e-16, extreme_tails 1.0e-15, branch_boundaries 4.8e-15
describe("regularizedGammaP / regularizedGammaQ conformance (mpmath gammainc, 50 digits)", () => {
  testKernelFixtures("distributions/regularizedGamma", { regularizedGammaP, regularizedGammaQ });
});

describe("regularizedGammaP(a, x) / regularizedGammaQ(a, x)", () => {
  it("documented examples", () => {
    // mpmath: gammainc(2.5, 0, 1.5, regularized=True) = 0.30001416412137243...
    expectClose(regularizedGammaP(2.5, 1.5), 0.30001, { rtol: 5e-5 }, "P(2.5, 1.5)");
    expectClose(regularizedGammaP(100, 60), 1.4815e-6, { rtol: 5e-5 }, "P(100, 60)");
    expectClose(regularizedGammaQ(2.5, 1.5), 0.69999, { rtol: 5e-5 }, "Q(2.5, 1.5)");
    expectClose(regularizedGammaQ(100, 160), 1.442e-7, { rtol: 5e-5 }, "Q(100, 160)");
  });

  it("has the closed forms P(1, x) = 1 − e^{−x} and Q(1, x) = e^{−x}", () => {
    for (const x of [1e-300, 1e-10, 0.3, 1, 1.0999999999999999, 1.1, 2, 10, 100, 700]) {
      expectClose(regularizedGammaP(1, x), -Math.expm1(-x), { rtol: 1e-15 }, `P(1, ${x})`);
      expectClose(regularizedGammaQ(1, x), Math.exp(-x), { rtol: 2e-15 }, `Q(1, ${x})`);
    }
  });

  it("has the closed form Q(½, x) = erfc(√x)", () => {
    for (const x of [1e-8, 0.01, 0.5, 1.0999999999999999, 1.1, 3, 25, 100]) {
      expectClose(regularizedGammaQ(0.5, x), erfc(Math.sqrt(x)), { rtol: 2e-14 }, `Q(0.5, ${x})`);
    }
  });

  it("is the Poisson tail for integer a: Q(n, x) = e^{−x} Σ_{k<n} x^k/k!", () => {
    for (const n of [2, 5, 19, 20, 21, 30]) {
      for (const x of [0.5, 3, n - 0.5, n, n + 2, 2 * n, 60]) {
        let term = 1;
        let sum = 1;
        for (let k = 1; k < n; k++) {
          term *= x / k;
          sum += term;
        }
        expectClose(regularizedGammaQ(n, x), Math.exp(-x) * sum, { rtol: 1e-14 }, `Q(${n}, ${x})`);
      }
    }
  });

  it("keeps Q accurate for tiny a (Q ≈ a·E₁(x))", () => {
    // mpmath: gammainc(1e-3, 1, inf, regularized=True) = 0.000219608357585556391713...
    expectClose(regularizedGammaQ(1e-3, 1), 2.196083575855564e-4, { rtol: 1e-14 }, "Q(1e-3, 1)");
    expect(regularizedGammaP(1e-3, 1)).toBeGreaterThan(0.99978);
  });

  it("returns the limits at x = 0 and x = Infinity", () => {
    for (const a of [1e-3, 0.5, 1, 20, 1e7]) {
      expect(regularizedGammaP(a, 0)).toBe(0);
      expect(regularizedGammaQ(a, 0)).toBe(1);
      expect(regularizedGammaP(a, Number.POSITIVE_INFINITY)).toBe(1);
      expect(regularizedGammaQ(a, Number.POSITIVE_INFINITY)).toBe(0);
    }
  });

  it("returns NaN outside the domain (a ≤ 0, a = Infinity, x < 0, NaN)", () => {
    const bad: [number, number][] = [
      [0, 1],
      [-1, 1],
      [-0.5, 2],
      [Number.POSITIVE_INFINITY, 1],
      [1, -1e-300],
      [1, -1],
      [Number.NaN, 1],
      [1, Number.NaN],
      [Number.NEGATIVE_INFINITY, 1],
    ];
    for (const [a, x] of bad) {
      expect(regularizedGammaP(a, x), `P(${a}, ${x})`).toBeNaN();
      expect(regularizedGammaQ(a, x), `Q(${a}, ${x})`).toBeNaN();
    }
  });

  it("underflows gracefully to 0 in the far tails", () => {
    expect(regularizedGammaQ(2, 1e6)).toBe(0);
    expect(regularizedGammaP(1e6, 1e3)).toBe(0);
    expect(regularizedGammaP(5, 1e-300)).toBe(0);
    expect(regularizedGammaQ(1e7, 2e7)).toBe(0);
  });

  it("is continuous across the branch switches", () => {
    // a = 20 (Temme / Stirling prefactor), x = 1.1 for a < 1, x = a, the Temme window |η| = 1:
    // neighbouring doubles on either side of a switch give values within rounding of each other
    // (a one-ulp step in x itself moves ln Q by about |x − a|·2^−52, up to 1.2e-13 at x = 943).
    const below = (v: number): number => v * (1 - 2 ** -52);
    const cases: [number, number, number, number][] = [
      [below(20), 20, 20, 20],
      [0.3, below(1.1), 0.3, 1.1],
      [7.5, below(7.5), 7.5, 7.5],
      [400, 400 * 0.3017, 400, 400 * 0.3017 * (1 + 2 ** -52)],
      [400, 400 * 2.3577, 400, 400 * 2.3577 * (1 + 2 ** -52)],
    ];
    for (const [a1, x1, a2, x2] of cases) {
      const tol = { rtol: 2e-14 + Math.abs(x2 - a2) * 2 ** -52 };
      expectClose(regularizedGammaP(a1, x1), regularizedGammaP(a2, x2), tol, `P near (${a2}, ${x2})`);
      expectClose(regularizedGammaQ(a1, x1), regularizedGammaQ(a2, x2), tol, `Q near (${a2}, ${x2})`);
    }
  });
});

describe("internal helpers", () => {
  it("gammaPrefactor is x^a e^{−x}/Γ(a)", () => {
    expectClose(gammaPrefactor(3, 2), (8 * Math.exp(-2)) / 2, { rtol: 1e-15 }, "prefactor(3, 2)");
    expectClose(gammaPrefactor(1, 5), 5 * Math.exp(-5), { rtol: 1e-15 }, "prefactor(1, 5)");
    // mpmath: exp(1000*log(1000) - 1000 - loggamma(1000)) = 12.61461134872149971803...
    expectClose(gammaPrefactor(1000, 1000), 12.6146113487215, { rtol: 1e-15 }, "prefactor(1000, 1000)");
    expect(gammaPrefactor(2, 0)).toBe(0);
    expect(gammaPrefactor(-1, 2)).toBeNaN();
  });

  it("inverseRegularizedGamma inverts P and Q", () => {
    for (const a of [1e-3, 0.05, 0.5, 1, 3.5, 20, 150, 1e4, 1e7]) {
      for (const p of [1e-300, 1e-50, 1e-8, 0.01, 0.3, 0.5, 0.9]) {
        const y = inverseRegularizedGamma(a, p, false);
        if (y > 1e-290) expectClose(regularizedGammaP(a, y), p, { rtol: 1e-10 + 1e-14 * a }, `P(${a}, P⁻¹(${p}))`);
        const yq = inverseRegularizedGamma(a, p, true);
        if (yq > 1e-290) {
          expectClose(regularizedGammaQ(a, yq), p, { rtol: 1e-10 + 1e-14 * Math.max(a, yq) }, `Q(${a}, Q⁻¹(${p}))`);
        }
      }
    }
    expect(inverseRegularizedGamma(2, 0, false)).toBe(0);
    expect(inverseRegularizedGamma(2, 1, false)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseRegularizedGamma(2, 0, true)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseRegularizedGamma(2, 1, true)).toBe(0);
    expect(inverseRegularizedGamma(2, 1.5, false)).toBeNaN();
    expect(inverseRegularizedGamma(0, 0.5, false)).toBeNaN();
  });

  it("regularizedGammaScaled evaluates at the exact product x·scale", () => {
    // Power-of-two scales are exact: same value as the unscaled call.
    expect(regularizedGammaScaled(3, 5, 0.5, false)).toBe(regularizedGammaP(3, 2.5));
    expect(regularizedGammaScaled(3, 5, 0.5, true)).toBe(regularizedGammaQ(3, 2.5));
    expect(regularizedGammaScaled(3, 5, 0, true)).toBeNaN();
    expect(regularizedGammaScaled(3, Number.POSITIVE_INFINITY, 2, true)).toBe(0);
  });
});
