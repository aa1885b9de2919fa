import * as z from "zod/mini";
import { normalQuantile } from "../distributions/normal.js";
import { type InputIssue, StatsError } from "../errors.js";
import { integerAtLeast, openUnitInterval } from "../internal/validate.js";
import {
  criticalZ,
  directionSchema,
  optionsError,
  parseOptions,
  requireEffectMatchesAlternative,
  requirePowerAboveLevel,
  SAMPLES_TOO_SMALL,
  solveEffect,
  throwIfIssues,
  treatmentSize,
} from "./shared.js";
import {
  proportionsPlan,
  proportionsPower,
  resolveProportionsDesign,
  twoProportionsShape,
} from "./twoProportionsModel.js";
import type { EffectDirection, TwoProportionsDesignOptions, TwoProportionsPlan } from "./types.js";

const NAME = "mdeTwoProportions";

/**
 * Options of {@link mdeTwoProportions}.
 *
 * @public
 */
export interface MdeTwoProportionsOptions extends TwoProportionsDesignOptions {
  /** Units in the control arm (an integer >= 1). */
  readonly nControl: number;
  /**
   * Units in each treatment arm (an integer >= 1).
   * @defaultValue nControl · allocationRatio (not rounded)
   */
  readonly nTreatment?: number;
  /**
   * Target power of each comparison, in (0, 1).
   * @defaultValue 0.8
   */
  readonly power?: number;
  /**
   * Whether to look for an increase or a decrease of the rate (the two differ: the variance depends on the rate).
   * @defaultValue `"decrease"` when `alternative` is `"less"`, otherwise `"increase"`
   */
  readonly direction?: EffectDirection;
}

const schema = z.strictObject(
  {
    ...twoProportionsShape(),
    nControl: integerAtLeast(1),
    nTreatment: z.optional(integerAtLeast(1)),
    power: z.optional(openUnitInterval()),
    direction: z.optional(directionSchema()),
  },
  { error: optionsError },
);

/**
 * Minimum detectable effect of a comparison of two conversion rates: the smallest effect the given samples detect
 * with the target power.
 *
 * @remarks
 * Solves power(p₂) = target for the treatment rate p₂ = p₁ ± δ with the power equation of
 * {@link powerTwoProportions}:
 *
 * ```math
 * \sum_{\text{regions}} \Phi\!\left(\frac{\pm\Delta(p_2) - c - z_{1-\alpha'/s}\,\mathrm{SE}_0(p_2)}{\mathrm{SE}_1(p_2)}\right) = 1-\beta
 * ```
 *
 * and reports δ in `mdeType` units (relative: δ/p₁). Both standard errors depend on p₂, so the equation has no
 * closed form; an increase and a decrease of the same size have different power.
 *
 * Method: Brent's method on δ in (0, 1 − p₁] (increase) or (0, p₁] (decrease), relative tolerance 1e-12, from the
 * normal-approximation guess (z_{1−α'/s} + z_power)·SE(p₁).
 *
 * Conforms to R `power.prop.test(n, p1, power, strict = TRUE)` (which solves p2 above p1); fixtures in
 * `test/fixtures/power/twoProportions/r/pooled-equal-mde.json`.
 *
 * @reference Fleiss, J. L., B. Levin, and M. C. Paik. 2003. _Statistical Methods for Rates and Proportions_. 3rd ed.
 * Wiley. doi:10.1002/0471445428
 *
 * @param options - See {@link MdeTwoProportionsOptions}.
 * @returns A {@link TwoProportionsPlan} whose `mde` (in `mdeType` units) and `treatmentRate` were solved.
 * @throws {@link InvalidArgumentError} if an option is missing, out of range or unknown, a size is not an integer, or
 * both `nTreatment` and `allocationRatio` are given.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the power does not exceed the level, the direction contradicts a
 * one-sided alternative, or the samples are too small for any effect to reach the power.
 *
 * @example
 * ```ts
 * // 5 % baseline, 10,000 units per arm, 80 % power, alpha 0.05 two-sided
 * const r = mdeTwoProportions({ baselineRate: 0.05, nControl: 10_000 });
 * r.mde;           // ≈ 0.17986 (a relative lift of +18.0 %)
 * r.treatmentRate; // ≈ 0.058993
 * ```
 * @see {@link sampleSizeTwoProportions}, {@link powerTwoProportions}
 * @since 0.1.0
 * @public
 */
export function mdeTwoProportions(options: MdeTwoProportionsOptions): TwoProportionsPlan {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const design = resolveProportionsDesign(input, issues);
  const n1 = input.nControl;
  const n2 = treatmentSize(n1, input.nTreatment, input.allocationRatio, issues);
  throwIfIssues(NAME, issues);
  const power = input.power ?? 0.8;
  const direction = input.direction ?? (design.alternative === "less" ? "decrease" : "increase");
  const sign = direction === "increase" ? 1 : -1;
  requireEffectMatchesAlternative(NAME, sign, design.alternative);
  requirePowerAboveLevel(NAME, power, design);
  const p1 = design.baselineRate;
  const upper = sign > 0 ? 1 - p1 : p1;
  const powerAt = (delta: number): number => proportionsPower(design, p1 + sign * delta, n1, n2);
  const za = criticalZ(design.alphaPerComparison, design.alternative);
  const guess = (za + normalQuantile(power)) * Math.sqrt(p1 * (1 - p1) * (1 / n1 + 1 / n2) * design.varianceFactor);
  const delta = solveEffect(NAME, powerAt, power, Math.min(guess, upper / 2), upper);
  if (delta === undefined) {
    throw new StatsError(
      "NO_SOLUTION",
      `${NAME}: ${SAMPLES_TOO_SMALL}: even a treatment rate of ${p1 + sign * upper} gives power ` +
        `${powerAt(upper)}, below ${power}`,
    );
  }
  const mde = (design.mdeType === "relative" ? delta / p1 : delta) * sign;
  return proportionsPlan(design, p1 + sign * delta, mde, n2 / n1, n1, n2, power);
}
