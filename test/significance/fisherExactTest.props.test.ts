import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fisherExactTest } from "../../src/significance/fisherExactTest.js";
import { expectClose } from "../helpers/expectClose.js";

const cellCount = fc.integer({ min: 0, max: 400 });
const table = fc
  .tuple(cellCount, cellCount, cellCount, cellCount)
  .filter(([a, b, c, d]) => a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0)
  .map(([a, b, c, d]) => [
    [a, b],
    [c, d],
  ]);
const level = fc.double({ min: 0.5, max: 0.99, noNaN: true });

describe("fisherExactTest (laws)", () => {
  test.prop([table, level])("p in [0, 1]; the interval holds the estimate", (t, lv) => {
    const r = fisherExactTest(t, { confidenceLevel: lv });
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.estimate);
    expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.estimate);
  });
  test.prop([table])("transposing the table changes nothing", (t) => {
    const a = fisherExactTest(t);
    const b = fisherExactTest([
      [t[0]![0]!, t[1]![0]!],
      [t[0]![1]!, t[1]![1]!],
    ]);
    expectClose(b.pValue, a.pValue, { rtol: 1e-10, atol: 1e-300 }, "p");
    expectClose(b.estimate, a.estimate, { rtol: 1e-9 }, "estimate");
  });
  test.prop([table])("swapping the rows inverts the odds ratio and swaps less and greater", (t) => {
    const swapped = [t[1]!, t[0]!];
    const a = fisherExactTest(t);
    const b = fisherExactTest(swapped);
    expectClose(b.pValue, a.pValue, { rtol: 1e-10, atol: 1e-300 }, "two-sided p");
    expectClose(b.estimate, 1 / a.estimate, { rtol: 1e-9 }, "estimate");
    expectClose(b.confidenceInterval.lower, 1 / a.confidenceInterval.upper, { rtol: 1e-9, atol: 1e-300 }, "lower");
    expectClose(
      fisherExactTest(swapped, { alternative: "less" }).pValue,
      fisherExactTest(t, { alternative: "greater" }).pValue,
      { rtol: 1e-10, atol: 1e-300 },
      "less ↔ greater",
    );
  });
  test.prop([table])("one-sided p-values overlap at the observed table: p_less + p_greater >= 1", (t) => {
    const less = fisherExactTest(t, { alternative: "less" }).pValue;
    const greater = fisherExactTest(t, { alternative: "greater" }).pValue;
    expect(less + greater).toBeGreaterThanOrEqual(1 - 1e-12);
  });
});
