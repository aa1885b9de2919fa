import { describe, expect, it } from "vitest";
import {
  betaPowerTerm,
  betaTailFromBoth,
  fDistributionLambda,
  lastLambdaLow,
  onePlusSquareRatioPow,
  regularizedBeta,
  regularizedBetaComplement,
} from "../../src/distributions/regularizedBeta.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("regularizedBeta / regularizedBetaComplement conformance (mpmath, 50+ digits)", () => {
  testKernelFixtures("distributions/regularizedBeta", { regularizedBeta, regularizedBetaComplement });
});

describe("regularizedBeta(x, a, b)", () => {
  it("documented examples", () => {
    expectClose(regularizedBeta(0.2, 2, 3), 0.1808, { rtol: 1e-14 }, "regularizedBeta(0.2, 2, 3)");
    expectClose(regularizedBeta(0.5, 1e5, 1e5), 0.5, { rtol: 1e-14 }, "regularizedBeta(0.5, 1e5, 1e5)");
    expectClose(regularizedBetaComplement(0.2, 2, 3), 0.8192, { rtol: 1e-14 }, "complement(0.2, 2, 3)");
    expectClose(regularizedBetaComplement(0.9, 2, 30), 2.8e-29, { rtol: 1e-13 }, "complement(0.9, 2, 30)");
    expectClose(betaTailFromBoth(0.2, 0.8, 2, 3, true), 0.8192, { rtol: 1e-14 }, "betaTailFromBoth");
    expectClose(betaPowerTerm(0.5, 0.5, 2, 2), 0.375, { rtol: 1e-15 }, "betaPowerTerm");
    expectClose(onePlusSquareRatioPow(2, 4, 2.5), 2 ** -2.5, { rtol: 1e-15 }, "onePlusSquareRatioPow");
    expectClose(fDistributionLambda(2, 4, 6), -12 / 14, { rtol: 1e-15 }, "fDistributionLambda");
    // λ = 1129.0322580645161873738… (mpmath): the double 1129.032258064516 plus 8.768012330752465e-14.
    expect(fDistributionLambda(0.3, 1e5, 1e3)).toBe(1129.032258064516);
    expectClose(lastLambdaLow(), 8.768012330752465e-14, { rtol: 1e-14 }, "lastLambdaLow");
  });

  it("small shape beside a large one, I_x > 0.95: the complement keeps its digits (it lost up to 15 %)", () => {
    // mpmath: 1 − I_{1e-6}(0.01, 1e5) = 0.018135355624321984354…
    expectClose(regularizedBetaComplement(1e-6, 0.01, 1e5), 0.018135355624321985, { rtol: 1e-14 }, "a = 0.01");
    // The mirrored lower tail takes the same route (1 − 2^−20 is exact).
    const y = 2 ** -20;
    expectClose(regularizedBeta(1 - y, 1e5, 0.01), regularizedBetaComplement(y, 0.01, 1e5), { rtol: 1e-14 });
  });

  it("closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b", () => {
    for (const x of [1e-300, 1e-10, 0.1, 0.5, 0.9, 0.999999]) {
      expectClose(regularizedBeta(x, 1, 1), x, { rtol: 1e-15 }, `I_${x}(1, 1)`);
      expectClose(regularizedBeta(x, 3.5, 1), x ** 3.5, { rtol: 1e-14, atol: 1e-300 }, `I_${x}(3.5, 1)`);
      expectClose(regularizedBetaComplement(x, 1, 7), (1 - x) ** 7, { rtol: 1e-13 }, `1 − I_${x}(1, 7)`);
    }
  });

  it("arcsine law: I_x(½, ½) = (2/π) asin √x", () => {
    for (const x of [1e-12, 0.01, 0.3, 0.5, 0.77]) {
      expectClose(regularizedBeta(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)), { rtol: 1e-14 }, `x=${x}`);
    }
  });

  it("keeps the complement's relative accuracy far in the upper tail", () => {
    // 1 − I_x(1, b) = (1 − x)^b exactly; at b = 100, x = 0.999 that is 1e-300.
    expectClose(regularizedBetaComplement(0.999, 1, 100), 0.001 ** 100, { rtol: 1e-13 }, "(1e-3)^100");
    expect(1 - regularizedBeta(0.999, 1, 100)).toBe(0);
  });

  it("is accurate at a, b ~ 1e5–1e6 near the mean (jstat is off by 2e-4 at 1e5)", () => {
    expectClose(regularizedBeta(0.5, 1e6, 1e6), 0.5, { rtol: 1e-14 }, "I_0.5(1e6, 1e6)");
    // mpmath: I_0.4999(1e6, 1e6)
    expectClose(regularizedBeta(0.4999, 1e6, 1e6), 0.388648717862322, { rtol: 1e-13 }, "I_0.4999(1e6, 1e6)");
  });

  it("edges: x ≤ 0 gives 0, x ≥ 1 gives 1 (R pbeta)", () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(-1, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(2, 2, 3)).toBe(1);
    expect(regularizedBeta(Number.NEGATIVE_INFINITY, 2, 3)).toBe(0);
    expect(regularizedBeta(Number.POSITIVE_INFINITY, 2, 3)).toBe(1);
    expect(regularizedBetaComplement(0, 2, 3)).toBe(1);
    expect(regularizedBetaComplement(1, 2, 3)).toBe(0);
  });

  it("NaN in gives NaN; negative shapes give NaN", () => {
    expect(regularizedBeta(Number.NaN, 2, 3)).toBeNaN();
    expect(regularizedBeta(0.5, Number.NaN, 3)).toBeNaN();
    expect(regularizedBeta(0.5, 2, Number.NaN)).toBeNaN();
    expect(regularizedBeta(0.5, -1, 3)).toBeNaN();
    expect(regularizedBeta(0.5, 2, -0.1)).toBeNaN();
    expect(regularizedBetaComplement(0.5, -1, 3)).toBeNaN();
  });

  it("degenerate shapes follow R's point-mass limits", () => {
    expect(regularizedBeta(0.3, 0, 2)).toBe(1); // mass at 0
    expect(regularizedBeta(0.3, 2, 0)).toBe(0); // mass at 1
    expect(regularizedBeta(0.3, 0, 0)).toBe(0.5);
    expect(regularizedBeta(0.3, Number.POSITIVE_INFINITY, 2)).toBe(0);
    expect(regularizedBeta(0.3, 2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedBeta(0.3, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedBeta(0.7, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedBetaComplement(0.3, 0, 2)).toBe(0);
  });
});
