import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isFiniteSample } from "../../src/internal/validate.js";

const naive = (value: unknown, minLength: number): boolean =>
  (Array.isArray(value) || value instanceof Float64Array) &&
  value.length >= minLength &&
  Array.from({ length: value.length }, (_, i) => (value as ArrayLike<unknown>)[i]).every(
    (v) => typeof v === "number" && Number.isFinite(v),
  );

describe("isFiniteSample", () => {
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

  it("accepts finite numbers, including extremes, -0 and subnormals, in both kinds of array", () => {
    const values = [0, -0, 1, -1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 5e-324, 1e-300];
    expect(isFiniteSample(values, 2)).toBe(true);
    expect(isFiniteSample(Float64Array.from(values), 2)).toBe(true);
  });

  for (const v of bad) {
    it(`rejects ${v} at the start, middle and end of a plain array and a Float64Array`, () => {
      for (const position of [0, 5, 9]) {
        const values = Array.from({ length: 10 }, (_, i) => i + 0.5);
        values[position] = v;
        expect(isFiniteSample(values, 2)).toBe(false);
        expect(isFiniteSample(Float64Array.from(values), 2)).toBe(false);
      }
    });
  }

  it("rejects +Infinity and -Infinity together (their v − v terms do not cancel)", () => {
    expect(isFiniteSample([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 2)).toBe(false);
    expect(isFiniteSample(Float64Array.of(Number.NEGATIVE_INFINITY, 1, Number.POSITIVE_INFINITY), 2)).toBe(false);
  });

  it("rejects non-numbers in a plain array, in the unrolled loop and in its tail", () => {
    for (const v of ["1", null, undefined, true, 1n, {}, [1], Object(1)]) {
      expect(isFiniteSample([1, 2, v, 3], 2), String(v)).toBe(false);
      expect(isFiniteSample([1, 2, 3, 4, 5, v], 2), String(v)).toBe(false);
    }
  });

  it("rejects holes in a sparse array", () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
    expect(isFiniteSample([1, , 3], 2)).toBe(false);
    const sparse = new Array<number>(5);
    sparse[0] = 1;
    sparse[4] = 2;
    expect(isFiniteSample(sparse, 2)).toBe(false);
  });

  it("rejects empty and too short input, and accepts empty input when no minimum is asked", () => {
    expect(isFiniteSample([], 1)).toBe(false);
    expect(isFiniteSample(new Float64Array(0), 1)).toBe(false);
    expect(isFiniteSample([1], 2)).toBe(false);
    expect(isFiniteSample(Float64Array.of(1), 2)).toBe(false);
    expect(isFiniteSample([], 0)).toBe(true);
    expect(isFiniteSample(new Float64Array(0), 0)).toBe(true);
  });

  it("rejects values that are not an array or a Float64Array", () => {
    for (const v of [null, undefined, 3, "12", { length: 2, 0: 1, 1: 2 }, Float32Array.of(1, 2), new Set([1, 2])]) {
      expect(isFiniteSample(v, 0)).toBe(false);
    }
  });

  const element = fc.oneof(
    { weight: 8, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("x", null, undefined, true) },
  );

  test.prop([fc.array(element, { maxLength: 40 }), fc.nat(3)])(
    "agrees with an element-by-element Number.isFinite check on plain arrays",
    (values, minLength) => {
      expect(isFiniteSample(values, minLength)).toBe(naive(values, minLength));
    },
  );

  test.prop([fc.array(fc.double(), { maxLength: 40 }), fc.nat(3)])(
    "agrees with an element-by-element Number.isFinite check on Float64Arrays",
    (values, minLength) => {
      const sample = Float64Array.from(values);
      expect(isFiniteSample(sample, minLength)).toBe(naive(sample, minLength));
    },
  );
});
