import { describe, expect, it } from "vitest";
import { pairedSampleMoments, sampleMoments } from "../../src/internal/moments.js";

describe("sampleMoments", () => {
  // R: x <- c(3.1, 4.7, 2.2, 9.5, 6.3); sprintf("%.17g", c(mean(x), var(x)))
  const x = [3.1, 4.7, 2.2, 9.5, 6.3];

  it("gives R's mean and var, the same for a plain array and a Float64Array", () => {
    const m = sampleMoments(x);
    expect(m.n).toBe(5);
    expect(m.mean).toBe(5.1600000000000001);
    expect(m.variance).toBeCloseTo(8.3379999999999992, 14);
    expect(sampleMoments(Float64Array.from(x))).toEqual(m);
  });

  it("gives non-finite moments for NaN or ±Infinity (the finiteness check of the callers)", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      for (const values of [[1, bad, 3], Float64Array.of(1, 2, bad)]) {
        const m = sampleMoments(values);
        expect(Number.isFinite(m.mean) && Number.isFinite(m.variance), `${bad}`).toBe(false);
      }
    }
    const both = sampleMoments([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(Number.isFinite(both.mean) && Number.isFinite(both.variance)).toBe(false);
  });

  it("gives NaN moments for a non-number in a plain array, without doing arithmetic on it", () => {
    let coerced = false;
    const trap = {
      valueOf() {
        coerced = true;
        return 1;
      },
    };
    // biome-ignore lint/suspicious/noSparseArray: a hole is one of the non-numbers under test
    const holey = [1, , 3];
    for (const bad of ["2", null, undefined, 2n, Symbol("s"), trap, [2], true]) {
      for (const values of [[bad, 1, 2], [1, 2, bad], holey]) {
        const m = sampleMoments(values as unknown as number[]);
        expect(Number.isNaN(m.mean) && Number.isNaN(m.variance), String(typeof bad)).toBe(true);
      }
    }
    expect(coerced).toBe(false);
  });
});

describe("pairedSampleMoments", () => {
  it("stops at a non-number (NaN covariance, no throw on a symbol or bigint)", () => {
    const y = [1, 2, 3];
    for (const bad of [Symbol("s"), 2n, "2"]) {
      const m = pairedSampleMoments(y, [1, bad, 3] as unknown as number[]);
      expect(Number.isNaN(m.covariance)).toBe(true);
      expect(Number.isNaN(m.x.mean)).toBe(true);
    }
  });
});
