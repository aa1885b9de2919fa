import * as z from "zod/mini";
import { InvalidArgumentError } from "../errors.js";
import {
  finiteNumber,
  integerAtLeast,
  nonNegativeNumber,
  openUnitInterval,
  parseArguments,
} from "../internal/validate.js";
import type { ProportionIntervalMethod } from "../significance/proportionConfidenceInterval.js";
import { resolveRetention, retentionChecks, retentionShape } from "./retention.js";
import type { KpiResult } from "./shared.js";

const NAME = "customerLifetimeValue";

/**
 * What a customer is worth per period and how long they stay.
 *
 * @public
 */
export interface CustomerLifetimeValueData {
  /** Contribution margin per customer per period (revenue minus variable cost), finite. */
  readonly marginPerPeriod: number;
  /** Per-period retention probability in [0, 1] (give one of the three forms of retention). */
  readonly retentionRate?: number;
  /** Per-period churn probability in [0, 1]; retention is `1 − churnRate`. */
  readonly churnRate?: number;
  /** Cohort size at the start of a period (with `retained`): gives an interval. */
  readonly customersAtStart?: number;
  /** Of `customersAtStart`, how many were still customers at its end. */
  readonly retained?: number;
}

/**
 * Options of {@link customerLifetimeValue}.
 *
 * @public
 */
export interface CustomerLifetimeValueOptions {
  /**
   * Discount rate per period, >= 0 (e.g. 0.01 a month).
   * @defaultValue 0
   */
  readonly discountRate?: number;
  /**
   * Number of periods counted, an integer >= 1, or `Infinity`.
   * @defaultValue Infinity
   */
  readonly horizon?: number;
  /**
   * Acquisition cost subtracted from the value, >= 0.
   * @defaultValue 0
   */
  readonly acquisitionCost?: number;
  /**
   * The retention interval when counts are given (see {@link proportionConfidenceInterval}).
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
 * Result of {@link customerLifetimeValue}.
 *
 * @public
 */
export interface CustomerLifetimeValueResult extends KpiResult {
  /** The per-period retention rate used. */
  readonly retentionRate: number;
  /** Discount rate per period, as used. */
  readonly discountRate: number;
  /** Periods counted, as used (`Infinity` for no limit). */
  readonly horizon: number;
  /** Acquisition cost subtracted, as used. */
  readonly acquisitionCost: number;
  /** Expected customer lifetime in periods within the horizon, `Σ r^t` (undiscounted). */
  readonly expectedLifetime: number;
}

const schema = z.object({
  data: z
    .strictObject(
      { marginPerPeriod: finiteNumber(), ...retentionShape },
      { error: "must be an object { marginPerPeriod, retentionRate | churnRate | customersAtStart + retained }" },
    )
    .check(...retentionChecks),
  options: z.strictObject(
    {
      discountRate: z.optional(nonNegativeNumber()),
      horizon: z.optional(
        z.union([integerAtLeast(1), z.literal(Number.POSITIVE_INFINITY)], {
          error: "must be an integer >= 1 or Infinity",
        }),
      ),
      acquisitionCost: z.optional(nonNegativeNumber()),
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

/** Horizons summed term by term (Horner); longer ones use the closed form. */
const HORNER_MAX = 1200;

/**
 * `Σ_{t=0}^{T−1} q^t` for q in [0, ∞), T >= 1 or Infinity (q < 1); without cancellation near q = 1.
 * @internal
 */
export function geometricSum(q: number, horizon: number): number {
  if (q === 1) return horizon;
  if (horizon === Number.POSITIVE_INFINITY) return 1 / (1 - q);
  if (q === 0) return 1;
  if (horizon <= HORNER_MAX) {
    // 1 + q(1 + q(1 + …)): exact for T = 1, error about T·eps otherwise.
    let sum = 1;
    for (let t = 1; t < horizon; t++) sum = 1 + q * sum;
    return sum;
  }
  return -Math.expm1(horizon * Math.log(q)) / (1 - q);
}

/**
 * Customer lifetime value: the expected discounted margin of a customer over a horizon, with an
 * interval when retention comes from cohort counts.
 *
 * @remarks
 * With margin m per period, retention r, discount rate d and horizon T (margin at the start of each
 * period, the first undiscounted; acquisition cost AC):
 *
 * ```math
 * CLV = m\sum_{t=0}^{T-1}\Big(\frac{r}{1+d}\Big)^t - AC = m\,\frac{1 - q^T}{1 - q} - AC,\quad q = \frac{r}{1+d};\qquad
 * T = \infty:\ CLV = \frac{m(1+d)}{1+d-r} - AC
 * ```
 *
 * (Gupta and Lehmann 2003). Method: the geometric sum by Horner's rule for horizons up to 1200 periods, else in closed form
 * (`expm1`/`log`, accurate near q = 1). With
 * `customersAtStart` and `retained` the retention rate is estimated and its proportion interval
 * (Wilson by default) is mapped through CLV, which is monotone in r (increasing for m >= 0), so the
 * interval keeps its coverage; with a known rate there is no interval. CLV increases with retention
 * and margin and decreases with the discount rate.
 *
 * Edge cases: r = 1 with d = 0 and an infinite horizon has no finite value (`InvalidArgumentError` on
 * `horizon`); an interval whose upper retention bound is 1 then has upper bound `Infinity`.
 *
 * Conforms to the series summed term by term in 50-digit mpmath; fixtures in `test/fixtures/kpi/kpis/`.
 *
 * @reference Gupta, S., and D. R. Lehmann. 2003. "Customers as Assets." _Journal of Interactive
 * Marketing_ 17 (1): 9–24. doi:10.1002/dir.10045
 * @reference Berger, P. D., and N. I. Nasr. 1998. "Customer Lifetime Value: Marketing Models and
 * Applications." _Journal of Interactive Marketing_ 12 (1): 17–30.
 * doi:10.1002/(SICI)1520-6653(199824)12:1<17::AID-DIR3>3.0.CO;2-K
 *
 * @param data - See {@link CustomerLifetimeValueData}: the margin and exactly one form of retention.
 * @param options - See {@link CustomerLifetimeValueOptions}.
 * @returns A {@link CustomerLifetimeValueResult} with `estimate` = CLV.
 * @throws {@link InvalidArgumentError} if the margin is not finite, retention is missing, given twice,
 * out of [0, 1] or inconsistent, an option is out of range, or the value is infinite (r = 1, d = 0,
 * T = ∞).
 *
 * @example
 * ```ts
 * customerLifetimeValue({ marginPerPeriod: 20, churnRate: 0.05 }, { discountRate: 0.01 }).estimate;
 * // ≈ 336.67 (= 20·1.01/0.06)
 * const r = customerLifetimeValue({ marginPerPeriod: 20, customersAtStart: 1200, retained: 1146 },
 *   { discountRate: 0.01, horizon: 36 });
 * r.estimate;           // ≈ 318.35
 * r.confidenceInterval; // ≈ { lower: 272.12, upper: 363.56, level: 0.95 }
 * ```
 * @see {@link churnRate}, {@link paybackPeriod}
 * @since 0.1.0
 * @public
 */
export function customerLifetimeValue(
  data: CustomerLifetimeValueData,
  options: CustomerLifetimeValueOptions = {},
): CustomerLifetimeValueResult {
  const args = parseArguments(NAME, schema, { data, options });
  const d = args.options.discountRate ?? 0;
  const horizon = args.options.horizon ?? Number.POSITIVE_INFINITY;
  const acquisitionCost = args.options.acquisitionCost ?? 0;
  const level = args.options.confidenceLevel ?? 0.95;
  const retention = resolveRetention(args.data, args.options.method ?? "wilson", level);
  const m = args.data.marginPerPeriod;
  if (horizon === Number.POSITIVE_INFINITY && retention.rate === 1 && d === 0) {
    throw new InvalidArgumentError(NAME, [
      {
        path: ["options", "horizon"],
        message: "must be finite when retention is 1 and the discount rate 0 (the value would be infinite)",
      },
    ]);
  }
  const value = (r: number): number => {
    const sum =
      r === 1 && d === 0 && horizon === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : geometricSum(r / (1 + d), horizon);
    return m === 0 ? -acquisitionCost : m * sum - acquisitionCost;
  };
  const estimate = value(retention.rate);
  let confidenceInterval = null;
  if (retention.interval !== null) {
    const a = value(retention.interval.lower);
    const b = value(retention.interval.upper);
    confidenceInterval = { lower: Math.min(a, b), upper: Math.max(a, b), level };
  }
  return {
    metric: "customer lifetime value",
    method:
      confidenceInterval === null
        ? "geometric sum; no interval (retention given as a rate)"
        : `geometric sum; interval: the retention rate's ${retention.words} mapped through CLV`,
    estimate,
    confidenceInterval,
    retentionRate: retention.rate,
    discountRate: d,
    horizon,
    acquisitionCost,
    expectedLifetime:
      retention.rate === 1 && horizon === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : geometricSum(retention.rate, horizon),
  };
}
