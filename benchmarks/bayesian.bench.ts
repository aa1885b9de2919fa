/**
 * Bayesian A/B hot paths (to live at benchmarks/bayesian.bench.ts; vitest's benchmark include is
 * benchmarks/**). Inputs are built outside the timed callbacks; every result is folded into a sink.
 *
 * Run: npx vitest bench --run benchmarks/bayesian.bench.ts
 */
import { bench, describe } from "vitest";
import { probabilityGreater } from "../src/bayesian/betaComparison.js";
import { bayesianMeans, bayesianProportions } from "../src/bayesian/index.js";

const state = { sink: 0 };
const check = (x: number): void => {
  if (!Number.isFinite(x)) throw new Error("non-finite benchmark result");
  state.sink += x;
};

describe("bayesianProportions (full readout: P, losses, four credible bounds)", () => {
  for (const conversions of [100, 10_000, 1_000_000]) {
    const visitors = conversions * 10;
    const control = { visitors, conversions };
    const treatment = { visitors, conversions: Math.round(conversions * 1.01) };
    bench(`${conversions} conversions per arm, uniform prior`, () => {
      check(bayesianProportions(control, treatment).probabilityTreatmentBetter);
    });
    bench(`${conversions} conversions per arm, Jeffreys prior`, () => {
      check(bayesianProportions(control, treatment, { prior: { alpha: 0.5, beta: 0.5 } }).probabilityTreatmentBetter);
    });
  }
});

describe("P(T > C) alone (the kernel of the readout)", () => {
  for (const conversions of [100, 10_000, 1_000_000]) {
    const c = { alpha: conversions + 1, beta: 9 * conversions + 1 };
    const t = { alpha: Math.round(conversions * 1.01) + 1, beta: 9 * conversions + 1 };
    bench(`${conversions} conversions per arm`, () => {
      check(probabilityGreater(c, t));
    });
  }
});

describe("bayesianMeans", () => {
  const control = { n: 1_000_000, sum: 1_000_000 * 10, sumSquares: 1_000_000 * 104 };
  const treatment = { n: 1_000_000, sum: 1_000_000 * 10.01, sumSquares: 1_000_000 * 104.2 };
  bench("sufficient statistics, relative lift", () => {
    check(bayesianMeans(control, treatment).chanceToWin);
  });
});
