import { describe, expect, test } from "vitest";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import { type CountPoint, monitorMetric, type RatePoint } from "../../src/kpi/monitorMetric.js";
import { cusumRunLength, ewmaRunLength } from "../../src/kpi/runLength.js";
import type { Alternative } from "../../src/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

const DIR = "kpi/monitorMetric/r";

function collect(run: (push: (f: string) => void) => void): string[] {
  const failures: string[] = [];
  run((f) => failures.push(f));
  return failures;
}
function check(
  actual: number,
  expected: number,
  tol: Parameters<typeof expectClose>[2],
  label: string,
  push: (f: string) => void,
): void {
  try {
    expectClose(actual, expected, tol, label);
  } catch (error) {
    push((error as Error).message);
  }
}

describe("monitorMetric conformance: run lengths vs R spc", () => {
  test("EWMA ARL = spc::xewma.arl(lambda, c, mu, sided = 'two')", () => {
    const fx = loadFixture<{
      name: string;
      input: { lambda: number; c: number; shift: number };
      expected: { arl: string };
    }>(`${DIR}/ewma-arl.json`);
    const failures = collect((push) => {
      for (const c of fx.cases) {
        check(
          ewmaRunLength(c.input.lambda, c.input.c, c.input.shift),
          num(c.expected.arl),
          fx.meta.tolerance,
          c.name,
          push,
        );
      }
    });
    expect(failures.slice(0, 10), `${failures.length} of ${fx.cases.length} failures`).toEqual([]);
  });
  test("CUSUM ARL = spc::xcusum.arl(k, h, mu, sided = 'one')", () => {
    const fx = loadFixture<{ name: string; input: { k: number; h: number; shift: number }; expected: { arl: string } }>(
      `${DIR}/cusum-arl.json`,
    );
    const failures = collect((push) => {
      for (const c of fx.cases) {
        check(
          cusumRunLength(c.input.k, c.input.h, c.input.shift),
          num(c.expected.arl),
          fx.meta.tolerance,
          c.name,
          push,
        );
      }
    });
    expect(failures.slice(0, 10), `${failures.length} of ${fx.cases.length} failures`).toEqual([]);
  });
  test("control limits = spc::xewma.crit / xcusum.crit at ARL 1/alpha, and the ARL round trip", () => {
    interface LimitCase {
      name: string;
      input: {
        method: "ewma" | "cusum";
        lambda?: number;
        referenceValue?: number;
        alpha: number;
        alternative: Alternative;
      };
      expected: { controlLimit: string };
    }
    const fx = loadFixture<LimitCase>(`${DIR}/limits.json`);
    const failures = collect((push) => {
      for (const c of fx.cases) {
        const r = monitorMetric([0], { baseline: { mean: 0, sd: 1 }, ...c.input });
        check(r.controlLimit ?? Number.NaN, num(c.expected.controlLimit), fx.meta.tolerance, c.name, push);
        check(r.inControlAverageRunLength ?? Number.NaN, 1 / c.input.alpha, { rtol: 1e-9 }, `${c.name} ARL`, push);
      }
    });
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

describe("monitorMetric conformance: exact tests vs R", () => {
  test("binomial p-values = binom.test(x, n, p, alternative)$p.value", () => {
    const fx = loadFixture<{
      name: string;
      input: { successes: number; trials: number; rate: number; alternative: Alternative };
      expected: { pValue: string };
    }>(`${DIR}/binomial.json`);
    const failures = collect((push) => {
      for (const c of fx.cases) {
        const { successes, trials, rate, alternative } = c.input;
        const r = monitorMetric([{ successes, trials }], { method: "binomial", baseline: { rate }, alternative });
        check(r.points[0]!.pValue ?? Number.NaN, num(c.expected.pValue), fx.meta.tolerance, c.name, push);
      }
    });
    expect(failures.slice(0, 10), `${failures.length} of ${fx.cases.length} failures`).toEqual([]);
  });
  test("Poisson p-values = poisson.test(x, T, r, alternative)$p.value", () => {
    const fx = loadFixture<{
      name: string;
      input: { count: number; exposure: number; rate: number; alternative: Alternative };
      expected: { pValue: string };
    }>(`${DIR}/poisson.json`);
    const failures = collect((push) => {
      for (const c of fx.cases) {
        const { count, exposure, rate, alternative } = c.input;
        const r = monitorMetric([{ count, exposure }], { method: "poisson", baseline: { rate }, alternative });
        check(r.points[0]!.pValue ?? Number.NaN, num(c.expected.pValue), fx.meta.tolerance, c.name, push);
      }
    });
    expect(failures.slice(0, 10), `${failures.length} of ${fx.cases.length} failures`).toEqual([]);
  });
});

describe("monitorMetric documented example", () => {
  const cost = [98, 102, 101, 99, 100, 97, 103, 100, 99, 101, 100, 102, 108, 109, 110];
  test("EWMA and CUSUM on daily cost", () => {
    const r = monitorMetric(cost, { method: "ewma", baseline: 10 });
    expectClose(r.controlLimit ?? Number.NaN, 2.8593, { atol: 5e-5 }, "L");
    expectClose(r.inControlAverageRunLength ?? Number.NaN, 370.37, { atol: 5e-3 }, "ARL");
    expect(r.alarms).toEqual([12, 13, 14]);
    expect(r.points[12]!.reason).toBe("EWMA 101.92 above the upper control limit 101.74");
    const c = monitorMetric(cost, { method: "cusum", baseline: 10 });
    expect(c.alarms).toEqual([13, 14]);
    expectClose(c.controlLimit ?? Number.NaN, 4.7748, { atol: 5e-5 }, "h");
  });
  test("binomial CTR point", () => {
    const ctr = monitorMetric(
      [
        { successes: 30, trials: 1000 },
        { successes: 52, trials: 1000 },
      ],
      { method: "binomial", baseline: { rate: 0.03 } },
    );
    expectClose(ctr.points[1]!.pValue ?? Number.NaN, 0.0001834, { atol: 5e-9 }, "p");
    expectClose(ctr.points[1]!.pValue ?? Number.NaN, 0.00018339911226523893, { rtol: 1e-10 }, "p vs R");
    expect(ctr.points[1]!.status).toBe("high");
  });
});

describe("monitorMetric results and edge cases", () => {
  test("baseline points are marked, estimated, and not monitored; the result is JSON data", () => {
    const values = [1, 2, 3, 4, 5, 3];
    const r = monitorMetric(values, { method: "cusum", baseline: 5, alternative: "greater", referenceValue: 0.25 });
    expect(r.points.slice(0, 5).every((p) => p.status === "baseline" && p.reason === "in the baseline period")).toBe(
      true,
    );
    expect(r.baseline).toEqual({ points: 5, mean: 3, sd: Math.sqrt(2.5) });
    expect(r.points[5]).toMatchObject({ status: "ok", cusumUpper: 0, cusumLower: null, ewma: null, pValue: null });
    expect(r).toMatchObject({
      monitor: "cusum",
      alternative: "greater",
      alpha: 0.0027,
      referenceValue: 0.25,
      lambda: null,
    });
    expect(r.method).toBe("tabular CUSUM control chart (k = 0.25, one-sided (greater))");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  test("EWMA limits in data units and restart after an alarm", () => {
    const r = monitorMetric([10, 30, 10], { method: "ewma", baseline: { mean: 10, sd: 2 }, lambda: 1, alpha: 0.01 });
    // λ = 1 is a Shewhart chart: limits mean ± z_{0.995}·sd
    expectClose(r.controlLimit ?? Number.NaN, 2.5758293035489004, { rtol: 1e-9 }, "L = qnorm(0.995)");
    expectClose(r.points[0]!.upperLimit ?? Number.NaN, 10 + 2 * 2.5758293035489004, { rtol: 1e-9 }, "UCL");
    expect(r.points.map((p) => p.status)).toEqual(["ok", "high", "ok"]);
    expect(r.points[2]!.ewma).toBe(10);
    expect(r.method).toBe("EWMA control chart (λ = 1, fixed limits)");
  });
  test("low alarms: cusum and Poisson", () => {
    const c = monitorMetric([0, 0, -3, -3, -3], { method: "cusum", baseline: { mean: 0, sd: 1 } });
    expect(c.points.map((p) => p.status)).toEqual(["ok", "ok", "ok", "low", "ok"]);
    expect(c.points[3]!.reason).toMatch(/^lower CUSUM 5 exceeds the decision interval h = 4\.7748/);
    const p = monitorMetric([{ count: 100 }, { count: 98, exposure: 1 }, { count: 40 }], {
      method: "poisson",
      baseline: 2,
    });
    expect(p.baseline).toEqual({ points: 2, mean: 99, sd: null });
    expect(p.points[2]!.status).toBe("low");
    expect(p.points[2]!.reason).toMatch(
      /^count 40 \(rate 40 per unit exposure\) below the baseline rate 99: exact Poisson p = /,
    );
    expect(p.alarms).toEqual([2]);
  });
  test("a baseline as long as the series monitors nothing", () => {
    const r = monitorMetric([{ successes: 1, trials: 10 }], { method: "binomial", baseline: 1 });
    expect(r.alarms).toEqual([]);
    expect(r.points[0]!.status).toBe("baseline");
  });
  test("Float64Array series are accepted", () => {
    const r = monitorMetric(new Float64Array([1, 2, 3, 2]), { method: "ewma", baseline: 3 });
    expect(r.points).toHaveLength(4);
  });
  test("DEGENERATE_DATA for a constant baseline or a zero / unit baseline rate", () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof StatsError ? error.code : "other";
      }
      return undefined;
    };
    expect(codeOf(() => monitorMetric([5, 5, 5, 6], { method: "ewma", baseline: 3 }))).toBe("DEGENERATE_DATA");
    expect(codeOf(() => monitorMetric([{ count: 0 }, { count: 3 }], { method: "poisson", baseline: 1 }))).toBe(
      "DEGENERATE_DATA",
    );
    expect(
      codeOf(() =>
        monitorMetric(
          [
            { successes: 5, trials: 5 },
            { successes: 1, trials: 5 },
          ],
          { method: "binomial", baseline: 1 },
        ),
      ),
    ).toBe("DEGENERATE_DATA");
    expect(() => monitorMetric([5, 5, 5, 6], { method: "ewma", baseline: 3 })).toThrow(
      "monitorMetric: the baseline period is constant (sd 0), so no limits exist",
    );
  });
  test("NO_SOLUTION when the CUSUM reference value is too large for alpha", () => {
    // k = 3: even h = 0 alarms only with P(x > 3) = 0.00135 per point, rarer than alpha/2 = 0.25
    expect(() =>
      monitorMetric([0], { method: "cusum", baseline: { mean: 0, sd: 1 }, referenceValue: 3, alpha: 0.5 }),
    ).toThrow(expect.objectContaining({ code: "NO_SOLUTION" }));
  });
});

describe("monitorMetric bad input", () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };
  test("every bad option is named at once", () => {
    expect(
      message(() =>
        monitorMetric([1, 2, 3], { method: "ewma", baseline: 1, alpha: 0, lambda: 0.01, referenceValue: 1 } as never),
      ),
    ).toBe(
      'monitorMetric: options.baseline: must be >= 2; options.alpha: must be >= 1e-7 for a chart; options.lambda: must be >= 0.02; options.referenceValue: applies only to method "cusum"',
    );
  });
  test("method, alternative and unknown keys", () => {
    expect(message(() => monitorMetric([1], { method: "shewhart", baseline: 1 } as never))).toBe(
      'monitorMetric: options.method: must be "ewma", "cusum", "binomial" or "poisson"',
    );
    expect(message(() => monitorMetric([1, 2, 3], { method: "ewma", baseline: 2, alternative: "greater" }))).toBe(
      'monitorMetric: options.alternative: must be "two-sided" for the EWMA chart (use "cusum" for one side)',
    );
    expect(message(() => monitorMetric([1, 2, 3], { method: "cusum", baseline: 2, alternative: "up" } as never))).toBe(
      'monitorMetric: options.alternative: must be "two-sided", "less" or "greater"',
    );
    expect(message(() => monitorMetric([1, 2, 3], { method: "cusum", baseline: 2, lambda: 0.2 }))).toBe(
      'monitorMetric: options.lambda: applies only to method "ewma"',
    );
    expect(message(() => monitorMetric([1, 2, 3], { method: "cusum", baseline: 2, window: 3 } as never))).toMatch(
      /^monitorMetric: options: must be an object \{ method, baseline, \.\.\. \} of known options/,
    );
    expect(message(() => monitorMetric([1, 2, 3], undefined as never))).toMatch(/^monitorMetric: options: /);
    expect(message(() => monitorMetric([1, 2, 3], { method: "cusum", baseline: 2, alpha: 0.6 }))).toBe(
      "monitorMetric: options.alpha: must be <= 0.5",
    );
    expect(message(() => monitorMetric([1, 2, 3], { method: "cusum", baseline: 2, referenceValue: -1 }))).toBe(
      "monitorMetric: options.referenceValue: must be >= 0",
    );
  });
  test("series rules per method", () => {
    expect(message(() => monitorMetric([1, Number.NaN], { method: "cusum", baseline: { mean: 0, sd: 1 } }))).toBe(
      "monitorMetric: series: must be an array of at least 1 finite number",
    );
    expect(message(() => monitorMetric([], { method: "binomial", baseline: { rate: 0.5 } }))).toBe(
      "monitorMetric: series: must have at least 1 point",
    );
    const rates = [{ successes: 3, trials: 2 }, { successes: 1.5, trials: 0 }, { clicks: 1 }] as RatePoint[];
    expect(message(() => monitorMetric(rates, { method: "binomial", baseline: { rate: 1 } }))).toBe(
      "monitorMetric: series.0.successes: must be <= trials; series.1.successes: must be an integer; series.1.trials: must be >= 1; series.2.successes: must be a finite number; series.2.trials: must be a finite number; series.2: must be an object { successes, trials } with no other keys; options.baseline.rate: must be < 1",
    );
    const counts = [{ count: -1 }, { count: 2, exposure: 0 }] as CountPoint[];
    expect(message(() => monitorMetric(counts, { method: "poisson", baseline: { rate: 0 } }))).toBe(
      "monitorMetric: series.0.count: must be >= 0; series.1.exposure: must be > 0; options.baseline.rate: must be > 0",
    );
  });
  test("a baseline that is neither a count nor known parameters", () => {
    expect(message(() => monitorMetric([1, 2, 3], { method: "ewma", baseline: "week" } as never))).toBe(
      "monitorMetric: options.baseline: must be an integer >= 2 (leading baseline points) or { mean, sd } with a finite mean and sd > 0",
    );
  });
  test("a baseline period longer than the series", () => {
    expect(message(() => monitorMetric([1, 2, 3], { method: "ewma", baseline: 4 }))).toBe(
      "monitorMetric: options.baseline: must be <= the number of points in series (3)",
    );
  });
});
