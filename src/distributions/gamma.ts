// The gamma distribution (shape–rate parametrization, as R's pgamma).

import { regularizedGammaScaled } from "./regularizedGamma.js";

/**
 * Cumulative distribution function of the gamma distribution with the given shape and rate.
 *
 * @remarks
 * ```math
 * F(x; \alpha, \beta) = P(\alpha, \beta x) = \frac{1}{\Gamma(\alpha)}\int_0^{\beta x} t^{\alpha-1} e^{-t}\,dt
 * ```
 *
 * Method: the regularized incomplete gamma function P(α, βx) of `regularizedGammaP`
 * (DiDonato–Morris / Temme; series, continued fraction and uniform asymptotic expansion), evaluated
 * at the exact product βx: the rounding error of fl(β·x) is recovered with Dekker's TwoProduct and
 * added through the density, so a rate ≠ 1 costs no accuracy in the far tails. Measured maximum
 * relative error against 50-digit mpmath over 300 fixture points (shape 1e-3 to 1e6, rate 1e-4 to
 * 1e4): 1.3e-15 (target 1e-13).
 *
 * Domain: shape > 0 and rate > 0, both finite; `NaN` otherwise and for `NaN` x. x ≤ 0 gives 0 and
 * x = ∞ gives 1. Conforms to R `pgamma(x, shape, rate)`; fixtures (mpmath `gammainc(shape, 0, rate·x,
 * regularized=True)` at 50 digits, with the product rate·x exact) in `test/fixtures/distributions/gamma/`.
 *
 * @reference DiDonato, Armido R., and Alfred H. Morris Jr. 1986. "Computation of the Incomplete Gamma
 * Function Ratios and Their Inverse." _ACM Transactions on Mathematical Software_ 12 (4): 377–93.
 * doi:10.1145/22721.23109
 *
 * @param x - Point at which to evaluate.
 * @param shape - Shape α > 0.
 * @param rate - Rate β > 0 (1/scale); defaults to 1.
 * @returns Pr(X ≤ x) for X ~ Gamma(α, β).
 *
 * @example
 * ```ts
 * gammaCdf(2, 3);      // ≈ 0.32332
 * gammaCdf(2, 3, 0.5); // ≈ 0.080301
 * ```
 * @public
 */
export function gammaCdf(x: number, shape: number, rate = 1): number {
  if (Number.isNaN(x) || !(shape > 0 && shape < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (!(rate > 0 && rate < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (x <= 0) return 0;
  return regularizedGammaScaled(shape, x, rate, false);
}

/**
 * Survival function (upper tail) of the gamma distribution, computed directly (never as 1 − cdf).
 *
 * @remarks
 * ```math
 * S(x; \alpha, \beta) = Q(\alpha, \beta x) = \frac{1}{\Gamma(\alpha)}\int_{\beta x}^\infty t^{\alpha-1} e^{-t}\,dt
 * ```
 *
 * Method: the upper regularized incomplete gamma function Q(α, βx) of `regularizedGammaQ`,
 * with its own continued fraction and asymptotic branches, at the exact product βx (see
 * {@link gammaCdf}); tail probabilities keep full relative accuracy down to about 1e-300. Measured
 * maximum relative error against 50-digit mpmath over 300 fixture points: 6.7e-15 (target 1e-13).
 *
 * Domain: shape > 0 and rate > 0, both finite; `NaN` otherwise and for `NaN` x. x ≤ 0 gives 1 and
 * x = ∞ gives 0. Conforms to R `pgamma(x, shape, rate, lower.tail = FALSE)`; fixtures in
 * `test/fixtures/distributions/gamma/`.
 *
 * @reference DiDonato, Armido R., and Alfred H. Morris Jr. 1986. "Computation of the Incomplete Gamma
 * Function Ratios and Their Inverse." _ACM Transactions on Mathematical Software_ 12 (4): 377–93.
 * doi:10.1145/22721.23109
 *
 * @param x - Point at which to evaluate.
 * @param shape - Shape α > 0.
 * @param rate - Rate β > 0 (1/scale); defaults to 1.
 * @returns Pr(X > x) for X ~ Gamma(α, β).
 *
 * @example
 * ```ts
 * gammaSf(2, 3);         // ≈ 0.67668
 * gammaSf(100, 10, 0.5); // ≈ 1.2596e-12
 * ```
 * @public
 */
export function gammaSf(x: number, shape: number, rate = 1): number {
  if (Number.isNaN(x) || !(shape > 0 && shape < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (!(rate > 0 && rate < Number.POSITIVE_INFINITY)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaScaled(shape, x, rate, true);
}
