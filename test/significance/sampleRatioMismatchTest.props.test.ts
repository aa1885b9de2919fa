import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { sampleRatioMismatchTest } from "../../src/significance/sampleRatioMismatchTest.js";
import { expectClose } from "../helpers/expectClose.js";

const arms = fc
  .integer({ min: 2, max: 8 })
  .chain((k) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: k, maxLength: k }),
      fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: k, maxLength: k }),
    ),
  );

describe("sampleRatioMismatchTest (laws)", () => {
  test.prop([arms])("p is a probability and mismatch is p < threshold", ([counts, weights]) => {
    fc.pre(counts.some((c) => c > 0));
    const r = sampleRatioMismatchTest(counts, weights);
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(r.mismatch).toBe(r.pValue < 0.001);
    expect(r.df).toBe(counts.length - 1);
    expectClose(
      r.expectedCounts.reduce((a, b) => a + b, 0),
      counts.reduce((a, b) => a + b, 0),
      { rtol: 1e-12 },
      "Σ E = N",
    );
  });
  test.prop([arms, fc.double({ min: 1e-3, max: 1e3, noNaN: true })])(
    "weights are scale-free",
    ([counts, weights], s) => {
      fc.pre(counts.some((c) => c > 0));
      const a = sampleRatioMismatchTest(counts, weights);
      const b = sampleRatioMismatchTest(
        counts,
        weights.map((w) => w * s),
      );
      expectClose(b.statistic, a.statistic, { rtol: 1e-10, atol: 1e-10 }, "X²");
    },
  );
  test.prop([arms])("relabelling arms (counts and weights together) changes nothing", ([counts, weights]) => {
    fc.pre(counts.some((c) => c > 0));
    const a = sampleRatioMismatchTest(counts, weights);
    const b = sampleRatioMismatchTest([...counts].reverse(), [...weights].reverse());
    expectClose(b.statistic, a.statistic, { rtol: 1e-12, atol: 1e-12 }, "X²");
  });
  test.prop([
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }),
    fc.integer({ min: 1, max: 1000 }),
  ])("counts exactly proportional to the weights give X² ≈ 0 and p ≈ 1", (weights, scale) => {
    const r = sampleRatioMismatchTest(
      weights.map((w) => w * scale),
      weights,
    );
    expect(r.statistic).toBeLessThan(1e-9);
    expect(r.mismatch).toBe(false);
  });
});
