import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { chiSquareTest } from "../../src/significance/chiSquareTest.js";
import { expectClose } from "../helpers/expectClose.js";

/** r × c tables of counts without zero margins. */
const table = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: c, maxLength: c }), {
      minLength: r,
      maxLength: r,
    }),
  )
  .filter((t) => t.every((row) => row.some((v) => v > 0)) && t[0]!.every((_, j) => t.some((row) => row[j]! > 0)));
const correction = fc.boolean();

describe("chiSquareTest (laws)", () => {
  test.prop([table, correction])("p is a probability, X² >= 0, df = (r − 1)(c − 1)", (t, cc) => {
    const r = chiSquareTest(t, { continuityCorrection: cc });
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(r.statistic).toBeGreaterThanOrEqual(0);
    expect(r.df).toBe((t.length - 1) * (t[0]!.length - 1));
  });
  test.prop([table, correction])("transposing the table changes nothing", (t, cc) => {
    const transposed = t[0]!.map((_, j) => t.map((row) => row[j]!));
    const a = chiSquareTest(t, { continuityCorrection: cc });
    const b = chiSquareTest(transposed, { continuityCorrection: cc });
    expectClose(b.statistic, a.statistic, { rtol: 1e-12, atol: 1e-12 }, "X²");
    expectClose(b.pValue, a.pValue, { rtol: 1e-10, atol: 1e-300 }, "p");
  });
  test.prop([table, correction])("reordering rows changes nothing", (t, cc) => {
    const a = chiSquareTest(t, { continuityCorrection: cc });
    const b = chiSquareTest([...t].reverse(), { continuityCorrection: cc });
    expectClose(b.statistic, a.statistic, { rtol: 1e-12, atol: 1e-12 }, "X²");
  });
  test.prop([table, fc.integer({ min: 2, max: 50 })])(
    "scaling every count by k scales the uncorrected X² by k",
    (t, k) => {
      const a = chiSquareTest(t, { continuityCorrection: false });
      const b = chiSquareTest(
        t.map((row) => row.map((v) => v * k)),
        { continuityCorrection: false },
      );
      expectClose(b.statistic, a.statistic * k, { rtol: 1e-11, atol: 1e-9 }, "X²");
    },
  );
  test.prop([table])("Yates' correction never increases X²", (t) => {
    const a = chiSquareTest(t, { continuityCorrection: false });
    const b = chiSquareTest(t, { continuityCorrection: true });
    expect(b.statistic).toBeLessThanOrEqual(a.statistic * (1 + 1e-12));
  });
});
