/**
 * Type tests for the KPI area (style guide §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type AdRevenueData,
  type Alternative,
  type ConfidenceInterval,
  type CostIntervalMethod,
  type CostKpiOptions,
  type CostKpiResult,
  type CustomerLifetimeValueResult,
  churnRate,
  clickThroughRate,
  conversionRate,
  costPerAcquisition,
  costPerMille,
  customerLifetimeValue,
  type FunnelAnalysisResult,
  funnelAnalysis,
  type KpiResult,
  type MonitorMethod,
  type MonitorMetricResult,
  monitorMetric,
  type PaybackPeriodResult,
  type PointStatus,
  type ProportionData,
  type ProportionIntervalMethod,
  paybackPeriod,
  type RateKpiOptions,
  type RateKpiResult,
  type ReturnKpiOptions,
  type ReturnKpiResult,
  type ReturnOnInvestmentResult,
  returnOnAdSpend,
  returnOnInvestment,
  type ShareOfVoiceResult,
  shareOfVoice,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

describe("rate KPIs", () => {
  test("signatures and results", () => {
    expectTypeOf(conversionRate).parameters.toEqualTypeOf<[ProportionData, (RateKpiOptions | undefined)?]>();
    expectTypeOf(conversionRate).returns.toEqualTypeOf<RateKpiResult>();
    expectTypeOf(clickThroughRate).returns.toEqualTypeOf<RateKpiResult>();
    expectTypeOf(churnRate).returns.toEqualTypeOf<RateKpiResult>();
    expectTypeOf(shareOfVoice).returns.toEqualTypeOf<ShareOfVoiceResult>();
    expectTypeOf<RateKpiResult>().toExtend<KpiResult>();
    expectTypeOf<RateKpiResult>().toEqualTypeOf<DeepReadonly<RateKpiResult>>();
    expectTypeOf<ShareOfVoiceResult>().toEqualTypeOf<DeepReadonly<ShareOfVoiceResult>>();
    expectTypeOf<RateKpiResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval>();
    expectTypeOf<KpiResult["confidenceInterval"]>().toEqualTypeOf<ConfidenceInterval | null>();
    expectTypeOf<RateKpiResult["intervalMethod"]>().toEqualTypeOf<ProportionIntervalMethod>();
    conversionRate({ visitors: 100, conversions: 10 }, { method: "jeffreys", confidenceLevel: 0.9 });
    clickThroughRate({ impressions: 1000, clicks: 10 });
    churnRate({ customersAtStart: 100, churned: 5 });
    shareOfVoice({ brand: 10, total: 100 }, { method: "wald" });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error conversionRate takes visitors and conversions
    conversionRate({ impressions: 1000, clicks: 10 });
    // @ts-expect-error clickThroughRate takes impressions and clicks
    clickThroughRate({ visitors: 100, conversions: 10 });
    // @ts-expect-error unknown interval method
    conversionRate({ visitors: 100, conversions: 10 }, { method: "foo" });
    // @ts-expect-error rate KPIs use method, cost KPIs use interval
    conversionRate({ visitors: 100, conversions: 10 }, { interval: "exact" });
    // @ts-expect-error churned is required
    churnRate({ customersAtStart: 100 });
  });
});

describe("cost and return KPIs", () => {
  test("signatures and results", () => {
    expectTypeOf(costPerAcquisition).returns.toEqualTypeOf<CostKpiResult>();
    expectTypeOf(costPerMille).returns.toEqualTypeOf<CostKpiResult>();
    expectTypeOf(costPerMille).parameter(1).toEqualTypeOf<CostKpiOptions | undefined>();
    expectTypeOf<CostKpiResult>().toEqualTypeOf<DeepReadonly<CostKpiResult>>();
    expectTypeOf<CostKpiResult["intervalMethod"]>().toEqualTypeOf<CostIntervalMethod>();
    expectTypeOf<CostIntervalMethod>().toEqualTypeOf<"exact" | "delta">();
    expectTypeOf(returnOnAdSpend).parameters.toEqualTypeOf<[AdRevenueData, (ReturnKpiOptions | undefined)?]>();
    expectTypeOf(returnOnAdSpend).returns.toEqualTypeOf<ReturnKpiResult>();
    expectTypeOf(returnOnInvestment).returns.toEqualTypeOf<ReturnOnInvestmentResult>();
    expectTypeOf<ReturnKpiResult>().toEqualTypeOf<DeepReadonly<ReturnKpiResult>>();
    expectTypeOf<ReturnOnInvestmentResult>().toEqualTypeOf<DeepReadonly<ReturnOnInvestmentResult>>();
    expectTypeOf<ReturnKpiResult["standardError"]>().toEqualTypeOf<number | null>();
    costPerAcquisition({ cost: 1000, conversions: 10 }, { interval: "delta", confidenceLevel: 0.9 });
    costPerMille({ cost: 10, impressions: 10_000 });
    returnOnAdSpend({ cost: 100, revenue: 300, revenueSumSquares: 1e4 }, { confidenceLevel: 0.9 });
    returnOnInvestment({ cost: 100, revenue: 300 }, { grossMargin: 0.4 });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error costPerMille takes impressions, not conversions
    costPerMille({ cost: 10, conversions: 10 });
    // @ts-expect-error unknown cost interval
    costPerAcquisition({ cost: 1000, conversions: 10 }, { interval: "wilson" });
    // @ts-expect-error grossMargin is a returnOnInvestment option
    returnOnAdSpend({ cost: 100, revenue: 300 }, { grossMargin: 0.4 });
    // @ts-expect-error revenue is required
    returnOnInvestment({ cost: 100 });
  });
});

describe("lifetime KPIs", () => {
  test("signatures and results", () => {
    expectTypeOf(customerLifetimeValue).returns.toEqualTypeOf<CustomerLifetimeValueResult>();
    expectTypeOf(paybackPeriod).returns.toEqualTypeOf<PaybackPeriodResult>();
    expectTypeOf<CustomerLifetimeValueResult>().toEqualTypeOf<DeepReadonly<CustomerLifetimeValueResult>>();
    expectTypeOf<PaybackPeriodResult>().toEqualTypeOf<DeepReadonly<PaybackPeriodResult>>();
    customerLifetimeValue(
      { marginPerPeriod: 10, customersAtStart: 100, retained: 80 },
      { discountRate: 0.01, horizon: 24, acquisitionCost: 20, method: "wilson", confidenceLevel: 0.9 },
    );
    customerLifetimeValue({ marginPerPeriod: 10, retentionRate: 0.8 });
    paybackPeriod({ acquisitionCost: 50, marginPerPeriod: 10, churnRate: 0.1 }, { discountRate: 0.01 });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error marginPerPeriod is required
    customerLifetimeValue({ retentionRate: 0.8 });
    // @ts-expect-error horizon is an option, not data
    customerLifetimeValue({ marginPerPeriod: 10, retentionRate: 0.8, horizon: 12 });
    // @ts-expect-error acquisitionCost is required by paybackPeriod
    paybackPeriod({ marginPerPeriod: 10, retentionRate: 0.8 });
  });
});

describe("funnelAnalysis / monitorMetric", () => {
  test("signatures and results", () => {
    expectTypeOf(funnelAnalysis).returns.toEqualTypeOf<FunnelAnalysisResult>();
    expectTypeOf<FunnelAnalysisResult>().toEqualTypeOf<DeepReadonly<FunnelAnalysisResult>>();
    funnelAnalysis([
      { name: "visit", count: 1000 },
      { name: "signup", count: 100 },
    ]);
    funnelAnalysis(
      [
        { name: "visit", count: { A: 1000, B: 1000 } },
        { name: "signup", count: { A: 100, B: 120 } },
      ],
      { byVariant: true, control: "A", confidenceLevel: 0.9, interval: "wilson", alpha: 0.05, adjustment: "holm" },
    );

    expectTypeOf(monitorMetric).returns.toEqualTypeOf<MonitorMetricResult>();
    expectTypeOf<MonitorMetricResult>().toEqualTypeOf<DeepReadonly<MonitorMetricResult>>();
    expectTypeOf<MonitorMetricResult["alternative"]>().toEqualTypeOf<Alternative>();
    expectTypeOf<MonitorMetricResult["monitor"]>().toEqualTypeOf<MonitorMethod>();
    expectTypeOf<MonitorMetricResult["points"][number]["status"]>().toEqualTypeOf<PointStatus>();
    monitorMetric([1, 2, 3], { method: "ewma", baseline: 2, lambda: 0.2, alternative: "greater" });
    monitorMetric([{ successes: 1, trials: 10 }], { method: "binomial", baseline: { rate: 0.1 } });
    monitorMetric([{ count: 3, exposure: 2 }], { method: "poisson", baseline: { rate: 1 } });
    monitorMetric(new Float64Array([1, 2]), { method: "cusum", baseline: { mean: 0, sd: 1 }, referenceValue: 0.5 });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error a stage needs a name
    funnelAnalysis([{ count: 1000 }]);
    // @ts-expect-error unknown adjustment
    funnelAnalysis([{ name: "visit", count: 1 }], { adjustment: "foo" });
    // @ts-expect-error method is required
    monitorMetric([1, 2, 3], { baseline: 2 });
    // @ts-expect-error unknown monitor method
    monitorMetric([1, 2, 3], { method: "shewhart", baseline: 2 });
    // @ts-expect-error R spelling of the alternative
    monitorMetric([1, 2, 3], { method: "ewma", baseline: 2, alternative: "two.sided" });
  });
});
