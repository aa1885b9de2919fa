import * as z from "zod/mini";
import type { InputIssue } from "../errors.js";
import { openUnitInterval } from "../internal/validate.js";
import type { GroupSequentialDesign } from "../sequential/groupSequentialDesign.js";
import { reconcileSequential, sequentialDesignSchema, sequentialSampleSize } from "./sequentialPlan.js";
import {
  nonZeroEffect,
  optionsError,
  parseOptions,
  requireEffectMatchesAlternative,
  requirePowerAboveLevel,
  roundUpSize,
  solveSize,
  throwIfIssues,
} from "./shared.js";
import {
  proportionsPlan,
  proportionsPower,
  proportionsSizeGuess,
  requireValidTreatmentRate,
  resolveProportionsDesign,
  treatmentRateOf,
  twoProportionsShape,
} from "./twoProportionsModel.js";
import type { SequentialSampleSize, SolvedSizes, TwoProportionsDesignOptions, TwoProportionsPlan } from "./types.js";

const NAME = "sampleSizeTwoProportions";

/**
 * Options of {@link sampleSizeTwoProportions}.
 *
 * @public
 */
export interface SampleSizeTwoProportionsOptions extends TwoProportionsDesignOptions {
  /** The effect to detect, in `mdeType` units (non-zero; negative for a decrease). */
  readonly mde: number;
  /**
   * Target power of each comparison, in (0, 1).
   * @defaultValue 0.8 (the design's power with `sequential`)
   */
  readonly power?: number;
  /**
   * A group sequential design from {@link groupSequentialDesign}: the result then also reports the maximum sample
   * size (fixed size × the design's inflation factor), the sizes at each look and the expected sizes. The design
   * fixes the level and power: `alpha`, `alternative` and `power` default to the design's `alpha`, `sided`
   * (2: `"two-sided"`; 1: `"greater"` or `"less"` in the direction of `mde`) and `power`, and must agree with them
   * when given. Not combinable with a `multipleComparison` correction over several arms.
   * @defaultValue none (a fixed-sample plan)
   */
  readonly sequential?: GroupSequentialDesign;
}

/**
 * A two-proportion sample-size plan: the design, the rounded sizes and the exact solution.
 *
 * @public
 */
export interface SampleSizeTwoProportionsResult extends TwoProportionsPlan, SolvedSizes {
  /** With the `sequential` option: maximum, per-look and expected sizes of the group sequential plan. */
  readonly sequential?: SequentialSampleSize;
}

const schema = z.strictObject(
  {
    ...twoProportionsShape(),
    mde: nonZeroEffect(),
    power: z.optional(openUnitInterval()),
    sequential: sequentialDesignSchema(),
  },
  { error: optionsError },
);

/**
 * Sample size for comparing two conversion rates: how many units per arm a test needs to detect an effect.
 *
 * @remarks
 * With control rate p₁, treatment rate p₂ = p₁(1 + mde) (relative) or p₁ + mde (absolute), n₁ control and
 * n₂ = r·n₁ treatment units, the power of each rejection region is
 *
 * ```math
 * \Phi\!\left(\frac{\pm\Delta - c - z_{1-\alpha'/s}\,\mathrm{SE}_0}{\mathrm{SE}_1}\right),\quad
 * \mathrm{SE}_0^2 = \bar p(1-\bar p)\Big(\tfrac1{n_1}+\tfrac1{n_2}\Big),\quad
 * \mathrm{SE}_1^2 = \tfrac{p_1(1-p_1)}{n_1}+\tfrac{p_2(1-p_2)}{n_2},\quad
 * \bar p = \tfrac{n_1p_1+n_2p_2}{n_1+n_2}
 * ```
 *
 * with Δ = p₂ − p₁ for the `"pooled"` method (default; `"unpooled"` uses SE₁ for SE₀; `"arcsine"` uses
 * Δ = 2 asin√p₂ − 2 asin√p₁ and SE² = 1/n₁ + 1/n₂; `"evan-miller"` uses the baseline folded at 0.5 and one
 * rejection region), s the number of sides, α' the level of each comparison (alpha, alpha/k or Šidák's), c the
 * continuity correction (1/n₁ + 1/n₂)/2 when asked (else 0), and every variance multiplied by
 * 1 − varianceReduction. Two-sided power sums both regions (R `strict = TRUE`).
 *
 * With `sequential` (a design from {@link groupSequentialDesign}), the fixed-sample size n is solved as above at the
 * design's alpha, sides and power and inflated by the design's inflation factor IF = I_max / I_fixed:
 *
 * ```math
 * n_{\max} = \lceil \mathrm{IF}\cdot n \rceil\ \text{per arm},\qquad
 * n_k = \lceil t_k\,\mathrm{IF}\cdot n \rceil,\qquad
 * \mathrm{E}_\theta[N] = n_{\text{total}}\cdot \mathrm{IF}\sum_k t_k P_\theta(\text{stop at } k)
 * ```
 *
 * (expected totals under H0, half the effect and the effect, from the design's `expectedSampleSize`). The design's
 * alpha, sides and power must match the plan's: `alpha`, `alternative` and `power` default to them and an option
 * that disagrees is an InvalidArgumentError naming it. Conforms to rpact `getSampleSizeRates` with the same design
 * (maxNumberOfSubjects = nFixed × IF and the expected numbers, within 5e-8 where the fixed models agree; rpact's
 * fixed size counts one rejection region for two-sided plans, ours both, a relative difference of ~2e-6); fixtures in
 * `test/fixtures/power/sequential/rpact/`.
 *
 * Method: the equation power(n₁) = target is solved for a continuous n₁ by Brent's method on a bracket grown from
 * the one-tail closed form n₁ = ((z_{1−α'/s}·SE₀(1) + z_{power}·SE₁(1))/Δ)² (relative tolerance 1e-12). Sizes are
 * then rounded up: nControl = ⌈n₁⌉ reaches the target and nControl − 1 does not; nTreatment = ⌈r·n₁⌉ in each
 * of the k treatment arms.
 *
 * Conforms to R `power.prop.test(strict = TRUE)` (equal groups), statsmodels `power_proportions_2indep` (unequal
 * groups), R `pwr.2p.test` / `pwr.2p2n.test` (arcsine), Evan Miller's calculator (1,030 per arm for 20 % → 25 %) and
 * Fleiss, Tytun and Ury (continuity correction); fixtures in `test/fixtures/power/twoProportions/`.
 *
 * @reference Fleiss, J. L., A. Tytun, and H. K. Ury. 1980. "A Simple Approximation for Calculating Sample Sizes for
 * Comparing Independent Proportions." _Biometrics_ 36 (2): 343–46. doi:10.2307/2529990
 * @reference Miller, E. 2010. "Sample Size Calculator (Evan's Awesome A/B Tools)."
 * https://www.evanmiller.org/ab-testing/sample-size.html
 * @reference Cohen, J. 1988. _Statistical Power Analysis for the Behavioral Sciences_. 2nd ed. Lawrence Erlbaum.
 * doi:10.4324/9780203771587
 *
 * @param options - See {@link SampleSizeTwoProportionsOptions}.
 * @returns A {@link SampleSizeTwoProportionsResult}: `nControl`, `nTreatment`, `nTotal` (integers), the exact
 * `nControlExact`, the power reached and the design echoed.
 * @throws {@link InvalidArgumentError} if `alpha`, `alternative` or `power` disagree with a `sequential` design,
 * an option is missing, out of range or unknown, `mde` is 0, or a continuity
 * correction is asked of the arcsine or Evan Miller method.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the treatment rate falls outside (0, 1), the effect contradicts a
 * one-sided alternative, or the power does not exceed the level.
 *
 * @example
 * ```ts
 * // 10 % baseline, +20 % relative lift (to 12 %), 80 % power, alpha 0.05 two-sided
 * const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 });
 * plan.nControlExact; // ≈ 3840.8 (R power.prop.test(strict = TRUE): 3840.838)
 * plan.nControl;      // 3841
 * plan.nTotal;        // 7682
 * ```
 * @example
 * ```ts
 * // The same lift with three looks and O'Brien–Fleming-type spending, one-sided alpha 0.025
 * const design = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });
 * const seq = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, sequential: design });
 * seq.alternative;                    // "greater" (from the design)
 * seq.sequential?.inflationFactor;    // ≈ 1.0128
 * seq.sequential?.nControlMax;        // 3890 (per arm; nTotalMax 7780)
 * seq.sequential?.looks.map((l) => l.nControl); // [1297, 2594, 3890]
 * seq.sequential?.expectedTotal.h1;   // ≈ 6649.04 (rpact expectedNumberOfSubjectsH1)
 * ```
 * @see {@link powerTwoProportions}, {@link mdeTwoProportions}, {@link experimentDuration}
 * @since 0.1.0
 * @public
 */
export function sampleSizeTwoProportions(options: SampleSizeTwoProportionsOptions): SampleSizeTwoProportionsResult {
  const parsed = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const sequential = parsed.sequential;
  const input = sequential === undefined ? parsed : reconcileSequential(sequential, parsed, parsed.mde, issues);
  const design = resolveProportionsDesign(input, issues);
  throwIfIssues(NAME, issues);
  const power = input.power ?? 0.8;
  const ratio = input.allocationRatio ?? 1;
  const p2 = treatmentRateOf(design.baselineRate, input.mde, design.mdeType);
  requireValidTreatmentRate(NAME, p2);
  requireEffectMatchesAlternative(NAME, p2 - design.baselineRate, design.alternative);
  requirePowerAboveLevel(NAME, power, design);
  const powerAt = (n: number): number => proportionsPower(design, p2, n, ratio * n);
  const exact = solveSize(NAME, powerAt, power, proportionsSizeGuess(design, p2, ratio, power), 0);
  const nControl = roundUpSize(exact, 1);
  const nTreatment = roundUpSize(ratio * exact, 1);
  return {
    ...proportionsPlan(design, p2, input.mde, ratio, nControl, nTreatment, power),
    nControlExact: exact,
    nTreatmentExact: ratio * exact,
    achievedPower: proportionsPower(design, p2, nControl, nTreatment),
    ...(sequential === undefined
      ? {}
      : { sequential: sequentialSampleSize(sequential, exact, ratio, design.treatmentArms, 1) }),
  };
}
