// The error function and its complement (Cody's rational Chebyshev approximations).

/** 1/√π. */
const INV_SQRT_PI = 0.5641895835477563;
/** Boundary of the erf(x) = x·R(x²) branch. */
const ERF_SMALL = 0.46875;
/** Beyond this erfc(x) underflows to 0 (erfc(27.3) < 2^-1075). */
const ERFC_UNDERFLOW = 27.3;
/** Beyond this erf(x) rounds to ±1 (erfc(6) ≈ 2e-17 < 2^-54). */
const ERF_ONE = 6;

/**
 * erf(x) for |x| ≤ 0.46875: x·N(x²)/D(x²), Cody (1969) Table I coefficients as published in
 * SPECFUN (Cody 1993).
 */
function erfSmall(x: number): number {
  const t = x * x;
  const num = erfSmallP(t);
  const den = erfSmallQ(t);
  return (x * num) / den;
}

// Published coefficients (rounded to the nearest double).
/** Cody (1969): erf(x) = x·P(x²)/Q(x²) on |x| ≤ 0.46875. Horner form, unrolled. */
function erfSmallP(x: number): number {
  return (
    (((0.18577770618460315 * x + 3.1611237438705655) * x + 113.86415415105016) * x + 377.485237685302) * x +
    3209.3775891384694
  );
}
function erfSmallQ(x: number): number {
  return (((x + 23.601290952344122) * x + 244.02463793444417) * x + 1282.6165260773723) * x + 2844.236833439171;
}
/** Cody (1969): erfc(x) = exp(−x²)·P(x)/Q(x) on (0.46875, 4]. Horner form, unrolled. */
function erfcMidP(x: number): number {
  return (
    (((((((2.1531153547440383e-8 * x + 0.5641884969886701) * x + 8.883149794388377) * x + 66.11919063714163) * x +
      298.6351381974001) *
      x +
      881.952221241769) *
      x +
      1712.0476126340707) *
      x +
      2051.0783778260716) *
      x +
    1230.3393547979972
  );
}
function erfcMidQ(x: number): number {
  return (
    (((((((x + 15.744926110709835) * x + 117.6939508913125) * x + 537.1811018620099) * x + 1621.3895745666903) * x +
      3290.7992357334597) *
      x +
      4362.619090143247) *
      x +
      3439.3676741437216) *
      x +
    1230.3393548037495
  );
}
/** Cody (1969): erfc(x) = exp(−x²)/x·(1/√π − t·P(t)/Q(t)), t = 1/x², on (4, ∞). Horner form, unrolled. */
function erfcTailP(x: number): number {
  return (
    ((((0.016315387137302097 * x + 0.30532663496123236) * x + 0.36034489994980445) * x + 0.12578172611122926) * x +
      0.016083785148742275) *
      x +
    0.0006587491615298378
  );
}
function erfcTailQ(x: number): number {
  return (
    ((((x + 2.568520192289822) * x + 1.8729528499234604) * x + 0.5279051029514285) * x + 0.06051834131244132) * x +
    0.0023352049762686918
  );
}

/**
 * exp(−y²) without the rounding error of y²: y = h + (y − h) with h = ⌊16y⌋/16, so h² is exact and
 * y² = h² + (y − h)(y + h).
 */
function expMinusSquare(y: number): number {
  const h = Math.trunc(y * 16) / 16;
  const del = (y - h) * (y + h);
  return Math.exp(-h * h) * Math.exp(-del);
}

/**
 * erfc(y) for y > 0.46875 without the sign handling of {@link erfc}.
 *
 * @remarks
 * Cody's second and third rational approximations; shared with {@link erfInv}'s refinement step.
 * Returns 0 once the result underflows (y ≥ 27.3).
 *
 * @param y - A number greater than 0.46875.
 * @returns erfc(y).
 * @internal
 */
export function erfcPositive(y: number): number {
  if (y >= ERFC_UNDERFLOW) return 0;
  if (y <= 4) {
    const num = erfcMidP(y);
    const den = erfcMidQ(y);
    return expMinusSquare(y) * (num / den);
  }
  // erfc(y) = exp(−y²)/y · (1/√π − t·N(t)/D(t)), t = 1/y².
  const t = 1 / (y * y);
  const num = erfcTailP(t);
  const den = erfcTailQ(t);
  return (expMinusSquare(y) * (INV_SQRT_PI - (t * num) / den)) / y;
}

/**
 * The scaled complement exp(y²)·erfc(y) for y > 0.46875, from the same rational approximations as
 * {@link erfcPositive} without the exponential factor.
 *
 * @remarks
 * Lets {@link erfInv}'s refinement step form erfc(x) − c as exp(−x²)·(R(x) − c·exp(x²)) with one exponential.
 *
 * @param y - A number greater than 0.46875.
 * @returns exp(y²)·erfc(y).
 * @internal
 */
export function erfcScaledPositive(y: number): number {
  if (y <= 4) return erfcMidP(y) / erfcMidQ(y);
  const t = 1 / (y * y);
  return (INV_SQRT_PI - (t * erfcTailP(t)) / erfcTailQ(t)) / y;
}

/**
 * The error function.
 *
 * @remarks
 * ```math
 * \operatorname{erf}(x) = \frac{2}{\sqrt\pi}\int_0^x e^{-t^2}\,dt
 * ```
 *
 * Method: Cody's near-minimax rational approximations: erf(x) = x·R(x²) for |x| ≤ 0.46875; otherwise
 * erf(x) = sign(x)·(1 − erfc(|x|)) with erfc from the rational approximations on (0.46875, 4] and
 * (4, ∞) (in 1/x²), where exp(−x²) is evaluated as exp(−h²)·exp(−(x − h)(x + h)) with h = ⌊16x⌋/16
 * so the square is not rounded. Odd; |x| ≥ 6 gives ±1 exactly. Measured maximum relative error
 * against 50-digit mpmath (750 points): 4.0e-16.
 *
 * Domain: all reals; `NaN` gives `NaN`, ±`Infinity` gives ±1. Conforms to C99 / R `2*pnorm(x*sqrt(2))-1`
 * and mpmath `erf`; fixtures in `test/fixtures/distributions/erf/`.
 *
 * @reference Cody, W. J. 1969. "Rational Chebyshev Approximations for the Error Function."
 * _Mathematics of Computation_ 23 (107): 631–37. doi:10.1090/S0025-5718-1969-0247736-4
 * @reference Cody, W. J. 1993. "Algorithm 715: SPECFUN—A Portable FORTRAN Package of Special Function
 * Routines and Test Drivers." _ACM Transactions on Mathematical Software_ 19 (1): 22–32.
 * doi:10.1145/151271.151273
 *
 * @param x - Any real number.
 * @returns erf(x), in [−1, 1].
 *
 * @example
 * ```ts
 * erf(0.5); // ≈ 0.52050
 * erf(-2);  // ≈ -0.99532
 * ```
 * @public
 */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_SMALL) return erfSmall(x); // NaN falls through to the last line otherwise
  if (y >= ERF_ONE) return x > 0 ? 1 : -1;
  if (Number.isNaN(x)) return Number.NaN;
  const r = 0.5 - erfcPositive(y) + 0.5;
  return x > 0 ? r : -r;
}

/**
 * The complementary error function, computed directly (never as 1 − erf).
 *
 * @remarks
 * ```math
 * \operatorname{erfc}(x) = 1 - \operatorname{erf}(x) = \frac{2}{\sqrt\pi}\int_x^\infty e^{-t^2}\,dt
 * ```
 *
 * Method: Cody's rational approximations (see {@link erf}): 1 − x·R(x²) for |x| ≤ 0.46875;
 * exp(−x²)·R(x) on (0.46875, 4]; exp(−x²)/x·(1/√π − R(1/x²)/x²) beyond, with exp(−x²) split as
 * exp(−h²)·exp(−(x − h)(x + h)), h = ⌊16x⌋/16, so relative accuracy holds until the result leaves the
 * normal range at x ≈ 26.55 (subnormal results down to x ≈ 27.3 carry only absolute accuracy, then 0).
 * For x < 0, erfc(x) = 2 − erfc(−x). Measured maximum relative error against 50-digit mpmath (1,150
 * points over [−6.5, 26.5]): 5.7e-16.
 *
 * Domain: all reals; `NaN` gives `NaN`, `Infinity` gives 0, `-Infinity` gives 2. Conforms to C99
 * `erfc` and mpmath `erfc`; fixtures in `test/fixtures/distributions/erf/`.
 *
 * @reference Cody, W. J. 1969. "Rational Chebyshev Approximations for the Error Function."
 * _Mathematics of Computation_ 23 (107): 631–37. doi:10.1090/S0025-5718-1969-0247736-4
 * @reference Cody, W. J. 1993. "Algorithm 715: SPECFUN—A Portable FORTRAN Package of Special Function
 * Routines and Test Drivers." _ACM Transactions on Mathematical Software_ 19 (1): 22–32.
 * doi:10.1145/151271.151273
 *
 * @param x - Any real number.
 * @returns erfc(x), in [0, 2].
 *
 * @example
 * ```ts
 * erfc(0.5); // ≈ 0.47950
 * erfc(10);  // ≈ 2.0885e-45
 * ```
 * @public
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_SMALL) return 1 - erfSmall(x);
  if (Number.isNaN(x)) return Number.NaN;
  const r = erfcPositive(y);
  return x > 0 ? r : 2 - r;
}
