/**
 * Root finding for the solvers (sample size, MDE, boundaries, quantile fallbacks).
 *
 * @packageDocumentation
 */

/** Outcome of a root search: the root, or why there is none. @internal */
export type RootResult =
  | { readonly ok: true; readonly root: number; readonly iterations: number }
  | { readonly ok: false; readonly reason: "no-bracket" | "not-converged"; readonly iterations: number };

/** Options for {@link brentRoot}. @internal */
export interface RootOptions {
  /** Absolute tolerance on the root. @defaultValue 0 */
  readonly absoluteTolerance?: number;
  /** Relative tolerance on the root. @defaultValue 4 × machine epsilon */
  readonly relativeTolerance?: number;
  /** Iteration cap. @defaultValue 200 */
  readonly maxIterations?: number;
}

/**
 * Brent's method on a bracket [a, b] with f(a) and f(b) of opposite signs (or one of them zero).
 *
 * @remarks
 * Inverse quadratic interpolation and secant steps, safeguarded by bisection, so convergence is
 * superlinear for smooth f and never slower than bisection (Brent 1973, ch. 4; the same family as R
 * `uniroot` and scipy `brentq`). Stops when the bracket is narrower than
 * `2·(relativeTolerance·|x| + absoluteTolerance/2)` or f is exactly 0.
 *
 * @reference Brent, R. P. 1973. _Algorithms for Minimization without Derivatives_. Prentice-Hall.
 * @internal
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, options: RootOptions = {}): RootResult {
  const absTol = options.absoluteTolerance ?? 0;
  const relTol = options.relativeTolerance ?? 4 * Number.EPSILON;
  const maxIterations = options.maxIterations ?? 200;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { ok: true, root: a, iterations: 0 };
  if (fb === 0) return { ok: true, root: b, iterations: 0 };
  if (!(Math.sign(fa) * Math.sign(fb) < 0)) return { ok: false, reason: "no-bracket", iterations: 0 };

  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * relTol * Math.abs(b) + 0.5 * absTol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { ok: true, root: b, iterations: iteration };

    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant with two points, inverse quadratic with three.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { ok: false, reason: "not-converged", iterations: maxIterations };
}

/** Options for {@link expandingBrentRoot}. @internal */
export interface ExpandingRootOptions extends RootOptions {
  /** Lowest admissible x (the search never steps below it). @defaultValue -Infinity */
  readonly lowerLimit?: number;
  /** Highest admissible x. @defaultValue Infinity */
  readonly upperLimit?: number;
  /** Maximum number of bracket expansions. @defaultValue 200 */
  readonly maxExpansions?: number;
}

/**
 * Brent's method from a starting interval [a, b] that is widened until it brackets a sign change.
 *
 * @remarks
 * The side whose |f| is smaller moves outward by a growing step (doubling), clamped to the admissible
 * limits; with a finite limit the step approaches it geometrically. This is R `uniroot(extendInt = "yes")`
 * and statsmodels `brentq_expanding` in spirit: callers only need a plausible starting interval.
 *
 * @internal
 */
export function expandingBrentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  options: ExpandingRootOptions = {},
): RootResult {
  const lowerLimit = options.lowerLimit ?? Number.NEGATIVE_INFINITY;
  const upperLimit = options.upperLimit ?? Number.POSITIVE_INFINITY;
  const maxExpansions = options.maxExpansions ?? 200;
  let fa = f(a);
  let fb = f(b);
  let width = b - a;
  for (let expansion = 0; Math.sign(fa) * Math.sign(fb) > 0 || Number.isNaN(fa * fb); expansion++) {
    if (expansion >= maxExpansions) return { ok: false, reason: "no-bracket", iterations: expansion };
    const moveLower = Number.isNaN(fb) || (!Number.isNaN(fa) && Math.abs(fa) < Math.abs(fb));
    if (moveLower && a > lowerLimit) {
      b = a;
      fb = fa;
      a = Number.isFinite(lowerLimit) ? Math.max(a - width, (a + lowerLimit) / 2) : a - width;
      fa = f(a);
    } else if (b < upperLimit) {
      a = b;
      fa = fb;
      b = Number.isFinite(upperLimit) ? Math.min(b + width, (b + upperLimit) / 2) : b + width;
      fb = f(b);
    } else if (a > lowerLimit) {
      b = a;
      fb = fa;
      a = Number.isFinite(lowerLimit) ? Math.max(a - width, (a + lowerLimit) / 2) : a - width;
      fa = f(a);
    } else {
      return { ok: false, reason: "no-bracket", iterations: expansion };
    }
    width *= 2;
  }
  return brentRoot(f, a, b, options);
}
