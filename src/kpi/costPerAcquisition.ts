import { type CostKpiOptions, type CostKpiResult, costKpi } from "./shared.js";

/**
 * Spend and the conversions it bought.
 *
 * @public
 */
export interface AcquisitionCostData {
  /** Spend, >= 0 (any currency). */
  readonly cost: number;
  /** Conversions (acquisitions): an integer >= 0. */
  readonly conversions: number;
}

/**
 * Cost per acquisition (cost / conversions) with a confidence interval.
 *
 * @remarks
 * ```math
 * \widehat{CPA} = \frac{\text{cost}}{x},\qquad
 * \text{exact: } \Big[\frac{\text{cost}}{\mu_U},\ \frac{\text{cost}}{\mu_L}\Big],\
 * \mu_L = \tfrac12\chi^2_{\alpha/2}(2x),\ \mu_U = \tfrac12\chi^2_{1-\alpha/2}(2x+2);\qquad
 * \text{delta: } \widehat{CPA} \pm z\,\frac{\widehat{CPA}}{\sqrt{x}}
 * ```
 *
 * Method: the spend is fixed and the conversions x it produced are a Poisson count (rare events among
 * many clicks); the exact interval inverts Garwood's interval for the expected conversions (CPA is
 * decreasing in it). The delta interval follows from `Var(x) = x`: `SE(cost/x) ≈ cost/x^{3/2}`. At 0
 * conversions the CPA is `Infinity` and the exact upper bound too (a lower bound remains: the spend
 * over the largest plausible expected count); a spend of 0 gives 0.
 *
 * Conforms to R `cost / rev(poisson.test(x)$conf.int)` (exact) and the closed-form delta interval;
 * fixtures in `test/fixtures/kpi/kpis/`.
 *
 * @reference Garwood, F. 1936. "Fiducial Limits for the Poisson Distribution." _Biometrika_ 28 (3–4):
 * 437–42. doi:10.1093/biomet/28.3-4.437
 *
 * @param data - `{ cost, conversions }`: cost >= 0, conversions an integer >= 0.
 * @param options - See {@link CostKpiOptions}.
 * @returns A {@link CostKpiResult} with `estimate` = cost/conversions.
 * @throws {@link InvalidArgumentError} if cost is negative or not finite, conversions is negative or
 * fractional, or an option is out of range.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` for `interval: "delta"` at 0 conversions.
 *
 * @example
 * ```ts
 * const r = costPerAcquisition({ cost: 5000, conversions: 125 });
 * r.estimate;           // 40
 * r.confidenceInterval; // ≈ { lower: 33.572, upper: 48.054, level: 0.95 }
 * costPerAcquisition({ cost: 5000, conversions: 125 }, { interval: "delta" }).confidenceInterval;
 * // ≈ { lower: 32.988, upper: 47.012, level: 0.95 }
 * ```
 * @see {@link costPerMille}, {@link returnOnAdSpend}
 * @since 0.1.0
 * @public
 */
export function costPerAcquisition(data: AcquisitionCostData, options: CostKpiOptions = {}): CostKpiResult {
  return costKpi(
    { functionName: "costPerAcquisition", metric: "cost per acquisition", events: "conversions", eventsPerUnit: 1 },
    data,
    options,
  );
}
