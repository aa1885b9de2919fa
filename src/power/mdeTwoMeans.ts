import * as z from "zod/mini";
import { normalCdf } from "../distributions/normal.js";
import { type InputIssue, StatsError } from "../errors.js";
import { integerAtLeast, openUnitInterval } from "../internal/validate.js";
import {
  criticalZ,
  directionSchema,
  optionsError,
  parseOptions,
  requireEffectMatchesAlternative,
  requirePowerAboveLevel,
  solveEffect,
  throwIfIssues,
  treatmentSize,
} from "./shared.js";
import {
  checkMeansSizes,
  meansEffectCeiling,
  meansEffectGuess,
  meansPlan,
  meansPower,
  resolveMeansDesign,
  twoMeansShape,
} from "./twoMeansModel.js";
import type { EffectDirection, TwoMeansDesignOptions, TwoMeansPlan } from "./types.js";

const NAME = "mdeTwoMeans";

/**
 * Options of {@link mdeTwoMeans}.
 *
 * @public
 */
export interface MdeTwoMeansOptions extends TwoMeansDesignOptions {
  /** Units in the control arm (an integer >= 2 for a t-test, >= 1 for a z-test). */
  readonly nControl: number;
  /**
   * Units in each treatment arm (an integer, same minimum as `nControl`).
   * @defaultValue nControl · allocationRatio (not rounded)
   */
  readonly nTreatment?: number;
  /**
   * Target power of each comparison, in (0, 1).
   * @defaultValue 0.8
   */
  readonly power?: number;
  /**
   * Sign of the reported effect (the power of the two-mean tests is symmetric in the effect's sign).
   * @defaultValue `"decrease"` when `alternative` is `"less"`, otherwise `"increase"`
   */
  readonly direction?: EffectDirection;
}

const schema = z.strictObject(
  {
    ...twoMeansShape(),
    nControl: integerAtLeast(1),
    nTreatment: z.optional(integerAtLeast(1)),
    power: z.optional(openUnitInterval()),
    direction: z.optional(directionSchema()),
  },
  { error: optionsError },
);

/**
 * Minimum detectable effect of a comparison of two means: the smallest effect the given samples detect with the
 * target power.
 *
 * @remarks
 * Solves power(δ) = target for δ > 0 with the power equation of {@link powerTwoMeans},
 *
 * ```math
 * P\big(T_{\nu,\lambda(\delta)} > t_{1-\alpha'/s,\,\nu}\big) + P\big(T_{\nu,\lambda(\delta)} < -t_{1-\alpha'/s,\,\nu}\big) = 1-\beta,
 * \qquad \lambda(\delta) = \frac{\delta}{\sqrt{(\sigma_C^2/n_C + \sigma_T^2/n_T)(1-f)}}
 * ```
 *
 * and reports it in `mdeType` units (relative: δ/|baselineMean|), signed by `direction`. With `test: "z"` and a
 * one-sided alternative this is the closed form (z_{1−α'} + z_power)·SE.
 *
 * Method: Brent's method on δ from the normal-approximation guess (relative tolerance 1e-12).
 *
 * With `test: "z-relative"` the relative lift is capped: an effect towards zero stops at −100 %, and away from zero
 * the power never exceeds that of |μ_C|/(σ_C/√n_C) standard errors, so too small a sample is `NO_SOLUTION`
 * (GrowthBook's "need to increase number of users"); its one-region equation is GrowthBook's closed-form quadratic.
 *
 * Conforms to R `power.t.test(n, power, sd, strict = TRUE, tol = 1e-12)` solving `delta`, and GrowthBook
 * `findMdeFrequentist` (`test: "z-relative"`, `alternative: "greater"` at alpha/2); fixtures in
 * `test/fixtures/power/twoMeans/`.
 *
 * @reference Cohen, J. 1988. _Statistical Power Analysis for the Behavioral Sciences_. 2nd ed. Lawrence Erlbaum.
 * doi:10.4324/9780203771587
 *
 * @param options - See {@link MdeTwoMeansOptions}.
 * @returns A {@link TwoMeansPlan} whose `mde` (in `mdeType` units) and `absoluteEffect` were solved.
 * @throws {@link InvalidArgumentError} if an option is missing, out of range or unknown, a size is not an integer or
 * below the test's minimum, both `nTreatment` and `allocationRatio` are given, or a relative effect comes without a
 * non-zero `baselineMean`.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the power does not exceed the level, the direction contradicts a
 * one-sided alternative, or (relative-lift test) the samples are too small for any effect.
 *
 * @example
 * ```ts
 * // Revenue per user: mean 10, sd 30, 5,000 users per arm, 80 % power, alpha 0.05 two-sided
 * const r = mdeTwoMeans({ sd: 30, baselineMean: 10, mdeType: "relative", nControl: 5000 });
 * r.absoluteEffect; // ≈ 1.6811
 * r.mde;            // ≈ 0.16811 (+16.8 %)
 * ```
 * @see {@link sampleSizeTwoMeans}, {@link powerTwoMeans}
 * @since 0.1.0
 * @public
 */
export function mdeTwoMeans(options: MdeTwoMeansOptions): TwoMeansPlan {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const design = resolveMeansDesign(input, issues);
  const n1 = input.nControl;
  const n2 = treatmentSize(n1, input.nTreatment, input.allocationRatio, issues);
  checkMeansSizes(design, n1, n2, input.nTreatment !== undefined, issues);
  throwIfIssues(NAME, issues);
  const power = input.power ?? 0.8;
  const direction = input.direction ?? (design.alternative === "less" ? "decrease" : "increase");
  const sign = direction === "increase" ? 1 : -1;
  requireEffectMatchesAlternative(NAME, sign, design.alternative);
  requirePowerAboveLevel(NAME, power, design);
  const powerAt = (delta: number): number => meansPower(design, sign * delta, n1, n2);
  const guess = meansEffectGuess(design, n1, n2, power);
  // The relative-lift test: an effect towards zero stops at −100 % (μ_T = 0); away from zero its power is capped.
  const mu = design.baselineMean ?? 0;
  const towardZero = design.test === "z-relative" && sign * mu < 0;
  const ceiling = meansEffectCeiling(design, n1);
  const za = criticalZ(design.alphaPerComparison, design.alternative);
  const farRegion = design.alternative === "two-sided" ? normalCdf(-ceiling - za) : 0;
  const reachable = towardZero || normalCdf(ceiling - za) + farRegion > power;
  const delta = reachable
    ? solveEffect(NAME, powerAt, power, guess, towardZero ? Math.abs(mu) : Number.POSITIVE_INFINITY)
    : undefined;
  if (delta === undefined) {
    throw new StatsError(
      "NO_SOLUTION",
      `${NAME}: the samples are too small: no effect reaches power ${power}` +
        (design.test === "z-relative" ? " (the relative-lift test needs more units or fewer arms)" : ""),
    );
  }
  const absolute = sign * delta;
  const mde = design.mdeType === "relative" ? absolute / Math.abs(design.baselineMean as number) : absolute;
  return meansPlan(design, absolute, mde, n2 / n1, n1, n2, power);
}
