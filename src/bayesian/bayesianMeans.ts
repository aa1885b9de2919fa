import * as z from "zod/mini";
import { normalCdf, normalQuantile } from "../distributions/normal.js";
import { type InputIssue, InvalidArgumentError, StatsError } from "../errors.js";
import {
  type MeanDataForms,
  meanArmMoments,
  meanArmSchema,
  type ParsedMeanArm,
  SAMPLE_MESSAGE,
  sampleValueIssues,
} from "../internal/meanArm.js";
import { finiteNumber, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";
import type { ConfidenceInterval } from "../types.js";
import { type ArmMoments, type BayesianMeanData, MEAN_DATA_FORMS } from "./armData.js";
import { normalPositiveNegativeParts } from "./normalLoss.js";

const NAME = "bayesianMeans";

/**
 * A normal prior on the effect, on the scale of the effect analysed (relative lift when `relative` is
 * `true`, difference of means otherwise).
 *
 * @public
 */
export interface NormalPrior {
  /** Prior mean of the effect. */
  readonly mean: number;
  /** Prior variance of the effect (> 0); GrowthBook's "proper prior" default is 0.3² on the lift. */
  readonly variance: number;
}

/**
 * Options of {@link bayesianMeans}.
 *
 * @public
 */
export interface BayesianMeansOptions {
  /**
   * Analyse the relative lift `(μ_T − μ_C)/|μ_C|` (delta-method variance) when `true`, the difference
   * `μ_T − μ_C` when `false`.
   * @defaultValue true
   */
  readonly relative?: boolean;
  /**
   * Normal prior on the effect; omitted (or `null`) for the improper flat prior, where the posterior is
   * the sampling distribution of the estimate.
   * @defaultValue null (improper flat prior)
   */
  readonly prior?: NormalPrior | null;
  /**
   * Level of the equal-tailed credible interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly credibleLevel?: number;
}

/**
 * One arm as the model saw it.
 *
 * @public
 */
export interface BayesianMeanArm {
  /** Number of units. */
  readonly n: number;
  /** Mean of the metric (the conversion rate for proportions). */
  readonly mean: number;
  /** Per-unit standard deviation (n − 1 denominator; √(p̂(1 − p̂)) for proportions). */
  readonly sd: number;
}

/**
 * Expected losses (risk) of shipping each arm.
 *
 * @public
 */
export interface ArmRisk {
  /** Expected loss of choosing the control: E[max(Δ, 0)]. */
  readonly control: number;
  /** Expected loss of choosing the treatment: E[max(−Δ, 0)]. */
  readonly treatment: number;
}

/**
 * Result of {@link bayesianMeans}.
 *
 * @public
 */
export interface BayesianMeansResult {
  /** The model in words. */
  readonly method: string;
  /** Whether the effect is the relative lift. */
  readonly relative: boolean;
  /** The prior used; `null` for the improper flat prior. */
  readonly prior: NormalPrior | null;
  /** Level of the credible interval. */
  readonly credibleLevel: number;
  /** Control arm. */
  readonly control: BayesianMeanArm;
  /** Treatment arm. */
  readonly treatment: BayesianMeanArm;
  /** The data's estimate of the effect (difference or relative lift). */
  readonly estimate: number;
  /** Standard error of that estimate (delta method for the relative lift). */
  readonly standardError: number;
  /** Posterior mean of the effect. */
  readonly posteriorMean: number;
  /** Posterior standard deviation of the effect. */
  readonly posteriorSd: number;
  /** Posterior probability that the effect is positive (treatment better). */
  readonly chanceToWin: number;
  /** Equal-tailed credible interval of the effect. */
  readonly credibleInterval: ConfidenceInterval;
  /** Expected loss of choosing each arm, in units of the effect. */
  readonly risk: ArmRisk;
}

/**
 * Bayesian A/B readout with a normal model on the effect: chance to win, credible interval and risk, as
 * GrowthBook, Eppo and Statsig compute them.
 *
 * @remarks
 * The effect estimate Δ̂ is the relative lift `(μ_T − μ_C)/|μ_C|` with delta-method variance
 * `σ̂² = v_T/(n_T μ_C²) + v_C μ_T²/(n_C μ_C⁴)`, or the difference `μ_T − μ_C` with `σ̂² = v_T/n_T + v_C/n_C`.
 * With a normal prior N(m, τ²) (1/τ² = 0 for the improper prior):
 *
 * ```math
 * \sigma_{post}^{-2} = \hat\sigma^{-2} + \tau^{-2},\qquad
 * \mu_{post} = \sigma_{post}^2\left(\frac{\hat\Delta}{\hat\sigma^2} + \frac{m}{\tau^2}\right),\qquad
 * P(\Delta > 0) = \Phi\!\left(\frac{\mu_{post}}{\sigma_{post}}\right)
 * ```
 *
 * ```math
 * \mathrm{risk}_C = E[\max(\Delta, 0)] = \sigma\,\psi(\mu/\sigma),\quad
 * \mathrm{risk}_T = E[\max(-\Delta, 0)] = \sigma\,\psi(-\mu/\sigma),\quad \psi(t) = \varphi(t) + t\,\Phi(t)
 * ```
 *
 * and the interval `μ_post ± z_{(1+level)/2}·σ_post`.
 *
 * Method: closed forms. The smaller risk is σ·ψ(−|z|), evaluated from the Mills-ratio continued fraction
 * for |z| ≥ 2.5 (no cancellation; 1e-15 relative against mpmath), the larger one as |μ| + σ·ψ(−|z|), so
 * there is no overflow or 0·∞ at any |μ/σ| (GrowthBook short-circuits beyond 37; the values agree).
 * Per-unit variances: n − 1 denominator for samples and sums; p̂(1 − p̂) for proportions (GrowthBook).
 *
 * Edge cases: a control mean of 0 with `relative: true`, and data whose effect has zero variance, throw
 * `DEGENERATE_DATA`.
 *
 * Conforms to GrowthBook `EffectBayesianABTest` (gbstats `bayesian/tests.py`, cases G14–G18 of
 * `test_tests.py`); fixtures (mpmath at 50 digits) in `test/fixtures/bayesian/bayesianMeans/`.
 *
 * @reference Stucchio, Chris. 2015. "Bayesian A/B Testing at VWO." Visual Website Optimizer whitepaper.
 * @reference Deng, Alex. 2015. "Objective Bayesian Two Sample Hypothesis Testing for Online Controlled
 * Experiments." In _Proceedings of the 24th International Conference on World Wide Web_, 923–28.
 * doi:10.1145/2740908.2742563
 *
 * @param control - Control arm: a sample (at least 2 finite numbers), `{ n, mean, sd }`,
 * `{ n, sum, sumSquares }` or `{ visitors, conversions }`.
 * @param treatment - Treatment arm, same forms.
 * @param options - See {@link BayesianMeansOptions}.
 * @returns A {@link BayesianMeansResult}.
 * @throws {@link InvalidArgumentError} if an arm is not one of the accepted forms, a count is not an
 * integer (n >= 2, visitors >= 1), conversions exceed visitors, sums are inconsistent, the prior variance
 * is not > 0, or an option is out of range.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if the control mean is 0 (relative) or the effect has zero variance.
 *
 * @example
 * ```ts
 * // GrowthBook test_tests.py: 49/100 vs 51/100, relative lift, improper prior (case G14)
 * const r = bayesianMeans({ visitors: 100, conversions: 49 }, { visitors: 100, conversions: 51 });
 * r.posteriorMean;     // ≈ 0.040816
 * r.posteriorSd;       // ≈ 0.14725
 * r.chanceToWin;       // ≈ 0.60918
 * r.credibleInterval;  // ≈ { lower: -0.24779, upper: 0.32943, level: 0.95 }
 * r.risk;              // ≈ { control: 0.081396, treatment: 0.040580 }
 * ```
 * @see {@link bayesianProportions}
 * @since 0.1.0
 * @public
 */
export function bayesianMeans(
  control: BayesianMeanData,
  treatment: BayesianMeanData,
  options: BayesianMeansOptions = {},
): BayesianMeansResult {
  const args = parseArguments(NAME, inputSchema(control, treatment), { control, treatment, options }, () =>
    sampleValueIssues({ control, treatment }, FORMS),
  );
  const opts = args.options;
  const relative = opts.relative ?? true;
  const prior: NormalPrior | null =
    opts.prior === undefined || opts.prior === null ? null : { mean: opts.prior.mean, variance: opts.prior.variance };
  const level = opts.credibleLevel ?? 0.95;

  const c = meanArmMoments(args.control as ParsedMeanArm).y;
  const t = meanArmMoments(args.treatment as ParsedMeanArm).y;
  // Raw samples are validated by their moments pass (see FORMS): a bad value makes them non-finite.
  const issues: InputIssue[] = [];
  for (const [name, value, m] of [
    ["control", control, c],
    ["treatment", treatment, t],
  ] as const) {
    if (
      (Array.isArray(value) || value instanceof Float64Array) &&
      !(Number.isFinite(m.mean) && Number.isFinite(m.variance))
    ) {
      issues.push({ path: [name], message: SAMPLE_MESSAGE });
    }
  }
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);
  const { estimate, variance } = effect(c, t, relative);

  const precision = 1 / variance + (prior === null ? 0 : 1 / prior.variance);
  const posteriorVariance = 1 / precision;
  const posteriorMean =
    prior === null ? estimate : posteriorVariance * (estimate / variance + prior.mean / prior.variance);
  const posteriorSd = Math.sqrt(posteriorVariance);
  const q = -normalQuantile((1 - level) / 2);
  const [riskControl, riskTreatment] = normalPositiveNegativeParts(posteriorMean, posteriorSd);

  const scale = relative ? "relative lift (delta method)" : "difference of means";
  const priorText =
    prior === null ? "improper flat prior" : `normal prior N(${prior.mean}, ${prior.variance}) on the effect`;
  const arm = (m: ArmMoments): BayesianMeanArm => ({ n: m.n, mean: m.mean, sd: Math.sqrt(m.variance) });
  return {
    method: `Normal model on the ${scale}, ${priorText}`,
    relative,
    prior,
    credibleLevel: level,
    control: arm(c),
    treatment: arm(t),
    estimate,
    standardError: Math.sqrt(variance),
    posteriorMean,
    posteriorSd,
    chanceToWin: normalCdf(posteriorMean / posteriorSd),
    credibleInterval: { lower: posteriorMean - q * posteriorSd, upper: posteriorMean + q * posteriorSd, level },
    risk: { control: riskControl, treatment: riskTreatment },
  };
}

// ---------------------------------------------------------------------------------------------
// Private helpers

function effect(c: ArmMoments, t: ArmMoments, relative: boolean): { estimate: number; variance: number } {
  const vt = t.variance / t.n;
  const vc = c.variance / c.n;
  // R's rule for essentially constant data, on the absolute scale.
  if (!(Math.sqrt(vt + vc) > 10 * Number.EPSILON * Math.max(Math.abs(t.mean), Math.abs(c.mean)))) {
    throw new StatsError("DEGENERATE_DATA", `${NAME}: the effect has zero variance (both arms are constant)`);
  }
  if (!relative) return { estimate: t.mean - c.mean, variance: vt + vc };
  if (c.mean === 0) {
    throw new StatsError("DEGENERATE_DATA", `${NAME}: the control mean is 0, so the relative lift is undefined`);
  }
  const ratio = t.mean / c.mean;
  return {
    estimate: (t.mean - c.mean) / Math.abs(c.mean),
    variance: (vt + vc * ratio * ratio) / (c.mean * c.mean),
  };
}

const priorSchema = () =>
  z.strictObject({ mean: finiteNumber(), variance: positiveNumber() }, { error: "must be { mean, variance } or null" });

const optionsSchema = () =>
  z.strictObject(
    {
      relative: z.optional(z.boolean({ error: "must be true or false" })),
      prior: z.optional(z.nullable(priorSchema())),
      credibleLevel: z.optional(openUnitInterval()),
    },
    { error: "must be an object of known options" },
  );

/**
 * The arm forms bayesianMeans accepts, with a raw sample's values left to the moments pass, so that validation
 * adds no pass over a large sample (the moments are checked in {@link bayesianMeans}).
 */
const FORMS: MeanDataForms = {
  message: MEAN_DATA_FORMS,
  covariate: false,
  proportion: true,
  finitenessFromMoments: true,
};

function inputSchema(control: unknown, treatment: unknown) {
  return z.object({
    control: meanArmSchema(control, FORMS),
    treatment: meanArmSchema(treatment, FORMS),
    options: optionsSchema(),
  });
}
