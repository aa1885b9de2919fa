import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import {
  type SampleRatioMismatchTestOptions,
  sampleRatioMismatchTest,
} from "../../src/significance/sampleRatioMismatchTest.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { observedCounts: number[]; expectedWeights: number[] };
  readonly expected: { statistic: string; df: string; pValue: string; expectedCounts: string[] };
}

describe("sampleRatioMismatchTest conformance", () => {
  const fixture = loadFixture<Case>("significance/sampleRatioMismatchTest/r/chisq_gof.json");
  test(`matches ${fixture.meta.reference} (${fixture.cases.length} cases)`, () => {
    const failures: string[] = [];
    const check = (a: number, e: string, label: string, tol = fixture.meta.tolerance) => {
      try {
        expectClose(a, num(e), tol, label);
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    for (const c of fixture.cases) {
      const r = sampleRatioMismatchTest(c.input.observedCounts, c.input.expectedWeights);
      check(r.statistic, c.expected.statistic, `${c.name} statistic`);
      check(r.df, c.expected.df, `${c.name} df`);
      check(r.pValue, c.expected.pValue, `${c.name} p`);
      c.expected.expectedCounts.forEach((e, i) => {
        check(r.expectedCounts[i]!, e, `${c.name} E[${i}]`);
      });
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

describe("sampleRatioMismatchTest published cases (E6–E8) and documented example", () => {
  test("E6: 9,463 vs 7,681 on 50/50 (R prints < 2.2e-16)", () => {
    const r = sampleRatioMismatchTest([9463, 7681], [50, 50]);
    expectClose(r.statistic, 185.2266, { atol: 5e-5 }, "X²");
    expectClose(r.pValue, 3.5e-42, { atol: 5e-45 }, "p");
    expect(r.mismatch).toBe(true);
  });
  test("E7: 50,500 vs 49,500 — just above the 0.001 alert", () => {
    const r = sampleRatioMismatchTest([50_500, 49_500], [1, 1]);
    expectClose(r.statistic, 10, { rtol: 1e-14 }, "X²");
    expectClose(r.pValue, 0.0015654, { atol: 5e-8 }, "p");
    expect(r.mismatch).toBe(false);
    expect(r.threshold).toBe(0.001);
    expect(sampleRatioMismatchTest([50_500, 49_500], [1, 1], { threshold: 0.01 }).mismatch).toBe(true);
  });
  test("E8: 10,000 / 10,200 / 9,800 on thirds", () => {
    const r = sampleRatioMismatchTest([10_000, 10_200, 9_800], [1, 1, 1]);
    expectClose(r.statistic, 8, { rtol: 1e-14 }, "X²");
    expectClose(r.pValue, 0.018316, { atol: 5e-7 }, "p");
    expect(r.df).toBe(2);
  });
  test("weights need not sum to 1; proportions are reported", () => {
    const r = sampleRatioMismatchTest([9_500, 500], [95, 5]);
    expect(r.expectedProportions).toEqual([0.95, 0.05]);
    expect(r.expectedCounts).toEqual([9500, 500]);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
    expect(r.observedProportions).toEqual([0.95, 0.05]);
  });
});

describe("sampleRatioMismatchTest bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("sampleRatioMismatchTest: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("counts and weights", () => {
    rejects(
      () => sampleRatioMismatchTest([10, -1, 2.5], [1, 0, Number.POSITIVE_INFINITY]),
      "observedCounts.1: must be an integer >= 0",
      "observedCounts.2: must be an integer >= 0",
      "expectedWeights.1: must be a finite number > 0",
      "expectedWeights.2: must be a finite number > 0",
    );
    rejects(() => sampleRatioMismatchTest([10], [1]), "observedCounts: must have at least 2 arms");
    rejects(
      () => sampleRatioMismatchTest([10, 20], [1, 1, 1]),
      "expectedWeights: must have one weight per observed count",
    );
    rejects(() => sampleRatioMismatchTest([0, 0], [1, 1]), "observedCounts: must count at least one unit");
    rejects(() => sampleRatioMismatchTest(5 as unknown as number[], [1, 1]), "observedCounts: must be an array");
  });
  test("options", () => {
    rejects(() => sampleRatioMismatchTest([1, 2], [1, 1], { threshold: 0 }), "options.threshold: must be > 0");
    rejects(() => sampleRatioMismatchTest([1, 2], [1, 1], { alpha: 0.1 } as SampleRatioMismatchTestOptions), "options");
  });
});
