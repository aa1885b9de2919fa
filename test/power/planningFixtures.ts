import { expect, test } from "vitest";
import { isStatsError, type StatsError } from "../../src/errors.js";
import type { PowerByWeekMetric } from "../../src/power/powerByWeek.js";
import { expectClose, relativeError } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

/** One planning case: the function, its options, and the expected result fields as 17-digit strings. */
export interface PlanningCase {
  readonly function: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly expected: Readonly<Record<string, string>>;
}

// biome-ignore lint/suspicious/noExplicitAny: each planner has its own options type; the fixtures carry them as JSON.
type Planner = (options: any) => object;

/**
 * Registers one test per fixture file under `folder` that has cases for `name`: every expected field of every case
 * must be within the file's tolerance. Also records the worst relative error in the test name's output.
 */
export function testPlanningFixtures(folder: string, name: string, planner: Planner): void {
  for (const path of listFixtures(folder)) {
    const fixture = loadFixture<PlanningCase>(path);
    const cases = fixture.cases.filter((c) => c.function === name);
    if (cases.length === 0) continue;
    test(`${name} matches ${fixture.meta.reference} (${path}, ${cases.length} cases)`, () => {
      const failures: string[] = [];
      let worst = 0;
      for (const c of cases) {
        const result = planner(c.input) as Record<string, number>;
        for (const [field, expectedText] of Object.entries(c.expected)) {
          const expected = num(expectedText);
          const actual = result[field] as number;
          worst = Math.max(worst, relativeError(actual, expected));
          try {
            expectClose(actual, expected, fixture.meta.tolerance, `${field} of ${JSON.stringify(c.input)}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures.slice(0, 10), `${failures.length} of ${cases.length} cases failed (worst rel ${worst})`).toEqual(
        [],
      );
      if (process.env["POWER_REPORT"]) console.log(`${path} ${name}: worst relative error ${worst}`);
    });
  }
}

/** Runs `f` and returns the StatsError it threw (fails when it does not throw one). */
export function thrown(f: () => unknown): StatsError {
  try {
    f();
  } catch (error) {
    if (isStatsError(error)) return error;
    throw error;
  }
  throw new Error("expected a throw");
}

/**
 * GrowthBook case G22 (`packages/shared/test/power.test.ts`, "checks power" and "checks sequential power"):
 * 4,500 users a week, 3 variations, 9 weeks, alpha 0.05. GrowthBook's binomial metric (CR 0.10) is planned as a mean
 * with variance p(1 − p) and the delta-method relative test; both metrics use relative effects.
 */
export const g22Metrics: readonly PowerByWeekMetric[] = [
  {
    name: "click_through_rate",
    kind: "means",
    baselineMean: 0.1,
    sd: Math.sqrt(0.1 * 0.9),
    mde: 0.05,
    mdeType: "relative",
    test: "z-relative",
  },
  {
    name: "revenue",
    kind: "means",
    baselineMean: 0.1,
    sd: Math.sqrt(0.5),
    mde: 0.3,
    mdeType: "relative",
    test: "z-relative",
  },
];
