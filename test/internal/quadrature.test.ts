import { describe, expect, it } from "vitest";
import { adaptiveIntegrate, gaussLegendre, gaussLegendreRule } from "../../src/internal/quadrature.js";

describe("gaussLegendreRule(n)", () => {
  it.each([1, 2, 5, 16, 64, 200])("weights of the %i-point rule sum to 2 and nodes are symmetric", (n) => {
    const { nodes, weights } = gaussLegendreRule(n);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
    for (let i = 0; i < n; i++) expect(nodes[i]! + nodes[n - 1 - i]!).toBeCloseTo(0, 15);
  });

  it("integrates a degree 2n - 1 polynomial exactly", () => {
    // ∫_0^2 x^9 dx = 2^10 / 10
    expect(gaussLegendre((x) => x ** 9, 0, 2, 5)).toBeCloseTo(102.4, 12);
  });
});

describe("adaptiveIntegrate(f, a, b)", () => {
  it("integrates a peaked function to its requested accuracy", () => {
    const r = adaptiveIntegrate((x) => 1 / (1e-4 + x * x), -1, 1);
    const exact = 2 * 100 * Math.atan(100);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.value - exact) / exact).toBeLessThan(1e-12);
  });

  it("maps infinite ranges: the normal density integrates to 1", () => {
    const r = adaptiveIntegrate(
      (x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI),
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    );
    expect(Math.abs(r.value - 1)).toBeLessThan(1e-13);
  });

  it("maps a half-infinite range: ∫_1^∞ x^-2 dx = 1", () => {
    expect(adaptiveIntegrate((x) => 1 / (x * x), 1, Number.POSITIVE_INFINITY).value).toBeCloseTo(1, 12);
  });

  it("reverses the sign when the limits are swapped, and is 0 on an empty range", () => {
    expect(adaptiveIntegrate(Math.exp, 1, 0).value).toBeCloseTo(-(Math.E - 1), 14);
    expect(adaptiveIntegrate(Math.exp, 3, 3).value).toBe(0);
  });

  it("says when it did not converge", () => {
    const r = adaptiveIntegrate((x) => Math.sin(1 / x) / x, 1e-9, 1, { maxSegments: 10 });
    expect(r.converged).toBe(false);
  });
});
