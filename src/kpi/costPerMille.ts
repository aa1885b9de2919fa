import { type CostKpiOptions, type CostKpiResult, costKpi } from "./shared.js";

/**
 * Spend and the impressions it bought.
 *
 * @public
 */
export interface ImpressionCostData {
  /** Spend, >= 0 (any currency). */
  readonly cost: number;
  /** Impressions served: an integer >= 0. */
  readonly impressions: number;
}

/**
 * Cost per mille (cost per thousand impressions) with a confidence interval.
 *
 * @remarks
 * ```math
 * \widehat{CPM} = \frac{1000\,\text{cost}}{\text{impressions}},\qquad
 * \text{exact: } \Big[\frac{1000\,\text{cost}}{\mu_U},\ \frac{1000\,\text{cost}}{\mu_L}\Big],\
 * \mu_L = \tfrac12\chi^2_{\alpha/2}(2x),\ \mu_U = \tfrac12\chi^2_{1-\alpha/2}(2x+2)
 * ```
 *
 * Method: the spend is fixed and the impressions it buys are a Poisson count x (auction outcomes);
 * the interval inverts Garwood's exact interval for the expected count (`interval: "exact"`), or is
 * `CPM ± z·CPM/√x` (delta method, `interval: "delta"`). For millions of impressions the interval is
 * narrow; it matters for small line items. At 0 impressions the CPM is `Infinity` (nothing was bought
 * for the spend); a spend of 0 gives 0.
 *
 * Conforms to R `poisson.test(x)$conf.int` (Garwood) mapped through `1000·cost/μ`; fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Garwood, F. 1936. "Fiducial Limits for the Poisson Distribution." _Biometrika_ 28 (3–4):
 * 437–42. doi:10.1093/biomet/28.3-4.437
 *
 * @param data - `{ cost, impressions }`: cost >= 0, impressions an integer >= 0.
 * @param options - See {@link CostKpiOptions}.
 * @returns A {@link CostKpiResult} with `estimate` = 1000·cost/impressions.
 * @throws {@link InvalidArgumentError} if cost is negative or not finite, impressions is negative or
 * fractional, or an option is out of range.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` for `interval: "delta"` at 0 impressions.
 *
 * @example
 * ```ts
 * const r = costPerMille({ cost: 250, impressions: 40000 });
 * r.estimate;           // 6.25
 * r.confidenceInterval; // ≈ { lower: 6.1890, upper: 6.3117, level: 0.95 }
 * ```
 * @see {@link costPerAcquisition}
 * @since 0.1.0
 * @public
 */
export function costPerMille(data: ImpressionCostData, options: CostKpiOptions = {}): CostKpiResult {
  return costKpi(
    {
      functionName: "costPerMille",
      metric: "cost per mille (per 1000 impressions)",
      events: "impressions",
      eventsPerUnit: 1000,
    },
    data,
    options,
  );
}
