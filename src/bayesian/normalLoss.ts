/**
 * Private helper of `experiment-stats/bayesian`: expected positive part of a normal variable
 * (truncated-normal expected loss), stable at every standardized mean.
 *
 * @packageDocumentation
 * @internal
 */
import { normalPdf, normalSf } from "../distributions/normal.js";

/** Below this |z| the direct formula φ(x) − x·Φ(−x) loses fewer than x² ≈ 25 ulps; beyond it the continued fraction is used. */
const CONTINUED_FRACTION_FROM = 2.5;
/** Depth of the backward continued-fraction evaluation (converged to a few ulps for x ≥ 5). */
const CONTINUED_FRACTION_DEPTH = 200;

/**
 * ψ(−x) = E[max(Z − x, 0)] = φ(x) − x·(1 − Φ(x)) for x ≥ 0, Z standard normal, without cancellation.
 *
 * @remarks
 * For x ≥ 5 the Mills ratio R(x) = (1 − Φ(x))/φ(x) = 1/(x + T) with T = 1/(x + 2/(x + 3/(x + …))),
 * so 1 − x·R = T·R and ψ(−x) = φ(x)·T/(x + T): no subtraction. Below 5 the direct form loses at most
 * x² ulps. φ underflows to 0 beyond x ≈ 38.6, and so does ψ(−x) (no overflow, no 0·∞).
 * @internal
 */
export function upperPartialMoment(x: number): number {
  if (x < CONTINUED_FRACTION_FROM) return normalPdf(x) - x * normalSf(x);
  const pdf = normalPdf(x);
  if (pdf === 0) return 0;
  let f = x;
  for (let k = CONTINUED_FRACTION_DEPTH; k >= 2; k--) f = x + k / f;
  const tail = 1 / f;
  return (pdf * tail) / (x + tail);
}

/**
 * Expected positive and negative parts of Δ ~ N(mean, sd²): `[E max(Δ, 0), E max(−Δ, 0)]`.
 *
 * @remarks
 * With z = mean/sd and ψ(t) = φ(t) + tΦ(t): E max(Δ, 0) = sd·ψ(z) and E max(−Δ, 0) = sd·ψ(−z);
 * the larger one is written `|mean| + sd·ψ(−|z|)` (ψ(t) = t + ψ(−t)), so nothing overflows for
 * |z| > 37 (GrowthBook short-circuits there; this agrees with it to the last printed digit).
 * @internal
 */
export function normalPositiveNegativeParts(mean: number, sd: number): readonly [number, number] {
  const z = Math.abs(mean / sd);
  const small = sd * upperPartialMoment(z);
  return mean >= 0 ? [mean + small, small] : [small, -mean + small];
}
