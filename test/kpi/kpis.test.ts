import { describe, expect, test } from "vitest";
import * as kpi from "../../src/kpi/index.js";
import type { ConfidenceInterval } from "../../src/types.js";
import { expectClose, type Tolerance } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly function: string;
  readonly input: { data: Record<string, number>; options: Record<string, unknown> };
  readonly expected: Record<string, string | number>;
}

type Calculator = (
  data: never,
  options: never,
) => {
  estimate: number;
  confidenceInterval: ConfidenceInterval | null;
  standardError?: number | null;
  wholePeriods?: number;
};
const calculators: Record<string, Calculator> = {
  conversionRate: kpi.conversionRate as Calculator,
  clickThroughRate: kpi.clickThroughRate as Calculator,
  churnRate: kpi.churnRate as Calculator,
  shareOfVoice: kpi.shareOfVoice as Calculator,
  costPerMille: kpi.costPerMille as Calculator,
  costPerAcquisition: kpi.costPerAcquisition as Calculator,
  returnOnAdSpend: kpi.returnOnAdSpend as Calculator,
  returnOnInvestment: kpi.returnOnInvestment as Calculator,
  customerLifetimeValue: kpi.customerLifetimeValue as Calculator,
  paybackPeriod: kpi.paybackPeriod as Calculator,
};

function compare(label: string, actual: number | null | undefined, expected: string | number, tol: Tolerance): void {
  const e = num(expected);
  if (Number.isNaN(e)) {
    expect(actual ?? null, `${label}: no value expected`).toBeNull();
    return;
  }
  expectClose(actual ?? Number.NaN, e, tol, label);
}

describe("KPI calculators conformance", () => {
  for (const path of listFixtures("kpi/kpis")) {
    const fixture = loadFixture<Case>(path);
    test(`match ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        try {
          const fn = calculators[c.function];
          if (fn === undefined) throw new Error(`unknown function ${c.function}`);
          const r = fn(c.input.data as never, c.input.options as never);
          const tol = fixture.meta.tolerance;
          compare(`${c.name} estimate`, r.estimate, c.expected["estimate"]!, tol);
          if ("lower" in c.expected) compare(`${c.name} lower`, r.confidenceInterval?.lower, c.expected["lower"]!, tol);
          if ("upper" in c.expected) compare(`${c.name} upper`, r.confidenceInterval?.upper, c.expected["upper"]!, tol);
          if ("standardError" in c.expected)
            compare(`${c.name} SE`, r.standardError, c.expected["standardError"]!, tol);
          if ("wholePeriods" in c.expected) expect(r.wholePeriods, c.name).toBe(num(c.expected["wholePeriods"]!));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

const near = (actual: number | null | undefined, expected: number, digits: number, label: string) =>
  expectClose(actual ?? Number.NaN, expected, { atol: 0.5 * 10 ** -digits }, label);

describe("KPI calculators documented examples", () => {
  test("conversionRate", () => {
    const r = kpi.conversionRate({ visitors: 2400, conversions: 96 });
    expect(r.estimate).toBe(0.04);
    near(r.confidenceInterval.lower, 0.032867, 6, "lower");
    near(r.confidenceInterval.upper, 0.048603, 6, "upper");
    expect(r).toMatchObject({ metric: "conversion rate", method: "Wilson score interval", intervalMethod: "wilson" });
    expect(r).toMatchObject({ numerator: 96, denominator: 2400 });
  });
  test("clickThroughRate", () => {
    const r = kpi.clickThroughRate({ impressions: 50000, clicks: 600 }, { method: "clopper-pearson" });
    expect(r.estimate).toBe(0.012);
    near(r.confidenceInterval.lower, 0.011064, 6, "lower");
    near(r.confidenceInterval.upper, 0.012993, 6, "upper");
  });
  test("churnRate", () => {
    const r = kpi.churnRate({ customersAtStart: 1200, churned: 54 });
    expect(r.estimate).toBe(0.045);
    near(r.confidenceInterval.lower, 0.034652, 6, "lower");
    near(r.confidenceInterval.upper, 0.058252, 6, "upper");
  });
  test("costPerMille", () => {
    const r = kpi.costPerMille({ cost: 250, impressions: 40000 });
    expect(r.estimate).toBe(6.25);
    near(r.confidenceInterval?.lower, 6.189, 4, "lower");
    near(r.confidenceInterval?.upper, 6.3117, 4, "upper");
    expect(r).toMatchObject({ intervalMethod: "exact", cost: 250, events: 40000, eventsPerUnit: 1000 });
  });
  test("costPerAcquisition", () => {
    const r = kpi.costPerAcquisition({ cost: 5000, conversions: 125 });
    expect(r.estimate).toBe(40);
    near(r.confidenceInterval?.lower, 33.572, 3, "lower");
    near(r.confidenceInterval?.upper, 48.054, 3, "upper");
    const d = kpi.costPerAcquisition({ cost: 5000, conversions: 125 }, { interval: "delta" }).confidenceInterval;
    near(d?.lower, 32.988, 3, "delta lower");
    near(d?.upper, 47.012, 3, "delta upper");
  });
  test("returnOnAdSpend and returnOnInvestment", () => {
    const r = kpi.returnOnAdSpend({ cost: 6000, revenue: 18000, revenueSumSquares: 2_500_000 });
    expect(r.estimate).toBe(3);
    near(r.standardError, 0.26352, 5, "SE");
    near(r.confidenceInterval?.lower, 2.4835, 4, "lower");
    near(r.confidenceInterval?.upper, 3.5165, 4, "upper");
    const i = kpi.returnOnInvestment(
      { cost: 6000, revenue: 18000, revenueSumSquares: 2_500_000 },
      { grossMargin: 0.4 },
    );
    near(i.estimate, 0.2, 12, "ROI");
    near(i.confidenceInterval?.lower, -0.0065983, 7, "ROI lower");
    near(i.confidenceInterval?.upper, 0.4066, 4, "ROI upper");
    expect(i.grossMargin).toBe(0.4);
  });
  test("customerLifetimeValue", () => {
    const a = kpi.customerLifetimeValue({ marginPerPeriod: 20, churnRate: 0.05 }, { discountRate: 0.01 });
    expectClose(a.estimate, (20 * 1.01) / 0.06, { rtol: 1e-14 }, "infinite horizon closed form");
    expect(a.confidenceInterval).toBeNull();
    const r = kpi.customerLifetimeValue(
      { marginPerPeriod: 20, customersAtStart: 1200, retained: 1146 },
      { discountRate: 0.01, horizon: 36 },
    );
    near(r.estimate, 318.35, 2, "CLV");
    near(r.confidenceInterval?.lower, 272.12, 2, "lower");
    near(r.confidenceInterval?.upper, 363.56, 2, "upper");
    expect(r).toMatchObject({ retentionRate: 0.955, horizon: 36, discountRate: 0.01, acquisitionCost: 0 });
  });
  test("paybackPeriod", () => {
    expect(kpi.paybackPeriod({ acquisitionCost: 120, marginPerPeriod: 15 }).estimate).toBe(8);
    const r = kpi.paybackPeriod({ acquisitionCost: 120, marginPerPeriod: 15, churnRate: 0.05 }, { discountRate: 0.01 });
    near(r.estimate, 10.529, 3, "periods");
    expect(r.wholePeriods).toBe(11);
  });
  test("shareOfVoice", () => {
    const r = kpi.shareOfVoice({ brand: 340, total: 1500 });
    near(r.estimate, 0.22667, 5, "SOV");
    near(r.confidenceInterval?.lower, 0.20619, 5, "lower");
    near(r.confidenceInterval?.upper, 0.24854, 5, "upper");
    expect(kpi.shareOfVoice({ brand: 12500.5, total: 80000 }).confidenceInterval).toBeNull();
  });
});

describe("KPI calculators edge cases", () => {
  test("cost per event at 0 events: Infinity, an exact lower bound, and DEGENERATE_DATA for delta", () => {
    const r = kpi.costPerAcquisition({ cost: 100, conversions: 0 });
    expect(r.estimate).toBe(Number.POSITIVE_INFINITY);
    // R: 100 / poisson.test(0)$conf.int[2] = 100 / 3.6888794541139354
    expectClose(r.confidenceInterval?.lower ?? Number.NaN, 100 / 3.6888794541139354, { rtol: 1e-12 }, "lower");
    expect(r.confidenceInterval?.upper).toBe(Number.POSITIVE_INFINITY);
    expect(() => kpi.costPerAcquisition({ cost: 100, conversions: 0 }, { interval: "delta" })).toThrow(
      'costPerAcquisition: the delta-method interval needs at least one of conversions; use interval "exact"',
    );
    const free = kpi.costPerMille({ cost: 0, impressions: 0 });
    expect(free.estimate).toBe(0);
    expect(free.confidenceInterval).toEqual({ lower: 0, upper: 0, level: 0.95 });
  });
  test("returns without revenueSumSquares have no interval", () => {
    const r = kpi.returnOnAdSpend({ cost: 10, revenue: 30 });
    expect(r).toMatchObject({ estimate: 3, confidenceInterval: null, standardError: null });
    expect(r.method).toBe("no interval: give revenueSumSquares for one");
    const i = kpi.returnOnInvestment({ cost: 10, revenue: 0, revenueSumSquares: 0 });
    expect(i.estimate).toBe(-1);
    expect(i.confidenceInterval).toEqual({ lower: -1, upper: -1, level: 0.95 });
  });
  test("CLV: horizon 1 is one margin, retention 1 with a finite horizon is T margins, infinite value rejected", () => {
    expect(kpi.customerLifetimeValue({ marginPerPeriod: 7, retentionRate: 0.3 }, { horizon: 1 }).estimate).toBe(7);
    expect(kpi.customerLifetimeValue({ marginPerPeriod: 7, retentionRate: 1 }, { horizon: 12 }).estimate).toBe(84);
    expect(() => kpi.customerLifetimeValue({ marginPerPeriod: 7, retentionRate: 1 })).toThrow(
      "customerLifetimeValue: options.horizon: must be finite when retention is 1 and the discount rate 0 (the value would be infinite)",
    );
    const all = kpi.customerLifetimeValue(
      { marginPerPeriod: 10, customersAtStart: 50, retained: 50 },
      { discountRate: 0.02 },
    );
    expect(all.confidenceInterval?.upper).toBeCloseTo((10 * 1.02) / 0.02, 9);
    const none = kpi.customerLifetimeValue({ marginPerPeriod: 10, retentionRate: 0 }, { acquisitionCost: 4 });
    expect(none.estimate).toBe(6);
  });
  test("payback never reached, and retention counts give an interval", () => {
    const never = kpi.paybackPeriod({ acquisitionCost: 500, marginPerPeriod: 10, churnRate: 0.1 });
    expect(never).toMatchObject({
      paidBack: false,
      estimate: Number.POSITIVE_INFINITY,
      wholePeriods: Number.POSITIVE_INFINITY,
    });
    const r = kpi.paybackPeriod({ acquisitionCost: 100, marginPerPeriod: 10, customersAtStart: 400, retained: 380 });
    expect(r.confidenceInterval?.lower).toBeLessThan(r.estimate);
    expect(r.confidenceInterval?.upper).toBeGreaterThan(r.estimate);
  });
});

describe("KPI calculators bad input", () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect((error as { code?: string }).code).toBe("INVALID_ARGUMENT");
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };
  test("rate KPIs name their own fields", () => {
    expect(message(() => kpi.conversionRate({ visitors: 10, conversions: 11 }))).toBe(
      "conversionRate: data.conversions: must be <= visitors",
    );
    expect(message(() => kpi.clickThroughRate({ impressions: 0, clicks: 1.5 }))).toBe(
      "clickThroughRate: data.impressions: must be >= 1; data.clicks: must be an integer",
    );
    expect(message(() => kpi.churnRate({ customersAtStart: 10, churned: 1 }, { method: "exact" } as never))).toBe(
      'churnRate: options.method: must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
    );
    expect(message(() => kpi.conversionRate({ visitors: 10, conversions: 1 }, { confidenceLevel: 95 }))).toBe(
      "conversionRate: options.confidenceLevel: must be < 1",
    );
  });
  test("cost, return and value KPIs", () => {
    expect(message(() => kpi.costPerMille({ cost: -1, impressions: 2.5 }))).toBe(
      "costPerMille: data.cost: must be >= 0; data.impressions: must be an integer",
    );
    expect(message(() => kpi.costPerAcquisition({ cost: 1, conversions: 1 }, { interval: "bootstrap" } as never))).toBe(
      'costPerAcquisition: options.interval: must be "exact" or "delta"',
    );
    expect(message(() => kpi.returnOnAdSpend({ cost: 0, revenue: -5, revenueSumSquares: Number.NaN }))).toBe(
      "returnOnAdSpend: data.cost: must be > 0; data.revenue: must be >= 0; data.revenueSumSquares: must be a finite number",
    );
    expect(message(() => kpi.returnOnInvestment({ cost: 1, revenue: 1 }, { grossMargin: 1.2 }))).toBe(
      "returnOnInvestment: options.grossMargin: must be <= 1",
    );
    expect(message(() => kpi.customerLifetimeValue({ marginPerPeriod: 5, retentionRate: 0.9, churnRate: 0.1 }))).toBe(
      "customerLifetimeValue: data: give exactly one of retentionRate, churnRate, or customersAtStart with retained",
    );
    expect(message(() => kpi.customerLifetimeValue({ marginPerPeriod: 5, customersAtStart: 10, retained: 11 }))).toBe(
      "customerLifetimeValue: data.retained: must be <= customersAtStart",
    );
    expect(message(() => kpi.customerLifetimeValue({ marginPerPeriod: 5, retentionRate: 1.5 }, { horizon: 2.5 }))).toBe(
      "customerLifetimeValue: data.retentionRate: must be <= 1; options.horizon: must be an integer >= 1 or Infinity",
    );
    expect(message(() => kpi.paybackPeriod({ acquisitionCost: 0, marginPerPeriod: -1 }))).toBe(
      "paybackPeriod: data.acquisitionCost: must be > 0; data.marginPerPeriod: must be > 0",
    );
    expect(message(() => kpi.shareOfVoice({ brand: 5, total: 4 }))).toBe("shareOfVoice: data.brand: must be <= total");
  });
});
