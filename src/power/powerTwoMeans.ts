import * as z from "zod/mini";
import type { NormalPrior } from "../bayesian/bayesianMeans.js";
import type { InputIssue } from "../errors.js";
import { integerAtLeast } from "../internal/validate.js";
import { nonZeroEffect, optionsError, parseOptions, throwIfIssues, treatmentSize } from "./shared.js";
import {
  absoluteEffectOf,
  alwaysValidSchema,
  checkMeansSizes,
  meansPlan,
  meansPower,
  priorSchema,
  resolveMeansDesign,
  twoMeansShape,
  withAlwaysValid,
  withPrior,
} from "./twoMeansModel.js";
import type { AlwaysValidOptions, TwoMeansDesignOptions, TwoMeansPlan } from "./types.js";

const NAME = "powerTwoMeans";

/**
 * Options of {@link powerTwoMeans}.
 *
 * @public
 */
export interface PowerTwoMeansOptions extends TwoMeansDesignOptions {
  /** The true effect, treatment minus control, in `mdeType` units (non-zero). */
  readonly mde: number;
  /** Units in the control arm (an integer >= 2 for a t-test, >= 1 for a z-test). */
  readonly nControl: number;
  /**
   * Units in each treatment arm (an integer, same minimum as `nControl`).
   * @defaultValue nControl · allocationRatio (not rounded)
   */
  readonly nTreatment?: number;
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
    mde: nonZeroEffect(),
    nControl: integerAtLeast(1),
    nTreatment: z.optional(integerAtLeast(1)),
    alwaysValid: alwaysValidSchema(),
    prior: priorSchema(),
  },
  { error: optionsError },
);

/**
 * Power of a comparison of two means: the probability that the t-test (or z-test) rejects when the effect is `mde`.
 *
 * @remarks
 * ```math
 * \text{power} = P\big(T_{\nu,\lambda} > t_{1-\alpha'/s,\,\nu}\big) + P\big(T_{\nu,\lambda} < -t_{1-\alpha'/s,\,\nu}\big)
 * \quad(\text{two-sided}),\qquad \lambda = \frac{\delta}{\sqrt{(\sigma_C^2/n_C + \sigma_T^2/n_T)(1-f)}}
 * ```
 *
 * with ν, α', s and f as in {@link sampleSizeTwoMeans}; a one-sided test keeps the region of its alternative.
 *
 * Method: noncentral t probabilities ({@link noncentralTSf}, {@link noncentralTCdf}) at the Student t quantile;
 * the z-test uses the normal distribution. An effect against a one-sided alternative is allowed (power below alpha).
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
 * ({@link confidenceSequence}; one-sided uses its one-sided multiplier at 2α'). Power is then
 * 1 − Φ(z − Δ/SE_seq) + Φ(−z − Δ/SE_seq); it reproduces GrowthBook case G21 (N* = 5,000: 0.20596 against the
 * fixed-horizon 0.52144).
 *
 * Bayesian power (GrowthBook's Bayesian engine; option `prior`, z-tests only): with a N(m, s²) prior on the effect τ
 * (the relative lift for `"z-relative"`, the difference for `"z"`) and τ̂ ~ N(τ, v), the test rejects when the
 * (1 − α') credible interval excludes zero; with posterior precision P = 1/v + 1/s²,
 *
 * ```math
 * \text{power} = \Phi\Big(\frac{\tau - c_+}{\sqrt v}\Big) + \Phi\Big(\frac{c_- - \tau}{\sqrt v}\Big),\qquad
 * c_\pm = \pm v\,z_{1-\alpha'/s}\sqrt{P} - v\,m/s^2
 * ```
 *
 * (GrowthBook `powerEstBayesian`; reproduces its G22 Bayesian table to 5 decimals). A flat prior (`null`) is the
 * z-test.
 *
 * Conforms to R `power.t.test(strict = TRUE)`, R `pwr.t2n.test`, statsmodels `TTestIndPower` and `NormalIndPower`,
 * and GrowthBook `powerEstimate` (sequential included, case G21 in `test/power/powerTwoMeans.test.ts`); fixtures in `test/fixtures/power/twoMeans/`.
 *
 * @reference Cohen, J. 1988. _Statistical Power Analysis for the Behavioral Sciences_. 2nd ed. Lawrence Erlbaum.
 * doi:10.4324/9780203771587
 *
 * @param options - See {@link PowerTwoMeansOptions}.
 * @returns A {@link TwoMeansPlan} whose `power` is the power of each comparison.
 * @throws {@link InvalidArgumentError} if an option is missing, out of range or unknown, a size is not an integer or
 * below the test's minimum, both `nTreatment` and `allocationRatio` are given, or a relative effect comes without a
 * non-zero `baselineMean`, or `alwaysValid` or `prior` comes with `test: "t"`, or both come together.
 *
 * @example
 * ```ts
 * // R: power.t.test(n = 20, delta = 1, strict = TRUE)
 * const r = powerTwoMeans({ mde: 1, sd: 1, nControl: 20 });
 * r.power; // ≈ 0.86895
 *
 * // GrowthBook G21: +5 % on mean 10, 400,000 users in 3 variations, sequential with N* = 5,000
 * const s = powerTwoMeans({
 *   sd: Math.sqrt(3909.9997749994377), baselineMean: 10, mde: 0.05, mdeType: "relative", nControl: 133_333,
 *   test: "z-relative", alwaysValid: { tuningSampleSize: 5000 },
 * });
 * s.power; // ≈ 0.20596
 *
 * // GrowthBook's Bayesian power: prior N(0.05, 0.5476) on the lift, +7.025 %
 * const b = powerTwoMeans({
 *   sd: Math.sqrt(3909.9997749994377), baselineMean: 10, mde: 0.07025, mdeType: "relative", nControl: 133_333,
 *   test: "z-relative", prior: { mean: 0.05, variance: 0.5476 },
 * });
 * b.power; // ≈ 0.800
 * ```
 * @see {@link sampleSizeTwoMeans}, {@link mdeTwoMeans}
 * @since 0.1.0
 * @public
 */
export function powerTwoMeans(options: PowerTwoMeansOptions): TwoMeansPlan {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const fixed = resolveMeansDesign(input, issues);
  const nTreatment = treatmentSize(input.nControl, input.nTreatment, input.allocationRatio, issues);
  checkMeansSizes(fixed, input.nControl, nTreatment, input.nTreatment !== undefined, issues);
  const design = withPrior(
    withAlwaysValid(fixed, input.alwaysValid, input.nControl, nTreatment, issues),
    input.prior,
    issues,
  );
  throwIfIssues(NAME, issues);
  const delta = absoluteEffectOf(design, input.mde);
  const power = meansPower(design, delta, input.nControl, nTreatment);
  return meansPlan(design, delta, input.mde, nTreatment / input.nControl, input.nControl, nTreatment, power);
}
