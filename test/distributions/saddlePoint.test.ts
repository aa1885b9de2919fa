import { describe, expect, it } from "vitest";
import { bd0, binomialLogPmfRaw, binomialPmfRaw, poissonLogPmfRaw } from "../../src/distributions/saddlePoint.js";
import { expectClose } from "../helpers/expectClose.js";

describe("bd0(x, np)", () => {
  it("documented example and reference values (mpmath, 50 digits)", () => {
    expectClose(bd0(3, 5), 0.46752312870202795, { rtol: 1e-15 }, "bd0(3, 5)");
    // Near x = np the closed form would cancel to ~6 digits; the series keeps them all.
    expectClose(bd0(1e6 + 1000, 1e6), 0.4998334166167, { rtol: 1e-13 }, "bd0(1e6 + 1e3, 1e6)");
    expectClose(bd0(1e-3, 2), 1.9913990975404579, { rtol: 1e-15 }, "bd0(1e-3, 2)");
  });

  it("is 0 at x = np, np at x = 0, and NaN outside its domain", () => {
    expect(bd0(7, 7)).toBe(0);
    expect(bd0(0, 2.5)).toBe(2.5);
    expect(bd0(-1, 2)).toBeNaN();
    expect(bd0(1, 0)).toBeNaN();
    expect(bd0(Number.NaN, 1)).toBeNaN();
    expect(bd0(1, Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("is continuous across the series/closed-form switch at |x − np| = (x + np)/2", () => {
    // x = 3 np is the switch point
    const below = bd0(3 * (1 - 1e-12), 1);
    const above = bd0(3 * (1 + 1e-12), 1);
    expectClose(below, above, { rtol: 1e-11 }, "switch");
    expectClose(bd0(3, 1), 3 * Math.log(3) - 2, { rtol: 1e-15 }, "bd0(3, 1)");
  });
});

describe("binomialLogPmfRaw / binomialPmfRaw / poissonLogPmfRaw", () => {
  it("documented examples", () => {
    expectClose(binomialLogPmfRaw(3, 10, 0.5, 0.5), Math.log(120 / 1024), { rtol: 1e-15 }, "ln b(3; 10, ½)");
    expectClose(binomialPmfRaw(3, 10, 0.5, 0.5), 120 / 1024, { rtol: 1e-15 }, "b(3; 10, ½)");
    expectClose(poissonLogPmfRaw(2, 3), -1.4959226032237258, { rtol: 1e-15 }, "ln π(2; 3)");
  });

  it("accepts non-integer x and n (the beta density form)", () => {
    // Γ(n+1)/(Γ(x+1)Γ(n−x+1)) pˣ qⁿ⁻ˣ at x = 1.5, n = 4: Γ(5)/(Γ(2.5)Γ(3.5)) = 24/(1.32934·3.32335)
    const coef = 24 / (1.329340388179137 * 3.3233509704478426);
    expectClose(binomialPmfRaw(1.5, 4, 0.3, 0.7), coef * 0.3 ** 1.5 * 0.7 ** 2.5, { rtol: 1e-14 }, "b(1.5; 4)");
  });

  it("edge cases: x outside [0, n], p = 0, q = 0, x = 0, x = n, λ = 0", () => {
    expect(binomialLogPmfRaw(-1, 10, 0.5, 0.5)).toBe(Number.NEGATIVE_INFINITY);
    expect(binomialLogPmfRaw(11, 10, 0.5, 0.5)).toBe(Number.NEGATIVE_INFINITY);
    expect(binomialLogPmfRaw(0, 10, 0, 1)).toBe(0);
    expect(binomialLogPmfRaw(10, 10, 1, 0)).toBe(0);
    expectClose(binomialLogPmfRaw(0, 10, 0.2, 0.8), 10 * Math.log(0.8), { rtol: 1e-15 }, "x = 0");
    expectClose(binomialLogPmfRaw(10, 10, 0.2, 0.8), 10 * Math.log(0.2), { rtol: 1e-15 }, "x = n");
    expect(poissonLogPmfRaw(0, 0)).toBe(0);
    expect(poissonLogPmfRaw(1, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(poissonLogPmfRaw(0, 2)).toBe(-2);
    expect(binomialLogPmfRaw(Number.NaN, 10, 0.5, 0.5)).toBeNaN();
    expect(poissonLogPmfRaw(Number.NaN, 1)).toBeNaN();
  });

  it("the Poisson weights at integers and half-integers sum as they should", () => {
    // Σ_j e^{−λ} λ^j / j! = 1
    let sum = 0;
    for (let j = 0; j < 200; j++) sum += Math.exp(poissonLogPmfRaw(j, 37.5));
    expectClose(sum, 1, { rtol: 1e-14 }, "Σ π(j; 37.5)");
  });
});
