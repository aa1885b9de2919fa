import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { funnelAnalysis } from "../../src/kpi/funnelAnalysis.js";
import { expectClose } from "../helpers/expectClose.js";

/** A funnel: a first count and per-step shares, made into non-increasing integer counts. */
const funnelCounts = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
  )
  .map(([first, shares]) => {
    const counts = [first];
    for (const s of shares) counts.push(Math.floor(counts[counts.length - 1]! * s));
    return counts;
  });

describe("funnelAnalysis (laws)", () => {
  test.prop([funnelCounts])(
    "intervals contain their estimates; cumulative = product of steps; the biggest drop-off is the largest",
    (counts) => {
      const r = funnelAnalysis(counts.map((count, i) => ({ name: `s${i}`, count })));
      const stages = r.funnels[0]!.stages;
      let product = 1;
      for (const s of stages) {
        const c = s.cumulativeConversion;
        expect(c.confidenceInterval.lower).toBeLessThanOrEqual(c.estimate);
        expect(c.confidenceInterval.upper).toBeGreaterThanOrEqual(c.estimate);
        if (s.stepConversion !== null) {
          product *= s.stepConversion.estimate;
          expect(s.stepConversion.confidenceInterval.lower).toBeLessThanOrEqual(s.stepConversion.estimate);
          expect(s.stepConversion.confidenceInterval.upper).toBeGreaterThanOrEqual(s.stepConversion.estimate);
          expectClose(c.estimate, product, { rtol: 1e-12, atol: 1e-300 }, "cumulative");
        }
      }
      const drops = stages.map((s) => s.dropRate ?? Number.NEGATIVE_INFINITY);
      const biggest = r.funnels[0]!.biggestDropOff;
      if (biggest !== null) expect(biggest.dropRate).toBe(Math.max(...drops));
      expect(stages.reduce((sum, s) => sum + s.lost, 0)).toBe(counts[0]! - counts[counts.length - 1]!);
    },
  );
  test.prop([funnelCounts, fc.array(fc.double({ min: 0.8, max: 1.2, noNaN: true }), { minLength: 7, maxLength: 7 })])(
    "adjusted p-values are at least the raw ones; renaming the variants changes nothing",
    (counts, jitter) => {
      const other = counts.map((c, i) => (i === 0 ? c : Math.min(Math.floor(c * jitter[i]!), counts[0]!)));
      for (let i = 1; i < other.length; i++) other[i] = Math.min(other[i]!, other[i - 1]!);
      const stages = (a: string, b: string) =>
        counts.map((c, i) => ({ name: `s${i}`, count: { [a]: c, [b]: other[i]! } }));
      const r = funnelAnalysis(stages("A", "B"), { byVariant: true });
      const s = funnelAnalysis(stages("ctl", "new"), { byVariant: true });
      for (const c of r.comparisons) {
        if (c.pValue !== null) expect(c.adjustedPValue!).toBeGreaterThanOrEqual(c.pValue);
      }
      expect(s.comparisons.map((c) => [c.pValue, c.adjustedPValue, c.significant])).toEqual(
        r.comparisons.map((c) => [c.pValue, c.adjustedPValue, c.significant]),
      );
    },
  );
});
