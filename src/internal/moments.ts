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
 * @internal
 */
export function sampleMoments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let mean = compensatedSum(values) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  const variance = n > 1 ? Math.max(0, (squares - (deviations * deviations) / n) / (n - 1)) : 0;
  return { n, mean, variance };
}

/** Moments of two equally long samples and their covariance (two-pass). @internal */
export function pairedSampleMoments(y: ArrayLike<number>, x: ArrayLike<number>): PairedMoments {
  const my = sampleMoments(y);
  const mx = sampleMoments(x);
  const n = y.length;
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
