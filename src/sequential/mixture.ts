/**
 * The normal-mixture martingale behind the always-valid procedures (mSPRT and confidence sequences).
 *
 * @remarks
 * For an estimate θ̂ ~ N(θ, v) and a N(θ0, τ²) mixture over the alternative, the mixture likelihood ratio
 *
 *   Λ = √(v/(v + τ²)) · exp( τ²(θ̂ − θ0)² / (2v(v + τ²)) )
 *
 * is a nonnegative martingale under H0 with Λ_0 = 1, so by Ville's inequality P0(∃n: Λ_n ≥ 1/α) ≤ α. In the
 * intrinsic-time form of Howard et al. (2021), S = (θ̂ − θ0)/v, V = 1/v and ρ = 1/τ²:
 * M = √(ρ/(V + ρ))·exp(S²/(2(V + ρ))), the same number.
 *
 * @packageDocumentation
 */

/** ln Λ for estimate − null value `diff`, estimator variance `v` and mixing variance `tau2`. @internal */
export function logMixtureRatio(diff: number, v: number, tau2: number): number {
  return 0.5 * Math.log(v / (v + tau2)) + (tau2 * diff * diff) / (2 * v * (v + tau2));
}

/**
 * Half-width of the always-valid (1 − α) interval {θ0 : Λ(θ0) < 1/α}:
 * √( 2v(v + τ²)/τ² · [ln(1/α) + ½ ln((v + τ²)/v)] ).
 *
 * @internal
 */
export function mixtureHalfWidth(v: number, tau2: number, alpha: number): number {
  return Math.sqrt(((2 * v * (v + tau2)) / tau2) * (-Math.log(alpha) + 0.5 * Math.log1p(tau2 / v)));
}
