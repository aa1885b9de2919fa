import { type RateKpiOptions, type RateKpiResult, rateKpi } from "./shared.js";

/**
 * Clicks and the impressions they came from.
 *
 * @public
 */
export interface ClickData {
  /** Impressions served: an integer >= 1. */
  readonly impressions: number;
  /** Clicks: an integer in [0, impressions]. */
  readonly clicks: number;
}

/**
 * Click-through rate (clicks / impressions) with a confidence interval.
 *
 * @remarks
 * ```math
 * \widehat{CTR} = \frac{\text{clicks}}{\text{impressions}}
 * ```
 *
 * Method: the interval is {@link proportionConfidenceInterval}'s (Wilson score by default), treating
 * each impression as a Bernoulli trial. Counting several clicks on one impression breaks that model
 * (use unique clicks).
 *
 * Conforms to statsmodels `proportion_confint(clicks, impressions, method)`; fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Wilson, E. B. 1927. "Probable Inference, the Law of Succession, and Statistical Inference."
 * _Journal of the American Statistical Association_ 22 (158): 209–12. doi:10.1080/01621459.1927.10502953
 *
 * @param data - `{ impressions, clicks }`: integers, impressions >= 1, 0 <= clicks <= impressions.
 * @param options - See {@link RateKpiOptions}.
 * @returns A {@link RateKpiResult} with `estimate` = clicks/impressions.
 * @throws {@link InvalidArgumentError} if a count is negative or fractional, impressions is 0, clicks
 * exceed impressions, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = clickThroughRate({ impressions: 50000, clicks: 600 }, { method: "clopper-pearson" });
 * r.estimate;           // 0.012
 * r.confidenceInterval; // ≈ { lower: 0.011064, upper: 0.012993, level: 0.95 }
 * ```
 * @see {@link conversionRate}
 * @since 0.1.0
 * @public
 */
export function clickThroughRate(data: ClickData, options: RateKpiOptions = {}): RateKpiResult {
  return rateKpi(
    { functionName: "clickThroughRate", metric: "click-through rate", events: "clicks", units: "impressions" },
    data,
    options,
  );
}
