import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import {
  type BootstrapConfidenceIntervalOptions,
  bootstrapConfidenceInterval,
} from "../../src/significance/bootstrapConfidenceInterval.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { control: number[]; treatment: number[]; options: BootstrapConfidenceIntervalOptions };
  readonly expected: Readonly<Record<string, string>>;
}

describe("bootstrapConfidenceInterval conformance (R boot, Monte Carlo)", () => {
  const fixture = loadFixture<Case>("significance/bootstrapConfidenceInterval/r/boot_ci.json");
  test(`agrees with ${fixture.meta.reference} (${fixture.cases.length} cases)`, () => {
    const failures: string[] = [];
    const check = (a: number, e: string | undefined, tol: { rtol?: number; atol?: number }, label: string) => {
      try {
        expectClose(a, num(e!), tol, label);
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    for (const c of fixture.cases) {
      const sd = num(c.expected["standardError"]!);
      const mc = { atol: 0.05 * sd };
      for (const method of ["percentile", "bca"] as const) {
        const r = bootstrapConfidenceInterval(c.input.control, c.input.treatment, {
          ...c.input.options,
          method,
          resamples: 50_000,
          seed: 11,
        });
        check(r.estimate, c.expected["estimate"], fixture.meta.tolerance, `${c.name} estimate`);
        check(r.standardError, c.expected["standardError"], mc, `${c.name} SE`);
        check(
          r.confidenceInterval.lower,
          c.expected[`${method === "bca" ? "bca" : "percentile"}Lower`],
          mc,
          `${c.name} ${method} lower`,
        );
        check(
          r.confidenceInterval.upper,
          c.expected[`${method === "bca" ? "bca" : "percentile"}Upper`],
          mc,
          `${c.name} ${method} upper`,
        );
        if (method === "bca")
          check(r.acceleration, c.expected["acceleration"], { rtol: 1e-10, atol: 1e-14 }, `${c.name} a`);
      }
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

const control = [12.1, 9.8, 11.4, 10.2, 13.5, 9.1, 10.8, 12.9, 11.1, 10.4];
const treatment = [13.2, 12.5, 14.8, 11.9, 15.1, 12.2, 13.9, 14.4, 12.8, 13.6];

describe("bootstrapConfidenceInterval documented example and results", () => {
  test("documented example (seed 7)", () => {
    const r = bootstrapConfidenceInterval(control, treatment, { seed: 7 });
    expectClose(r.estimate, 2.31, { rtol: 1e-13 }, "estimate");
    expectClose(r.confidenceInterval.lower, 1.28, { atol: 5e-3 }, "lower");
    expectClose(r.confidenceInterval.upper, 3.34, { atol: 5e-3 }, "upper");
    expect(r).toMatchObject({
      intervalMethod: "percentile",
      statisticName: "difference-in-means",
      resamples: 10_000,
      seed: 7,
    });
  });
  test("reproducible from the seed; a different seed gives a different interval", () => {
    const a = bootstrapConfidenceInterval(control, treatment, { seed: 3, method: "bca", resamples: 2000 });
    const b = bootstrapConfidenceInterval(control, treatment, { seed: 3, method: "bca", resamples: 2000 });
    const c = bootstrapConfidenceInterval(control, treatment, { seed: 4, method: "bca", resamples: 2000 });
    expect(b).toEqual(a);
    expect(c.confidenceInterval.lower).not.toBe(a.confidenceInterval.lower);
  });
  test("custom statistics and medians; the general jackknife equals the fast path", () => {
    const named = bootstrapConfidenceInterval(control, treatment, { method: "bca", resamples: 1000 });
    const custom = bootstrapConfidenceInterval(control, treatment, {
      method: "bca",
      resamples: 1000,
      statistic: (c, t) => t.reduce((s, v) => s + v, 0) / t.length - c.reduce((s, v) => s + v, 0) / c.length,
    });
    expectClose(custom.acceleration, named.acceleration, { rtol: 1e-10, atol: 1e-15 }, "a");
    expect(custom.statisticName).toBe("custom");
    const med = bootstrapConfidenceInterval(control, treatment, {
      statistic: "difference-in-medians",
      resamples: 1000,
    });
    expect(med.confidenceInterval.lower).toBeLessThan(med.confidenceInterval.upper);
  });
  test("constant data are degenerate", () => {
    try {
      bootstrapConfidenceInterval([1, 1, 1], [2, 2, 2]);
      throw new Error("did not throw");
    } catch (error) {
      expect(isStatsError(error) && error.code).toBe("DEGENERATE_DATA");
    }
  });
});

describe("bootstrapConfidenceInterval bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("bootstrapConfidenceInterval: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("samples and options", () => {
    rejects(
      () => bootstrapConfidenceInterval([1], [1, Number.NaN]),
      "control: must be an array of at least 2",
      "treatment:",
    );
    rejects(
      () =>
        bootstrapConfidenceInterval(control, treatment, {
          method: "basic" as "bca",
          resamples: 10,
          seed: 1.5,
          statistic: "mean" as "relative-lift",
        }),
      'options.method: must be "percentile" or "bca"',
      "options.resamples: must be >= 100",
      "options.seed: must be an integer",
      "options.statistic: must be",
    );
  });
});
