/**
 * The binomial distribution: probability mass, distribution and survival functions.
 *
 * @packageDocumentation
 */
import { regularizedBeta, regularizedBetaComplement } from "./regularizedBeta.js";
import { binomialLogPmfRaw } from "./saddlePoint.js";

/** Whether n is a valid number of trials: a finite non-negative integer. */
function isTrials(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/**
 * Probability mass function of the binomial distribution, P(X = k) for X ~ Binomial(n, p).
 *
 * @remarks
 * ```math
 * P(X = k) = \binom{n}{k} p^k (1 - p)^{n - k}
 * ```
 *
 * Method: Loader's (2000) saddle-point expansion in log space,
 * ln P = δ(n) − δ(k) − δ(n − k) − bd0(k, np) − bd0(n − k, nq) − ½ ln(2πk(n − k)/n), with δ
 * Stirling's correction and bd0 the deviance term evaluated without cancellation; the means np and
 * nq are carried in double-double precision, so large n (up to 1e9 and beyond) keeps full accuracy.
 * No factorials, no loops over k: O(1). k = 0 and k = n use n·log1p(−p) and n·log1p(−q). Measured
 * relative error against 50-digit mpmath (1,470 points, n up to 1e9): ≤ 1e-14 near the mean,
 * ≤ 7e-14 for P ≥ 1e-100, ≤ 1.7e-13 down to 1e-300 — about (|ln P| + 4)·ε, the rounding of the
 * exponent of exp.
 *
 * Domain: `NaN` in gives `NaN`; n not a non-negative integer, or p outside [0, 1], gives `NaN`;
 * non-integer or infinite k gives 0 (R warns and returns 0); k < 0 or k > n gives 0; p = 0 and p = 1
 * give point masses at 0 and n. Conforms to R `dbinom(k, n, p)`; fixtures (mpmath exact terms) in
 * `test/fixtures/distributions/binomial/`.
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param k - Number of successes (an integer 0 ≤ k ≤ n for a non-zero mass).
 * @param n - Number of trials, a non-negative integer.
 * @param p - Success probability in [0, 1].
 * @returns P(X = k).
 *
 * @example
 * ```ts
 * binomialPmf(3, 10, 0.5);        // ≈ 0.11719 (= 120/1024)
 * binomialPmf(500, 1000, 0.5);    // ≈ 0.025225
 * binomialPmf(10, 1e9, 1e-8);     // ≈ 0.12511
 * ```
 * @public
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || Number.isNaN(n) || Number.isNaN(p)) return Number.NaN;
  if (!isTrials(n) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return Math.exp(binomialLogPmfRaw(k, n, p, 1 - p));
}

/**
 * Cumulative distribution function of the binomial distribution, P(X ≤ k) for X ~ Binomial(n, p).
 *
 * @remarks
 * ```math
 * P(X \le k) = \sum_{j=0}^{\lfloor k \rfloor} \binom{n}{j} p^j (1 - p)^{n - j} = I_{1-p}(n - k, k + 1) = 1 - I_p(k + 1, n - k)
 * ```
 *
 * Method: the complement of the regularized incomplete beta function evaluated natively at p
 * (`regularizedBetaComplement(p, k + 1, n − k)`), so 1 − p is never rounded and the lower tail keeps
 * its relative accuracy down to 1e-300. O(1) in n. Measured relative error against 50-digit mpmath
 * (1,150 points, n up to 1e9): ≤ 1e-14 for values ≥ 1e-100, ≤ 5e-14 down to 1e-300 (the accuracy
 * of the incomplete beta).
 *
 * Domain: `NaN` in gives `NaN`; n not a non-negative integer, or p outside [0, 1], gives `NaN`;
 * k is floored as R's `pbinom` does (`floor(k + 1e-7)`); k < 0 gives 0, k ≥ n gives 1 (also for
 * k = ±Infinity). Conforms to R `pbinom(k, n, p)`; fixtures (mpmath exact sums and a 60-digit
 * incomplete-beta continued fraction) in `test/fixtures/distributions/binomial/`.
 *
 * @reference Abramowitz, Milton, and Irene A. Stegun, eds. 1964. _Handbook of Mathematical Functions_.
 * National Bureau of Standards Applied Mathematics Series 55. Formula 26.5.24.
 * @reference DiDonato, Armido R., and Alfred H. Morris Jr. 1992. "Algorithm 708: Significant Digit
 * Computation of the Incomplete Beta Function Ratios." _ACM Transactions on Mathematical Software_
 * 18 (3): 360–73. doi:10.1145/131766.131776
 *
 * @param k - Number of successes (floored).
 * @param n - Number of trials, a non-negative integer.
 * @param p - Success probability in [0, 1].
 * @returns P(X ≤ k).
 *
 * @example
 * ```ts
 * binomialCdf(3, 10, 0.5);          // ≈ 0.17188 (= 176/1024)
 * binomialCdf(450, 1000, 0.5);      // ≈ 0.00086527
 * ```
 * @see {@link binomialSf}
 * @public
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || Number.isNaN(n) || Number.isNaN(p)) return Number.NaN;
  if (!isTrials(n) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (k < 0) return 0;
  const j = Math.floor(k + 1e-7);
  if (j >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return regularizedBetaComplement(p, j + 1, n - j);
}

/**
 * Survival function of the binomial distribution, P(X > k) for X ~ Binomial(n, p), computed directly.
 *
 * @remarks
 * ```math
 * P(X > k) = \sum_{j=\lfloor k \rfloor + 1}^{n} \binom{n}{j} p^j (1 - p)^{n - j} = I_p(k + 1, n - k)
 * ```
 *
 * Method: the regularized incomplete beta function I_p(k + 1, n − k), never 1 − cdf, so upper-tail
 * probabilities (exact binomial p-values) keep their relative accuracy down to 1e-300. O(1) in n.
 * Measured relative error against 50-digit mpmath (1,150 points, n up to 1e9): ≤ 1.6e-14 for values
 * ≥ 1e-100, ≤ 3e-14 down to 1e-300.
 *
 * Domain: as {@link binomialCdf}: `NaN` for invalid n or p; k floored (`floor(k + 1e-7)`); k < 0 gives
 * 1, k ≥ n gives 0. Conforms to R `pbinom(k, n, p, lower.tail = FALSE)`; fixtures in
 * `test/fixtures/distributions/binomial/`.
 *
 * @reference DiDonato, Armido R., and Alfred H. Morris Jr. 1992. "Algorithm 708: Significant Digit
 * Computation of the Incomplete Beta Function Ratios." _ACM Transactions on Mathematical Software_
 * 18 (3): 360–73. doi:10.1145/131766.131776
 *
 * @param k - Number of successes (floored).
 * @param n - Number of trials, a non-negative integer.
 * @param p - Success probability in [0, 1].
 * @returns P(X > k).
 *
 * @example
 * ```ts
 * binomialSf(3, 10, 0.5);       // ≈ 0.82813 (= 848/1024)
 * binomialSf(600, 1000, 0.5);   // ≈ 9.0084e-11
 * ```
 * @see {@link binomialCdf}
 * @public
 */
export function binomialSf(k: number, n: number, p: number): number {
  if (Number.isNaN(k) || Number.isNaN(n) || Number.isNaN(p)) return Number.NaN;
  if (!isTrials(n) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (k < 0) return 1;
  const j = Math.floor(k + 1e-7);
  if (j >= n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return regularizedBeta(p, j + 1, n - j);
}
