import * as z from "zod/mini";
import type { NormalPrior } from "../bayesian/bayesianMeans.js";
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
  SAMPLES_TOO_SMALL,
  solveEffect,
  solveFirstEffect,
  throwIfIssues,
  treatmentSize,
} from "./shared.js";
import {
  alwaysValidSchema,
  checkMeansSizes,
  meansEffectCeiling,
  meansEffectGuess,
  meansPlan,
  meansPower,
  priorSchema,
  resolveMeansDesign,
  twoMeansShape,
  withAlwaysValid,
  withPrior,
} from "./twoMeansModel.js";
import type { AlwaysValidOptions, EffectDirection, TwoMeansDesignOptions, TwoMeansPlan } from "./types.js";

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
  /**
   * GrowthBook's sequential power: plan for an always-valid (confidence-sequence) analysis by inflating the
   * standard error by M/z_{1−α'/s}, M the {@link confidenceSequence} multiplier at N = nControl + nTreatment with
   * tuning N* = `tuningSampleSize`. Only with `test: "z"` or `"z-relative"`.
   * @defaultValue undefined (a fixed-horizon test)
   */
  readonly alwaysValid?: AlwaysValidOptions;
  /**
   * Bayesian power (GrowthBook's Bayesian engine): a normal prior on the effect, on the scale of the test (the
   * relative lift for `test: "z-relative"`, the difference for `"z"`); the test then rejects when the (1 − α')
   * credible interval excludes zero. Only with `test: "z"` or `"z-relative"`, not with `alwaysValid`.
   * @defaultValue undefined (frequentist power; `null` is the same)
   */
  readonly prior?: NormalPrior | null;
}

const schema = z.strictObject(
  {
    ...twoMeansShape(),
    nControl: integerAtLeast(1),
    nTreatment: z.optional(integerAtLeast(1)),
    alwaysValid: alwaysValidSchema(),
    prior: priorSchema(),
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
 * Always-valid (GrowthBook's sequential power; option `alwaysValid`, z-tests only): the standard error is inflated
 * by the confidence-sequence multiplier over the fixed critical value,
 *
 * ```math
 * SE_{\text{seq}} = SE\cdot\frac{M}{z_{1-\alpha'/s}},\qquad
 * M = \sqrt{\frac{2(N\rho^2+1)}{N^2\rho^2}\,\ln\frac{\sqrt{N\rho^2+1}}{\alpha'}}\ (\text{two-sided}),\qquad
 * \rho^2 = \frac{-2\ln\alpha' + \ln(1-2\ln\alpha')}{N^*}
 * ```
 *
 * with N = nControl + nTreatment (the two compared arms) and N* = `alwaysValid.tuningSampleSize`
 * ({@link confidenceSequence}; one-sided uses its one-sided multiplier at 2α'). The MDE solves the same equation with λ(δ) over SE_seq; for
 * the relative lift its one-region form is GrowthBook's quadratic with k·M/z in place of k = z_{1−α/2} − z_{1−power}:
 * G21 (N* = 5,000) gives 0.12821 against the fixed-horizon 0.07027.
 *
 * With `prior` (Bayesian power, see {@link powerTwoMeans}) the power need not grow with the effect (for the relative
 * lift a proper prior makes it fall again for huge lifts), so the MDE is the first crossing of a geometric scan (steps
 * of ×1.1), refined by Brent's method; 0 when the prior alone already gives the target power. GrowthBook
 * `findMdeBayesian` walks a 1e-5 grid instead, so its MDEs are ours rounded up to that grid.
 *
 * Conforms to R `power.t.test(n, power, sd, strict = TRUE, tol = 1e-12)` solving `delta`, and GrowthBook
 * `findMdeFrequentist` (`test: "z-relative"`, `alternative: "greater"` at alpha/2; sequential included, case G21 in
 * `test/power/mdeTwoMeans.test.ts`); fixtures in
 * `test/fixtures/power/twoMeans/`.
 *
 * @reference Cohen, J. 1988. _Statistical Power Analysis for the Behavioral Sciences_. 2nd ed. Lawrence Erlbaum.
 * doi:10.4324/9780203771587
 *
 * @param options - See {@link MdeTwoMeansOptions}.
 * @returns A {@link TwoMeansPlan} whose `mde` (in `mdeType` units) and `absoluteEffect` were solved.
 * @throws {@link InvalidArgumentError} if an option is missing, out of range or unknown, a size is not an integer or
 * below the test's minimum, both `nTreatment` and `allocationRatio` are given, or a relative effect comes without a
 * non-zero `baselineMean`, or `alwaysValid` or `prior` comes with `test: "t"`, or both come together.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the power does not exceed the level, the direction contradicts a
 * one-sided alternative, or (relative-lift test) the samples are too small for any effect.
 *
 * @example
 * ```ts
 * // Revenue per user: mean 10, sd 30, 5,000 users per arm, 80 % power, alpha 0.05 two-sided
 * const r = mdeTwoMeans({ sd: 30, baselineMean: 10, mdeType: "relative", nControl: 5000 });
 * r.absoluteEffect; // ≈ 1.6811
 * r.mde;            // ≈ 0.16811 (+16.8 %)
 *
 * // GrowthBook G21, sequential with N* = 5,000: 133,333 users per arm detect +12.8 %
 * const s = mdeTwoMeans({
 *   sd: Math.sqrt(3909.9997749994377), baselineMean: 10, mdeType: "relative", nControl: 133_333,
 *   test: "z-relative", alwaysValid: { tuningSampleSize: 5000 },
 * });
 * s.mde; // ≈ 0.12821
 * ```
 * @see {@link sampleSizeTwoMeans}, {@link powerTwoMeans}
 * @since 0.1.0
 * @public
 */
export function mdeTwoMeans(options: MdeTwoMeansOptions): TwoMeansPlan {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const fixed = resolveMeansDesign(input, issues);
  const n1 = input.nControl;
  const n2 = treatmentSize(n1, input.nTreatment, input.allocationRatio, issues);
  checkMeansSizes(fixed, n1, n2, input.nTreatment !== undefined, issues);
  const design = withPrior(withAlwaysValid(fixed, input.alwaysValid, n1, n2, issues), input.prior, issues);
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
  const upper = towardZero ? Math.abs(mu) : Number.POSITIVE_INFINITY;
  const reachable = design.prior !== undefined || towardZero || normalCdf(ceiling - za) + farRegion > power;
  const delta = !reachable
    ? undefined
    : design.prior === undefined
      ? solveEffect(NAME, powerAt, power, guess, upper)
      : solveFirstEffect(NAME, powerAt, power, guess, upper);
  if (delta === undefined) {
    throw new StatsError(
      "NO_SOLUTION",
      `${NAME}: ${SAMPLES_TOO_SMALL}: no effect reaches power ${power}` +
        (design.test === "z-relative" ? " (the relative-lift test needs more units or fewer arms)" : ""),
    );
  }
  const absolute = sign * delta;
  const mde = design.mdeType === "relative" ? absolute / Math.abs(design.baselineMean as number) : absolute;
  return meansPlan(design, absolute, mde, n2 / n1, n1, n2, power);
}
