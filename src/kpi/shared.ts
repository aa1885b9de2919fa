/**
 * Result types and private helpers shared by the KPI calculators of `experiment-stats/kpi`: rate KPIs
 * (a count out of a count, with a proportion interval) and cost-per-event KPIs (a spend over a Poisson
 * count, with an exact or delta-method interval).
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { chiSquareQuantile } from "../distributions/chiSquare.js";
import { StatsError } from "../errors.js";
import {
  count,
  integerAtLeast,
  nonNegativeNumber,
  openUnitInterval,
  parseArguments,
  positiveNumber,
} from "../internal/validate.js";
import {
  type ProportionIntervalMethod,
  proportionConfidenceInterval,
} from "../significance/proportionConfidenceInterval.js";
import { criticalValue, standardNormal } from "../significance/shared.js";
import type { ConfidenceInterval } from "../types.js";

/**
 * Fields every KPI calculator returns.
 *
 * @public
 */
export interface KpiResult {
  /** The KPI in words, e.g. `"conversion rate"`. */
  readonly metric: string;
  /** How the interval was built, in words (or why there is none). */
  readonly method: string;
  /** The KPI's value. */
  readonly estimate: number;
  /** Two-sided interval at the requested level, or `null` when the inputs carry no sampling error. */
  readonly confidenceInterval: ConfidenceInterval | null;
}

/**
 * Options of the rate KPIs ({@link conversionRate}, {@link clickThroughRate}, {@link churnRate}).
 *
 * @public
 */
export interface RateKpiOptions {
  /**
   * The proportion interval, as {@link proportionConfidenceInterval}: `"wilson"`, `"agresti-coull"`,
   * `"clopper-pearson"`, `"jeffreys"` or `"wald"`.
   * @defaultValue `"wilson"`
   */
  readonly method?: ProportionIntervalMethod;
  /**
   * Coverage of the two-sided interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
}

/**
 * Result of a rate KPI: a count out of a count.
 *
 * @public
 */
export interface RateKpiResult extends KpiResult {
  /** The proportion interval's key, as asked. */
  readonly intervalMethod: ProportionIntervalMethod;
  /** The counted events (conversions, clicks, churned customers). */
  readonly numerator: number;
  /** The units they happened among (visitors, impressions, customers at the start). */
  readonly denominator: number;
  /** The interval (never `null` for a rate). */
  readonly confidenceInterval: ConfidenceInterval;
}

/**
 * How a cost-per-event KPI builds its interval:
 * - `"exact"`: the events are a Poisson count; Garwood's exact interval for its mean, inverted;
 * - `"delta"`: estimate ± z·estimate/√events (delta method for cost/count).
 *
 * @public
 */
export type CostIntervalMethod = "exact" | "delta";

/**
 * Options of the cost-per-event KPIs ({@link costPerMille}, {@link costPerAcquisition}).
 *
 * @public
 */
export interface CostKpiOptions {
  /**
   * The interval; see {@link CostIntervalMethod}.
   * @defaultValue `"exact"`
   */
  readonly interval?: CostIntervalMethod;
  /**
   * Coverage of the two-sided interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
}

/**
 * Result of a cost-per-event KPI.
 *
 * @public
 */
export interface CostKpiResult extends KpiResult {
  /** The interval's key, as asked. */
  readonly intervalMethod: CostIntervalMethod;
  /** Spend, as given. */
  readonly cost: number;
  /** The counted events (impressions, conversions), as given. */
  readonly events: number;
  /** Events per unit of the KPI (1000 for CPM, 1 for CPA). */
  readonly eventsPerUnit: number;
}

const intervalMethod = () =>
  z.enum(["wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"], {
    error: 'must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
  });

const rateOptions = () =>
  z.strictObject(
    { method: z.optional(intervalMethod()), confidenceLevel: z.optional(openUnitInterval()) },
    { error: "must be an object of known options" },
  );

/** What a rate KPI is called and what its counts are named. @internal */
export interface RateKpiSpec {
  readonly functionName: string;
  readonly metric: string;
  /** Name of the event count field (`"conversions"`). */
  readonly events: string;
  /** Name of the population field (`"visitors"`). */
  readonly units: string;
}

/**
 * Validates `{ [units], [events] }` and options, then returns the rate with its proportion interval.
 * @internal
 */
export function rateKpi(spec: RateKpiSpec, data: unknown, options: RateKpiOptions): RateKpiResult {
  const schema = z.object({
    data: z
      .object(
        { [spec.units]: integerAtLeast(1), [spec.events]: count() },
        { error: `must be an object { ${spec.units}, ${spec.events} }` },
      )
      .check(
        z.refine((d) => !((d[spec.events] as number) > (d[spec.units] as number)), {
          error: `must be <= ${spec.units}`,
          path: [spec.events],
        }),
      ),
    options: rateOptions(),
  });
  const args = parseArguments(spec.functionName, schema, { data, options });
  const events = args.data[spec.events] as number;
  const units = args.data[spec.units] as number;
  const r = proportionConfidenceInterval(events, units, args.options as RateKpiOptions);
  return {
    metric: spec.metric,
    method: r.method,
    intervalMethod: r.intervalMethod,
    estimate: r.estimate,
    confidenceInterval: r.confidenceInterval,
    numerator: events,
    denominator: units,
  };
}

/** What a cost-per-event KPI is called and what its fields are named. @internal */
export interface CostKpiSpec {
  readonly functionName: string;
  readonly metric: string;
  /** Name of the event count field (`"impressions"`, `"conversions"`). */
  readonly events: string;
  /** Events per unit of the KPI (1000 for CPM). */
  readonly eventsPerUnit: number;
}

const costOptions = () =>
  z.strictObject(
    {
      interval: z.optional(z.enum(["exact", "delta"], { error: 'must be "exact" or "delta"' })),
      confidenceLevel: z.optional(openUnitInterval()),
    },
    { error: "must be an object of known options" },
  );

/**
 * Validates `{ cost, [events] }` and options, then returns `eventsPerUnit·cost/events` with an exact
 * (Garwood) or delta-method interval. At 0 events the KPI is infinite (no event was bought).
 * @internal
 */
export function costKpi(spec: CostKpiSpec, data: unknown, options: CostKpiOptions): CostKpiResult {
  const schema = z.object({
    data: z.object(
      { cost: nonNegativeNumber(), [spec.events]: count() },
      { error: `must be an object { cost, ${spec.events} }` },
    ),
    options: costOptions(),
  });
  const args = parseArguments(spec.functionName, schema, { data, options });
  const cost = args.data["cost"] as number;
  const events = args.data[spec.events] as number;
  const method: CostIntervalMethod = args.options.interval ?? "exact";
  const level = args.options.confidenceLevel ?? 0.95;
  const scaled = cost * spec.eventsPerUnit;
  const estimate = events === 0 ? (cost === 0 ? 0 : Number.POSITIVE_INFINITY) : scaled / events;
  let lower: number;
  let upper: number;
  if (method === "exact") {
    // Garwood: mean in [χ²(α/2; 2x)/2, χ²(1 − α/2; 2x + 2)/2]; the KPI is decreasing in the mean.
    const alpha = 1 - level;
    const meanLower = events === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * events) / 2;
    const meanUpper = chiSquareQuantile(1 - alpha / 2, 2 * events + 2) / 2;
    lower = scaled / meanUpper;
    upper = meanLower === 0 ? (cost === 0 ? 0 : Number.POSITIVE_INFINITY) : scaled / meanLower;
  } else {
    if (events === 0) {
      throw new StatsError(
        "DEGENERATE_DATA",
        `${spec.functionName}: the delta-method interval needs at least one of ${spec.events}; use interval "exact"`,
      );
    }
    const half = (criticalValue("two-sided", level, standardNormal) * estimate) / Math.sqrt(events);
    lower = Math.max(0, estimate - half);
    upper = estimate + half;
  }
  return {
    metric: spec.metric,
    method:
      method === "exact"
        ? "exact interval: Garwood's Poisson interval for the expected events, inverted"
        : "delta-method interval: estimate ± z·estimate/√events (events Poisson)",
    intervalMethod: method,
    estimate,
    confidenceInterval: { lower, upper, level },
    cost,
    events,
    eventsPerUnit: spec.eventsPerUnit,
  };
}

/**
 * Attributed revenue and the spend behind it, for {@link returnOnAdSpend} and {@link returnOnInvestment}.
 *
 * @public
 */
export interface AdRevenueData {
  /** Spend, > 0. */
  readonly cost: number;
  /** Attributed revenue, >= 0. */
  readonly revenue: number;
  /**
   * Sum of the squared order values behind `revenue`, >= 0 (a warehouse `SUM(value * value)`); when
   * given, the result has an interval.
   */
  readonly revenueSumSquares?: number;
}

/**
 * Options of {@link returnOnAdSpend} and {@link returnOnInvestment}.
 *
 * @public
 */
export interface ReturnKpiOptions {
  /**
   * Coverage of the two-sided interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link returnOnAdSpend} or {@link returnOnInvestment}.
 *
 * @public
 */
export interface ReturnKpiResult extends KpiResult {
  /** Spend, as given. */
  readonly cost: number;
  /** Revenue, as given. */
  readonly revenue: number;
  /** Standard error of the estimate (`null` without `revenueSumSquares`). */
  readonly standardError: number | null;
}

/** Validated revenue data and level, with the revenue's compound-Poisson standard error. @internal */
export interface RevenueInput {
  readonly cost: number;
  readonly revenue: number;
  readonly revenueStandardError: number | null;
  readonly level: number;
  readonly z: number;
}

/**
 * Parses `{ cost, revenue, revenueSumSquares? }` and `{ confidenceLevel, ...extra }` for a return KPI.
 * @internal
 */
export function parseRevenue<E extends Record<string, z.core.SomeType>>(
  functionName: string,
  data: unknown,
  options: unknown,
  extra: E,
): RevenueInput & { readonly options: Record<string, unknown> } {
  const schema = z.object({
    data: z.strictObject(
      { cost: positiveNumber(), revenue: nonNegativeNumber(), revenueSumSquares: z.optional(nonNegativeNumber()) },
      { error: "must be an object { cost, revenue, revenueSumSquares? } with no other keys" },
    ),
    options: z.strictObject(
      { confidenceLevel: z.optional(openUnitInterval()), ...extra },
      { error: "must be an object of known options" },
    ),
  });
  const args = parseArguments(functionName, schema, { data, options }) as {
    data: AdRevenueData;
    options: Record<string, unknown> & { confidenceLevel?: number };
  };
  const level = args.options.confidenceLevel ?? 0.95;
  const sumSquares = args.data.revenueSumSquares;
  return {
    cost: args.data.cost,
    revenue: args.data.revenue,
    revenueStandardError: sumSquares === undefined ? null : Math.sqrt(sumSquares),
    level,
    z: criticalValue("two-sided", level, standardNormal),
    options: args.options,
  };
}
