import { fc, test } from "@fast-check/vitest";
import { describe, expect, test as plainTest } from "vitest";
import { createRandom } from "../../src/internal/prng.js";
import { confidenceSequence } from "../../src/sequential/confidenceSequence.js";
import { msprt } from "../../src/sequential/msprt.js";

const look = fc
  .record({
    n: fc.integer({ min: 20, max: 400 }),
    meanC: fc.double({ min: -1, max: 1, noNaN: true }),
    meanT: fc.double({ min: -1, max: 1, noNaN: true }),
    sd: fc.double({ min: 0.2, max: 3, noNaN: true }),
  })
  .map(({ n, meanC, meanT, sd }) => ({ n, meanC, meanT, sd }));

describe("always-valid inference (laws)", () => {
  test.prop([fc.array(look, { minLength: 1, maxLength: 12 }), fc.double({ min: 1e-4, max: 1, noNaN: true })])(
    "msprt p-values never increase and intervals only shrink over looks",
    (raw, tau2) => {
      let n = 0;
      const looks = raw.map((l) => {
        n += l.n;
        return { control: { n, mean: l.meanC, sd: l.sd }, treatment: { n, mean: l.meanT, sd: l.sd } };
      });
      const r = msprt(looks, { mixingVariance: tau2 });
      for (let i = 1; i < r.looks.length; i++) {
        const [a, b] = [r.looks[i - 1]!, r.looks[i]!];
        expect(b.pValue).toBeLessThanOrEqual(a.pValue);
        expect(b.confidenceInterval.lower).toBeGreaterThanOrEqual(a.confidenceInterval.lower);
        expect(b.confidenceInterval.upper).toBeLessThanOrEqual(a.confidenceInterval.upper);
      }
      for (const l of r.looks) {
        expect(l.pValue).toBeGreaterThanOrEqual(0); // 1/Λ underflows to 0 for overwhelming evidence
        expect(l.pValue).toBeLessThanOrEqual(1);
      }
    },
  );

  test.prop([
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.double({ min: 0.01, max: 2, noNaN: true }),
    fc.integer({ min: 10, max: 1_000_000 }),
    fc.constantFrom(0.8, 0.9, 0.95, 0.99),
  ])("two-sided confidence sequence: p <= alpha exactly when 0 is outside the interval", (est, se, n, level) => {
    const r = confidenceSequence({ estimate: est, standardError: se, sampleSize: n }, { confidenceLevel: level });
    const outside = r.confidenceInterval.lower > 0 || r.confidenceInterval.upper < 0;
    const margin = Math.abs(Math.abs(est) - r.multiplier * se);
    fc.pre(margin > 1e-9 * (1 + Math.abs(est)));
    expect(r.pValue <= 1 - level).toBe(outside);
  });

  test.prop([
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.double({ min: 0.01, max: 2, noNaN: true }),
    fc.integer({ min: 10, max: 1_000_000 }),
    fc.constantFrom("greater" as const, "less" as const),
  ])("one-sided confidence sequence: p at the bound equals alpha", (est, se, n, alt) => {
    const r = confidenceSequence({ estimate: est, standardError: se, sampleSize: n }, { alternative: alt });
    const bound = alt === "greater" ? r.confidenceInterval.lower : r.confidenceInterval.upper;
    const at = confidenceSequence(
      { estimate: est, standardError: se, sampleSize: n },
      { alternative: alt, nullValue: bound },
    );
    expect(Math.abs(at.pValue - 0.05)).toBeLessThan(1e-9);
  });
});

describe("always-valid inference under continuous peeking (seeded Monte Carlo)", () => {
  // 1000 A/A experiments, 100 looks each (a look after every batch of 50 units per arm), unit variance.
  const experiments = 1000;
  const batches = 100;
  const batch = 50;
  const alpha = 0.05;
  // 99.9% upper binomial band around alpha for 1000 trials: alpha + 3.29·sqrt(alpha(1 − alpha)/1000).
  const band = alpha + 3.29 * Math.sqrt((alpha * (1 - alpha)) / experiments);

  plainTest("naive z-tests exceed alpha; mSPRT and the confidence sequence stay within the band", () => {
    const random = createRandom(20261128);
    let naive = 0;
    let mixture = 0;
    let sequence = 0;
    for (let e = 0; e < experiments; e++) {
      let sumC = 0;
      let sumT = 0;
      let naiveHit = false;
      let mixtureHit = false;
      let sequenceHit = false;
      for (let b = 1; b <= batches; b++) {
        sumC += Math.sqrt(batch) * random.nextNormal();
        sumT += Math.sqrt(batch) * random.nextNormal();
        const n = b * batch;
        const diff = (sumT - sumC) / n;
        const se = Math.sqrt(2 / n);
        if (Math.abs(diff / se) >= 1.959963984540054) naiveHit = true;
        if (!mixtureHit) {
          const r = msprt([{ control: { n, mean: sumC / n, sd: 1 }, treatment: { n, mean: sumT / n, sd: 1 } }], {
            mixingVariance: 0.01,
            alpha,
          });
          mixtureHit = r.decision === "reject";
        }
        if (!sequenceHit) {
          const cs = confidenceSequence({ estimate: diff, standardError: se, sampleSize: 2 * n });
          sequenceHit = cs.confidenceInterval.lower > 0 || cs.confidenceInterval.upper < 0;
        }
      }
      naive += naiveHit ? 1 : 0;
      mixture += mixtureHit ? 1 : 0;
      sequence += sequenceHit ? 1 : 0;
    }
    expect(naive / experiments).toBeGreaterThan(band);
    expect(mixture / experiments).toBeLessThanOrEqual(band);
    expect(sequence / experiments).toBeLessThanOrEqual(band);
  });
});
