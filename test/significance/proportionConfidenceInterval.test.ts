import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import {
  type ProportionConfidenceIntervalOptions,
  proportionConfidenceInterval,
} from "../../src/significance/proportionConfidenceInterval.js";
import { expectClose } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { successes: number; trials: number; options: ProportionConfidenceIntervalOptions };
  readonly expected: { lower: string; upper: string };
}

describe("proportionConfidenceInterval conformance", () => {
  for (const path of listFixtures("significance/proportionConfidenceInterval")) {
    const fixture = loadFixture<Case>(path);
    test(`matches ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = proportionConfidenceInterval(c.input.successes, c.input.trials, c.input.options);
        for (const side of ["lower", "upper"] as const) {
          try {
            expectClose(r.confidenceInterval[side], num(c.expected[side]), fixture.meta.tolerance, `${c.name} ${side}`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        }
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

describe("proportionConfidenceInterval documented example", () => {
  test("42 of 104", () => {
    const r = proportionConfidenceInterval(42, 104);
    expectClose(r.estimate, 0.40385, { atol: 5e-6 }, "estimate");
    expectClose(r.confidenceInterval.lower, 0.3146, { atol: 5e-6 }, "lower");
    expectClose(r.confidenceInterval.upper, 0.49994, { atol: 5e-6 }, "upper");
    expect(r.confidenceInterval.level).toBe(0.95);
    const cp = proportionConfidenceInterval(42, 104, { method: "clopper-pearson" }).confidenceInterval;
    expectClose(cp.lower, 0.30875, { atol: 5e-6 }, "CP lower");
    expectClose(cp.upper, 0.50457, { atol: 5e-6 }, "CP upper");
  });
});

describe("proportionConfidenceInterval edges and results", () => {
  const methods = ["wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"] as const;
  test("the Wilson interval reaches exactly 0 at x = 0 and exactly 1 at x = n", () => {
    for (const n of [1, 7, 25, 1000, 123457]) {
      expect(proportionConfidenceInterval(0, n, { method: "wilson" }).confidenceInterval.lower).toBe(0);
      expect(proportionConfidenceInterval(n, n, { method: "wilson" }).confidenceInterval.upper).toBe(1);
    }
  });
  test("x = 0 and x = n stay within [0, 1]; exact and Jeffreys close at 0 / 1", () => {
    for (const method of methods) {
      for (const [x, n] of [
        [0, 1],
        [0, 25],
        [25, 25],
        [1, 1],
      ] as const) {
        const { lower, upper } = proportionConfidenceInterval(x, n, { method }).confidenceInterval;
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(upper);
        if (method === "clopper-pearson" || method === "jeffreys") {
          if (x === 0) expect(lower).toBe(0);
          if (x === n) expect(upper).toBe(1);
        }
      }
    }
  });
  test("Jeffreys at x = 0: upper bound is the Beta(1/2, n + 1/2) quantile at 1 − α/2", () => {
    // R: qbeta(0.975, 0.5, 25.5) = 0.0963...; lower bound set to 0 (Brown, Cai and DasGupta 2001)
    const r = proportionConfidenceInterval(0, 25, { method: "jeffreys" });
    expect(r.confidenceInterval.lower).toBe(0);
    expect(r.confidenceInterval.upper).toBeGreaterThan(0.09);
    expect(r.confidenceInterval.upper).toBeLessThan(0.1);
  });
  test("echoes the method in words and as asked, and is serializable", () => {
    const r = proportionConfidenceInterval(3, 10, { method: "agresti-coull", confidenceLevel: 0.9 });
    expect(r).toMatchObject({
      method: "Agresti–Coull interval",
      intervalMethod: "agresti-coull",
      successes: 3,
      trials: 10,
    });
    expect(r.confidenceInterval.level).toBe(0.9);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  test("higher level never narrows, for every method", () => {
    for (const method of methods) {
      const a = proportionConfidenceInterval(7, 40, { method, confidenceLevel: 0.8 }).confidenceInterval;
      const b = proportionConfidenceInterval(7, 40, { method, confidenceLevel: 0.99 }).confidenceInterval;
      expect(b.lower).toBeLessThanOrEqual(a.lower);
      expect(b.upper).toBeGreaterThanOrEqual(a.upper);
    }
  });
});

describe("proportionConfidenceInterval bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("proportionConfidenceInterval: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("counts", () => {
    rejects(() => proportionConfidenceInterval(11, 10), "successes: must be <= trials");
    rejects(() => proportionConfidenceInterval(-1, 10.5), "successes: must be >= 0", "trials: must be an integer");
    rejects(() => proportionConfidenceInterval(0, 0), "trials: must be >= 1");
    rejects(() => proportionConfidenceInterval(Number.NaN, 10), "successes: must be a finite number");
  });
  test("options", () => {
    rejects(
      () => proportionConfidenceInterval(1, 10, { method: "exact" as "wald", confidenceLevel: 1.5 }),
      'options.method: must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
      "options.confidenceLevel: must be < 1",
    );
    rejects(
      () => proportionConfidenceInterval(1, 10, { alpha: 0.05 } as ProportionConfidenceIntervalOptions),
      "options",
    );
  });
});
