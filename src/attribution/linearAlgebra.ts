/**
 * Dense LU factorisation with partial pivoting (row-major Float64Array), for the absorbing-chain
 * solves of the Markov model.
 *
 * @reference Golub, Gene H., and Charles F. Van Loan. 2013. _Matrix Computations_. 4th ed.
 * Baltimore: Johns Hopkins University Press. (Algorithm 3.4.1.)
 * @internal
 * @packageDocumentation
 */

/** An LU factorisation PA = LU stored in place (unit lower L below the diagonal). @internal */
export interface LuFactors {
  readonly n: number;
  readonly lu: Float64Array;
  readonly pivots: Int32Array;
}

/**
 * Factorises the n×n row-major matrix `a` (overwritten). Returns `undefined` when a pivot is exactly
 * zero (singular matrix).
 *
 * @internal
 */
export function luFactor(a: Float64Array, n: number): LuFactors | undefined {
  const pivots = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (max === 0) return undefined;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j]!;
        a[k * n + j] = a[p * n + j]!;
        a[p * n + j] = t;
      }
    }
    const pivot = a[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const factor = a[row + k]! / pivot;
      if (factor === 0) continue;
      a[row + k] = factor;
      const krow = k * n;
      for (let j = k + 1; j < n; j++) a[row + j] = a[row + j]! - factor * a[krow + j]!;
    }
  }
  return { n, lu: a, pivots };
}

/** Solves A x = b in place (b becomes x). @internal */
export function luSolve(f: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, pivots } = f;
  for (let k = 0; k < n; k++) {
    const p = pivots[k]!;
    if (p !== k) {
      const t = b[k]!;
      b[k] = b[p]!;
      b[p] = t;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    const row = i * n;
    for (let j = 0; j < i; j++) s -= lu[row + j]! * b[j]!;
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    const row = i * n;
    for (let j = i + 1; j < n; j++) s -= lu[row + j]! * b[j]!;
    b[i] = s / lu[row + i]!;
  }
  return b;
}

/** Solves Aᵀ x = b in place (b becomes x). @internal */
export function luSolveTransposed(f: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, pivots } = f;
  // Aᵀ = Uᵀ Lᵀ P: solve Uᵀ z = b, then Lᵀ w = z, then x = Pᵀ w.
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let j = 0; j < i; j++) s -= lu[j * n + i]! * b[j]!;
    b[i] = s / lu[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[j * n + i]! * b[j]!;
    b[i] = s;
  }
  for (let k = n - 1; k >= 0; k--) {
    const p = pivots[k]!;
    if (p !== k) {
      const t = b[k]!;
      b[k] = b[p]!;
      b[p] = t;
    }
  }
  return b;
}

/** The inverse of the factorised matrix, row-major. @internal */
export function luInverse(f: LuFactors): Float64Array {
  const { n } = f;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    luSolve(f, col);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}
