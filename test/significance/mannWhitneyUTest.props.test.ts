import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mannWhitneyUTest } from "../../src/significance/mannWhitneyUTest.js";
import { expectClose } from "../helpers/expectClose.js";

const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 });
const distinct = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 });
const notAllTied = (c: readonly number[], t: readonly number[]) => new Set([...c, ...t]).size > 1;

describe("mannWhitneyUTest (laws)", () => {
  test.prop([sample, sample, fc.boolean()])(
    "p in [0, 1]; 0 <= U <= nT·nC; the interval holds the estimate",
    (c, t, exact) => {
      fc.pre(notAllTied(c, t));
      const r = mannWhitneyUTest(c, t, { exact });
      expect(r.pValue).toBeGreaterThanOrEqual(0);
      expect(r.pValue).toBeLessThanOrEqual(1);
      expect(r.statistic).toBeGreaterThanOrEqual(0);
      expect(r.statistic).toBeLessThanOrEqual(c.length * t.length);
      expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.estimate);
      expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.estimate);
    },
  );
  test.prop([sample, sample, fc.boolean()])(
    "swapping the samples: U → nT·nC − U, two-sided p and |shift| unchanged",
    (c, t, exact) => {
      fc.pre(notAllTied(c, t));
      const a = mannWhitneyUTest(c, t, { exact });
      const b = mannWhitneyUTest(t, c, { exact });
      expect(b.statistic).toBe(c.length * t.length - a.statistic);
      expectClose(b.pValue, a.pValue, { rtol: 1e-12, atol: 1e-300 }, "p");
      expect(b.estimate + 0).toBe(-a.estimate + 0); // +0 and -0 are the same shift
    },
  );
  test.prop([distinct, distinct])("exact tails: p_less + p_greater = 1 + P(U = u)", (c0, t0) => {
    const t = t0.map((v) => v + 0.5); // no value shared between samples
    const less = mannWhitneyUTest(c0, t, { exact: true, alternative: "less" }).pValue;
    const greater = mannWhitneyUTest(c0, t, { exact: true, alternative: "greater" }).pValue;
    expect(less + greater).toBeGreaterThanOrEqual(1 - 1e-12);
  });
  test.prop([sample, sample, fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 10 })])(
    "monotone transformations of both samples leave U and p unchanged; a shift moves the estimate",
    (c, t, shift, scale) => {
      fc.pre(notAllTied(c, t));
      const a = mannWhitneyUTest(c, t);
      const b = mannWhitneyUTest(
        c.map((v) => v * scale + shift),
        t.map((v) => v * scale + shift),
      );
      expect(b.statistic).toBe(a.statistic);
      expectClose(b.pValue, a.pValue, { rtol: 1e-12, atol: 1e-300 }, "p");
      expectClose(b.estimate, a.estimate * scale, { rtol: 1e-12, atol: 1e-12 }, "estimate");
    },
  );
  test.prop([sample, sample])("the shift estimate is the median of all pairwise differences", (c, t) => {
    fc.pre(notAllTied(c, t));
    const d = t.flatMap((ti) => c.map((ci) => ti - ci)).sort((p, q) => p - q);
    const median = d.length % 2 ? d[(d.length - 1) / 2]! : (d[d.length / 2 - 1]! + d[d.length / 2]!) / 2;
    expect(mannWhitneyUTest(c, t).estimate).toBe(median);
  });
  const large = fc.oneof(
    fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 150, maxLength: 400 }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 150, maxLength: 400 }),
  );
  test.prop([large, large], { numRuns: 30 })(
    "the sampled selection (over 20,000 differences) still finds the exact median, ties included",
    (c, t) => {
      fc.pre(notAllTied(c, t));
      const d = Float64Array.from(t.flatMap((ti) => c.map((ci) => ti - ci))).sort();
      const median = d.length % 2 ? d[(d.length - 1) / 2]! : (d[d.length / 2 - 1]! + d[d.length / 2]!) / 2;
      const r = mannWhitneyUTest(c, t);
      expect(r.estimate).toBe(median);
      // The bounds are differences too: order statistics of d.
      expect(d.includes(r.confidenceInterval.lower)).toBe(true);
      expect(d.includes(r.confidenceInterval.upper)).toBe(true);
    },
  );
});
