/**
 * Means, variances and covariances of an arm from a raw sample or from sufficient statistics, computed one
 * way everywhere (significance, bayesian).
 *
 * @packageDocumentation
 * @internal
 */
import { compensatedSum } from "./summation.js";

/** Mean and unbiased variance of one variable. @internal */
export interface Moments {
  readonly n: number;
  readonly mean: number;
  /** Sample variance (denominator n − 1); 0 when n < 2. */
  readonly variance: number;
}

/** Moments of an outcome and a covariate, with their sample covariance. @internal */
export interface PairedMoments {
  readonly n: number;
  readonly y: Moments;
  readonly x: Moments;
  /** Sample covariance of y and x (denominator n − 1). */
  readonly covariance: number;
}

/**
 * Mean by compensated summation refined by one correction pass, and the variance by the corrected
 * two-pass formula Σ(x − m)² − (Σ(x − m))²/n (Chan, Golub and LeVeque 1983), as R's `mean` and `var`.
 *
 * @remarks
 * The moments double as the finiteness check of the sample, so that validation adds no pass over it: a NaN
 * or ±Infinity makes the mean or the variance non-finite, and a plain array's elements are checked with
 * `typeof` in the first pass (before any arithmetic on them, so a bigint, symbol or object is never
 * coerced), which gives NaN moments for a hole, string, `null` or other non-number. Callers that take
 * unvalidated arrays check that the moments they get are finite.
 * @internal
 */
export function sampleMoments(values: ArrayLike<number>): Moments {
  // One function per kind of array, so that every element access stays monomorphic.
  return values instanceof Float64Array ? float64Moments(values) : arrayMoments(values as ArrayLike<unknown>);
}

function float64Moments(values: Float64Array): Moments {
  const n = values.length;
  const mean = compensatedSum(values) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    deviations += d;
    squares += d * d;
  }
  return finishMoments(n, mean, deviations, squares);
}

function arrayMoments(values: ArrayLike<unknown>): Moments {
  const n = values.length;
  const sum = compensatedSum(values);
  if (Number.isNaN(sum)) return { n, mean: Number.NaN, variance: Number.NaN };
  const mean = sum / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    deviations += d;
    squares += d * d;
  }
  return finishMoments(n, mean, deviations, squares);
}

/** The corrected mean and variance from the first-pass mean and the sums of deviations and their squares. */
function finishMoments(n: number, mean: number, deviations: number, squares: number): Moments {
  const variance = n > 1 ? Math.max(0, (squares - (deviations * deviations) / n) / (n - 1)) : 0;
  return { n, mean: mean + deviations / n, variance };
}

/** Moments of two equally long samples and their covariance (two-pass). @internal */
export function pairedSampleMoments(y: ArrayLike<number>, x: ArrayLike<number>): PairedMoments {
  const my = sampleMoments(y);
  const mx = sampleMoments(x);
  const n = y.length;
  // A non-number makes its moments NaN: stop before doing arithmetic on it.
  if (Number.isNaN(my.mean) || Number.isNaN(mx.mean)) return { n, y: my, x: mx, covariance: Number.NaN };
  let cross = 0;
  let dy = 0;
  let dx = 0;
  for (let i = 0; i < n; i++) {
    const a = y[i]! - my.mean;
    const b = x[i]! - mx.mean;
    cross += a * b;
    dy += a;
    dx += b;
  }
  const covariance = n > 1 ? (cross - (dy * dx) / n) / (n - 1) : 0;
  return { n, y: my, x: mx, covariance };
}

/** Moments from `n`, `Σx` and `Σx²` (variance clamped at 0 against rounding). @internal */
export function momentsFromSums(n: number, sum: number, sumSquares: number): Moments {
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - sum * mean) / (n - 1)) : 0;
  return { n, mean, variance };
}

/** Sample covariance from `n`, `Σx`, `Σy` and `Σxy`. @internal */
export function covarianceFromSums(n: number, sumX: number, sumY: number, crossSum: number): number {
  return n > 1 ? (crossSum - (sumX * sumY) / n) / (n - 1) : 0;
}

/**
 * Whether sums of squares are consistent with their sum: Σx² >= (Σx)²/n up to rounding (inconsistent
 * pre-aggregated sums produce negative variances).
 * @internal
 */
export function consistentSumSquares(n: number, sum: number, sumSquares: number): boolean {
  return sumSquares - (sum * sum) / n >= -1e-12 * Math.max(sumSquares, 1e-300);
}
