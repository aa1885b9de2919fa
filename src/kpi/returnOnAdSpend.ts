import { type AdRevenueData, parseRevenue, type ReturnKpiOptions, type ReturnKpiResult } from "./shared.js";

/**
 * Return on ad spend (revenue / cost) with a confidence interval when the order values are summarised.
 *
 * @remarks
 * ```math
 * \widehat{ROAS} = \frac{R}{C},\qquad R = \sum_{i=1}^{N} v_i,\qquad
 * \widehat{SE} = \frac{\sqrt{\sum_i v_i^2}}{C}
 * ```
 *
 * Method: the spend C is fixed; the revenue is a compound Poisson sum of N order values v_i (the number
 * of orders is random, each order's value too), whose variance `E[N]·E[v²]` is estimated without bias
 * by `Σ v_i²` (delta method with a constant denominator). The interval is `ROAS ± z·SE`, its lower
 * bound clipped at 0. Without `revenueSumSquares` the result has no interval.
 *
 * Conforms to the closed form above (R script with seeded order values); fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Feller, W. 1968. _An Introduction to Probability Theory and Its Applications_. Vol. 1.
 * 3rd ed. Wiley. (Compound Poisson sums, ch. XII.)
 * @reference Deng, A., U. Knoblich, and J. Lu. 2018. "Applying the Delta Method in Metric Analytics: A
 * Practical Guide with Novel Ideas." _KDD 2018_: 233–42. doi:10.1145/3219819.3219919
 *
 * @param data - `{ cost, revenue, revenueSumSquares? }`: cost > 0, revenue >= 0, sum of squares >= 0.
 * @param options - See {@link ReturnKpiOptions}.
 * @returns A {@link ReturnKpiResult} with `estimate` = revenue/cost.
 * @throws {@link InvalidArgumentError} if cost is not positive, revenue or the sum of squares is
 * negative or not finite, or an option is out of range.
 *
 * @example
 * ```ts
 * // 150 orders worth 18,000 in total, Σ v² = 2,500,000, from 6,000 of spend
 * const r = returnOnAdSpend({ cost: 6000, revenue: 18000, revenueSumSquares: 2_500_000 });
 * r.estimate;           // 3
 * r.standardError;      // ≈ 0.26352
 * r.confidenceInterval; // ≈ { lower: 2.4835, upper: 3.5165, level: 0.95 }
 * ```
 * @see {@link returnOnInvestment}, {@link costPerAcquisition}
 * @since 0.1.0
 * @public
 */
export function returnOnAdSpend(data: AdRevenueData, options: ReturnKpiOptions = {}): ReturnKpiResult {
  const r = parseRevenue("returnOnAdSpend", data, options, {});
  const estimate = r.revenue / r.cost;
  const standardError = r.revenueStandardError === null ? null : r.revenueStandardError / r.cost;
  return {
    metric: "return on ad spend",
    method:
      standardError === null
        ? "no interval: give revenueSumSquares for one"
        : "delta-method interval: revenue a compound Poisson sum, variance Σ v²",
    estimate,
    confidenceInterval:
      standardError === null
        ? null
        : { lower: Math.max(0, estimate - r.z * standardError), upper: estimate + r.z * standardError, level: r.level },
    cost: r.cost,
    revenue: r.revenue,
    standardError,
  };
}
