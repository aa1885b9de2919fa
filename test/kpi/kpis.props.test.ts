import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as kpi from "../../src/kpi/index.js";
import { expectClose } from "../helpers/expectClose.js";

const countPair = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n })));
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);
const method = fc.constantFrom("wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald" as const);
const money = fc.double({ min: 0.01, max: 1e7, noNaN: true });
const rate = fc.double({ min: 0, max: 0.999, noNaN: true });
const discount = fc.double({ min: 0, max: 0.2, noNaN: true });
const horizon = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constant(Number.POSITIVE_INFINITY));

describe("KPI calculators (laws)", () => {
  test.prop([countPair, method, level])("rate KPIs: 0 <= lower <= estimate <= upper <= 1", ([n, x], m, l) => {
    for (const r of [
      kpi.conversionRate({ visitors: n, conversions: x }, { method: m, confidenceLevel: l }),
      kpi.clickThroughRate({ impressions: n, clicks: x }, { method: m, confidenceLevel: l }),
      kpi.churnRate({ customersAtStart: n, churned: x }, { method: m, confidenceLevel: l }),
    ]) {
      const { lower, upper } = r.confidenceInterval;
      expect(lower).toBeGreaterThanOrEqual(0);
      expect(upper).toBeLessThanOrEqual(1);
      expect(lower).toBeLessThanOrEqual(r.estimate);
      expect(upper).toBeGreaterThanOrEqual(r.estimate);
    }
  });
  test.prop([money, fc.integer({ min: 1, max: 1e8 }), fc.constantFrom("exact" as const, "delta" as const), level])(
    "cost KPIs: the interval contains the estimate, CPM is 1000 × cost per impression",
    (cost, x, interval, l) => {
      const cpa = kpi.costPerAcquisition({ cost, conversions: x }, { interval, confidenceLevel: l });
      const cpm = kpi.costPerMille({ cost, impressions: x }, { interval, confidenceLevel: l });
      const ci = cpa.confidenceInterval!;
      expect(ci.lower).toBeLessThanOrEqual(cpa.estimate);
      expect(ci.upper).toBeGreaterThanOrEqual(cpa.estimate);
      expectClose(cpm.estimate, 1000 * cpa.estimate, { rtol: 1e-14 }, "estimate");
      expectClose(cpm.confidenceInterval!.lower, 1000 * ci.lower, { rtol: 1e-14 }, "lower");
    },
  );
  test.prop([money, fc.integer({ min: 0, max: 1e6 })])("the exact cost interval widens with the level", (cost, x) => {
    const at = (l: number) =>
      kpi.costPerAcquisition({ cost, conversions: x }, { confidenceLevel: l }).confidenceInterval!;
    const narrow = at(0.9);
    const wide = at(0.99);
    expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
    expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
  });
  test.prop([
    money,
    fc.double({ min: 0, max: 1e8, noNaN: true }),
    fc.double({ min: 0, max: 1e12, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  ])("returns: the interval contains the estimate and ROI = g·ROAS − 1", (cost, revenue, revenueSumSquares, g) => {
    const roas = kpi.returnOnAdSpend({ cost, revenue, revenueSumSquares });
    const roi = kpi.returnOnInvestment({ cost, revenue, revenueSumSquares }, { grossMargin: g });
    expect(roas.confidenceInterval!.lower).toBeLessThanOrEqual(roas.estimate);
    expect(roas.confidenceInterval!.upper).toBeGreaterThanOrEqual(roas.estimate);
    expect(roi.confidenceInterval!.lower).toBeLessThanOrEqual(roi.estimate);
    expectClose(roi.estimate, g * roas.estimate - 1, { rtol: 1e-12, atol: 1e-12 * (1 + g * roas.estimate) }, "ROI");
  });
  test.prop([fc.double({ min: 0, max: 1e4, noNaN: true }), rate, rate, discount, horizon])(
    "CLV is non-decreasing in retention and in margin",
    (m, r1, r2, d, t) => {
      const clv = (margin: number, r: number) =>
        kpi.customerLifetimeValue({ marginPerPeriod: margin, retentionRate: r }, { discountRate: d, horizon: t })
          .estimate;
      const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
      expect(clv(m, hi)).toBeGreaterThanOrEqual(clv(m, lo) * (1 - 1e-12));
      expect(clv(m * 1.5 + 1, lo)).toBeGreaterThanOrEqual(clv(m, lo));
    },
  );
  test.prop([fc.double({ min: 0.01, max: 1e4, noNaN: true }), rate, discount, discount, horizon])(
    "CLV is non-increasing in the discount rate",
    (m, r, d1, d2, t) => {
      const clv = (d: number) =>
        kpi.customerLifetimeValue({ marginPerPeriod: m, retentionRate: r }, { discountRate: d, horizon: t }).estimate;
      const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      expect(clv(hi)).toBeLessThanOrEqual(clv(lo) * (1 + 1e-12));
    },
  );
  test.prop([
    countPair,
    fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  ])("CLV and payback intervals from cohort counts contain their estimates", ([n, kept], m, d) => {
    const clv = kpi.customerLifetimeValue(
      { marginPerPeriod: m, customersAtStart: n, retained: kept },
      { discountRate: d },
    );
    expect(clv.confidenceInterval!.lower).toBeLessThanOrEqual(clv.estimate * (1 + 1e-12));
    expect(clv.confidenceInterval!.upper).toBeGreaterThanOrEqual(clv.estimate * (1 - 1e-12));
    const pb = kpi.paybackPeriod(
      { acquisitionCost: 3 * m, marginPerPeriod: m, customersAtStart: n, retained: kept },
      { discountRate: d },
    );
    expect(pb.confidenceInterval!.lower).toBeLessThanOrEqual(pb.estimate * (1 + 1e-12));
    expect(pb.confidenceInterval!.upper).toBeGreaterThanOrEqual(pb.estimate * (1 - 1e-12));
  });
  test.prop([
    fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    rate,
    discount,
  ])("payback is reached exactly when the infinite-horizon CLV exceeds the acquisition cost", (ac, m, r, d) => {
    const clv = kpi.customerLifetimeValue(
      { marginPerPeriod: m, retentionRate: r },
      { discountRate: d, horizon: r === 1 && d === 0 ? 10 : Number.POSITIVE_INFINITY },
    ).estimate;
    fc.pre(Math.abs(clv - ac) > 1e-9 * ac);
    const pb = kpi.paybackPeriod({ acquisitionCost: ac, marginPerPeriod: m, retentionRate: r }, { discountRate: d });
    expect(pb.paidBack).toBe(clv > ac);
    if (pb.paidBack) expect(pb.wholePeriods).toBeGreaterThanOrEqual(pb.estimate - 1e-9);
  });
});
