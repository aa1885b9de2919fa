import * as z from "zod/mini";
import { betaQuantile } from "../distributions/beta.js";
import { normalQuantile } from "../distributions/normal.js";
import { StatsError } from "../errors.js";
import { expandingBrentRoot } from "../internal/roots.js";
import { openUnitInterval, parseArguments, positiveNumber, proportionData } from "../internal/validate.js";
import type { ConfidenceInterval, ProportionData } from "../types.js";
import {
  type BetaShape,
  betaMean,
  betaSd,
  closedFormGreater,
  differenceIntegral,
  expectedShortfall,
  logRatioIntegral,
  probabilityGreater,
} from "./betaComparison.js";

const NAME = "bayesianProportions";

/**
 * A Beta(alpha, beta) prior on a conversion rate.
 *
 * @public
 */
export interface BetaPrior {
  /** First shape (prior pseudo-conversions), > 0. */
  readonly alpha: number;
  /** Second shape (prior pseudo-non-conversions), > 0. */
  readonly beta: number;
}

/**
 * Options of {@link bayesianProportions}.
 *
 * @public
 */
export interface BayesianProportionsOptions {
  /**
   * Beta prior on each arm's rate. Beta(1, 1) is uniform (Evan Miller); Beta(0.5, 0.5) is Jeffreys'
   * prior (Spotify's default).
   * @defaultValue `{ alpha: 1, beta: 1 }`
   */
  readonly prior?: BetaPrior;
  /**
   * Level of the equal-tailed credible intervals, in (0, 1).
   * @defaultValue 0.95
   */
  readonly credibleLevel?: number;
}

/**
 * The posterior of one arm's conversion rate.
 *
 * @public
 */
export interface BetaPosteriorArm {
  /** Units exposed. */
  readonly visitors: number;
  /** Units that converted. */
  readonly conversions: number;
  /** Posterior Beta(prior.alpha + conversions, prior.beta + visitors − conversions). */
  readonly posterior: BetaPrior;
  /** Posterior mean of the rate. */
  readonly mean: number;
  /** Equal-tailed credible interval of the rate. */
  readonly credibleInterval: ConfidenceInterval;
}

/**
 * Posterior mean and equal-tailed credible interval of an effect.
 *
 * @public
 */
export interface PosteriorEffect {
  /** Posterior mean (`Infinity` for the relative lift when the control's posterior alpha is <= 1). */
  readonly mean: number;
  /** Equal-tailed credible interval. */
  readonly credibleInterval: ConfidenceInterval;
}

/**
 * Expected loss of choosing each arm, in units of the conversion rate.
 *
 * @public
 */
export interface ProportionExpectedLoss {
  /** Expected loss of choosing the control: E[max(p_T − p_C, 0)]. */
  readonly control: number;
  /** Expected loss of choosing the treatment: E[max(p_C − p_T, 0)]. */
  readonly treatment: number;
}

/**
 * Result of {@link bayesianProportions}.
 *
 * @public
 */
export interface BayesianProportionsResult {
  /** The model in words. */
  readonly method: string;
  /** The prior used on both arms. */
  readonly prior: BetaPrior;
  /** Level of the credible intervals. */
  readonly credibleLevel: number;
  /** Control arm. */
  readonly control: BetaPosteriorArm;
  /** Treatment arm. */
  readonly treatment: BetaPosteriorArm;
  /** P(p_T > p_C), exact. */
  readonly probabilityTreatmentBetter: number;
  /** Expected loss (Stucchio) of choosing each arm. */
  readonly expectedLoss: ProportionExpectedLoss;
  /** The difference p_T − p_C. */
  readonly difference: PosteriorEffect;
  /** The relative lift p_T/p_C − 1. */
  readonly relativeLift: PosteriorEffect;
}

/**
 * Bayesian A/B readout for conversion rates with the conjugate Beta–Binomial model: the exact
 * probability that the treatment is better, each arm's expected loss, and credible intervals for the
 * difference and the relative lift, all computed deterministically (no Monte Carlo).
 *
 * @remarks
 * Each arm's rate has the posterior Beta(α, β) with α = α₀ + conversions and β = β₀ + visitors − conversions.
 * For integer α_T (Evan Miller):
 *
 * ```math
 * P(p_T > p_C) = \sum_{i=0}^{\alpha_T - 1}
 *   \frac{B(\alpha_C + i,\ \beta_C + \beta_T)}{(\beta_T + i)\,B(1 + i,\ \beta_T)\,B(\alpha_C,\ \beta_C)}
 * ```
 *
 * and in general P(p_T > p_C) = ∫₀¹ f_C(x)·(1 − F_T(x)) dx. The expected losses (Stucchio) are
 *
 * ```math
 * E[\max(p_C - p_T, 0)] = m_C\,P(p_C^{+} > p_T) - m_T\,P(p_C > p_T^{+}),\qquad
 * E[\max(p_T - p_C, 0)] = E[\max(p_C - p_T, 0)] + m_T - m_C
 * ```
 *
 * with m the posterior means and p⁺ ~ Beta(α + 1, β). The credible bounds of the difference d solve
 * ∫ f_C(x) F_T(x + d) dx = (1 − level)/2 (and the upper tail likewise); those of the relative lift ℓ solve
 * ∫ f_C(x) F_T((1 + ℓ)x) dx = (1 − level)/2. The mean lift is m_T (α_C + β_C − 1)/(α_C − 1) − 1.
 *
 * Method: the closed form (one of its four equivalent forms, summing over the smallest integer shape with a
 * scaled term recurrence; Stucchio's identity for the losses) when some shape is an integer and every shape
 * is at most 1000, where its `lnBeta` rounding stays below 1e-12 relative. Otherwise adaptive Gauss–Kronrod
 * quadrature against one posterior density, split at mean ± k·sd (k up to 38) of both posteriors, largest
 * pieces first so the rest are integrated to 1e-16 of the running total; a density pole at 0 or 1 (shape
 * < 1) is removed by a power substitution, and posteriors in the upper half are handled through 1 − p (for
 * P and the losses when both are, for the effect integrals arm by arm), so no digits of 1 − p are lost. The losses use E[max(t − Y, 0)] = (t − m)F(t) + t(1 − t)f(t)/(α + β) inside the integral.
 * Credible bounds: Newton's method on the log tail integral with the density of the effect as derivative,
 * safeguarded by bisection (Brent as a fallback). Measured against the fixtures: probabilities within
 * 1e-14 absolute and losses within 3e-12 relative of mpmath (exact sums, quadrature); bounds within 2e-12
 * relative of scipy. The cost does not grow with the counts: a full readout with a million conversions per
 * arm takes tens of milliseconds, P(T > C) alone a few.
 *
 * Edge cases: zero visitors give the prior as posterior; a control with α ≤ 1 (no conversions under a
 * uniform or Jeffreys prior) has an infinite mean relative lift, reported as `Infinity`.
 *
 * Conforms to Evan Miller's closed form and Chris Stucchio's expected loss (case E4: 0.92318, 4.84614e-4,
 * 0.0204447) and to Spotify Confidence's sampled `BetaBinomial` within its Monte Carlo error (case S18); fixtures (mpmath quadrature at 30 digits, exact closed-form sums, scipy cross-checks) in
 * `test/fixtures/bayesian/bayesianProportions/`.
 *
 * @reference Miller, Evan. 2015. "Formulas for Bayesian A/B Testing."
 * https://www.evanmiller.org/bayesian-ab-testing.html
 * @reference Stucchio, Chris. 2015. "Bayesian A/B Testing at VWO." Visual Website Optimizer whitepaper.
 * @reference Piessens, R., E. de Doncker-Kapenga, C. W. Überhuber, and D. K. Kahaner. 1983. _QUADPACK: A
 * Subroutine Package for Automatic Integration_. Springer. doi:10.1007/978-3-642-61786-7
 *
 * @param control - Control arm `{ visitors, conversions }` (integers, conversions <= visitors).
 * @param treatment - Treatment arm, same form.
 * @param options - See {@link BayesianProportionsOptions}.
 * @returns A {@link BayesianProportionsResult}.
 * @throws {@link InvalidArgumentError} if a count is negative or not an integer, conversions exceed
 * visitors, a prior shape is not > 0, or an option is out of range.
 * @throws {@link StatsError} `"NOT_CONVERGED"` if a credible bound cannot be bracketed (not expected for valid input).
 *
 * @example
 * ```ts
 * const r = bayesianProportions({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 });
 * r.probabilityTreatmentBetter;       // ≈ 0.92318
 * r.expectedLoss;                     // ≈ { control: 0.020445, treatment: 0.00048461 }
 * r.difference.mean;                  // ≈ 0.019960
 * r.difference.credibleInterval;      // ≈ { lower: -0.0074707, upper: 0.047470, level: 0.95 }
 * r.relativeLift.credibleInterval;    // ≈ { lower: -0.065360, upper: 0.54084, level: 0.95 }
 * ```
 * @see {@link bayesianMeans}, {@link probabilityToBeBest}
 * @since 0.1.0
 * @public
 */
export function bayesianProportions(
  control: ProportionData,
  treatment: ProportionData,
  options: BayesianProportionsOptions = {},
): BayesianProportionsResult {
  const args = parseArguments(NAME, inputSchema(), { control, treatment, options });
  const prior: BetaPrior = args.options.prior ?? { alpha: 1, beta: 1 };
  const level = args.options.credibleLevel ?? 0.95;
  const tail = (1 - level) / 2;

  const c: BetaShape = posterior(args.control, prior);
  const t: BetaShape = posterior(args.treatment, prior);
  const mc = betaMean(c);
  const mt = betaMean(t);

  // Compute the smaller tail probability and the smaller loss directly, the others from them.
  const treatmentAhead = mt >= mc;
  const pBetter = treatmentAhead ? 1 - probabilityGreater(t, c) : probabilityGreater(c, t);
  const lossTreatment = treatmentAhead ? expectedShortfall(c, t) : expectedShortfall(t, c) + (mc - mt);
  const lossControl = treatmentAhead ? lossTreatment + (mt - mc) : expectedShortfall(t, c);

  const closed = closedFormGreater(c, t) !== undefined;
  const method = `Beta-Binomial model with a Beta(${prior.alpha}, ${prior.beta}) prior; P(treatment better) by ${
    closed ? "Evan Miller's closed form" : "adaptive Gauss-Kronrod quadrature"
  }, credible intervals by quadrature`;

  return {
    method,
    prior: { alpha: prior.alpha, beta: prior.beta },
    credibleLevel: level,
    control: arm(args.control, c, level),
    treatment: arm(args.treatment, t, level),
    probabilityTreatmentBetter: Math.min(1, Math.max(0, pBetter)),
    expectedLoss: { control: Math.max(0, lossControl), treatment: Math.max(0, lossTreatment) },
    difference: {
      mean: mt - mc,
      credibleInterval: { ...differenceInterval(c, t, tail), level },
    },
    relativeLift: {
      mean: c.alpha > 1 ? (mt * (c.alpha + c.beta - 1)) / (c.alpha - 1) - 1 : Number.POSITIVE_INFINITY,
      credibleInterval: { ...relativeInterval(c, t, tail), level },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Private helpers

function posterior(data: ProportionData, prior: BetaPrior): BetaShape {
  return { alpha: prior.alpha + data.conversions, beta: prior.beta + data.visitors - data.conversions };
}

function arm(data: ProportionData, s: BetaShape, level: number): BetaPosteriorArm {
  const tail = (1 - level) / 2;
  return {
    visitors: data.visitors,
    conversions: data.conversions,
    posterior: { alpha: s.alpha, beta: s.beta },
    mean: betaMean(s),
    credibleInterval: {
      lower: betaQuantile(tail, s.alpha, s.beta),
      upper: 1 - betaQuantile(tail, s.beta, s.alpha),
      level,
    },
  };
}

/**
 * Solves tail(v) = target for a monotone tail probability (`increasing`: a lower tail, else an upper tail)
 * by Newton's method on ln tail(v) (the density gives the derivative), kept inside the bracket known so far
 * (bisection, or geometric expansion towards an infinite limit, when a step leaves it); Brent's method
 * finishes if Newton has not converged after 40 steps.
 */
function solveTail(
  tail: (v: number) => number,
  density: (v: number) => number,
  increasing: boolean,
  target: number,
  start: number,
  scale: number,
  lowerLimit: number,
  upperLimit: number,
): number {
  let lo = lowerLimit;
  let hi = upperLimit;
  let v = Math.min(Math.max(start, lowerLimit + 1e-3 * scale), upperLimit - 1e-3 * scale);
  for (let i = 0; i < 40; i++) {
    const p = tail(v);
    if (p === target) return v;
    if (p < target === increasing) lo = v;
    else hi = v;
    const f = density(v);
    let next = Number.NaN;
    if (p > 0 && f > 0) {
      const step = ((Math.log(p) - Math.log(target)) * p) / f;
      next = increasing ? v - step : v + step;
    }
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = 0.5 * (lo + hi);
      else if (Number.isFinite(lo)) next = Math.max(v, lo) + scale * 2 ** i;
      else next = Math.min(v, hi) - scale * 2 ** i;
    }
    if (Math.abs(next - v) <= 1e-13 * Math.max(Math.abs(v), scale)) return next;
    v = next;
  }
  const f = (u: number): number => (increasing ? tail(u) - target : target - tail(u));
  const r = expandingBrentRoot(f, Math.max(lo, v - scale), Math.min(hi, v + scale), {
    absoluteTolerance: 1e-15,
    relativeTolerance: 1e-12,
    lowerLimit,
    upperLimit,
  });
  if (!r.ok) throw new StatsError("NOT_CONVERGED", `${NAME}: a credible bound could not be bracketed (${r.reason})`);
  return r.root;
}

/** Equal-tailed bounds of p_T − p_C. */
function differenceInterval(c: BetaShape, t: BetaShape, tail: number): { lower: number; upper: number } {
  const mean = betaMean(t) - betaMean(c);
  const sd = Math.hypot(betaSd(c), betaSd(t));
  const z = -normalQuantile(tail);
  const at = (quantity: "lower" | "upper" | "density") => (d: number) => differenceIntegral(c, t, d, quantity);
  const lower = solveTail(at("lower"), at("density"), true, tail, mean - z * sd, sd, -1, 1);
  const upper = solveTail(at("upper"), at("density"), false, tail, mean + z * sd, sd, -1, 1);
  return { lower, upper };
}

/** Equal-tailed bounds of p_T/p_C − 1, solved on s = ln(p_T/p_C). */
function relativeInterval(c: BetaShape, t: BetaShape, tail: number): { lower: number; upper: number } {
  const mc = betaMean(c);
  const mt = betaMean(t);
  const center = Math.log(mt / mc);
  const sd = Math.hypot(betaSd(c) / mc, betaSd(t) / mt);
  const z = -normalQuantile(tail);
  const inf = Number.POSITIVE_INFINITY;
  const at = (quantity: "lower" | "upper" | "density") => (s: number) => logRatioIntegral(c, t, s, quantity);
  const lower = solveTail(at("lower"), at("density"), true, tail, center - z * sd, sd, -inf, inf);
  const upper = solveTail(at("upper"), at("density"), false, tail, center + z * sd, sd, -inf, inf);
  return { lower: Math.expm1(lower), upper: Math.expm1(upper) };
}

const priorSchema = () =>
  z.strictObject({ alpha: positiveNumber(), beta: positiveNumber() }, { error: "must be { alpha, beta }" });

const optionsSchema = () =>
  z.strictObject(
    { prior: z.optional(priorSchema()), credibleLevel: z.optional(openUnitInterval()) },
    { error: "must be an object of known options" },
  );

function inputSchema() {
  return z.object({ control: proportionData(), treatment: proportionData(), options: optionsSchema() });
}
