// Logarithm of the gamma and beta functions, and Stirling's correction term.

/** ½·ln(2π). */
const LN_SQRT_2PI = 0.9189385332046728;
/** 1 − γ (Euler–Mascheroni). */
const ONE_MINUS_EULER = 0.42278433509846713;
/** Threshold above which the Stirling series is used. */
const STIRLING_MIN = 10;

/**
 * Taylor coefficients c_k = (−1)^k (ζ(k) − 1)/k, k = 2..28 (Abramowitz & Stegun 6.1.33), from mpmath
 * at 40 digits. ln Γ(2 + z) = (1 − γ)z + Σ c_k z^k for |z| < 2; the tail beyond k = 28 is below
 * 2e-19 for |z| ≤ ½.
 */
function lnGamma2Poly(z: number): number {
  // Horner form, unrolled (highest degree first).
  let s = 1.330476437424449e-10;
  s = s * z - 2.7595228851242334e-10;
  s = s * z + 5.731367241678862e-10;
  s = s * z - 1.1921401405860912e-9;
  s = s * z + 2.4836745438024785e-9;
  s = s * z - 5.183475041970047e-9;
  s = s * z + 1.0838659214896955e-8;
  s = s * z - 2.2711094608943164e-8;
  s = s * z + 4.7698101693639804e-8;
  s = s * z - 1.0043224823968099e-7;
  s = s * z + 2.1207184805554665e-7;
  s = s * z - 4.492469198764566e-7;
  s = s * z + 9.55141213040742e-7;
  s = s * z - 2.039215753801366e-6;
  s = s * z + 4.374866789907488e-6;
  s = s * z - 9.439488275268397e-6;
  s = s * z + 2.050721277567069e-5;
  s = s * z - 4.492623673813314e-5;
  s = s * z + 9.945751278180853e-5;
  s = s * z - 0.00022315475845357939;
  s = s * z + 0.0005096695247430425;
  s = s * z - 0.001192753911703261;
  s = s * z + 0.0028905103307415234;
  s = s * z - 0.007385551028673986;
  s = s * z + 0.020580808427784546;
  s = s * z - 0.0673523010531981;
  s = s * z + 0.3224670334241132;
  return s;
}

/**
 * Stirling-series coefficients B_{2k}/(2k(2k − 1)), k = 1..10. With x ≥ 10 the first omitted term is
 * below 2e-20, i.e. a relative truncation error below 3e-18 in δ(x).
 */
function stirlingPoly(w: number): number {
  // Horner form, unrolled (highest degree first).
  let s = -1.3924322169059011;
  s = s * w + 0.17964437236883057;
  s = s * w - 0.029550653594771242;
  s = s * w + 0.00641025641025641;
  s = s * w - 0.0019175269175269176;
  s = s * w + 0.0008417508417508417;
  s = s * w - 0.0005952380952380953;
  s = s * w + 0.0007936507936507937;
  s = s * w - 0.002777777777777778;
  s = s * w + 0.08333333333333333;
  return s;
}

/** ln Γ(2 + z) − (1 − γ)z, for |z| ≤ ½ (Horner in z, then times z²). */
function lnGamma2Tail(z: number): number {
  return lnGamma2Poly(z) * z * z;
}

/** ln Γ(1 + z) for |z| ≤ ½ with relative accuracy near z = 0 (ln Γ(1 + z) = ln Γ(2 + z) − ln(1 + z)). */
function lnGamma1p(z: number): number {
  return ONE_MINUS_EULER * z + lnGamma2Tail(z) - Math.log1p(z);
}

/** Asymptotic Stirling correction δ(x) for x ≥ 10 (Horner in 1/x²). */
function stirlingSeries(x: number): number {
  return stirlingPoly(1 / (x * x)) / x;
}

/**
 * g(y) = (y + ½)·ln(1 + 1/y) − 1 = δ(y) − δ(y + 1), written as Σ t^{2k}/(2k + 1) with t = 1/(2y + 1)
 * so that the subtraction of 1 cancels analytically. For y ≥ ½ (t ≤ ½) the loop stops after ≤ 27 terms.
 */
function stirlingStep(y: number): number {
  const t = 1 / (2 * y + 1);
  const t2 = t * t;
  let power = t2;
  let sum = 0;
  for (let k = 1; k < 60; k++) {
    const term = power / (2 * k + 1);
    sum += term;
    if (term <= 1e-17 * sum) break;
    power *= t2;
  }
  return sum;
}

/** sin(πx) with exact argument reduction (exact zeros at the integers). */
function sinPi(x: number): number {
  // r in [-1, 1): x − 2·round(x/2) is exact for |x| < 2^52.
  let r = x - 2 * Math.round(x / 2);
  let sign = 1;
  if (r < 0) {
    r = -r;
    sign = -1;
  }
  // r in [0, 1]; sin(πr) = sin(π(1 − r)).
  if (r > 0.5) r = 1 - r;
  return sign * (r <= 0.25 ? Math.sin(Math.PI * r) : Math.cos(Math.PI * (0.5 - r)));
}

/** ln Γ(x) for finite x > 0. */
function lnGammaPositive(x: number): number {
  if (x < 0.5) {
    // ln Γ(x) = ln Γ(1 + x) − ln x; no cancellation since Γ(x) > 1 on (0, 1).
    return lnGamma1p(x) - Math.log(x);
  }
  if (x < 1.5) return lnGamma1p(x - 1);
  if (x < 2.5) {
    const z = x - 2;
    return ONE_MINUS_EULER * z + lnGamma2Tail(z);
  }
  if (x < STIRLING_MIN) {
    // Recurrence down to [1.5, 2.5): ln Γ(x) = ln Γ(x − n) + ln Π (x − j); x − j is exact.
    let y = x;
    let product = 1;
    while (y >= 2.5) {
      y -= 1;
      product *= y;
    }
    const z = y - 2;
    return ONE_MINUS_EULER * z + lnGamma2Tail(z) + Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x);
}

/**
 * Natural logarithm of the absolute value of the gamma function.
 *
 * @remarks
 * ```math
 * \ln\lvert\Gamma(x)\rvert,\qquad \Gamma(x) = \int_0^\infty t^{x-1} e^{-t}\,dt
 * ```
 *
 * Method: for 0 < x < 2.5 the Taylor series of ln Γ(2 + z) about z = 0,
 * ln Γ(2 + z) = (1 − γ)z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k (Abramowitz & Stegun 6.1.33, 27 terms,
 * |z| ≤ ½), with ln Γ(1 + z) = ln Γ(2 + z) − log1p(z) on [½, 1.5) and ln Γ(x) = ln Γ(1 + x) − ln x
 * below ½; this keeps full relative accuracy at the zeros x = 1 and x = 2 (both exactly 0). On
 * [2.5, 10) the recurrence ln Γ(x) = ln Γ(x − n) + ln Π(x − j) reduces to [1.5, 2.5); for x ≥ 10 the
 * Stirling series (x − ½) ln x − x + ½ ln 2π + δ(x) with ten Bernoulli terms. Negative non-integers
 * use the reflection formula ln|Γ(x)| = ln(π / |sin πx|) − ln Γ(1 − x) with exact argument reduction
 * for sin πx. Measured maximum relative error against 50-digit mpmath for x > 0 (1,170 points from 5e-324
 * to 1.8e308, dense near 1 and 2): 4.6e-16; for negative non-integers 4.3e-16 away from the zeros.
 *
 * Domain: `NaN` gives `NaN`; `Infinity` and `-Infinity` give `Infinity`; 0 and the negative integers
 * (poles) give `Infinity`, as R's `lgamma` does (R also warns). Near the zeros of ln|Γ| for x < 0
 * only absolute accuracy is achieved. Conforms to R `lgamma(x)`; fixtures (mpmath `loggamma` at 50
 * digits) in `test/fixtures/distributions/lnGamma/`.
 *
 * @reference Abramowitz, Milton, and Irene A. Stegun, eds. 1964. _Handbook of Mathematical Functions
 * with Formulas, Graphs, and Mathematical Tables_. National Bureau of Standards Applied Mathematics
 * Series 55. Washington, DC: U.S. Government Printing Office. Formulas 6.1.33 and 6.1.40.
 *
 * @param x - Any real number.
 * @returns ln|Γ(x)|.
 *
 * @example
 * ```ts
 * lnGamma(0.5); // ≈ 0.57236 (= ln √π)
 * lnGamma(100); // ≈ 359.13
 * ```
 * @public
 */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 0) {
    if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    return lnGammaPositive(x);
  }
  if (x === Math.trunc(x)) return Number.POSITIVE_INFINITY; // 0, negative integers, -Infinity
  // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
  const s = Math.abs(sinPi(x));
  return Math.log(Math.PI / s) - lnGammaPositive(1 - x);
}

/**
 * Stirling's correction term δ(x), the remainder of Stirling's formula for ln Γ.
 *
 * @remarks
 * ```math
 * \delta(x) = \ln\Gamma(x) - \Bigl[(x - \tfrac12)\ln x - x + \tfrac12\ln(2\pi)\Bigr]
 *           \sim \frac{1}{12x} - \frac{1}{360x^3} + \cdots
 * ```
 *
 * Method: for x ≥ 10 the asymptotic series with ten Bernoulli terms (relative error ~1e-16); for
 * ½ ≤ x < 10 upward recurrence δ(x) = δ(x + 1) + g(x) where
 * g(x) = (x + ½) ln(1 + 1/x) − 1 = Σ_{k≥1} t^{2k}/(2k + 1), t = 1/(2x + 1), which avoids the
 * cancellation of the closed form; for 0 < x < ½ directly from {@link lnGamma} (δ grows like
 * −½ ln x there, so no cancellation). Measured maximum relative error 4.6e-16. Plays the role of R's internal `lgammacor` (x ≥ 10) and of
 * `stirlerr` in Loader's binomial saddle-point method. Returns `NaN` for x ≤ 0 or `NaN`, and 0 at
 * `Infinity`.
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - A positive real number.
 * @returns δ(x).
 *
 * @example
 * ```ts
 * stirlingCorrection(10); // ≈ 0.0083306
 * ```
 * @internal
 */
export function stirlingCorrection(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x >= STIRLING_MIN) return x === Number.POSITIVE_INFINITY ? 0 : stirlingSeries(x);
  if (x < 0.5) return lnGamma1p(x) - Math.log(x) - (x - 0.5) * Math.log(x) + x - LN_SQRT_2PI;
  let y = x;
  let sum = 0;
  while (y < STIRLING_MIN) {
    sum += stirlingStep(y);
    y += 1;
  }
  return stirlingSeries(y) + sum;
}

/**
 * Natural logarithm of the beta function.
 *
 * @remarks
 * ```math
 * \ln B(a, b) = \ln\Gamma(a) + \ln\Gamma(b) - \ln\Gamma(a + b)
 * ```
 *
 * Method: with p = min(a, b) and q = max(a, b), as R's `lbeta`: when p ≥ 10,
 * −½ ln q + ½ ln 2π + δ(p) + δ(q) − δ(p + q) + (p − ½) ln(p/(p + q)) + q·log1p(−p/(p + q)), so the
 * large Stirling terms cancel analytically; when only q ≥ 10,
 * ln Γ(p) + δ(q) − δ(p + q) + p − p ln(p + q) + (q − ½)·log1p(−p/(p + q)); otherwise the sum of
 * {@link lnGamma} values. Accurate for large and very unequal arguments: measured maximum relative
 * error against mpmath 3.5e-16 (both ≥ 10), 2.9e-16 (one ≥ 10), 1.1e-15 (both < 10, three rounded terms).
 *
 * Domain: `NaN` in gives `NaN`; a < 0 or b < 0 gives `NaN`; p = 0 gives `Infinity`; q = `Infinity`
 * (with p finite and positive) gives `-Infinity`. Conforms to R `lbeta(a, b)`; fixtures (mpmath
 * `log(beta(a, b))` at 50 digits) in `test/fixtures/distributions/lnGamma/`.
 *
 * @reference DiDonato, Armido R., and Alfred H. Morris Jr. 1992. "Algorithm 708: Significant Digit
 * Computation of the Incomplete Beta Function Ratios." _ACM Transactions on Mathematical Software_
 * 18 (3): 360–73. doi:10.1145/131766.131776
 *
 * @param a - First shape, a ≥ 0.
 * @param b - Second shape, b ≥ 0.
 * @returns ln B(a, b).
 *
 * @example
 * ```ts
 * lnBeta(2, 3);     // ≈ -2.4849 (= ln(1/12))
 * lnBeta(1e6, 0.5); // ≈ -6.3354
 * ```
 * @public
 */
export function lnBeta(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p < 0) return Number.NaN;
  if (p === 0) return Number.POSITIVE_INFINITY;
  if (q === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (p >= STIRLING_MIN) {
    const corr = stirlingSeries(p) + stirlingSeries(q) - stirlingSeries(p + q);
    const r = p / (p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(r) + q * Math.log1p(-r);
  }
  if (q >= STIRLING_MIN) {
    const corr = stirlingSeries(q) - stirlingSeries(p + q);
    return lnGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lnGamma(p) + lnGamma(q) - lnGamma(p + q);
}
