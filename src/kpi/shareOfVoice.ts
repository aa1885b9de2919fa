import * as z from "zod/mini";
import { nonNegativeNumber, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";
import {
  type ProportionIntervalMethod,
  proportionConfidenceInterval,
} from "../significance/proportionConfidenceInterval.js";
import type { KpiResult, RateKpiOptions } from "./shared.js";

const NAME = "shareOfVoice";

/**
 * A brand's part of the market's voice: mentions, impressions or spend.
 *
 * @public
 */
export interface ShareOfVoiceData {
  /** The brand's mentions, impressions or spend, >= 0. */
  readonly brand: number;
  /** The whole market's (brand included), > 0 and >= brand. */
  readonly total: number;
}

/**
 * Result of {@link shareOfVoice}.
 *
 * @public
 */
export interface ShareOfVoiceResult extends KpiResult {
  /** The brand's amount, as given. */
  readonly brand: number;
  /** The market's amount, as given. */
  readonly total: number;
  /** The interval's key when there is one (counts), otherwise `null`. */
  readonly intervalMethod: ProportionIntervalMethod | null;
}

const schema = z.object({
  data: z
    .strictObject(
      { brand: nonNegativeNumber(), total: positiveNumber() },
      { error: "must be an object { brand, total }" },
    )
    .check(z.refine((d) => !(d.brand > d.total), { error: "must be <= total", path: ["brand"] })),
  options: z.strictObject(
    {
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
 * Share of voice (brand / market) with a confidence interval when both are counts.
 *
 * @remarks
 * ```math
 * SOV = \frac{\text{brand}}{\text{total}}
 * ```
 *
 * Method: when both amounts are integers (mentions in a sample of social posts, impressions in a panel)
 * the share is a binomial proportion and the interval is {@link proportionConfidenceInterval}'s
 * (Wilson by default); shares of spend are ratios of recorded totals and carry no interval
 * (`confidenceInterval: null`).
 *
 * Conforms to statsmodels `proportion_confint(brand, total, method)` for counts; fixtures in
 * `test/fixtures/kpi/kpis/`.
 *
 * @reference Binet, L., and P. Field. 2013. _The Long and the Short of It: Balancing Short and
 * Long-Term Marketing Strategies_. IPA. (Share of voice and market share.)
 *
 * @param data - `{ brand, total }`: brand >= 0, total > 0, brand <= total.
 * @param options - See {@link RateKpiOptions}.
 * @returns A {@link ShareOfVoiceResult} with `estimate` = brand/total.
 * @throws {@link InvalidArgumentError} if an amount is negative or not finite, total is 0, brand
 * exceeds total, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = shareOfVoice({ brand: 340, total: 1500 });
 * r.estimate;           // ≈ 0.22667
 * r.confidenceInterval; // ≈ { lower: 0.20619, upper: 0.24854, level: 0.95 }
 * shareOfVoice({ brand: 12500.5, total: 80000 }).confidenceInterval; // null (spend)
 * ```
 * @see {@link clickThroughRate}
 * @since 0.1.0
 * @public
 */
export function shareOfVoice(data: ShareOfVoiceData, options: RateKpiOptions = {}): ShareOfVoiceResult {
  const args = parseArguments(NAME, schema, { data, options });
  const { brand, total } = args.data;
  const counts = Number.isInteger(brand) && Number.isInteger(total);
  if (!counts) {
    return {
      metric: "share of voice",
      method: "no interval: the amounts are not counts (spend shares are ratios of recorded totals)",
      estimate: brand / total,
      confidenceInterval: null,
      brand,
      total,
      intervalMethod: null,
    };
  }
  const r = proportionConfidenceInterval(brand, total, args.options as RateKpiOptions);
  return {
    metric: "share of voice",
    method: r.method,
    estimate: r.estimate,
    confidenceInterval: r.confidenceInterval,
    brand,
    total,
    intervalMethod: r.intervalMethod,
  };
}
