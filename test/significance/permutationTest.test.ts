import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import { type PermutationTestOptions, permutationTest } from "../../src/significance/permutationTest.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { control: number[]; treatment: number[]; options: PermutationTestOptions };
  readonly expected: { statistic: string; exactPValue: string; relabellings: number };
}

describe("permutationTest conformance (complete enumeration in R)", () => {
  const fixture = loadFixture<Case>("significance/permutationTest/r/exact_enumeration.json");
  test(`agrees with ${fixture.meta.reference} (${fixture.cases.length} cases)`, () => {
    const failures: string[] = [];
    const m = 20_000;
    for (const c of fixture.cases) {
      const r = permutationTest(c.input.control, c.input.treatment, { ...c.input.options, resamples: m, seed: 5 });
      try {
        expectClose(r.statistic, num(c.expected.statistic), fixture.meta.tolerance, `${c.name} statistic`);
        const p = num(c.expected.exactPValue);
        const se = Math.sqrt((p * (1 - p)) / m) + 1 / m;
        expectClose(r.pValue, p, { atol: 5 * se }, `${c.name} p`);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(failures, `${failures.length} failures`).toEqual([]);
  });
});

describe("permutationTest documented example and results", () => {
  test("documented example", () => {
    const r = permutationTest([12, 15, 11, 14, 13], [16, 18, 15, 17, 19], { seed: 42 });
    expect(r.statistic).toBe(4);
    expect(r.extremeCount).toBe(168);
    expect(r.pValue).toBe(169 / 10_000);
    expect(r).toMatchObject({
      resamples: 9999,
      seed: 42,
      alternative: "two-sided",
      statisticName: "difference-in-means",
    });
  });
  test("never 0: (b + 1)/(m + 1) even when nothing is as extreme", () => {
    const r = permutationTest([1, 2, 3, 4, 5, 6, 7, 8], [101, 102, 103, 104, 105, 106, 107, 108], {
      resamples: 999,
      alternative: "greater",
    });
    expect(r.extremeCount).toBe(0);
    expect(r.pValue).toBe(1 / 1000);
  });
  test("reproducible from the seed", () => {
    const a = permutationTest([1, 5, 3, 8], [4, 9, 7, 6, 10], { seed: 9, resamples: 500 });
    const b = permutationTest([1, 5, 3, 8], [4, 9, 7, 6, 10], { seed: 9, resamples: 500 });
    expect(b).toEqual(a);
  });
  test("group sizes are preserved: a statistic of the group sizes never changes", () => {
    const r = permutationTest([1, 2, 3], [4, 5, 6, 7, 8], {
      statistic: (c, t) => t.length - c.length,
      resamples: 300,
      alternative: "greater",
    });
    expect(r.statistic).toBe(2);
    expect(r.extremeCount).toBe(300);
    expect(r.pValue).toBe(1);
  });
  test("a relative lift with a zero control mean is degenerate", () => {
    try {
      permutationTest([-1, 1], [2, 3], { statistic: "relative-lift" });
      throw new Error("did not throw");
    } catch (error) {
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
    }
  });
});

describe("permutationTest bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("permutationTest: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("samples and options", () => {
    rejects(
      () => permutationTest([], [Number.POSITIVE_INFINITY]),
      "control: must be an array of at least 1",
      "treatment:",
    );
    rejects(
      () => permutationTest([1, 2], [3, 4], { resamples: 0, seed: Number.NaN, alternative: "up" as "less" }),
      "options.resamples: must be >= 1",
      "options.seed: must be a finite number",
      "options.alternative",
    );
  });
});
