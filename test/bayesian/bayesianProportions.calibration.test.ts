import { describe, expect, test } from "vitest";
import { bayesianProportions } from "../../src/bayesian/bayesianProportions.js";
import { createRandom, type RandomSource } from "../../src/internal/prng.js";

/** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape < 1 boost. */
function gamma(random: RandomSource, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = random.nextNormal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = random.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function betaDraw(random: RandomSource, a: number, b: number): number {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
}

// A seeded Monte Carlo check: the exact answers lie within 4.5 standard errors of 200,000 posterior draws.
const DRAWS = 200_000;
const Z = 4.5;

describe("bayesianProportions agrees with seeded Monte Carlo within sampling error", () => {
  const cases = [
    {
      control: { visitors: 1000, conversions: 100 },
      treatment: { visitors: 1000, conversions: 120 },
      prior: { alpha: 1, beta: 1 },
    },
    {
      control: { visitors: 40, conversions: 3 },
      treatment: { visitors: 35, conversions: 1 },
      prior: { alpha: 0.5, beta: 0.5 },
    },
    {
      control: { visitors: 200_000, conversions: 900 },
      treatment: { visitors: 210_000, conversions: 1000 },
      prior: { alpha: 2.5, beta: 40 },
    },
  ];
  for (const [i, c] of cases.entries()) {
    test(`case ${i}: P(T > C), losses and interval coverage`, () => {
      const r = bayesianProportions(c.control, c.treatment, { prior: c.prior });
      const random = createRandom(20261129 + i);
      const [ac, bc] = [r.control.posterior.alpha, r.control.posterior.beta];
      const [at, bt] = [r.treatment.posterior.alpha, r.treatment.posterior.beta];
      let wins = 0;
      let below = 0;
      let above = 0;
      let relBelow = 0;
      let relAbove = 0;
      let lossC = 0;
      let lossC2 = 0;
      let lossT = 0;
      let lossT2 = 0;
      const d = r.difference.credibleInterval;
      const l = r.relativeLift.credibleInterval;
      for (let k = 0; k < DRAWS; k++) {
        const pc = betaDraw(random, ac, bc);
        const pt = betaDraw(random, at, bt);
        const diff = pt - pc;
        if (diff > 0) wins++;
        if (diff < d.lower) below++;
        if (diff > d.upper) above++;
        const lift = pt / pc - 1;
        if (lift < l.lower) relBelow++;
        if (lift > l.upper) relAbove++;
        const gain = Math.max(diff, 0);
        const shortfall = Math.max(-diff, 0);
        lossC += gain;
        lossC2 += gain * gain;
        lossT += shortfall;
        lossT2 += shortfall * shortfall;
      }
      const within = (count: number, p: number, label: string) => {
        const se = Math.sqrt((p * (1 - p)) / DRAWS);
        expect(Math.abs(count / DRAWS - p), label).toBeLessThanOrEqual(Z * se + 1e-12);
      };
      within(wins, r.probabilityTreatmentBetter, "P(T > C)");
      const tail = (1 - r.credibleLevel) / 2;
      within(below, tail, "difference lower");
      within(above, tail, "difference upper");
      within(relBelow, tail, "lift lower");
      within(relAbove, tail, "lift upper");
      const mean = (s: number, s2: number, exact: number, label: string) => {
        const m = s / DRAWS;
        const se = Math.sqrt((s2 / DRAWS - m * m) / DRAWS);
        expect(Math.abs(m - exact), label).toBeLessThanOrEqual(Z * se);
      };
      mean(lossC, lossC2, r.expectedLoss.control, "loss control");
      mean(lossT, lossT2, r.expectedLoss.treatment, "loss treatment");
    });
  }
});
