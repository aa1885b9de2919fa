import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { monitorMetric } from "../../src/kpi/monitorMetric.js";
import { cusumRunLength, ewmaRunLength } from "../../src/kpi/runLength.js";
import type { Alternative } from "../../src/types.js";

const values = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 40 });
const chart = fc.constantFrom(
  { method: "ewma" as const },
  { method: "ewma" as const, lambda: 0.5 },
  { method: "cusum" as const },
  { method: "cusum" as const, referenceValue: 1 },
);
const alpha = fc.constantFrom(0.0027, 0.01, 0.05);
const spread = (v: readonly number[], k: number) => Math.max(...v.slice(0, k)) - Math.min(...v.slice(0, k)) > 1e-6;
const baselineOf = (v: readonly number[]) => Math.min(v.length, 2 + (v.length % 5));

describe("monitorMetric (laws)", () => {
  test.prop([values, chart, alpha])(
    "statuses: baseline first, then ok/high/low; alarms are the high and low points",
    (v, c, a) => {
      const b = baselineOf(v);
      fc.pre(spread(v, b));
      const r = monitorMetric(v, { ...c, baseline: b, alpha: a });
      expect(r.points.map((p) => p.index)).toEqual(v.map((_, i) => i));
      expect(r.points.slice(0, b).every((p) => p.status === "baseline")).toBe(true);
      expect(r.points.slice(b).every((p) => p.status !== "baseline")).toBe(true);
      expect(r.alarms).toEqual(r.points.filter((p) => p.status === "high" || p.status === "low").map((p) => p.index));
    },
  );
  test.prop([
    values,
    chart,
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  ])("charts are invariant to shifting and rescaling the data", (v, c, shift, scale) => {
    const b = baselineOf(v);
    fc.pre(spread(v, b));
    const r = monitorMetric(v, { ...c, baseline: b });
    const s = monitorMetric(
      v.map((x) => shift + scale * x),
      { ...c, baseline: b },
    );
    // Statuses agree except where a statistic sits within rounding of its limit.
    const close = (p: (typeof r.points)[number]) =>
      p.ewma !== null && p.upperLimit !== null && p.lowerLimit !== null
        ? Math.min(Math.abs(p.ewma - p.upperLimit), Math.abs(p.ewma - p.lowerLimit)) < 1e-9 * (1 + Math.abs(p.ewma))
        : Math.abs(Math.max(p.cusumUpper ?? 0, p.cusumLower ?? 0) - (r.controlLimit ?? 0)) < 1e-9;
    fc.pre(!r.points.some(close));
    expect(s.points.map((p) => p.status)).toEqual(r.points.map((p) => p.status));
  });
  test.prop([values, chart])("mirroring the data swaps high and low alarms", (v, c) => {
    const b = baselineOf(v);
    fc.pre(spread(v, b));
    const r = monitorMetric(v, { ...c, baseline: b });
    const m = monitorMetric(
      v.map((x) => -x),
      { ...c, baseline: b },
    );
    const swap = { high: "low", low: "high", ok: "ok", baseline: "baseline" } as const;
    const close = (p: (typeof r.points)[number]) =>
      p.ewma !== null && p.upperLimit !== null && p.lowerLimit !== null
        ? Math.min(Math.abs(p.ewma - p.upperLimit), Math.abs(p.ewma - p.lowerLimit)) < 1e-9 * (1 + Math.abs(p.ewma))
        : Math.abs(Math.max(p.cusumUpper ?? 0, p.cusumLower ?? 0) - (r.controlLimit ?? 0)) < 1e-9;
    fc.pre(!r.points.some(close));
    expect(m.points.map((p) => p.status)).toEqual(r.points.map((p) => swap[p.status]));
  });
  test.prop([
    fc.integer({ min: 1, max: 5000 }),
    fc.double({ min: 1e-4, max: 0.99, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])("binomial p-values: in [0, 1]; less + greater = 1 + P(X = x); two-sided >= the tail beyond x", (n, p, u) => {
    const x = Math.floor(u * n);
    const at = (alternative: Alternative) =>
      monitorMetric([{ successes: x, trials: n }], { method: "binomial", baseline: { rate: p }, alternative })
        .points[0]!.pValue ?? Number.NaN;
    const [two, less, greater] = [at("two-sided"), at("less"), at("greater")];
    for (const q of [two, less, greater]) {
      expect(q).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
    }
    expect(less + greater).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(two).toBeGreaterThanOrEqual(Math.min(less, greater) * (1 - 1e-12));
  });
  test.prop([
    fc.array(fc.record({ count: fc.integer({ min: 0, max: 500 }) }), { minLength: 1, maxLength: 20 }),
    fc.double({ min: 0.1, max: 300, noNaN: true }),
  ])("poisson: a larger alpha never removes an alarm", (series, rate) => {
    const at = (a: number) =>
      new Set(monitorMetric(series, { method: "poisson", baseline: { rate }, alpha: a }).alarms);
    const strict = at(0.001);
    const loose = at(0.05);
    for (const i of strict) expect(loose.has(i)).toBe(true);
  });
  test.prop([fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 1.5, max: 3.5, noNaN: true })])(
    "EWMA ARL grows with the limit and falls with the shift",
    (lambda, c) => {
      expect(ewmaRunLength(lambda, c + 0.1, 0)).toBeGreaterThan(ewmaRunLength(lambda, c, 0));
      expect(ewmaRunLength(lambda, c, 1)).toBeLessThan(ewmaRunLength(lambda, c, 0));
    },
  );
  test.prop([fc.double({ min: 0, max: 1.5, noNaN: true }), fc.double({ min: 0.5, max: 6, noNaN: true })])(
    "CUSUM ARL grows with h and falls as the mean moves up",
    (k, h) => {
      expect(cusumRunLength(k, h + 0.1, 0)).toBeGreaterThan(cusumRunLength(k, h, 0));
      expect(cusumRunLength(k, h, 0.5)).toBeLessThan(cusumRunLength(k, h, 0));
    },
  );
});
