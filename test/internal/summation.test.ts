import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CompensatedAccumulator, compensatedSum } from "../../src/internal/summation.js";

describe("compensatedSum(values)", () => {
  it("keeps the small terms that naive summation drops", () => {
    const values = [1, 1e100, 1, -1e100];
    expect(values.reduce((a, b) => a + b, 0)).toBe(0);
    expect(compensatedSum(values)).toBe(2);
  });

  it("sums 0.1 ten times to the double nearest 1", () => {
    expect(compensatedSum(new Array(10).fill(0.1))).toBe(1);
  });

  it("is 0 for an empty array", () => {
    expect(compensatedSum([])).toBe(0);
  });

  test.prop([fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 })])(
    "is exact for integers (the sum is representable)",
    (ints) => {
      expect(compensatedSum(ints)).toBe(ints.reduce((a, b) => a + b, 0));
    },
  );

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 100 })])(
    "the accumulator agrees with the array form",
    (values) => {
      const acc = new CompensatedAccumulator();
      for (const v of values) acc.add(v);
      expect(acc.value).toBe(compensatedSum(values));
    },
  );
});

describe("compensatedSum(values) on unvalidated input", () => {
  it("is NaN at a non-number, which is never coerced", () => {
    expect(compensatedSum([1, "2", 3] as unknown[])).toBeNaN();
    expect(compensatedSum([1, null, 3] as unknown[])).toBeNaN();
    // biome-ignore lint/suspicious/noSparseArray: a hole is one of the inputs under test
    expect(compensatedSum([1, , 3] as unknown[])).toBeNaN();
  });
});
