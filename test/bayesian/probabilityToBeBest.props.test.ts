import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { probabilityToBeBest } from "../../src/bayesian/probabilityToBeBest.js";
import { expectClose } from "../helpers/expectClose.js";

const normalArm = fc.record({
  mean: fc.double({ min: -1, max: 1, noNaN: true }),
  sd: fc.double({ min: 1e-3, max: 1, noNaN: true }),
});
const betaArm = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([visitors, share]) => ({ visitors, conversions: Math.round(visitors * share) }));
const prior = fc.constantFrom({ alpha: 1, beta: 1 }, { alpha: 0.5, beta: 0.5 }, { alpha: 3, beta: 30 });

describe("probabilityToBeBest (laws)", () => {
  test.prop([fc.array(normalArm, { minLength: 1, maxLength: 8 })])(
    "normal: probabilities sum to 1, losses >= 0",
    (arms) => {
      const r = probabilityToBeBest(arms);
      const sum = r.probabilityToBeBest.reduce((a, b) => a + b, 0);
      expectClose(sum, 1, { atol: 1e-14 }, "sum");
      for (const p of r.probabilityToBeBest) expect(p).toBeGreaterThanOrEqual(0);
      for (const l of r.expectedLoss) expect(l).toBeGreaterThanOrEqual(0);
    },
  );
  test.prop([fc.array(betaArm, { minLength: 2, maxLength: 5 }), prior], { numRuns: 30 })(
    "beta: probabilities sum to 1 and are in [0, 1]; permuting arms permutes the answer",
    (arms, pr) => {
      const r = probabilityToBeBest(arms, { prior: pr });
      const sum = r.probabilityToBeBest.reduce((a, b) => a + b, 0);
      expectClose(sum, 1, { atol: 1e-14 }, "sum");
      const reversed = probabilityToBeBest([...arms].reverse(), { prior: pr });
      const k = arms.length;
      for (let j = 0; j < k; j++) {
        expect(r.probabilityToBeBest[j]!).toBeGreaterThanOrEqual(0);
        expect(r.probabilityToBeBest[j]!).toBeLessThanOrEqual(1);
        expectClose(reversed.probabilityToBeBest[k - 1 - j]!, r.probabilityToBeBest[j]!, { atol: 1e-12 }, "permute");
        expect(r.expectedLoss[j]!).toBeGreaterThanOrEqual(0);
      }
    },
  );
  test.prop([fc.array(normalArm, { minLength: 2, maxLength: 6 })])(
    "losses differ by the differences of the posterior means",
    (arms) => {
      const r = probabilityToBeBest(arms);
      for (let j = 1; j < arms.length; j++) {
        const scale = Math.max(r.expectedLoss[0]!, r.expectedLoss[j]!, 1e-300);
        expectClose(
          r.expectedLoss[0]! - r.expectedLoss[j]!,
          arms[j]!.mean - arms[0]!.mean,
          { atol: 1e-9 * Math.max(1, scale) },
          "loss gap",
        );
      }
    },
  );
  test.prop([
    fc.array(normalArm, { minLength: 2, maxLength: 6 }),
    fc.nat({ max: 5 }),
    fc.double({ min: 1e-3, max: 1, noNaN: true }),
  ])("raising an arm's mean never lowers its probability to be best", (arms, index, shift) => {
    const j = index % arms.length;
    const before = probabilityToBeBest(arms).probabilityToBeBest[j]!;
    const raised = arms.map((a, i) => (i === j ? { mean: a.mean + shift, sd: a.sd } : a));
    expect(probabilityToBeBest(raised).probabilityToBeBest[j]!).toBeGreaterThanOrEqual(before - 1e-10);
  });
});
