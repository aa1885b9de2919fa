import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import { createRandom } from "../../src/internal/prng.js";
import { type MannWhitneyUTestOptions, mannWhitneyUTest } from "../../src/significance/mannWhitneyUTest.js";
import { expectClose } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { control: number[]; treatment: number[]; options: MannWhitneyUTestOptions };
  readonly expected: { statistic: string; pValue: string; estimate: string; ciLower: string; ciUpper: string };
}

describe("mannWhitneyUTest conformance", () => {
  for (const path of listFixtures("significance/mannWhitneyUTest")) {
    const fixture = loadFixture<Case>(path);
    test(`matches ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = mannWhitneyUTest(c.input.control, c.input.treatment, c.input.options);
        const pairs: [number, string, string][] = [
          [r.statistic, c.expected.statistic, "statistic"],
          [r.pValue, c.expected.pValue, "p"],
          [r.estimate, c.expected.estimate, "estimate"],
          [r.confidenceInterval.lower, c.expected.ciLower, "lower"],
          [r.confidenceInterval.upper, c.expected.ciUpper, "upper"],
        ];
        for (const [a, e, label] of pairs) {
          try {
            expectClose(a, num(e), fixture.meta.tolerance, `${c.name} ${label}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

describe("mannWhitneyUTest documented example and results", () => {
  const control = [1.15, 0.88, 0.9, 0.74, 1.21];
  const treatment = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
  test("R's depression-scores example", () => {
    const r = mannWhitneyUTest(control, treatment);
    expect(r.statistic).toBe(35);
    expectClose(r.pValue, 0.25441, { atol: 5e-6 }, "p");
    expectClose(r.estimate, 0.305, { rtol: 1e-14 }, "estimate");
    expectClose(r.confidenceInterval.lower, -0.15, { rtol: 1e-14 }, "lower");
    expectClose(r.confidenceInterval.upper, 0.76, { rtol: 1e-14 }, "upper");
    expect(r.exact).toBe(true);
    expect(r.z).toBeNull();
    expectClose(r.probabilityOfSuperiority, 0.7, { rtol: 1e-15 }, "P(T > C)");
  });
  test("ties force the normal approximation even when exact is asked", () => {
    const r = mannWhitneyUTest([1, 2, 2, 3], [2, 3, 3, 4], { exact: true });
    expect(r.exact).toBe(false);
    expect(r.method).toContain("tie-corrected");
  });
  test("1e6 + 1e6 values in O(N log N)", () => {
    const rnd = createRandom(7);
    const c = Float64Array.from({ length: 1_000_000 }, () => rnd.nextNormal());
    const t = Float64Array.from({ length: 1_000_000 }, () => rnd.nextNormal() + 0.01);
    const started = performance.now();
    const r = mannWhitneyUTest(c, t);
    const elapsed = performance.now() - started;
    expect(r.exact).toBe(false);
    expectClose(r.estimate, 0.01, { atol: 0.005 }, "shift");
    expect(r.confidenceInterval.lower).toBeLessThan(r.estimate);
    expect(elapsed).toBeLessThan(15_000);
  });
  test("the sampled selection (more than 50,000 differences) finds the exact order statistics", () => {
    for (const seed of [1, 2, 3]) {
      const rnd = createRandom(seed);
      // integers: heavy ties among the differences
      const c = Array.from({ length: 700 + seed }, () => Math.floor(rnd.next() * 40));
      const t = Array.from({ length: 800 - seed }, () => Math.floor(rnd.next() * 40) + (seed === 2 ? 0.5 : 0));
      const d = Float64Array.from(t.flatMap((ti) => c.map((ci) => ti - ci))).sort();
      const r = mannWhitneyUTest(c, t, { confidenceLevel: 0.9 });
      const total = d.length;
      const median = total % 2 ? d[(total - 1) / 2]! : (d[total / 2 - 1]! + d[total / 2]!) / 2;
      expect(r.estimate).toBe(median);
      const sigma = Math.sqrt((c.length * t.length * (c.length + t.length + 1)) / 12);
      const k = Math.max(1, Math.ceil(total / 2 - 0.5 - 1.6448536269514722 * sigma));
      expect(r.confidenceInterval.lower).toBe(d[k - 1]);
      expect(r.confidenceInterval.upper).toBe(d[total - k]);
    }
  });

  test("all values tied is degenerate", () => {
    try {
      mannWhitneyUTest([1, 1, 1], [1, 1], { exact: false });
      throw new Error("did not throw");
    } catch (error) {
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
      expect((error as Error).message).toMatch(/^mannWhitneyUTest: all values are tied/);
    }
  });
});

describe("mannWhitneyUTest bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("mannWhitneyUTest: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("samples", () => {
    rejects(
      () => mannWhitneyUTest([], [1, Number.NaN]),
      "control: must be an array of at least 1 finite number",
      "treatment: must be an array of at least 1 finite number",
    );
  });
  test("options", () => {
    rejects(
      () =>
        mannWhitneyUTest([1, 2], [3, 4], {
          exact: "yes" as unknown as boolean,
          continuityCorrection: 0 as unknown as boolean,
          confidenceLevel: 1,
        }),
      "options.exact: must be true or false",
      "options.continuityCorrection: must be true or false",
      "options.confidenceLevel: must be < 1",
    );
    rejects(() => mannWhitneyUTest([1, 2], [3, 4], { correct: true } as MannWhitneyUTestOptions), "options");
  });
});
