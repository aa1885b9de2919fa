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
  absoluteEffectOf,
  alwaysValidSchema,
  type MeansDesign,
  meansMinimumArm,
  meansPlan,
  meansPower,
  meansSizeGuess,
  meansSizeLowerLimit,
  resolveMeansDesign,
  twoMeansShape,
  withAlwaysValid,
} from "./twoMeansModel.js";
import type {
  AlwaysValidOptions,
  SequentialSampleSize,
  SolvedSizes,
  TwoMeansDesignOptions,
  TwoMeansPlan,
} from "./types.js";

const NAME = "sampleSizeTwoMeans";

/**
 * Options of {@link sampleSizeTwoMeans}.
 *
 * @public
 */
export interface SampleSizeTwoMeansOptions extends TwoMeansDesignOptions {
  /** The effect to detect, treatment minus control, in `mdeType` units (non-zero; negative for a decrease). */
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
  /**
   * GrowthBook's sequential planning: size the test for an always-valid (confidence-sequence) analysis, the
   * standard error inflated by M/z_{1−α'/s} with M the {@link confidenceSequence} multiplier at
   * N = nControl + nTreatment (M changes with N, so it is recomputed at every trial size of the solve). Only with
   * `test: "z"` or `"z-relative"`, and not with `sequential`.
   * @defaultValue undefined (a fixed-horizon test)
   */
  readonly alwaysValid?: AlwaysValidOptions;
}

/**
 * A two-mean sample-size plan: the design, the rounded sizes and the exact solution.
 *
 * @public
 */
export interface SampleSizeTwoMeansResult extends TwoMeansPlan, SolvedSizes {
  /** With the `sequential` option: maximum, per-look and expected sizes of the group sequential plan. */
  readonly sequential?: SequentialSampleSize;
}

const schema = z.strictObject(
  {
    ...twoMeansShape(),
    mde: nonZeroEffect(),
    power: z.optional(openUnitInterval()),
    sequential: sequentialDesignSchema(),
    alwaysValid: alwaysValidSchema(),
  },
  { error: optionsError },
);

/**
 * Sample size for comparing two means (revenue per user, time on site): how many units per arm a t-test needs to
 * detect an effect.
 *
 * @remarks
 * With n₁ control and n₂ = r·n₁ treatment units, standard deviations σ_C and σ_T and effect δ (treatment minus
 * control), the t-test rejects in each region with probability
 *
 * ```math
 * P\big(T_{\nu,\lambda} > t_{1-\alpha'/s,\,\nu}\big)\ \text{and}\ P\big(T_{\nu,\lambda} < -t_{1-\alpha'/s,\,\nu}\big),\qquad
 * \lambda = \frac{\delta}{\sqrt{(\sigma_C^2/n_1 + \sigma_T^2/n_2)(1-f)}}
 * ```
 *
 * where T_{ν,λ} is noncentral t, ν = n₁ + n₂ − 2 (Student; `sdTreatment` omitted) or the Welch–Satterthwaite
 * ν = (σ_C²/n₁ + σ_T²/n₂)² / ((σ_C²/n₁)²/(n₁−1) + (σ_T²/n₂)²/(n₂−1)) (`sdTreatment` given), s the number of sides,
 * α' the level of each comparison and f the variance reduction. Two-sided power sums both regions (R
 * `strict = TRUE`). `test: "z"` replaces T by the standard normal; `test: "z-relative"` tests the relative lift
 * δ/|μ_C| with the delta-method standard error √((σ_T²/(n₂μ_C²) + σ_C²μ_T²/(n₁μ_C⁴))(1 − f)), μ_T = μ_C + δ
 * (GrowthBook's power model).
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
 * (expected totals under H0, half the effect and the effect, from the design's `expectedSampleSize`).
 *
 * With `alwaysValid` (GrowthBook's sequential planning, z-tests only) the standard error is inflated by M/z_{1−α'/s},
 * M the {@link confidenceSequence} multiplier at N = n₁ + n₂ (see {@link powerTwoMeans}); since M depends on N,
 * it is recomputed at every trial size, so the rounded plan reaches the target power under its own inflation
 * (reported in `alwaysValid`). Reproduces the sizes implied by GrowthBook case G21 (`powerTwoMeans` at the solved
 * size gives back the target power). The design's
 * alpha, sides and power must match the plan's: `alpha`, `alternative` and `power` default to them and an option
 * that disagrees is an InvalidArgumentError naming it. Conforms to rpact `getSampleSizeMeans` with the same design
 * (maxNumberOfSubjects = nFixed × IF and the expected numbers, within 5e-8 where the fixed models agree; rpact's
 * fixed size counts one rejection region for two-sided plans, ours both, a relative difference of ~2e-6; its t-test
 * size is solved to 1e-4); fixtures in `test/fixtures/power/sequential/rpact/`.
 *
 * Method: power(n₁) = target is solved for a continuous n₁ by Brent's method on a bracket grown from the normal
 * approximation n₁ = (z_{1−α'/s} + z_power)²(σ_C² + σ_T²/r)(1 − f)/δ² (relative tolerance 1e-12); noncentral t
 * probabilities from {@link noncentralTSf} / {@link noncentralTCdf}. Sizes are rounded up (at least 2 per arm for
 * a t-test): nControl = ⌈n₁⌉ reaches the target, nControl − 1 does not.
 *
 * Conforms to R `power.t.test(type = "two.sample", strict = TRUE)` (equal groups), R `pwr.t2n.test` and statsmodels
 * `TTestIndPower` (unequal groups), statsmodels `NormalIndPower` (`test: "z"`), GrowthBook
 * `packages/shared/src/power/power.ts` (`test: "z-relative"`); fixtures in `test/fixtures/power/twoMeans/`.
 *
 * @reference Cohen, J. 1988. _Statistical Power Analysis for the Behavioral Sciences_. 2nd ed. Lawrence Erlbaum.
 * doi:10.4324/9780203771587
 * @reference Lenth, R. V. 1989. "Algorithm AS 243: Cumulative Distribution Function of the Non-central t
 * Distribution." _Journal of the Royal Statistical Society. Series C (Applied Statistics)_ 38 (1): 185–89.
 * doi:10.2307/2347693
 *
 * @param options - See {@link SampleSizeTwoMeansOptions}.
 * @returns A {@link SampleSizeTwoMeansResult}: `nControl`, `nTreatment`, `nTotal` (integers), the exact
 * `nControlExact`, the power reached and the design echoed.
 * @throws {@link InvalidArgumentError} if `alpha`, `alternative` or `power` disagree with a `sequential` design,
 * an option is missing, out of range or unknown, `mde` is 0, or a relative
 * effect comes without a non-zero `baselineMean`.
 * @throws {@link StatsError} `"NO_SOLUTION"` if the effect contradicts a one-sided alternative or the power does not
 * exceed the level.
 *
 * @example
 * ```ts
 * // R: power.t.test(delta = 1, sd = 1, power = 0.9, strict = TRUE)
 * const plan = sampleSizeTwoMeans({ mde: 1, sd: 1, power: 0.9 });
 * plan.nControlExact; // ≈ 22.021
 * plan.nControl;      // 23
 * ```
 * @example
 * ```ts
 * // Five looks, Hwang–Shih–DeCani(−4) spending, one-sided alpha 0.025, 90 % power, z-test
 * const design = groupSequentialDesign({
 *   kMax: 5,
 *   power: 0.9,
 *   spending: { family: "hwang-shih-decani", parameter: -4 },
 * });
 * const seq = sampleSizeTwoMeans({ sd: 2, mde: 0.5, test: "z", sequential: design });
 * seq.nControlExact;                // ≈ 336.2375 (fixed design)
 * seq.sequential?.nControlMax;      // 345
 * seq.sequential?.expectedTotal.h1; // ≈ 495.358 (rpact expectedNumberOfSubjectsH1)
 * ```
 * @example
 * ```ts
 * // GrowthBook's sequential planning: +5 % on mean 10 (variance 3910), always-valid with N* = 5,000
 * const av = sampleSizeTwoMeans({
 *   sd: Math.sqrt(3909.9997749994377), baselineMean: 10, mde: 0.05, mdeType: "relative",
 *   test: "z-relative", alwaysValid: { tuningSampleSize: 5000 },
 * });
 * av.nControl;                // 940481 (a fixed-horizon test needs 258095)
 * av.alwaysValid?.seInflation; // ≈ 1.9089
 * ```
 * @see {@link powerTwoMeans}, {@link mdeTwoMeans}, {@link experimentDuration}
 * @since 0.1.0
 * @public
 */
export function sampleSizeTwoMeans(options: SampleSizeTwoMeansOptions): SampleSizeTwoMeansResult {
  const parsed = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const sequential = parsed.sequential;
  const input = sequential === undefined ? parsed : reconcileSequential(sequential, parsed, parsed.mde, issues);
  const fixed = resolveMeansDesign(input, issues);
  const ratio = input.allocationRatio ?? 1;
  const alwaysValid = input.alwaysValid;
  if (alwaysValid !== undefined && sequential !== undefined) {
    issues.push({ path: ["alwaysValid"], message: "choose alwaysValid or sequential, not both", code: "custom" });
  }
  // Validates the option; the inflation itself depends on the size and is recomputed below.
  withAlwaysValid(fixed, alwaysValid, 1, ratio, issues);
  throwIfIssues(NAME, issues);
  const power = input.power ?? 0.8;
  const delta = absoluteEffectOf(fixed, input.mde);
  requireEffectMatchesAlternative(NAME, delta, fixed.alternative);
  requirePowerAboveLevel(NAME, power, fixed);
  const designAt = (n1: number, n2: number): MeansDesign => withAlwaysValid(fixed, alwaysValid, n1, n2, []);
  const powerAt = (n: number): number => meansPower(designAt(n, ratio * n), delta, n, ratio * n);
  // The normal-approximation size with the inflation at the previous guess, damped by a geometric mean: at small N
  // the inflation falls like 1/√N and the undamped step would oscillate; a guess within a factor of 2 keeps the
  // bracket off the flat tails of the power curve.
  const alwaysValidGuess = (): number => {
    let n = meansSizeGuess(fixed, delta, ratio, power);
    for (let step = 0; step < 60; step++) {
      const next = Math.sqrt(n * meansSizeGuess(designAt(n, ratio * n), delta, ratio, power));
      if (Math.abs(next - n) <= 1e-3 * n) return next;
      n = next;
    }
    return n;
  };
  const guess = alwaysValid === undefined ? meansSizeGuess(fixed, delta, ratio, power) : alwaysValidGuess();
  const exact = solveSize(NAME, powerAt, power, guess, meansSizeLowerLimit(fixed, ratio));
  const minimum = meansMinimumArm(fixed);
  const nControl = roundUpSize(exact, minimum);
  const nTreatment = roundUpSize(ratio * exact, minimum);
  const design = designAt(nControl, nTreatment);
  return {
    ...meansPlan(design, delta, input.mde, ratio, nControl, nTreatment, power),
    nControlExact: exact,
    nTreatmentExact: ratio * exact,
    achievedPower: meansPower(design, delta, nControl, nTreatment),
    ...(sequential === undefined
      ? {}
      : { sequential: sequentialSampleSize(sequential, exact, ratio, fixed.treatmentArms, minimum) }),
  };
}
