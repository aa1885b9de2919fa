import * as z from "zod/mini";
import { nonNegativeNumber, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";
import type { ProportionIntervalMethod } from "../significance/proportionConfidenceInterval.js";
import { resolveRetention, retentionChecks, retentionShape } from "./retention.js";
import type { KpiResult } from "./shared.js";

const NAME = "paybackPeriod";

/**
 * What a customer costs to acquire, earns per period, and how long they stay.
 *
 * @public
 */
export interface PaybackPeriodData {
  /** Acquisition cost per customer (CAC), > 0. */
  readonly acquisitionCost: number;
  /** Contribution margin per customer per period, > 0. */
  readonly marginPerPeriod: number;
  /** Per-period retention probability in [0, 1] (give at most one form of retention; default 1). */
  readonly retentionRate?: number;
  /** Per-period churn probability in [0, 1]; retention is `1 − churnRate`. */
  readonly churnRate?: number;
  /** Cohort size at the start of a period (with `retained`): gives an interval. */
  readonly customersAtStart?: number;
  /** Of `customersAtStart`, how many were still customers at its end. */
  readonly retained?: number;
}

/**
 * Options of {@link paybackPeriod}.
 *
 * @public
 */
export interface PaybackPeriodOptions {
  /**
   * Discount rate per period, >= 0.
   * @defaultValue 0
   */
  readonly discountRate?: number;
  /**
   * The retention interval when counts are given.
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
 * Result of {@link paybackPeriod}.
 *
 * @public
 */
export interface PaybackPeriodResult extends KpiResult {
  /** Whether the expected cumulative margin ever reaches the acquisition cost. */
  readonly paidBack: boolean;
  /** Smallest whole number of periods whose cumulative margin reaches the cost (`Infinity` if never). */
  readonly wholePeriods: number;
  /** The per-period retention rate used. */
  readonly retentionRate: number;
  /** Discount rate per period, as used. */
  readonly discountRate: number;
}

const schema = z.object({
  data: z
    .strictObject(
      { acquisitionCost: positiveNumber(), marginPerPeriod: positiveNumber(), ...retentionShape },
      { error: "must be an object { acquisitionCost, marginPerPeriod, retention? }" },
    )
    .check(
      z.refine(
        (d) =>
          (d.retentionRate !== undefined ? 1 : 0) +
            (d.churnRate !== undefined ? 1 : 0) +
            (d.customersAtStart !== undefined || d.retained !== undefined ? 1 : 0) <=
          1,
        { error: "give at most one of retentionRate, churnRate, or customersAtStart with retained" },
      ),
      ...retentionChecks.slice(1),
    ),
  options: z.strictObject(
    {
      discountRate: z.optional(nonNegativeNumber()),
      method: z.optional(
        z.enum(["wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"], {
          error: 'must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
        }),
      ),
      confidenceLevel: z.optional(openUnitInterval()),
    },
    { error: "must be an object of known options" },
  ),
});

/**
 * Payback period: how many periods of expected (retained, discounted) margin repay the acquisition
 * cost, with an interval when retention comes from cohort counts.
 *
 * @remarks
 * Margin m arrives at the start of each period and survives with retention r, discounted at d; the
 * expected cumulative margin after t periods is `m(1 − q^t)/(1 − q)`, q = r/(1 + d), and the payback
 * period solves it equal to the acquisition cost AC:
 *
 * ```math
 * t^* = \frac{\ln\!\big(1 - AC(1-q)/m\big)}{\ln q}\quad (q < 1),\qquad t^* = \frac{AC}{m}\quad (q = 1)
 * ```
 *
 * `t* = Infinity` (`paidBack: false`) when `AC ≥ m/(1 − q)`, the lifetime value. `wholePeriods` is
 * the smallest integer t with cumulative margin >= AC (the first period counts once paid). Method:
 * closed form with `log1p`; with counts, the retention interval (Wilson by default) is mapped through
 * t*, which decreases in r. With neither r nor d the classic `CAC / monthly margin`.
 *
 * Conforms to the cumulative series summed term by term in 50-digit mpmath (root by `findroot`);
 * fixtures in `test/fixtures/kpi/kpis/`.
 *
 * @reference Gupta, S., and D. R. Lehmann. 2003. "Customers as Assets." _Journal of Interactive
 * Marketing_ 17 (1): 9–24. doi:10.1002/dir.10045
 *
 * @param data - See {@link PaybackPeriodData}.
 * @param options - See {@link PaybackPeriodOptions}.
 * @returns A {@link PaybackPeriodResult} with `estimate` = t* in periods.
 * @throws {@link InvalidArgumentError} if cost or margin is not positive, retention is given twice,
 * out of [0, 1] or inconsistent, or an option is out of range.
 *
 * @example
 * ```ts
 * paybackPeriod({ acquisitionCost: 120, marginPerPeriod: 15 }).estimate; // 8
 * const r = paybackPeriod({ acquisitionCost: 120, marginPerPeriod: 15, churnRate: 0.05 }, { discountRate: 0.01 });
 * r.estimate;     // ≈ 10.529
 * r.wholePeriods; // 11
 * ```
 * @see {@link customerLifetimeValue}
 * @since 0.1.0
 * @public
 */
export function paybackPeriod(data: PaybackPeriodData, options: PaybackPeriodOptions = {}): PaybackPeriodResult {
  const args = parseArguments(NAME, schema, { data, options });
  const d = args.options.discountRate ?? 0;
  const level = args.options.confidenceLevel ?? 0.95;
  const { acquisitionCost: cost, marginPerPeriod: m } = args.data;
  const noRetention =
    args.data.retentionRate === undefined &&
    args.data.churnRate === undefined &&
    args.data.customersAtStart === undefined;
  const retention = noRetention
    ? { rate: 1, interval: null, words: "" }
    : resolveRetention(args.data, args.options.method ?? "wilson", level);
  const periods = (r: number): number => {
    const q = r / (1 + d);
    if (q === 1) return cost / m;
    const x = (cost * (1 - q)) / m; // the share of the lifetime value that repays AC
    if (!(x < 1)) return Number.POSITIVE_INFINITY;
    if (q === 0) return 1;
    return Math.log1p(-x) / Math.log(q);
  };
  const estimate = periods(retention.rate);
  // Smallest integer t with m(1 − q^t)/(1 − q) >= AC: ceil(t*), guarded against rounding at integers.
  let wholePeriods = Number.POSITIVE_INFINITY;
  if (Number.isFinite(estimate)) {
    const q = retention.rate / (1 + d);
    const cumulative = (t: number) => (q === 1 ? m * t : (m * -Math.expm1(t * Math.log(q))) / (1 - q));
    wholePeriods = Math.max(1, Math.ceil(estimate - 1e-9));
    if (cumulative(wholePeriods) < cost * (1 - 1e-12)) wholePeriods += 1;
  }
  let confidenceInterval = null;
  if (retention.interval !== null) {
    confidenceInterval = { lower: periods(retention.interval.upper), upper: periods(retention.interval.lower), level };
  }
  return {
    metric: "payback period (periods)",
    method:
      confidenceInterval === null
        ? "closed form; no interval (retention known)"
        : `closed form; interval: the retention rate's ${retention.words} mapped through the payback period`,
    estimate,
    confidenceInterval,
    paidBack: Number.isFinite(estimate),
    wholePeriods,
    retentionRate: retention.rate,
    discountRate: d,
  };
}
