// The normal distribution: density, distribution function, survival function and quantile.

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** √32, boundary of Cody's second and third approximations. */
const SQRT_32 = 5.656854249492381;
/** Beyond this Φ(−x) underflows to 0 (Φ(−38.5) ≈ 1e-324). */
const CDF_UNDERFLOW = 38.5;
/** Beyond this φ(x) underflows to 0. */
const PDF_UNDERFLOW = 38.7;

// Published coefficients (rounded to the nearest double).
/** Cody (1993) ANORM: Φ(−y) = exp(−y²/2)·P(y)/Q(y) on (0.66291, √32]. Horner form, unrolled. */
function anormMidP(x: number): number {
  return (
    (((((((1.0765576773720192e-8 * x + 0.39894151208813466) * x + 8.883149794388377) * x + 93.50665613217785) * x +
      597.2702763948002) *
      x +
      2494.5375852903726) *
      x +
      6848.190450536283) *
      x +
      11602.65143764735) *
      x +
    9842.714838383978
  );
}
function anormMidQ(x: number): number {
  return (
    (((((((x + 22.266688044328117) * x + 235.387901782625) * x + 1519.3775994075547) * x + 6485.558298266761) * x +
      18615.571640885097) *
      x +
      34900.95272114598) *
      x +
      38912.00328609327) *
      x +
    19685.429676859992
  );
}
/** Cody (1993) ANORM: Φ(−y) = exp(−y²/2)/y·(1/√(2π) − t·P(t)/Q(t)), t = 1/y², beyond √32. Horner form, unrolled. */
function anormTailP(x: number): number {
  return (
    ((((0.023073441764940174 * x + 0.215898534057957) * x + 0.12740116116024736) * x + 0.022235277870649807) * x +
      0.0014216191932278934) *
      x +
    2.9112874951168793e-5
  );
}
function anormTailQ(x: number): number {
  return (
    ((((x + 1.284260096144911) * x + 0.4682382124808651) * x + 0.06598813786892856) * x + 0.0037823963320275824) * x +
    7.297515550839662e-5
  );
}
/** Cody (1993) ANORM: Φ(z) − ½ = z·P(z²)/Q(z²) on |z| ≤ 0.66291. Horner form, unrolled. */
function anormCentralP(x: number): number {
  return (
    (((0.06568233791820745 * x + 2.2352520354606837) * x + 161.02823106855587) * x + 1067.6894854603709) * x +
    18154.98125334356
  );
}
function anormCentralQ(x: number): number {
  return (((x + 47.202581904688245) * x + 976.0985517377767) * x + 10260.932208618979) * x + 45507.78933502673;
}
/** Wichura (1988) AS 241 PPND16: Φ⁻¹(½ + q) = q·A(r)/B(r), r = 0.180625 − q², |q| ≤ 0.425. Horner form, unrolled. */
function as241CentralA(x: number): number {
  return (
    ((((((2509.0809287301227 * x + 33430.57558358813) * x + 67265.7709270087) * x + 45921.95393154987) * x +
      13731.69376550946) *
      x +
      1971.5909503065513) *
      x +
      133.14166789178438) *
      x +
    3.3871328727963665
  );
}
function as241CentralB(x: number): number {
  return (
    ((((((5226.495278852854 * x + 28729.085735721943) * x + 39307.89580009271) * x + 21213.794301586597) * x +
      5394.196021424751) *
      x +
      687.1870074920579) *
      x +
      42.31333070160091) *
      x +
    1
  );
}
/** Wichura (1988) AS 241 PPND16: −Φ⁻¹(t) = C(r)/D(r), r = √(−ln t) − 1.6, for √(−ln t) ≤ 5. Horner form, unrolled. */
function as241MidC(x: number): number {
  return (
    ((((((0.0007745450142783414 * x + 0.022723844989269184) * x + 0.2417807251774506) * x + 1.2704582524523684) * x +
      3.6478483247632045) *
      x +
      5.769497221460691) *
      x +
      4.630337846156546) *
      x +
    1.4234371107496835
  );
}
function as241MidD(x: number): number {
  return (
    ((((((1.0507500716444169e-9 * x + 0.0005475938084995345) * x + 0.015198666563616457) * x + 0.14810397642748008) *
      x +
      0.6897673349851) *
      x +
      1.6763848301838038) *
      x +
      2.053191626637759) *
      x +
    1
  );
}
/** Wichura (1988) AS 241 PPND16: −Φ⁻¹(t) = E(r)/F(r), r = √(−ln t) − 5, beyond. Horner form, unrolled. */
function as241TailE(x: number): number {
  return (
    ((((((2.0103343992922881e-7 * x + 2.7115555687434876e-5) * x + 0.0012426609473880784) * x + 0.026532189526576124) *
      x +
      0.29656057182850487) *
      x +
      1.7848265399172913) *
      x +
      5.463784911164114) *
      x +
    6.657904643501103
  );
}
function as241TailF(x: number): number {
  return (
    ((((((2.0442631033899397e-15 * x + 1.421511758316446e-7) * x + 1.8463183175100548e-5) * x + 0.0007868691311456133) *
      x +
      0.014875361290850615) *
      x +
      0.1369298809227358) *
      x +
      0.599832206555888) *
      x +
    1
  );
}

/**
 * exp(−y²/2) without the rounding error of y²: y = h + (y − h) with h = ⌊16y⌋/16 (h² exact).
 */
function expMinusHalfSquare(y: number): number {
  const h = Math.trunc(y * 16) / 16;
  const del = (y - h) * (y + h);
  return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * del);
}

/** Φ(−y) for y > 0.66291 (Cody's ANORM second and third approximations). */
function lowerTail(y: number): number {
  if (y >= CDF_UNDERFLOW) return 0;
  if (y <= SQRT_32) {
    const num = anormMidP(y);
    const den = anormMidQ(y);
    return expMinusHalfSquare(y) * (num / den);
  }
  // Φ(−y) = exp(−y²/2)/y · (1/√(2π) − t·P(t)/Q(t)), t = 1/y².
  const t = 1 / (y * y);
  const num = anormTailP(t);
  const den = anormTailQ(t);
  return (expMinusHalfSquare(y) * (INV_SQRT_2PI - (t * num) / den)) / y;
}

/** Φ(z) − ½ for |z| ≤ 0.66291 (Cody's ANORM first approximation, odd in z). */
function centralOffset(z: number): number {
  const t = z * z;
  const num = anormCentralP(t);
  const den = anormCentralQ(t);
  return (z * num) / den;
}

/** Standard normal Φ(z) for non-NaN z. */
function standardCdf(z: number): number {
  if (Math.abs(z) <= 0.66291) return 0.5 + centralOffset(z);
  return z < 0 ? lowerTail(-z) : 0.5 - lowerTail(z) + 0.5;
}

/**
 * Standardizes x, or returns a sentinel for the degenerate cases following R `pnorm`: NaN when any
 * argument is NaN, sd < 0, or x and mean are the same infinity; ±Infinity for sd = 0 (point mass).
 */
function standardize(x: number, mean: number, sd: number): number {
  if (Number.isNaN(x) || Number.isNaN(mean) || Number.isNaN(sd) || sd < 0) return Number.NaN;
  if (!Number.isFinite(x) && x === mean) return Number.NaN;
  if (sd === 0) return x < mean ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return (x - mean) / sd;
}

/**
 * Probability density function of the normal distribution.
 *
 * @remarks
 * ```math
 * \varphi(x; \mu, \sigma) = \frac{1}{\sigma\sqrt{2\pi}} \exp\!\Bigl(-\frac{(x-\mu)^2}{2\sigma^2}\Bigr)
 * ```
 *
 * Method: with z = (x − μ)/σ, exp(−z²/2) is evaluated as exp(−h²/2)·exp(−(z − h)(z + h)/2) with
 * h = ⌊16|z|⌋/16 so the square is not rounded. Measured maximum relative error against 50-digit
 * mpmath: 3.6e-16 out to |z| ≈ 37.5, where the density leaves the normal range.
 *
 * Domain: `NaN` in gives `NaN`; sd < 0 gives `NaN`; sd = 0 is a point mass (`Infinity` at x = mean,
 * 0 elsewhere); sd = `Infinity` gives 0. Conforms to R `dnorm(x, mean, sd)`; fixtures (mpmath `npdf`)
 * in `test/fixtures/distributions/normal/`.
 *
 * @reference Johnson, Norman L., Samuel Kotz, and N. Balakrishnan. 1994. _Continuous Univariate
 * Distributions_. Vol. 1. 2nd ed. New York: Wiley. Chapter 13.
 *
 * @param x - Point at which to evaluate the density.
 * @param mean - Mean μ (default 0).
 * @param sd - Standard deviation σ ≥ 0 (default 1).
 * @returns The density at x.
 *
 * @example
 * ```ts
 * normalPdf(1);        // ≈ 0.24197
 * normalPdf(3, 1, 2);  // ≈ 0.12099
 * ```
 * @public
 */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  if (Number.isNaN(x) || Number.isNaN(mean) || Number.isNaN(sd) || sd < 0) return Number.NaN;
  if (!Number.isFinite(x) && x === mean) return Number.NaN;
  if (sd === 0) return x === mean ? Number.POSITIVE_INFINITY : 0;
  if (sd === Number.POSITIVE_INFINITY) return 0;
  const y = Math.abs((x - mean) / sd);
  if (!(y < PDF_UNDERFLOW)) return 0;
  return (INV_SQRT_2PI * expMinusHalfSquare(y)) / sd;
}

/**
 * Cumulative distribution function of the normal distribution.
 *
 * @remarks
 * ```math
 * \Phi(x; \mu, \sigma) = \frac{1}{2}\operatorname{erfc}\Bigl(-\frac{x-\mu}{\sigma\sqrt2}\Bigr)
 * ```
 *
 * Method: Cody's near-minimax rational approximations for the normal integral (ANORM) in
 * z = (x − μ)/σ directly (no division by √2, whose rounding would cost relative accuracy in the
 * tails): ½ + z·R(z²) for |z| ≤ 0.66291; exp(−z²/2)·R(|z|) up to √32; φ(z)/|z|·(1 − R(1/z²)) beyond,
 * with exp(−z²/2) split as exp(−h²/2)·exp(−(z − h)(z + h)/2), h = ⌊16z⌋/16. The upper half is
 * 1 − Φ(−z) only where the result is at least ½. Relative accuracy is kept down to z ≈ −37.5, where
 * the result becomes subnormal; it is 0 below z = −38.5. Measured maximum relative error against
 * 50-digit mpmath (about 1,100 points over [−37.5, 37.5]): 4.7e-16.
 *
 * Domain: `NaN` in gives `NaN`; sd < 0 gives `NaN`; sd = 0 is a point mass at the mean (0 below it,
 * 1 from it on); x = mean = ±`Infinity` gives `NaN`. Conforms to R `pnorm(x, mean, sd)`; fixtures
 * (mpmath `ncdf`) in `test/fixtures/distributions/normal/`.
 *
 * @reference Cody, W. J. 1969. "Rational Chebyshev Approximations for the Error Function."
 * _Mathematics of Computation_ 23 (107): 631–37. doi:10.1090/S0025-5718-1969-0247736-4
 * @reference Cody, W. J. 1993. "Algorithm 715: SPECFUN—A Portable FORTRAN Package of Special Function
 * Routines and Test Drivers." _ACM Transactions on Mathematical Software_ 19 (1): 22–32.
 * doi:10.1145/151271.151273
 *
 * @param x - Quantile.
 * @param mean - Mean μ (default 0).
 * @param sd - Standard deviation σ ≥ 0 (default 1).
 * @returns P(X ≤ x).
 *
 * @example
 * ```ts
 * normalCdf(1.96);  // ≈ 0.97500
 * normalCdf(-10);   // ≈ 7.6199e-24
 * ```
 * @public
 */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  const z = standardize(x, mean, sd);
  if (Number.isNaN(z)) return Number.NaN;
  return standardCdf(z);
}

/**
 * Survival function (upper tail) of the normal distribution, computed directly.
 *
 * @remarks
 * ```math
 * 1 - \Phi(x; \mu, \sigma) = \Phi(-(x - \mu)/\sigma)
 * ```
 *
 * Method: by symmetry, {@link normalCdf}'s algorithm at −z, so tiny upper-tail probabilities (p-values)
 * keep full relative accuracy down to about 1e-308; never computed as 1 − cdf.
 *
 * Domain: as {@link normalCdf}; sd = 0 gives 1 below the mean and 0 from it on. Conforms to R
 * `pnorm(x, mean, sd, lower.tail = FALSE)`; fixtures (mpmath `ncdf(-x)`) in
 * `test/fixtures/distributions/normal/`.
 *
 * @reference Cody, W. J. 1993. "Algorithm 715: SPECFUN—A Portable FORTRAN Package of Special Function
 * Routines and Test Drivers." _ACM Transactions on Mathematical Software_ 19 (1): 22–32.
 * doi:10.1145/151271.151273
 *
 * @param x - Quantile.
 * @param mean - Mean μ (default 0).
 * @param sd - Standard deviation σ ≥ 0 (default 1).
 * @returns P(X > x).
 *
 * @example
 * ```ts
 * normalSf(1.96);  // ≈ 0.024998
 * normalSf(10);    // ≈ 7.6199e-24
 * ```
 * @public
 */
export function normalSf(x: number, mean = 0, sd = 1): number {
  const z = standardize(x, mean, sd);
  if (Number.isNaN(z)) return Number.NaN;
  return standardCdf(-z);
}

/**
 * Φ⁻¹(½ + q) for |q| ≤ 0.425 (Wichura's AS 241 PPND16, first approximation).
 *
 * @param q - p − ½, with |q| ≤ 0.425.
 * @returns The standard normal quantile.
 * @internal
 */
export function quantileCentral(q: number): number {
  const r = 0.180625 - q * q;
  const num = as241CentralA(r);
  const den = as241CentralB(r);
  return (q * num) / den;
}

/**
 * −Φ⁻¹(t) = Φ⁻¹(1 − t) for 0 < t < 0.075 (Wichura's AS 241 PPND16, second and third
 * approximations in r = √(−ln t)).
 *
 * @param t - The smaller tail probability, 0 < t < 0.075.
 * @returns The positive standard normal quantile of the upper tail t.
 * @internal
 */
export function quantileTail(t: number): number {
  let r = Math.sqrt(-Math.log(t));
  if (r <= 5) {
    r -= 1.6;
    const num = as241MidC(r);
    const den = as241MidD(r);
    return num / den;
  }
  r -= 5;
  const num = as241TailE(r);
  const den = as241TailF(r);
  return num / den;
}

/**
 * Quantile function (inverse CDF) of the normal distribution.
 *
 * @remarks
 * ```math
 * x = \mu + \sigma\,\Phi^{-1}(p)
 * ```
 *
 * Method: Wichura's AS 241 (PPND16) rational approximations: in q = p − ½ for |q| ≤ 0.425, else in
 * r = √(−ln t) with t = min(p, 1 − p) (1 − p is exact for p > ½), one approximation for r ≤ 5 and one
 * beyond; relative error about 1e-16 by design. Measured maximum relative error against 50-digit
 * mpmath for p in [1e-300, 1 − 2⁻⁵³] (720 points): 5.4e-16 (subnormal p included).
 *
 * Domain: `NaN` in gives `NaN`; p outside [0, 1] or sd < 0 gives `NaN`; p = 0 gives `-Infinity`,
 * p = 1 gives `Infinity`; sd = 0 gives the mean for 0 < p < 1. (R returns ∓Infinity at p ∈ {0, 1}
 * even for sd < 0; here sd < 0 is always `NaN`.) Conforms to R `qnorm(p, mean, sd)`; fixtures
 * (Newton's method on mpmath `ncdf`) in `test/fixtures/distributions/normal/`.
 *
 * @reference Wichura, Michael J. 1988. "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution." _Journal of the Royal Statistical Society. Series C (Applied Statistics)_ 37 (3):
 * 477–84. doi:10.2307/2347330
 *
 * @param p - Probability in [0, 1].
 * @param mean - Mean μ (default 0).
 * @param sd - Standard deviation σ ≥ 0 (default 1).
 * @returns The x with P(X ≤ x) = p.
 *
 * @example
 * ```ts
 * normalQuantile(0.975);   // ≈ 1.9600
 * normalQuantile(1e-300);  // ≈ -37.047
 * ```
 * @public
 */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  if (Number.isNaN(p) || Number.isNaN(mean) || Number.isNaN(sd) || p < 0 || p > 1 || sd < 0) {
    return Number.NaN;
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (sd === 0) return mean;
  const q = p - 0.5;
  let z: number;
  if (Math.abs(q) <= 0.425) z = quantileCentral(q);
  else if (q < 0) z = -quantileTail(p);
  else z = quantileTail(1 - p);
  return mean + sd * z;
}
