/**
 * Marketing KPIs with uncertainty and live campaign monitoring: `experiment-stats/kpi`.
 *
 * @packageDocumentation
 */
export { type ChurnData, churnRate } from "./churnRate.js";
export { type ClickData, clickThroughRate } from "./clickThroughRate.js";
export { conversionRate } from "./conversionRate.js";
export { type AcquisitionCostData, costPerAcquisition } from "./costPerAcquisition.js";
export { costPerMille, type ImpressionCostData } from "./costPerMille.js";
export {
  type CustomerLifetimeValueData,
  type CustomerLifetimeValueOptions,
  type CustomerLifetimeValueResult,
  customerLifetimeValue,
} from "./customerLifetimeValue.js";
export {
  type FunnelAnalysisOptions,
  type FunnelAnalysisResult,
  type FunnelConversion,
  type FunnelDropOff,
  type FunnelStage,
  type FunnelStageSummary,
  type FunnelStepComparison,
  type FunnelSummary,
  funnelAnalysis,
} from "./funnelAnalysis.js";
export {
  type CountPoint,
  type KnownMeanBaseline,
  type KnownRateBaseline,
  type MonitorBaseline,
  type MonitoredPoint,
  type MonitorMethod,
  type MonitorMetricOptions,
  type MonitorMetricResult,
  type MonitorSeries,
  monitorMetric,
  type PointStatus,
  type RatePoint,
} from "./monitorMetric.js";
export {
  type PaybackPeriodData,
  type PaybackPeriodOptions,
  type PaybackPeriodResult,
  paybackPeriod,
} from "./paybackPeriod.js";
export { returnOnAdSpend } from "./returnOnAdSpend.js";
export {
  type ReturnOnInvestmentOptions,
  type ReturnOnInvestmentResult,
  returnOnInvestment,
} from "./returnOnInvestment.js";
export type {
  AdRevenueData,
  CostIntervalMethod,
  CostKpiOptions,
  CostKpiResult,
  KpiResult,
  RateKpiOptions,
  RateKpiResult,
  ReturnKpiOptions,
  ReturnKpiResult,
} from "./shared.js";
export { type ShareOfVoiceData, type ShareOfVoiceResult, shareOfVoice } from "./shareOfVoice.js";
