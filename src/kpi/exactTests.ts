/**
 * Exact one-sample binomial and Poisson test p-values, as R `binom.test` and `poisson.test`. Private to
 * `experiment-stats/kpi` (candidates for `src/significance/` once a public exact test is wanted there).
 *
 * @packageDocumentation
 * @internal
 */
import { binomialCdf, binomialPmf, binomialSf } from "../distributions/binomial.js";
import { regularizedGammaP, regularizedGammaQ } from "../distributions/regularizedGamma.js";
import { poissonLogPmfRaw } from "../distributions/saddlePoint.js";
import type { Alternative } from "../types.js";

/** R's tolerance for "as likely as the observation" in the two-sided exact p-value. */
const RELATIVE_ERROR = 1 + 1e-7;

/** The laws the exact tests need: pmf, P(X ≤ x) and P(X ≥ x). */
interface DiscreteLaw {
  readonly pmf: (x: number) => number;
  readonly cdf: (x: number) => number;
  /** P(X >= x). */
  readonly atLeast: (x: number) => number;
  readonly mean: number;
  /** Largest support point (Infinity for Poisson). */
  readonly max: number;
}

/**
 * Exact binomial test of H0: success probability = p for x successes in n trials (R `binom.test`):
 * one-sided tails, or the two-sided sum of the probabilities of outcomes no more likely than x.
 * @internal
 */
export function binomialTestPValue(x: number, n: number, p: number, alternative: Alternative): number {
  return exactPValue(x, alternative, {
    pmf: (k) => binomialPmf(k, n, p),
    cdf: (k) => binomialCdf(k, n, p),
    atLeast: (k) => (k <= 0 ? 1 : binomialSf(k - 1, n, p)),
    mean: n * p,
    max: n,
  });
}

/**
 * Exact Poisson test of H0: mean = `mean` for an observed count x (R `poisson.test(x, T, r)` with
 * `mean = T·r`).
 * @internal
 */
export function poissonTestPValue(x: number, mean: number, alternative: Alternative): number {
  return exactPValue(x, alternative, {
    pmf: (k) => Math.exp(poissonLogPmfRaw(k, mean)),
    cdf: (k) => regularizedGammaQ(k + 1, mean),
    atLeast: (k) => (k <= 0 ? 1 : regularizedGammaP(k, mean)),
    mean,
    max: Number.POSITIVE_INFINITY,
  });
}

function exactPValue(x: number, alternative: Alternative, law: DiscreteLaw): number {
  if (alternative === "less") return law.cdf(x);
  if (alternative === "greater") return law.atLeast(x);
  const m = law.mean;
  if (x === m) return 1;
  const d = law.pmf(x) * RELATIVE_ERROR;
  if (x < m) {
    // The pmf is non-increasing on [ceil(m), max]: find the first point there with pmf <= d.
    let low = Math.ceil(m);
    let high = low;
    while (high < law.max && law.pmf(high) > d) high = Math.min(law.max, 2 * high + 1);
    if (law.pmf(high) > d) return Math.min(1, law.cdf(x));
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (law.pmf(mid) <= d) high = mid;
      else low = mid + 1;
    }
    return Math.min(1, law.cdf(x) + law.atLeast(low));
  }
  // The pmf is non-decreasing on [0, floor(m)]: count the points there with pmf <= d.
  let low = 0;
  let high = Math.floor(m) + 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (law.pmf(mid) <= d) low = mid + 1;
    else high = mid;
  }
  // `low` points 0 … low − 1 qualify.
  return Math.min(1, (low > 0 ? law.cdf(low - 1) : 0) + law.atLeast(x));
}
