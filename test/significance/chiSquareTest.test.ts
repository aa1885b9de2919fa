import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { type ChiSquareTestOptions, chiSquareTest } from "../../src/significance/chiSquareTest.js";
import { compareProportions } from "../../src/significance/compareProportions.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { table: number[][]; options: ChiSquareTestOptions };
  readonly expected: {
    statistic: string;
    df: string;
    pValue: string;
    expected: string[][];
    residuals: string[][];
    stdres: string[][];
  };
}

describe("chiSquareTest conformance", () => {
  const fixture = loadFixture<Case>("significance/chiSquareTest/r/chisq_test.json");
  test(`matches ${fixture.meta.reference} (${fixture.cases.length} tables)`, () => {
    const failures: string[] = [];
    const check = (a: number, e: string, label: string) => {
      try {
        expectClose(a, num(e), fixture.meta.tolerance, label);
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    for (const c of fixture.cases) {
      const r = chiSquareTest(c.input.table, c.input.options);
      check(r.statistic, c.expected.statistic, `${c.name} statistic`);
      check(r.df, c.expected.df, `${c.name} df`);
      try {
        expectClose(r.pValue, num(c.expected.pValue), { ...fixture.meta.tolerance, atol: 1e-300 }, `${c.name} p`);
      } catch (error) {
        failures.push((error as Error).message);
      }
      c.expected.expected.forEach((row, i) => {
        row.forEach((e, j) => {
          check(r.expected[i]![j]!, e, `${c.name} E[${i}][${j}]`);
          check(r.residuals[i]![j]!, c.expected.residuals[i]![j]!, `${c.name} res[${i}][${j}]`);
          check(r.standardizedResiduals[i]![j]!, c.expected.stdres[i]![j]!, `${c.name} stdres[${i}][${j}]`);
        });
      });
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

describe("chiSquareTest published cases and documented example", () => {
  test("stdlib J7: [[20, 30], [30, 20]]", () => {
    const r = chiSquareTest([
      [20, 30],
      [30, 20],
    ]);
    expectClose(r.statistic, 3.24, { rtol: 1e-14 }, "Yates");
    expectClose(r.pValue, 0.071861, { atol: 5e-7 }, "p");
    expect(r.continuityCorrection).toBe(true);
    expect(r.method).toContain("Yates");
    const plain = chiSquareTest(
      [
        [20, 30],
        [30, 20],
      ],
      { continuityCorrection: false },
    );
    expectClose(plain.statistic, 4, { rtol: 1e-14 }, "plain");
    expectClose(plain.pValue, 0.0455, { atol: 5e-5 }, "plain p");
    expect(plain.df).toBe(1);
  });
  test("2 × 2 without correction: X² equals the squared pooled z of compareProportions", () => {
    const r = chiSquareTest(
      [
        [500, 509],
        [42, 62],
      ],
      { continuityCorrection: false },
    );
    const z = compareProportions({ visitors: 104, conversions: 42 }, { visitors: 1009, conversions: 500 }).statistic;
    expectClose(r.statistic, z * z, { rtol: 1e-12 }, "X² = z²");
  });
  test("larger tables ignore the correction", () => {
    const r = chiSquareTest([
      [10, 20, 30],
      [20, 20, 10],
    ]);
    expect(r.continuityCorrection).toBe(false);
    expect(r.df).toBe(2);
  });
});

describe("chiSquareTest bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("chiSquareTest: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("negative, non-finite cells and ragged rows", () => {
    rejects(
      () =>
        chiSquareTest([
          [1, -2],
          [3, Number.NaN],
        ]),
      "table.0.1: must be a finite number >= 0",
      "table.1.1: must be a finite number >= 0",
    );
    rejects(() => chiSquareTest([[1, 2], [3]]), "table.1: must be an array of at least 2 counts");
  });
  test("too small and zero margins", () => {
    rejects(() => chiSquareTest([[1, 2]]), "table: must have at least 2 rows");
    rejects(
      () =>
        chiSquareTest([
          [0, 0],
          [3, 4],
        ]),
      "table.0: row sums to 0",
    );
    rejects(
      () =>
        chiSquareTest([
          [0, 1],
          [0, 4],
        ]),
      "table: column 0 sums to 0",
    );
    rejects(() => chiSquareTest("x" as unknown as number[][]), "table: must be an array of rows");
  });
  test("options", () => {
    rejects(
      () =>
        chiSquareTest(
          [
            [1, 2],
            [3, 4],
          ],
          { correct: true } as ChiSquareTestOptions,
        ),
      "options",
    );
    rejects(
      () =>
        chiSquareTest(
          [
            [1, 2],
            [3, 4],
          ],
          { continuityCorrection: 1 as unknown as boolean },
        ),
      "options.continuityCorrection: must be true or false",
    );
  });
});
