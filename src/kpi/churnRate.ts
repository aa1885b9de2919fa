import { type RateKpiOptions, type RateKpiResult, rateKpi } from "./shared.js";

/**
 * Customers at the start of a period and how many of them left during it.
 *
 * @public
 */
export interface ChurnData {
  /** Customers at the start of the period: an integer >= 1. */
  readonly customersAtStart: number;
  /** Of those, how many churned during the period: an integer in [0, customersAtStart]. */
  readonly churned: number;
}

/**
 * Period churn rate (churned / customers at the start) with a confidence interval.
 *
 * @remarks
 * ```math
 * \widehat{c} = \frac{\text{churned}}{\text{customers at start}},\qquad \text{retention } r = 1 - c
 * ```
 *
 * Method: the cohort definition (customers acquired during the period are left out of both counts),
 * so churn is a binomial proportion and the interval is {@link proportionConfidenceInterval}'s
 * (Wilson by default). The retention rate for {@link customerLifetimeValue} is `1 − estimate`, with
 * interval `[1 − upper, 1 − lower]`.
 *
 * Conforms to statsmodels `proportion_confint(churned, customersAtStart, method)`; fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Fader, P. S., and B. G. S. Hardie. 2007. "How to Project Customer Retention." _Journal of
 * Interactive Marketing_ 21 (1): 76–90. doi:10.1002/dir.20074
 *
 * @param data - `{ customersAtStart, churned }`: integers, customersAtStart >= 1, churned <= customersAtStart.
 * @param options - See {@link RateKpiOptions}.
 * @returns A {@link RateKpiResult} with `estimate` = churned/customersAtStart.
 * @throws {@link InvalidArgumentError} if a count is negative or fractional, customersAtStart is 0,
 * churned exceeds it, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = churnRate({ customersAtStart: 1200, churned: 54 });
 * r.estimate;           // 0.045
 * r.confidenceInterval; // ≈ { lower: 0.034652, upper: 0.058252, level: 0.95 }
 * ```
 * @see {@link customerLifetimeValue}
 * @since 0.1.0
 * @public
 */
export function churnRate(data: ChurnData, options: RateKpiOptions = {}): RateKpiResult {
  return rateKpi(
    { functionName: "churnRate", metric: "churn rate", events: "churned", units: "customersAtStart" },
    data,
    options,
  );
}
