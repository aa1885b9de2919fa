import * as z from "zod/mini";
import type { InputIssue } from "../errors.js";
import { integerAtLeast } from "../internal/validate.js";
import { nonZeroEffect, optionsError, parseOptions, throwIfIssues, treatmentSize } from "./shared.js";
import {
  proportionsPlan,
  proportionsPower,
  requireValidTreatmentRate,
  resolveProportionsDesign,
  treatmentRateOf,
  twoProportionsShape,
} from "./twoProportionsModel.js";
import type { TwoProportionsDesignOptions, TwoProportionsPlan } from "./types.js";

const NAME = "powerTwoProportions";

/**
 * Options of {@link powerTwoProportions}.
 *
 * @public
 */
export interface PowerTwoProportionsOptions extends TwoProportionsDesignOptions {
  /** The true effect, in `mdeType` units (non-zero; negative for a decrease). */
  readonly mde: number;
  /** Units in the control arm (an integer >= 1). */
  readonly nControl: number;
  /**
   * Units in each treatment arm (an integer >= 1).
   * @defaultValue nControl · allocationRatio (not rounded)
   */
  readonly nTreatment?: number;
}

const schema = z.strictObject(
  {
    ...twoProportionsShape(),
    mde: nonZeroEffect(),
    nControl: integerAtLeast(1),
    nTreatment: z.optional(integerAtLeast(1)),
  },
  { error: optionsError },
);

/**
 * Power of a comparison of two conversion rates: the probability that the test rejects when the effect is `mde`.
 *
 * @remarks
 * The power of each rejection region of a comparison is
 *
 * ```math
 * \Phi\!\left(\frac{\pm\Delta - c - z_{1-\alpha'/s}\,\mathrm{SE}_0}{\mathrm{SE}_1}\right)
 * ```
 *
 * and a two-sided test sums both regions (R `strict = TRUE`); Δ, SE₀, SE₁, c and α' depend on the `method`, the
 * continuity correction and the multiple-comparison adjustment exactly as in {@link sampleSizeTwoProportions}
 * (every variance is multiplied by 1 − varianceReduction).
 *
 * Method: closed form, with the normal distribution function of Cody (1993) and Wichura's quantile. An effect
 * against a one-sided alternative is allowed: its power is below alpha.
 *
 * Conforms to R `power.prop.test(strict = TRUE)`, statsmodels `power_proportions_2indep`, R `pwr.2p.test` /
 * `pwr.2p2n.test`; fixtures in `test/fixtures/power/twoProportions/`.
 *
 * @reference Fleiss, J. L., B. Levin, and M. C. Paik. 2003. _Statistical Methods for Rates and Proportions_. 3rd ed.
 * Wiley. doi:10.1002/0471445428
 *
 * @param options - See {@link PowerTwoProportionsOptions}.
 * @returns A {@link TwoProportionsPlan} whose `power` is the power of each comparison.
 * @throws {@link InvalidArgumentError} if an option is missing, out of range or unknown, a size is not an integer, or
 * both `nTreatment` and `allocationRatio` are given.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the effect puts the treatment rate outside (0, 1).
 *
 * @example
 * ```ts
 * // R: power.prop.test(n = 50, p1 = 0.5, p2 = 0.75, strict = TRUE)
 * const r = powerTwoProportions({ baselineRate: 0.5, mde: 0.25, mdeType: "absolute", nControl: 50 });
 * r.power; // ≈ 0.74017
 * ```
 * @see {@link sampleSizeTwoProportions}, {@link mdeTwoProportions}
 * @since 0.1.0
 * @public
 */
export function powerTwoProportions(options: PowerTwoProportionsOptions): TwoProportionsPlan {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const design = resolveProportionsDesign(input, issues);
  const nTreatment = treatmentSize(input.nControl, input.nTreatment, input.allocationRatio, issues);
  throwIfIssues(NAME, issues);
  const p2 = treatmentRateOf(design.baselineRate, input.mde, design.mdeType);
  requireValidTreatmentRate(NAME, p2);
  const power = proportionsPower(design, p2, input.nControl, nTreatment);
  return proportionsPlan(design, p2, input.mde, nTreatment / input.nControl, input.nControl, nTreatment, power);
}
