import type { ProportionData } from "../types.js";
import { type RateKpiOptions, type RateKpiResult, rateKpi } from "./shared.js";

/**
 * Conversion rate (conversions / visitors) with a confidence interval.
 *
 * @remarks
 * ```math
 * \widehat{CR} = \frac{\text{conversions}}{\text{visitors}}
 * ```
 *
 * Method: the interval is {@link proportionConfidenceInterval}'s (Wilson score by default; Brown, Cai
 * and DasGupta 2001 recommend it over the Wald interval, which collapses at 0 or all conversions).
 * Each visitor counts once, so conversions are at most visitors; for conversions per session or
 * repeat purchases use a ratio metric instead.
 *
 * Conforms to statsmodels `proportion_confint(conversions, visitors, method = "wilson")` (and its other
 * methods); fixtures in `test/fixtures/kpi/kpis/`.
 *
 * @reference Brown, L. D., T. T. Cai, and A. DasGupta. 2001. "Interval Estimation for a Binomial
 * Proportion." _Statistical Science_ 16 (2): 101–33. doi:10.1214/ss/1009213286
 *
 * @param data - `{ visitors, conversions }`: integers, visitors >= 1, 0 <= conversions <= visitors.
 * @param options - See {@link RateKpiOptions}.
 * @returns A {@link RateKpiResult} with `estimate` = conversions/visitors.
 * @throws {@link InvalidArgumentError} if a count is negative or fractional, visitors is 0,
 * conversions exceed visitors, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = conversionRate({ visitors: 2400, conversions: 96 });
 * r.estimate;           // 0.04
 * r.confidenceInterval; // ≈ { lower: 0.032867, upper: 0.048603, level: 0.95 }
 * ```
 * @see {@link clickThroughRate}, {@link churnRate}
 * @since 0.1.0
 * @public
 */
export function conversionRate(data: ProportionData, options: RateKpiOptions = {}): RateKpiResult {
  return rateKpi(
    { functionName: "conversionRate", metric: "conversion rate", events: "conversions", units: "visitors" },
    data,
    options,
  );
}
