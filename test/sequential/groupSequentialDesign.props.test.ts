import { fc, test } from "@fast-check/vitest";
import { describe, expect, test as plainTest } from "vitest";
import { normalQuantile } from "../../src/distributions/normal.js";
import { groupSequentialDesign } from "../../src/sequential/groupSequentialDesign.js";
import { crossingProbabilities, makeLooks } from "../../src/sequential/recursion.js";
import { expectClose } from "../helpers/expectClose.js";

const alpha = fc.constantFrom(0.005, 0.01, 0.025, 0.05, 0.1);
const sided = fc.constantFrom(1 as const, 2 as const);
/** Strictly increasing information rates ending at 1, spaced at least 0.03 apart. */
const rates = fc.array(fc.double({ min: 0.05, max: 0.97, noNaN: true }), { minLength: 1, maxLength: 6 }).map((xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - out[out.length - 1]! >= 0.03) out.push(x);
  if (1 - out[out.length - 1]! < 0.03) out.pop();
  return [...out, 1];
});

describe("groupSequentialDesign (laws)", () => {
  test.prop([fc.integer({ min: 2, max: 8 }), alpha, sided], { numRuns: 30 })(
    "O'Brien–Fleming bounds (classical and spending) decrease over looks",
    (k, a, s) => {
      for (const d of [
        groupSequentialDesign({ kMax: k, alpha: a, sided: s, classical: "obrien-fleming" }),
        groupSequentialDesign({ kMax: k, alpha: a, sided: s, spending: { family: "obrien-fleming" } }),
      ]) {
        for (let i = 1; i < k; i++) expect(d.criticalValues[i]!).toBeLessThan(d.criticalValues[i - 1]!);
      }
    },
  );

  test.prop([rates, alpha, sided], { numRuns: 30 })("the attained type I error equals alpha", (t, a, s) => {
    const d = groupSequentialDesign({ informationRates: t, alpha: a, sided: s, spending: { family: "pocock" } });
    const p = crossingProbabilities(makeLooks(t), { sided: s, upper: d.criticalValues }, 0);
    const total = p.upper.reduce((x, y) => x + y, 0) + p.lower.reduce((x, y) => x + y, 0);
    expectClose(total, a, { rtol: 1e-9 }, "attained alpha");
    expectClose(d.alphaSpent[d.kMax - 1]!, a, { rtol: 1e-15 }, "alphaSpent");
  });

  test.prop([alpha, sided, fc.double({ min: 0.55, max: 0.99, noNaN: true })], { numRuns: 20 })(
    "a one-look design is the fixed-sample test",
    (a, s, power) => {
      const d = groupSequentialDesign({ kMax: 1, alpha: a, sided: s, power });
      expectClose(d.criticalValues[0]!, -normalQuantile(a / s), { rtol: 1e-14 }, "bound");
      expectClose(d.inflationFactor, 1, { rtol: 1e-9 }, "IF");
    },
  );

  test.prop([rates, alpha], { numRuns: 20 })("the inflation factor is at least 1 and the power is reached", (t, a) => {
    const d = groupSequentialDesign({
      informationRates: t,
      alpha: a,
      spending: { family: "hwang-shih-decani", parameter: -2 },
    });
    expect(d.inflationFactor).toBeGreaterThanOrEqual(1 - 1e-12);
    expectClose(d.powerByLook[d.kMax - 1]!, 0.8, { atol: 1e-10 }, "power");
    expect(d.expectedSampleSize.h1).toBeLessThanOrEqual(d.inflationFactor + 1e-12);
  });
});

describe("groupSequentialDesign under H0 (seeded Monte Carlo)", () => {
  plainTest("a 5-look O'Brien–Fleming design keeps alpha; naive 1.96 at every look does not", async () => {
    const { createRandom } = await import("../../src/internal/prng.js");
    const random = createRandom(20261129);
    const d = groupSequentialDesign({ kMax: 5, alpha: 0.025 });
    const runs = 20_000;
    let design = 0;
    let naive = 0;
    for (let r = 0; r < runs; r++) {
      let score = 0;
      let hitDesign = false;
      let hitNaive = false;
      for (let k = 0; k < 5; k++) {
        score += Math.sqrt(0.2) * random.nextNormal();
        const z = score / Math.sqrt((k + 1) * 0.2);
        if (z >= d.criticalValues[k]!) hitDesign = true;
        if (z >= 1.959963984540054) hitNaive = true;
      }
      design += hitDesign ? 1 : 0;
      naive += hitNaive ? 1 : 0;
    }
    // 99.9% binomial band around 0.025 for 20,000 runs: ± 3.29·sqrt(0.025·0.975/20000) = ± 0.00363.
    const half = 3.29 * Math.sqrt((0.025 * 0.975) / runs);
    expect(Math.abs(design / runs - 0.025)).toBeLessThanOrEqual(half);
    expect(naive / runs).toBeGreaterThan(0.025 + half);
  });
});

const family = fc.constantFrom(
  { family: "obrien-fleming" as const },
  { family: "pocock" as const },
  { family: "kim-demets" as const, parameter: 0.7 },
  { family: "kim-demets" as const, parameter: 3 },
  { family: "hwang-shih-decani" as const, parameter: -6 },
  { family: "hwang-shih-decani" as const, parameter: 2 },
);
/** Up to 20 looks, as close as 0.004 apart, first look as early as 0.005 (tiny O'Brien–Fleming spends). */
const wideRates = fc.array(fc.double({ min: 0.005, max: 0.995, noNaN: true }), { maxLength: 19 }).map((xs) => {
  const out: number[] = [];
  for (const x of [...xs].sort((a, b) => a - b)) if (out.length === 0 || x - out[out.length - 1]! > 0.004) out.push(x);
  if (out.length > 0 && 1 - out[out.length - 1]! < 0.004) out.pop();
  return [...out, 1];
});

describe("groupSequentialDesign (robustness)", () => {
  test.prop(
    [
      wideRates,
      sided,
      fc.constantFrom(0.001, 0.01, 0.025, 0.05, 0.2, 0.5),
      family,
      fc.option(fc.record({ f: family, binding: fc.boolean() }), { nil: undefined }),
      fc.double({ min: 0.6, max: 0.99, noNaN: true }),
    ],
    { numRuns: 25 },
  )("solves any design and attains alpha within 1e-9", (t, s, a, spending, fut, power) => {
    const futility = fut !== undefined ? { ...fut.f, binding: fut.binding } : undefined;
    const d = groupSequentialDesign({
      informationRates: t,
      sided: s,
      alpha: a,
      spending,
      power,
      ...(futility === undefined ? {} : { futility }),
    });
    const p = crossingProbabilities(
      makeLooks(t),
      { sided: s, upper: d.criticalValues, futility: futility?.binding ? d.futilityBounds : undefined },
      0,
    );
    const total = p.upper.reduce((x, y) => x + y, 0) + p.lower.reduce((x, y) => x + y, 0);
    expectClose(total, a, { rtol: 1e-9 }, "attained alpha");
    expect(Number.isFinite(d.inflationFactor)).toBe(true);
  });
});
