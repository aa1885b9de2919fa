/**
 * The hypergeometric distribution: probability mass function.
 *
 * @packageDocumentation
 */
import { binomialLogPmfRaw } from "./saddlePoint.js";

/** Whether v is a finite non-negative integer. */
function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/**
 * Probability mass function of the hypergeometric distribution: the probability of drawing x white
 * balls in k draws without replacement from an urn with m white and n black balls.
 *
 * @remarks
 * ```math
 * P(X = x) = \frac{\binom{m}{x}\binom{n}{k - x}}{\binom{m + n}{k}}
 *   = \frac{b(x; m, p)\, b(k - x; n, p)}{b(k; m + n, p)}\quad\text{for any } p \in (0, 1)
 * ```
 *
 * where b is the binomial probability. Method: as R's `dhyper`, the ratio of three binomial
 * probabilities at p = k/(m + n), each from Loader's (2000) saddle-point expansion in log space, so
 * no binomial coefficient is ever formed; the powers of p cancel exactly, and p = k/(m + n) puts
 * the denominator at its mode. O(1) in m, n, k. Measured relative error against 50-digit mpmath
 * (330 points, urns up to 1e9 balls): ≤ 7e-15 near the mean, ≤ 9e-14 for probabilities down to 1e-300.
 *
 * Domain: `NaN` in gives `NaN`; m, n or k not a non-negative integer, or k > m + n, gives `NaN`;
 * non-integer or infinite x gives 0 (R warns and returns 0); x outside [max(0, k − n), min(k, m)]
 * gives 0. Conforms to R `dhyper(x, m, n, k)`; fixtures (mpmath exact binomial coefficients) in
 * `test/fixtures/distributions/hypergeometric/`.
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - Number of white balls drawn.
 * @param m - Number of white balls in the urn, a non-negative integer.
 * @param n - Number of black balls in the urn, a non-negative integer.
 * @param k - Number of balls drawn, an integer 0 ≤ k ≤ m + n.
 * @returns P(X = x).
 *
 * @example
 * ```ts
 * hypergeometricPmf(1, 10, 7, 8); // ≈ 0.00041135 (R: dhyper(1, 10, 7, 8))
 * hypergeometricPmf(3, 5, 5, 5);  // ≈ 0.39683 (Fisher's exact test table)
 * ```
 * @public
 */
export function hypergeometricPmf(x: number, m: number, n: number, k: number): number {
  if (Number.isNaN(x) || Number.isNaN(m) || Number.isNaN(n) || Number.isNaN(k)) return Number.NaN;
  if (!isCount(m) || !isCount(n) || !isCount(k) || k > m + n) return Number.NaN;
  if (!Number.isInteger(x) || x < 0 || x > k || x > m || k - x > n) return 0;
  if (k === 0) return 1;
  const total = m + n;
  const p = k / total;
  const q = (total - k) / total;
  const log1 = binomialLogPmfRaw(x, m, p, q);
  const log2 = binomialLogPmfRaw(k - x, n, p, q);
  const log3 = binomialLogPmfRaw(k, total, p, q);
  return Math.exp(log1 + log2 - log3);
}
