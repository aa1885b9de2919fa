const view = new DataView(new ArrayBuffer(8));

/** Spacing of doubles at |x| (2^-52 at 1; Number.MIN_VALUE for subnormals). */
export function ulp(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  view.setFloat64(0, Math.abs(x));
  const biased = (view.getUint16(0) >>> 4) & 0x7ff;
  return biased === 0 ? Number.MIN_VALUE : 2 ** (biased - 1075);
}

export interface Tolerance {
  readonly rtol?: number;
  readonly atol?: number;
  readonly ulps?: number;
}

/** Whether `actual` is within the tolerance of `expected` (exact match for non-finite values). */
export function isClose(actual: number, expected: number, tol: Tolerance): boolean {
  if (Object.is(actual, expected)) return true;
  if (!Number.isFinite(expected)) return Number.isNaN(expected) && Number.isNaN(actual);
  const bound = Math.max(tol.atol ?? 0, (tol.rtol ?? 0) * Math.abs(expected), (tol.ulps ?? 0) * ulp(expected));
  return Math.abs(actual - expected) <= bound;
}

/** Relative error of `actual` against `expected` (0 when both are equal, Infinity when expected is 0 and actual is not). */
export function relativeError(actual: number, expected: number): number {
  if (Object.is(actual, expected) || actual === expected) return 0;
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Throws with both values and the tolerance when `actual` is not close to `expected`. */
export function expectClose(actual: number, expected: number, tol: Tolerance, label = ""): void {
  if (isClose(actual, expected, tol)) return;
  const diff = Math.abs(actual - expected);
  throw new Error(
    `${label}: got ${actual}, expected ${expected}, Δ=${diff}, rel=${relativeError(actual, expected)} ` +
      `(rtol=${tol.rtol ?? 0}, atol=${tol.atol ?? 0}, ulps=${tol.ulps ?? 0})`,
  );
}
