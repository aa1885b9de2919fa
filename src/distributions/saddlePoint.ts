/**
 * Loader's saddle-point building blocks for discrete probabilities: the deviance term `bd0`, and raw
 * binomial and Poisson probabilities in log space (the ideas behind R's internal `bd0`, `dbinom_raw` and
 * `dpois_raw`). Shared by the binomial, hypergeometric, beta and noncentral t kernels.
 *
 * @packageDocumentation
 * @internal
 */
import { stirlingCorrection } from "./lnGamma.js";

const LN_2PI = 1.8378770664093453;
/** Veltkamp's splitting constant 2^27 + 1 for exact products without a fused multiply-add. */
const SPLITTER = 134217729;

/**
 * Loader's deviance term bd0(x, M) = x ln(x / M) + M − x, computed without cancellation.
 *
 * @remarks
 * ```math
 * \operatorname{bd0}(x, M) = x \ln\frac{x}{M} + M - x
 *   = \frac{(x - M)^2}{x + M} + 2x \sum_{j \ge 1} \frac{v^{2j+1}}{2j+1},\qquad v = \frac{x - M}{x + M}
 * ```
 *
 * Method: when |x − M| < ½ (x + M) the series in v (|v| < ½, so at most ~26 terms) gives a small
 * relative error (a few ulps), because the leading term (x − M)² / (x + M) is formed without
 * subtracting nearly equal numbers; otherwise the closed form, whose two terms then differ by at least
 * a factor 2.5. Loader switched at |v| < 0.1; the wider series range avoids the ~10× cancellation of
 * the closed form between 0.1 and 0.5. bd0(0, M) = M. Returns `NaN` for non-finite arguments, x < 0 or
 * M ≤ 0.
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - A non-negative real (the observed count).
 * @param np - A positive real (the mean, n·p for the binomial).
 * @returns bd0(x, np) ≥ 0.
 *
 * @example
 * ```ts
 * bd0(3, 5); // ≈ 0.46752 (= 3 ln 0.6 + 2)
 * ```
 * @internal
 */
export function bd0(x: number, np: number): number {
  if (!(Number.isFinite(x) && Number.isFinite(np)) || x < 0 || !(np > 0)) return Number.NaN;
  if (x === 0) return np;
  const d = x - np;
  const s = x + np;
  if (Math.abs(d) < 0.5 * s) {
    const v = d / s;
    let sum = d * v;
    let term = 2 * x * v;
    const v2 = v * v;
    for (let j = 3; j < 200; j += 2) {
      term *= v2;
      const next = sum + term / j;
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  const ratio = x / np;
  const logRatio = ratio > 0 && Number.isFinite(ratio) ? Math.log(ratio) : Math.log(x) - Math.log(np);
  return x * logRatio + np - x;
}

// Scratch for the error-free product (module-level: no allocation per call).
let productLow = 0;

/** hi = fl(a·b) returned, lo = a·b − hi exactly in `productLow` (Dekker's product with Veltkamp's split). */
function twoProduct(a: number, b: number): number {
  const hi = a * b;
  if (!Number.isFinite(hi) || Math.abs(hi) < 1e-280 || Math.abs(a) > 1e280 || Math.abs(b) > 1e280) {
    productLow = 0;
    return hi;
  }
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  productLow = aHi * bHi - hi + aHi * bLo + aLo * bHi + aLo * bLo;
  return hi;
}

/**
 * bd0(x, Mh + Ml) for a mean given as an unevaluated sum with |Ml| ≪ Mh, to first order in Ml
 * (∂bd0/∂M = 1 − x/M); the second-order term Ml²/(2M)·x/M is below the rounding of bd0 itself.
 */
function bd0Split(x: number, mHi: number, mLo: number): number {
  const base = bd0(x, mHi);
  return mLo === 0 ? base : base + mLo * (1 - x / mHi);
}

/**
 * Natural log of the binomial probability C(n, x) pˣ qⁿ⁻ˣ for real x and n (R's `dbinom_raw` in log
 * space), by Loader's saddle-point expansion.
 *
 * @remarks
 * ```math
 * \ln f(x; n, p) = \delta(n) - \delta(x) - \delta(n - x) - \operatorname{bd0}(x, np) - \operatorname{bd0}(n - x, nq)
 *   - \tfrac12 \ln\Bigl(2\pi x \frac{n - x}{n}\Bigr)
 * ```
 *
 * with δ Stirling's correction ({@link stirlingCorrection}). Method: Loader (2000), with two refinements
 * for large n: the means n·p and n·q are carried as exact double-double products and fed to bd0 to
 * first order (a rounded n·p perturbs ln f by |x − np|·ε, i.e. 1e-10 at n = 1e9), and p and q are taken
 * to sum to 1 exactly: the smaller of the two is trusted and the other corrected by the exactly
 * computed residual (1 − larger) − smaller. x = 0 and x = n use n·log1p(−p) (or n·log1p(−q)).
 * x and n need not be integers (the beta density uses it with x = a − 1, n = a + b − 2).
 * Returns −Infinity for x < 0 or x > n, and `NaN` when an argument is `NaN`. No validation of
 * 0 ≤ p, q ≤ 1 (callers do it).
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - Number of successes, 0 ≤ x ≤ n (real).
 * @param n - Number of trials, n ≥ 0 (real).
 * @param p - Success probability.
 * @param q - Failure probability 1 − p, passed separately so callers keep its full precision.
 * @returns ln f(x; n, p).
 *
 * @example
 * ```ts
 * binomialLogPmfRaw(3, 10, 0.5, 0.5); // ≈ -2.1440 (= ln(120/1024))
 * ```
 * @internal
 */
export function binomialLogPmfRaw(x: number, n: number, p: number, q: number): number {
  if (Number.isNaN(x) || Number.isNaN(n) || Number.isNaN(p) || Number.isNaN(q)) return Number.NaN;
  if (x < 0 || x > n) return Number.NEGATIVE_INFINITY;
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p <= q ? n * Math.log1p(-p) : n * Math.log(q);
  }
  if (x === n) return q <= p ? n * Math.log1p(-q) : n * Math.log(p);
  // Trust the smaller probability; the larger one's rounding error is recovered exactly (Sterbenz).
  let pLow = 0;
  let qLow = 0;
  if (p <= q) qLow = 1 - q - p;
  else pLow = 1 - p - q;
  const meanP = twoProduct(n, p);
  const meanPLow = productLow + n * pLow;
  const meanQ = twoProduct(n, q);
  const meanQLow = productLow + n * qLow;
  const y = n - x;
  const lc =
    stirlingCorrection(n) -
    stirlingCorrection(x) -
    stirlingCorrection(y) -
    bd0Split(x, meanP, meanPLow) -
    bd0Split(y, meanQ, meanQLow);
  // ln(2π x y / n); not log1p(−x/n), which loses ~|ln(y/n)| digits when x is close to n.
  const lf = LN_2PI + Math.log(x) + Math.log(y / n);
  return lc - 0.5 * lf;
}

/**
 * The binomial probability C(n, x) pˣ qⁿ⁻ˣ for real x and n (R's `dbinom_raw`): the exponential of
 * {@link binomialLogPmfRaw}.
 *
 * @remarks
 * ```math
 * f(x; n, p) = \binom{n}{x} p^x q^{n-x}
 * ```
 *
 * Method: see {@link binomialLogPmfRaw}; the relative error is about (|ln f| + 4)·ε.
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - Number of successes (real).
 * @param n - Number of trials (real).
 * @param p - Success probability.
 * @param q - Failure probability 1 − p.
 * @returns f(x; n, p).
 *
 * @example
 * ```ts
 * binomialPmfRaw(3, 10, 0.5, 0.5); // ≈ 0.11719 (= 120/1024)
 * ```
 * @internal
 */
export function binomialPmfRaw(x: number, n: number, p: number, q: number): number {
  return Math.exp(binomialLogPmfRaw(x, n, p, q));
}

/**
 * Natural log of the Poisson density e^{−λ} λˣ / Γ(x + 1) for real x ≥ 0 (R's `dpois_raw` in log
 * space), by Loader's saddle-point form.
 *
 * @remarks
 * ```math
 * \ln \pi(x; \lambda) = -\delta(x) - \operatorname{bd0}(x, \lambda) - \tfrac12 \ln(2\pi x)
 * ```
 *
 * Method: Loader (2000); x = 0 gives −λ; λ = 0 gives 0 at x = 0 and −Infinity elsewhere. Used for the
 * Poisson weights of the noncentral t series (at integer and half-integer x).
 *
 * @reference Loader, Catherine. 2000. "Fast and Accurate Computation of Binomial Probabilities."
 * Unpublished manuscript, Bell Labs. https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf
 *
 * @param x - A real x ≥ 0.
 * @param lambda - The mean, λ ≥ 0.
 * @returns ln π(x; λ).
 *
 * @example
 * ```ts
 * poissonLogPmfRaw(2, 3); // ≈ -1.4959 (= ln(4.5 e^{-3}))
 * ```
 * @internal
 */
export function poissonLogPmfRaw(x: number, lambda: number): number {
  if (Number.isNaN(x) || Number.isNaN(lambda)) return Number.NaN;
  if (x < 0) return Number.NEGATIVE_INFINITY;
  if (lambda === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) return -lambda;
  return -stirlingCorrection(x) - bd0(x, lambda) - 0.5 * (LN_2PI + Math.log(x));
}
