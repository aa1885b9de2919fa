/**
 * Private helpers of `experiment-stats/bayesian`: exact comparisons of two independent Beta variables
 * X ~ Beta(a_X, b_X) and Y ~ Beta(a_Y, b_Y): P(Y > X), the expected shortfall E[max(X − Y, 0)], and the
 * distribution functions of Y − X and Y/X, by Evan Miller's closed form where it is exact and cheap and
 * by deterministic adaptive quadrature otherwise.
 *
 * @packageDocumentation
 * @internal
 */
import { betaCdf, betaPdf, betaSf } from "../distributions/beta.js";
import { lnBeta } from "../distributions/lnGamma.js";
import { adaptiveIntegrate } from "../internal/quadrature.js";
import { CompensatedAccumulator } from "../internal/summation.js";

/** Shapes of a Beta distribution. @internal */
export interface BetaShape {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Largest shape for which the closed form is used: its first term comes from two `lnBeta` values whose
 * absolute rounding (≈ 3.5e-16·|ln B| ≤ 5e-13) sets its relative accuracy, and it has at most this many terms.
 * @internal
 */
export const CLOSED_FORM_MAX_SHAPE = 1000;

/** Relative accuracy asked of each quadrature piece. */
const RELATIVE_TOLERANCE = 1e-13;
/** Pieces whose absolute error is below this are done (they are far below any reported digit). */
const ABSOLUTE_TOLERANCE = 1e-300;
/** Standardized offsets of the breakpoints placed around each distribution's mean. */
const OFFSETS = [-38, -20, -10, -5, -2, 0, 2, 5, 10, 20, 38];

/** Mean of a Beta distribution. @internal */
export function betaMean(s: BetaShape): number {
  return s.alpha / (s.alpha + s.beta);
}

/** Standard deviation of a Beta distribution. @internal */
export function betaSd(s: BetaShape): number {
  const n = s.alpha + s.beta;
  return Math.sqrt(((s.alpha / n) * (s.beta / n)) / (n + 1));
}

// ---------------------------------------------------------------------------------------------
// Closed form

/**
 * Evan Miller's h(a_A, b_A, a_B, b_B) = P(p_B > p_A) for an integer a_B:
 * Σ_{i<a_B} B(a_A + i, b_A + b_B) / ((b_B + i)·B(1 + i, b_B)·B(a_A, b_A)). The first term is
 * B(a_A, b_A + b_B)/B(a_A, b_A); the ratio of consecutive terms is
 * (a_A + i)(b_B + i)/((a_A + b_A + b_B + i)(1 + i)). Terms are carried with a running power-of-two scale
 * so that neither the first term's underflow nor the terms' growth loses digits.
 */
function millerSum(aA: number, bA: number, aB: number, bB: number): number {
  const logFirst = lnBeta(aA, bA + bB) - lnBeta(aA, bA);
  let sum = new CompensatedAccumulator();
  let term = 1;
  let logScale = 0;
  for (let i = 0; i < aB; i++) {
    sum.add(term);
    term *= ((aA + i) * (bB + i)) / ((aA + bA + bB + i) * (1 + i));
    if (term > 1e250) {
      // Rescale the running sum and term together (exact powers of two keep every digit).
      const value = sum.value * 2 ** -830;
      sum = new CompensatedAccumulator();
      sum.add(value);
      term *= 2 ** -830;
      logScale += 830 * Math.LN2;
    }
  }
  const logFactor = logFirst + logScale;
  const value = Math.abs(logFactor) < 700 ? Math.exp(logFactor) * sum.value : Math.exp(logFactor + Math.log(sum.value));
  return Math.min(1, value);
}

/**
 * P(Y > X) by the closed form, when one of its four forms has an integer summation shape and every shape
 * is at most {@link CLOSED_FORM_MAX_SHAPE}; `undefined` otherwise. The two direct forms (summing over a_Y,
 * or over b_X by the reflection p → 1 − p) are preferred, so small probabilities keep their relative
 * accuracy; the complementary forms 1 − P(X > Y) are the fallback.
 * @internal
 */
export function closedFormGreater(x: BetaShape, y: BetaShape): number | undefined {
  const max = Math.max(x.alpha, x.beta, y.alpha, y.beta);
  if (max > CLOSED_FORM_MAX_SHAPE + 1) return undefined;
  const ay = Number.isInteger(y.alpha);
  const bx = Number.isInteger(x.beta);
  if (ay && (!bx || y.alpha <= x.beta)) return millerSum(x.alpha, x.beta, y.alpha, y.beta);
  if (bx) return millerSum(y.beta, y.alpha, x.beta, x.alpha);
  const ax = Number.isInteger(x.alpha);
  const by = Number.isInteger(y.beta);
  if (ax && (!by || x.alpha <= y.beta)) return Math.max(0, 1 - millerSum(y.alpha, y.beta, x.alpha, x.beta));
  if (by) return Math.max(0, 1 - millerSum(x.beta, x.alpha, y.beta, y.alpha));
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Quadrature

/** Breakpoints mean + k·sd of each distribution (mapped by `map`), inside (0, 1). */
function breakpoints(
  shapes: readonly BetaShape[],
  map: (t: number) => number = (t) => t,
  offsets: readonly number[] = OFFSETS,
): number[] {
  const points: number[] = [];
  for (const s of shapes) {
    const m = betaMean(s);
    const sd = betaSd(s);
    for (const k of offsets) {
      const p = map(m + k * sd);
      if (p > 0 && p < 1) points.push(p);
    }
  }
  return points;
}

/**
 * ∫₀¹ f(x; a, b)·g(x) dx for the Beta(a, b) density f, piecewise between the sorted breakpoints by adaptive
 * Gauss–Kronrod. A density pole at 0 (a < 1) or 1 (b < 1) is removed by the substitution x = c·u^{1/a}
 * (1 − x = (1 − c)·u^{1/b}) on the end piece, which makes the weight x^{a−1}dx = (c^a/a) du exactly flat.
 * @internal
 */
export function integrateAgainstBeta(
  s: BetaShape,
  g: (x: number) => number,
  extraPoints: readonly number[],
  relativeTolerance: number = RELATIVE_TOLERANCE,
): number {
  const a = s.alpha;
  const b = s.beta;
  const points = [...breakpoints([s]), ...extraPoints].filter((p) => p > 0 && p < 1).sort((u, v) => u - v);
  const edges: number[] = [0];
  for (const p of points) if (p > edges[edges.length - 1]!) edges.push(p);
  if (edges.length === 1) edges.push(0.5);
  edges.push(1);
  const lnB = lnBeta(a, b);
  const last = edges.length - 2;
  // Each piece as an integrand on its own interval (end pieces with a pole are substituted onto [0, 1]).
  const pieces: { f: (t: number) => number; lo: number; hi: number; size: number }[] = [];
  for (let i = 0; i <= last; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    let piece: { f: (t: number) => number; lo: number; hi: number };
    if (i === 0 && a < 1) {
      const scale = a * Math.log(hi) - Math.log(a) - lnB;
      const f = (u: number): number => {
        const x = hi * u ** (1 / a);
        return Math.exp(scale + (b - 1) * Math.log1p(-x)) * g(x);
      };
      piece = { f, lo: 0, hi: 1 };
    } else if (i === last && b < 1) {
      const scale = b * Math.log1p(-lo) - Math.log(b) - lnB;
      const f = (u: number): number => {
        const y = (1 - lo) * u ** (1 / b);
        return Math.exp(scale + (a - 1) * Math.log1p(-y)) * g(1 - y);
      };
      piece = { f, lo: 0, hi: 1 };
    } else {
      piece = { f: (x: number) => betaPdf(x, a, b) * g(x), lo, hi };
    }
    const size = Math.abs(piece.f(0.5 * (piece.lo + piece.hi)) * (piece.hi - piece.lo));
    pieces.push({ ...piece, size: Number.isFinite(size) ? size : Number.MAX_VALUE });
  }
  // Largest pieces first, so the small ones are integrated to an absolute accuracy relative to the total.
  pieces.sort((p, q) => q.size - p.size);
  const total = new CompensatedAccumulator();
  for (const piece of pieces) {
    const absoluteTolerance = Math.max(ABSOLUTE_TOLERANCE, 1e-16 * Math.abs(total.value));
    const r = adaptiveIntegrate(piece.f, piece.lo, piece.hi, {
      absoluteTolerance,
      relativeTolerance,
      maxSegments: 400,
    });
    total.add(r.value);
  }
  return total.value;
}

/** Smallest shape, a proxy for how regular the density is (≥ 1: bounded). */
function minShape(s: BetaShape): number {
  return Math.min(s.alpha, s.beta);
}

/** P(Y > X) by quadrature against the more regular of the two densities. @internal */
export function quadratureGreater(x: BetaShape, y: BetaShape): number {
  const points = breakpoints([x, y]);
  if (minShape(x) >= minShape(y)) return integrateAgainstBeta(x, (t) => betaSf(t, y.alpha, y.beta), points);
  return integrateAgainstBeta(y, (t) => betaCdf(t, x.alpha, x.beta), points);
}

/** The law of 1 − X. @internal */
export function reflect(s: BetaShape): BetaShape {
  return { alpha: s.beta, beta: s.alpha };
}

/**
 * Whether to work with 1 − X and 1 − Y instead: doubles near 1 carry 1 − x only to about 1e-16 absolute,
 * which costs relative accuracy when the posteriors sit within a few 1e-6 of 1; near 0 they are exact.
 */
function nearOne(x: BetaShape, y: BetaShape): boolean {
  return betaMean(x) + betaMean(y) > 1;
}

/** P(Y > X), exact: closed form where available, quadrature otherwise. @internal */
export function probabilityGreater(x: BetaShape, y: BetaShape): number {
  const closed = closedFormGreater(x, y);
  if (closed !== undefined) return closed;
  // The smaller of P(Y > X) and P(X > Y) is integrated and the larger is its complement, so a probability
  // near 1 is as accurate as the tail beside it (integrating it directly left 1.4e-11 at Beta(884629, 0.5)
  // against Beta(5, 8846289)).
  const p = betaMean(y) <= betaMean(x) ? quadratureSmallerTail(x, y) : 1 - quadratureSmallerTail(y, x);
  return Math.min(1, Math.max(0, p));
}

/** P(Y > X) by quadrature, on the reflected pair P(1 − X > 1 − Y) when the mass sits near 1. */
function quadratureSmallerTail(x: BetaShape, y: BetaShape): number {
  return nearOne(x, y) ? quadratureGreater(reflect(y), reflect(x)) : quadratureGreater(x, y);
}

/**
 * E[max(t − Y, 0)] = (t − m)·F(t) + t(1 − t)·f(t)/(a + b) for Y ~ Beta(a, b) with mean m (integrate
 * F from 0 to t; f' relation a − (a + b)t). Both terms are positive for t ≥ m; below m the subtraction
 * loses at most z² ulps at z standard deviations.
 */
function shortfallBelow(t: number, s: BetaShape): number {
  if (t <= 0) return 0;
  if (t >= 1) return t - betaMean(s);
  const n = s.alpha + s.beta;
  return (t - s.alpha / n) * betaCdf(t, s.alpha, s.beta) + (t * (1 - t) * betaPdf(t, s.alpha, s.beta)) / n;
}

/** E[max(X − t, 0)] = (m − t)·S(t) + t(1 − t)·f(t)/(a + b) for X ~ Beta(a, b). */
function excessAbove(t: number, s: BetaShape): number {
  if (t >= 1) return 0;
  if (t <= 0) return betaMean(s) - t;
  const n = s.alpha + s.beta;
  return (s.alpha / n - t) * betaSf(t, s.alpha, s.beta) + (t * (1 - t) * betaPdf(t, s.alpha, s.beta)) / n;
}

/** E[max(X − Y, 0)] by quadrature. @internal */
export function quadratureShortfall(x: BetaShape, y: BetaShape): number {
  const points = breakpoints([x, y]);
  if (minShape(x) >= minShape(y)) return integrateAgainstBeta(x, (t) => shortfallBelow(t, y), points);
  return integrateAgainstBeta(y, (t) => excessAbove(t, x), points);
}

/**
 * E[max(X − Y, 0)], the expected loss of choosing Y: Stucchio's closed form
 * m_X·P(X⁺ > Y) − m_Y·P(X > Y⁺) (X⁺ ~ Beta(a_X + 1, b_X), Y⁺ ~ Beta(a_Y + 1, b_Y)) where the closed form
 * of both probabilities is available, quadrature otherwise.
 * @internal
 */
export function expectedShortfall(x: BetaShape, y: BetaShape): number {
  const xPlus = { alpha: x.alpha + 1, beta: x.beta };
  const yPlus = { alpha: y.alpha + 1, beta: y.beta };
  const p1 = closedFormGreater(y, xPlus);
  const p2 = closedFormGreater(yPlus, x);
  if (p1 !== undefined && p2 !== undefined) {
    return Math.max(0, betaMean(x) * p1 - betaMean(y) * p2);
  }
  // X − Y = (1 − Y) − (1 − X).
  return nearOne(x, y) ? quadratureShortfall(reflect(y), reflect(x)) : quadratureShortfall(x, y);
}

/** Relative accuracy of the integrals behind the credible bounds. */
const BOUND_TOLERANCE = 1e-12;

/** Which quantity of Y − X or ln(Y/X) to integrate. */
type EffectQuantity = "lower" | "upper" | "density";

/** The lower tail, upper tail or density of a Beta law at a point. */
function lawAt(s: BetaShape, quantity: EffectQuantity): (t: number) => number {
  if (quantity === "lower") return (t) => betaCdf(t, s.alpha, s.beta);
  if (quantity === "upper") return (t) => betaSf(t, s.alpha, s.beta);
  return (t) => betaPdf(t, s.alpha, s.beta);
}

/** The same with the tails swapped (for a reflected variable, whose inequalities flip). */
function flipped(quantity: EffectQuantity): EffectQuantity {
  return quantity === "lower" ? "upper" : quantity === "upper" ? "lower" : "density";
}

/** Whether a posterior sits in the upper half, where it is handled through 1 − X. */
function upperHalf(s: BetaShape): boolean {
  return betaMean(s) > 0.5;
}

/**
 * P(Y − X ≤ d) (`"lower"`), P(Y − X > d) (`"upper"`) or the density of Y − X at d, by quadrature. Each
 * variable in the upper half is replaced by its reflection X' = 1 − X, so every kernel argument is formed
 * without cancellation near 1: Y − X = X' − Y', = (1 − Y') − X or = Y − (1 − X').
 * @internal
 */
export function differenceIntegral(x: BetaShape, y: BetaShape, d: number, quantity: EffectQuantity): number {
  const fx = upperHalf(x);
  const fy = upperHalf(y);
  if (!fx && !fy) {
    // P(Y ≤ t + d)
    const g = lawAt(y, quantity);
    const points = [...breakpoints([y], (p) => p - d), -d, 1 - d];
    return integrateAgainstBeta(x, (t) => g(t + d), points, BOUND_TOLERANCE);
  }
  if (fx && fy) {
    // Y − X = X' − Y' ≤ d  ⇔  Y' ≥ u − d
    const xr = reflect(x);
    const yr = reflect(y);
    const g = lawAt(yr, flipped(quantity));
    const points = [...breakpoints([yr], (p) => p + d), d, 1 + d];
    return integrateAgainstBeta(xr, (u) => g(u - d), points, BOUND_TOLERANCE);
  }
  if (!fx && fy) {
    // Y − X = 1 − Y' − X ≤ d  ⇔  Y' ≥ (1 − d) − t
    const yr = reflect(y);
    const g = lawAt(yr, flipped(quantity));
    const c = 1 - d;
    const points = [...breakpoints([yr], (p) => c - p), c, c - 1];
    return integrateAgainstBeta(x, (t) => g(c - t), points, BOUND_TOLERANCE);
  }
  // Y − X = Y + X' − 1 ≤ d  ⇔  Y ≤ (1 + d) − u
  const xr = reflect(x);
  const g = lawAt(y, quantity);
  const c = 1 + d;
  const points = [...breakpoints([y], (p) => c - p), c, c - 1];
  return integrateAgainstBeta(xr, (u) => g(c - u), points, BOUND_TOLERANCE);
}

/**
 * P(ln(Y/X) ≤ s) (`"lower"`), P(ln(Y/X) > s) (`"upper"`) or the density of ln(Y/X) at s, by quadrature,
 * with the variables in the upper half handled through 1 − X as in {@link differenceIntegral}.
 * @internal
 */
export function logRatioIntegral(x: BetaShape, y: BetaShape, s: number, quantity: EffectQuantity): number {
  const r = Math.exp(s);
  const fx = upperHalf(x);
  const fy = upperHalf(y);
  const density = quantity === "density";
  if (!fx && !fy) {
    // Y ≤ r·t; d/ds P = f_Y(r t)·r t
    const g = lawAt(y, quantity);
    const points = [...breakpoints([y], (p) => p / r), 1 / r];
    return integrateAgainstBeta(x, density ? (t) => g(r * t) * r * t : (t) => g(r * t), points, BOUND_TOLERANCE);
  }
  if (fx && fy) {
    // Y ≤ r·X  ⇔  Y' ≥ (1 − r) + r·u, with 1 − r = −expm1(s); d/ds P = f_Y'(·)·r(1 − u)
    const xr = reflect(x);
    const yr = reflect(y);
    const g = lawAt(yr, flipped(quantity));
    const c = -Math.expm1(s);
    const points = [...breakpoints([yr], (p) => (p - c) / r), -c / r, (1 - c) / r];
    return integrateAgainstBeta(
      xr,
      density ? (u) => g(c + r * u) * r * (1 - u) : (u) => g(c + r * u),
      points,
      BOUND_TOLERANCE,
    );
  }
  if (!fx && fy) {
    // Over Y' = 1 − Y: Y ≤ r·X  ⇔  X ≥ (1 − v)/r; d/ds P = f_X(w)·w with w = (1 − v)/r
    const yr = reflect(y);
    const g = lawAt(x, flipped(quantity));
    const points = [...breakpoints([x], (p) => 1 - r * p), 1 - r];
    return integrateAgainstBeta(
      yr,
      density ? (v) => g((1 - v) / r) * ((1 - v) / r) : (v) => g((1 - v) / r),
      points,
      BOUND_TOLERANCE,
    );
  }
  // Over X' = 1 − X: Y ≤ r·(1 − u); d/ds P = f_Y(r(1 − u))·r(1 − u)
  const xr = reflect(x);
  const g = lawAt(y, quantity);
  const points = [...breakpoints([y], (p) => 1 - p / r), 1 - 1 / r];
  return integrateAgainstBeta(
    xr,
    density ? (u) => g(r * (1 - u)) * r * (1 - u) : (u) => g(r * (1 - u)),
    points,
    BOUND_TOLERANCE,
  );
}
