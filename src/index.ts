/**
 * experiment-stats: the statistics of online experiments and marketing measurement.
 *
 * @remarks
 * Every public name is re-exported here and from its area's entry (`experiment-stats/power`,
 * `experiment-stats/significance`, …); both give the same function objects.
 *
 * @packageDocumentation
 */

export * from "./attribution/index.js";
export * from "./bayesian/index.js";
export * from "./distributions/index.js";
export { type InputIssue, InvalidArgumentError, isStatsError, StatsError, type StatsErrorCode } from "./errors.js";
export * from "./kpi/index.js";
export * from "./power/index.js";
export * from "./report/index.js";
export * from "./sequential/index.js";
export * from "./significance/index.js";
export type { Alternative, ConfidenceInterval, MeanSummary, ProportionData, SufficientStatistics } from "./types.js";
