import * as z from "zod/mini";
import { finiteNumber } from "../internal/validate.js";
import { type AdRevenueData, parseRevenue, type ReturnKpiOptions, type ReturnKpiResult } from "./shared.js";

/**
 * Options of {@link returnOnInvestment}.
 *
 * @public
 */
export interface ReturnOnInvestmentOptions extends ReturnKpiOptions {
  /**
   * Share of revenue that is profit before marketing (gross margin), in (0, 1]; 1 treats revenue as
   * profit.
   * @defaultValue 1
   */
  readonly grossMargin?: number;
}

/**
 * Result of {@link returnOnInvestment}.
 *
 * @public
 */
export interface ReturnOnInvestmentResult extends ReturnKpiResult {
  /** The gross margin used. */
  readonly grossMargin: number;
}

/**
 * Marketing return on investment ((margin·revenue − cost) / cost) with a confidence interval when the
 * order values are summarised.
 *
 * @remarks
 * ```math
 * \widehat{ROI} = \frac{g R - C}{C},\qquad \widehat{SE} = \frac{g\sqrt{\sum_i v_i^2}}{C}
 * ```
 *
 * with gross margin g. Method: as {@link returnOnAdSpend} (`ROI = g·ROAS − 1`): the revenue is a
 * compound Poisson sum with variance estimated by `Σ v_i²`; the interval is `ROI ± z·SE` with its lower
 * bound clipped at −1 (all spend lost). Without `revenueSumSquares` there is no interval.
 *
 * Conforms to the closed form above (R script with seeded order values); fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Farris, P. W., N. T. Bendle, P. E. Pfeifer, and D. J. Reibstein. 2010. _Marketing
 * Metrics: The Definitive Guide to Measuring Marketing Performance_. 2nd ed. Pearson. (ROMI, ch. 10.)
 *
 * @param data - `{ cost, revenue, revenueSumSquares? }`: cost > 0, revenue >= 0, sum of squares >= 0.
 * @param options - See {@link ReturnOnInvestmentOptions}.
 * @returns A {@link ReturnOnInvestmentResult} with `estimate` = (g·revenue − cost)/cost.
 * @throws {@link InvalidArgumentError} if cost is not positive, revenue or the sum of squares is
 * negative or not finite, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = returnOnInvestment({ cost: 6000, revenue: 18000, revenueSumSquares: 2_500_000 }, { grossMargin: 0.4 });
 * r.estimate;           // ≈ 0.2
 * r.confidenceInterval; // ≈ { lower: -0.0065983, upper: 0.40660, level: 0.95 }
 * ```
 * @see {@link returnOnAdSpend}
 * @since 0.1.0
 * @public
 */
export function returnOnInvestment(
  data: AdRevenueData,
  options: ReturnOnInvestmentOptions = {},
): ReturnOnInvestmentResult {
  const r = parseRevenue("returnOnInvestment", data, options, {
    grossMargin: z.optional(
      finiteNumber().check(z.gt(0, { error: "must be > 0" }), z.lte(1, { error: "must be <= 1" })),
    ),
  });
  const g = (r.options["grossMargin"] as number | undefined) ?? 1;
  const estimate = (g * r.revenue - r.cost) / r.cost;
  const standardError = r.revenueStandardError === null ? null : (g * r.revenueStandardError) / r.cost;
  return {
    metric: "return on investment",
    method:
      standardError === null
        ? "no interval: give revenueSumSquares for one"
        : "delta-method interval: revenue a compound Poisson sum, variance Σ v²",
    estimate,
    confidenceInterval:
      standardError === null
        ? null
        : {
            lower: Math.max(-1, estimate - r.z * standardError),
            upper: estimate + r.z * standardError,
            level: r.level,
          },
    cost: r.cost,
    revenue: r.revenue,
    standardError,
    grossMargin: g,
  };
}
