import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { type FisherExactTestOptions, fisherExactTest } from "../../src/significance/fisherExactTest.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { table: number[][]; options: FisherExactTestOptions };
  readonly expected: Readonly<Record<string, string>>;
}

describe("fisherExactTest conformance", () => {
  const fixture = loadFixture<Case>("significance/fisherExactTest/r/fisher_test.json");
  test(`matches ${fixture.meta.reference} (${fixture.cases.length} tables)`, () => {
    const failures: string[] = [];
    const check = (a: number, e: string | undefined, label: string, tol = fixture.meta.tolerance) => {
      try {
        expectClose(a, num(e!), tol, label);
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    for (const c of fixture.cases) {
      const r = fisherExactTest(c.input.table, c.input.options);
      check(r.pValue, c.expected["pValue"], `${c.name} p`);
      check(r.estimate, c.expected["estimate"], `${c.name} estimate`);
      check(r.confidenceInterval.lower, c.expected["ciLower"], `${c.name} lower`);
      check(r.confidenceInterval.upper, c.expected["ciUpper"], `${c.name} upper`);
      // R's own values carry uniroot's default tolerance (~1e-4 absolute on the odds ratio or its inverse: up to 0.7 % off)
      check(r.estimate, c.expected["rEstimate"], `${c.name} R estimate`, { rtol: 1e-2 });
      check(r.confidenceInterval.lower, c.expected["rCiLower"], `${c.name} R lower`, { rtol: 1e-2, atol: 1e-12 });
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

describe("fisherExactTest documented example and results", () => {
  test("tea tasting", () => {
    const r = fisherExactTest([
      [3, 1],
      [1, 3],
    ]);
    expectClose(r.pValue, 0.48571, { atol: 5e-6 }, "p");
    expectClose(r.estimate, 6.4083, { atol: 5e-5 }, "estimate");
    expectClose(r.confidenceInterval.lower, 0.21174, { atol: 5e-6 }, "lower");
    expectClose(r.confidenceInterval.upper, 626.24, { atol: 5e-3 }, "upper");
    expect(r).toMatchObject({ alternative: "two-sided", nullValue: 1 });
    expect(r.confidenceInterval.level).toBe(0.95);
  });
  test("edges of the support: estimate 0 or Infinity, one-sided bounds", () => {
    const lo = fisherExactTest([
      [0, 5],
      [5, 0],
    ]);
    expect(lo.estimate).toBe(0);
    expect(lo.confidenceInterval.lower).toBe(0);
    const hi = fisherExactTest([
      [5, 0],
      [0, 5],
    ]);
    expect(hi.estimate).toBe(Number.POSITIVE_INFINITY);
    expect(hi.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    const greater = fisherExactTest(
      [
        [5, 2],
        [1, 6],
      ],
      { alternative: "greater" },
    );
    expect(greater.confidenceInterval.upper).toBe(Number.POSITIVE_INFINITY);
    const less = fisherExactTest(
      [
        [5, 2],
        [1, 6],
      ],
      { alternative: "less" },
    );
    expect(less.confidenceInterval.lower).toBe(0);
  });
  test("fast for counts in the millions", () => {
    const started = performance.now();
    const r = fisherExactTest([
      [6_000_000, 4_000_000],
      [6_015_000, 3_985_000],
    ]);
    const elapsed = performance.now() - started;
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-10);
    expect(r.confidenceInterval.lower).toBeLessThan(r.estimate);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("fisherExactTest bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("fisherExactTest: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("cells", () => {
    rejects(
      () =>
        fisherExactTest([
          [1, -1],
          [2.5, 3],
        ]),
      "table.0.1: must be >= 0",
      "table.1.0: must be an integer",
    );
    rejects(
      () =>
        fisherExactTest([
          [1, 2, 3],
          [4, 5, 6],
        ] as unknown as number[][]),
      "table.0",
    );
    rejects(() => fisherExactTest([[1, 2]]), "table: must be a 2 × 2 table");
  });
  test("zero margins", () => {
    rejects(
      () =>
        fisherExactTest([
          [0, 0],
          [2, 3],
        ]),
      "table: must not have a zero margin",
    );
  });
  test("options", () => {
    rejects(
      () =>
        fisherExactTest(
          [
            [1, 2],
            [3, 4],
          ],
          { alternative: "two.sided" as "two-sided", confidenceLevel: 2 },
        ),
      "options.alternative",
      "options.confidenceLevel: must be < 1",
    );
  });
});
