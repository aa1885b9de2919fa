/**
 * Average run lengths (ARL) of the EWMA and CUSUM control charts for standardized normal data, and the
 * control limit that gives a target in-control ARL. Private to `experiment-stats/kpi`.
 *
 * @remarks
 * Both ARLs solve a Fredholm integral equation of the second kind by the Nyström method with a
 * Gauss–Legendre rule (Vance 1986 for CUSUM; Crowder 1987 for EWMA), as R package `spc`
 * (`xcusum.arl`, `xewma.arl`) does. The kernels are normal densities, so the rule converges
 * geometrically; the node counts below reach agreement with `spc` at r = 400 to about 1e-10 relative.
 *
 * @packageDocumentation
 * @internal
 */
import { normalCdf, normalPdf } from "../distributions/normal.js";
import { gaussLegendreRule } from "../internal/quadrature.js";
import { expandingBrentRoot } from "../internal/roots.js";

/** Nodes of the CUSUM rule: the kernel width is 1 and h is at most ~10 in practice. */
const CUSUM_NODES = 64;

/**
 * ARL of the one-sided upper CUSUM `S_t = max(0, S_{t−1} + x_t − k)`, started at 0, signalling at the
 * first `S_t > h`, for `x_t ~ N(shift, 1)`.
 *
 * @remarks
 * ```math
 * L(u) = 1 + L(0)\,\Phi(k - u - \mu) + \int_0^h L(y)\,\varphi(y - u + k - \mu)\,dy
 * ```
 * solved on the atom at 0 and the Gauss–Legendre nodes of (0, h]. `h = 0` gives `1/(1 − Φ(k − μ))`.
 * @internal
 */
export function cusumRunLength(k: number, h: number, shift: number): number {
  if (h === 0) return 1 / normalCdf(shift - k);
  const { nodes, weights } = gaussLegendreRule(CUSUM_NODES);
  const n = CUSUM_NODES + 1;
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  for (let j = 1; j < n; j++) {
    y[j] = 0.5 * h * (nodes[j - 1]! + 1);
    w[j] = 0.5 * h * weights[j - 1]!;
  }
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const u = y[i]!;
    matrix[i * n] = (i === 0 ? 1 : 0) - normalCdf(k - u - shift);
    for (let j = 1; j < n; j++) {
      matrix[i * n + j] = (i === j ? 1 : 0) - w[j]! * normalPdf(y[j]! - u + k - shift);
    }
  }
  const solution = solveLinearSystem(matrix, new Float64Array(n).fill(1), n);
  return solution[0]!;
}

/** Gauss–Legendre nodes for the EWMA kernel of width λ on [−h, h]. */
function ewmaNodes(lambda: number, h: number): number {
  return Math.min(240, Math.max(48, Math.ceil((12 * h) / lambda)));
}

/**
 * ARL of the two-sided EWMA `z_t = (1 − λ) z_{t−1} + λ x_t`, `z_0 = 0`, with fixed (asymptotic) limits
 * `±c·sqrt(λ/(2 − λ))`, signalling at the first `|z_t| > h`, for `x_t ~ N(shift, 1)`.
 *
 * @remarks
 * ```math
 * L(u) = 1 + \frac{1}{\lambda}\int_{-h}^{h} L(y)\,\varphi\!\Big(\frac{y - (1-\lambda)u}{\lambda} - \mu\Big)\,dy,
 * \qquad h = c\sqrt{\lambda/(2-\lambda)}
 * ```
 * @internal
 */
export function ewmaRunLength(lambda: number, c: number, shift: number): number {
  const h = c * Math.sqrt(lambda / (2 - lambda));
  const m = ewmaNodes(lambda, h);
  const { nodes, weights } = gaussLegendreRule(m);
  // Unknowns: L at the m nodes, then L(0) (the start) as unknown m.
  const n = m + 1;
  const y = new Float64Array(n);
  for (let j = 0; j < m; j++) y[j] = h * nodes[j]!;
  y[m] = 0;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const u = y[i]!;
    for (let j = 0; j < m; j++) {
      const kernel = (h * weights[j]! * normalPdf((y[j]! - (1 - lambda) * u) / lambda - shift)) / lambda;
      matrix[i * n + j] = (i === j ? 1 : 0) - kernel;
    }
    matrix[i * n + m] = i === m ? 1 : 0;
  }
  const solution = solveLinearSystem(matrix, new Float64Array(n).fill(1), n);
  return solution[m]!;
}

/**
 * The limit x (EWMA factor c, or CUSUM decision interval h) at which the increasing function
 * `runLength(x)` equals `target`, found by Brent's method on log ARL; `undefined` when unreachable.
 * @internal
 */
export function solveControlLimit(
  runLength: (limit: number) => number,
  target: number,
  lowerLimit: number,
  cacheKey?: string,
): number | undefined {
  if (cacheKey !== undefined) {
    const cached = limitCache.get(cacheKey);
    if (cached !== undefined) return cached;
  }
  const limit = searchLimit(runLength, target, lowerLimit);
  if (cacheKey !== undefined && limit !== undefined) {
    if (limitCache.size >= LIMIT_CACHE_SIZE) limitCache.delete(limitCache.keys().next().value as string);
    limitCache.set(cacheKey, limit);
  }
  return limit;
}

/** Solved limits by chart, parameters and target (a pure function's results: a cache, not state). */
const limitCache = new Map<string, number>();
const LIMIT_CACHE_SIZE = 64;

function searchLimit(runLength: (limit: number) => number, target: number, lowerLimit: number): number | undefined {
  const logTarget = Math.log(target);
  const result = expandingBrentRoot((x) => Math.log(runLength(x)) - logTarget, Math.max(lowerLimit, 1), 4, {
    lowerLimit,
    upperLimit: 40,
    relativeTolerance: 1e-12,
    absoluteTolerance: 1e-13,
  });
  return result.ok ? result.root : undefined;
}

/** Solves the dense system A x = b (row-major, n × n) by Gaussian elimination with partial pivoting. */
function solveLinearSystem(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(a[col * n + col]!);
    for (let row = col + 1; row < n; row++) {
      const v = Math.abs(a[row * n + col]!);
      if (v > best) {
        best = v;
        pivot = row;
      }
    }
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        const t = a[col * n + j]!;
        a[col * n + j] = a[pivot * n + j]!;
        a[pivot * n + j] = t;
      }
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
    const diagonal = a[col * n + col]!;
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col]! / diagonal;
      if (factor === 0) continue;
      for (let j = col; j < n; j++) a[row * n + j] = a[row * n + j]! - factor * a[col * n + j]!;
      b[row] = b[row]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let j = row + 1; j < n; j++) sum -= a[row * n + j]! * x[j]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}
