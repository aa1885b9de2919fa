import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { brentRoot } from "../internal/roots.js";
import { alternative, openUnitInterval, parseArguments } from "../internal/validate.js";
import type { Alternative, ConfidenceInterval } from "../types.js";

const NAME = "fisherExactTest";

const cell = () =>
  z
    .number({ error: "must be a finite number" })
    .check(
      z.int({ error: "must be an integer" }),
      z.nonnegative({ error: "must be >= 0" }),
      z.lte(Number.MAX_SAFE_INTEGER, { error: "must be a safe integer" }),
    );
const row = () => z.tuple([cell(), cell()], { error: "must be a row of 2 counts" });

const schema = z.object({
  table: z.tuple([row(), row()], { error: "must be a 2 × 2 table [[a, b], [c, d]]" }).check(
    z.refine(([[a, b], [c, d]]) => a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0, {
      error: "must not have a zero margin (a row or column summing to 0)",
    }),
  ),
  options: z.strictObject(
    { alternative: z.optional(alternative()), confidenceLevel: z.optional(openUnitInterval()) },
    { error: "must be an object of known options" },
  ),
});

/**
 * Options of {@link fisherExactTest}.
 *
 * @public
 */
export interface FisherExactTestOptions {
  /**
   * Alternative for the odds ratio ψ = (a·d)/(b·c): `"greater"` means ψ > 1.
   * @defaultValue `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * Level of the interval for the odds ratio, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link fisherExactTest}.
 *
 * @public
 */
export interface FisherExactTestResult {
  /** The procedure in words. */
  readonly method: string;
  /** Direction of the alternative. */
  readonly alternative: Alternative;
  /** Odds ratio under H0 (always 1). */
  readonly nullValue: number;
  /** Exact p-value. */
  readonly pValue: number;
  /** Conditional maximum-likelihood estimate of the odds ratio (0 or Infinity at the edges of the support). */
  readonly estimate: number;
  /** Exact conditional interval for the odds ratio; one-sided intervals are [0, U] or [L, Infinity). */
  readonly confidenceInterval: ConfidenceInterval;
}

/**
 * Fisher's exact test for a 2 × 2 table, with the conditional maximum-likelihood odds ratio and its
 * exact confidence interval.
 *
 * @remarks
 * Given the margins, the top-left cell X follows Fisher's noncentral hypergeometric law with odds ratio ψ,
 *
 * ```math
 * P_\psi(X = y) = \frac{\binom{m}{y}\binom{n}{k-y}\psi^{y}}{\sum_{u}\binom{m}{u}\binom{n}{k-u}\psi^{u}},\qquad
 * m = a + c,\ n = b + d,\ k = a + b,
 * ```
 *
 * on y = max(0, k − n), …, min(k, m). The two-sided p-value sums P₁(X = y) over the y no more likely than
 * the observed a (with R's relative tolerance 1 + 10⁻⁷); one-sided p-values are P₁(X ≤ a) and P₁(X ≥ a).
 * The estimate solves E_ψ[X] = a; the interval bounds solve P_ψ(X ≥ a) = α/2 (lower) and
 * P_ψ(X ≤ a) = α/2 (upper) (α for one-sided intervals).
 *
 * Method: log-weights built by the ratio recurrence from the mode, over a window of the support that
 * holds all but a negligible (< e⁻⁸⁰⁰) share of the mass and the neighbourhood of the observed cell, so the
 * cost grows with the standard deviation of X (about √count), not with the counts: a table with counts in
 * the millions takes milliseconds. Roots are found by Brent's method on log ψ to full double precision
 * (R's `fisher.test` uses `uniroot`'s default tolerance, about 1e-4, for the estimate and interval).
 *
 * Conforms to R `fisher.test(table, alternative, conf.level)` for 2 × 2 tables (p-value; estimate and
 * interval against R's own algorithm run with `uniroot(tol)` tightened); fixtures in
 * `test/fixtures/significance/fisherExactTest/`.
 *
 * @reference Fisher, R. A. 1935. "The Logic of Inductive Inference." _Journal of the Royal Statistical
 * Society_ 98 (1): 39–82. doi:10.2307/2342435
 * @reference Cornfield, J. 1956. "A Statistical Problem Arising from Retrospective Studies." In
 * _Proceedings of the Third Berkeley Symposium on Mathematical Statistics and Probability_, vol. 4, 135–48.
 * @reference Agresti, A. 2002. _Categorical Data Analysis_. 2nd ed. Wiley, §3.5. doi:10.1002/0471249688
 *
 * @param table - `[[a, b], [c, d]]`, non-negative integer counts with no zero row or column sum. With rows
 * (treatment, control) and columns (converted, not converted), ψ > 1 means the treatment converts more.
 * @param options - See {@link FisherExactTestOptions}.
 * @returns A {@link FisherExactTestResult}.
 * @throws {@link InvalidArgumentError} if the table is not 2 × 2 or holds a negative, fractional or
 * non-finite count, a margin is 0, or an option is out of range.
 * @throws {@link StatsError} `"NOT_CONVERGED"` if a root search fails (not expected for valid tables).
 *
 * @example
 * ```ts
 * // Agresti's tea-tasting table (R: fisher.test(matrix(c(3, 1, 1, 3), 2)))
 * const r = fisherExactTest([[3, 1], [1, 3]]);
 * r.pValue;             // ≈ 0.48571
 * r.estimate;           // ≈ 6.4083
 * r.confidenceInterval; // ≈ { lower: 0.21174, upper: 626.24, level: 0.95 } (R prints 0.2117, 621.9: uniroot's default tolerance)
 * ```
 * @see {@link chiSquareTest}, {@link compareProportions}
 * @since 0.1.0
 * @public
 */
export function fisherExactTest(
  table: readonly (readonly number[])[],
  options: FisherExactTestOptions = {},
): FisherExactTestResult {
  const args = parseArguments(NAME, schema, { table, options });
  const alt: Alternative = args.options.alternative ?? "two-sided";
  const level = args.options.confidenceLevel ?? 0.95;
  const [[a, b], [c, d]] = args.table;
  const law = new ConditionalLaw(a, b, c, d);

  let pValue: number;
  if (alt === "less") pValue = law.tails(0).lower;
  else if (alt === "greater") pValue = law.tails(0).upper;
  else pValue = law.twoSidedPValue();
  pValue = Math.min(1, pValue);

  const alpha = alt === "two-sided" ? (1 - level) / 2 : 1 - level;
  const lower = alt === "less" ? 0 : law.lowerBound(alpha);
  const upper = alt === "greater" ? Number.POSITIVE_INFINITY : law.upperBound(alpha);
  return {
    method: "Fisher's exact test for a 2 × 2 table (conditional maximum-likelihood odds ratio)",
    alternative: alt,
    nullValue: 1,
    pValue,
    estimate: law.estimate(),
    confidenceInterval: { lower, upper, level },
  };
}

/** Fisher's noncentral hypergeometric law of the top-left cell given the margins, on a window of the support. */
class ConditionalLaw {
  private readonly x: number;
  private readonly lo: number;
  private readonly hi: number;
  /** First support point held in `logWeight`. */
  private readonly start: number;
  /** log P₁(X = y) + const for y = start, start + 1, … */
  private readonly logWeight: Float64Array;
  /** Log of the sample odds ratio with ½ added to each cell: where root searches start. */
  private readonly start0: number;

  constructor(a: number, b: number, c: number, d: number) {
    const m = a + c;
    const n = b + d;
    const k = a + b;
    const total = m + n;
    this.x = a;
    this.start0 = Math.log(((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5)));
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    // ratio P(y + 1)/P(y) of the central law
    const logRatio = (y: number): number => Math.log(((m - y) * (k - y)) / ((y + 1) * (n - k + y + 1)));
    const mode = Math.min(this.hi, Math.max(this.lo, Math.floor(((k + 1) * (m + 1)) / (total + 2))));
    // Keep every point within `pad` of the observed cell and every point whose central weight is within
    // e^-800 of the mode's; pad is 40 times a bound on the standard deviation of X under any ψ.
    const pad = Math.ceil(40 * Math.sqrt(Math.min(k, total - k, m, n) / 4 + 1)) + 20;
    const up: number[] = [0];
    for (let y = mode; y < this.hi; y++) {
      const next = up[up.length - 1]! + logRatio(y);
      if (next < -800 && y + 1 > this.x + pad) break;
      up.push(next);
    }
    const down: number[] = [];
    let current = 0;
    for (let y = mode; y > this.lo; y--) {
      current -= logRatio(y - 1);
      if (current < -800 && y - 1 < this.x - pad) break;
      down.push(current);
    }
    this.start = mode - down.length;
    this.logWeight = Float64Array.from([...down.reverse(), ...up]);
  }

  /** Normalized weights at log odds ratio t, relative to the largest. */
  private weights(t: number): { w: Float64Array; sum: number } {
    const lw = this.logWeight;
    const w = new Float64Array(lw.length);
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < lw.length; i++) {
      const g = lw[i]! + t * (this.start + i - this.x);
      w[i] = g;
      if (g > max) max = g;
    }
    let sum = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] = Math.exp(w[i]! - max);
      sum += w[i]!;
    }
    return { w, sum };
  }

  /** P_ψ(X <= x) and P_ψ(X >= x) at t = log ψ. */
  tails(t: number): { lower: number; upper: number } {
    const { w, sum } = this.weights(t);
    const ix = this.x - this.start;
    let lower = 0;
    let upper = 0;
    for (let i = 0; i < w.length; i++) {
      if (i <= ix) lower += w[i]!;
      if (i >= ix) upper += w[i]!;
    }
    return { lower: lower / sum, upper: upper / sum };
  }

  /** E_ψ[X] − x at t = log ψ. */
  private meanMinusX(t: number): number {
    const { w, sum } = this.weights(t);
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i]! * (this.start + i - this.x);
    return s / sum;
  }

  /** R's two-sided p-value: the mass of the points no more likely than the observed one (relative tolerance 1e-7). */
  twoSidedPValue(): number {
    const { w, sum } = this.weights(0);
    const cut = w[this.x - this.start]! * (1 + 1e-7);
    let p = 0;
    for (let i = 0; i < w.length; i++) if (w[i]! <= cut) p += w[i]!;
    return p / sum;
  }

  estimate(): number {
    if (this.x === this.lo) return 0;
    if (this.x === this.hi) return Number.POSITIVE_INFINITY;
    return Math.exp(this.solve((t) => this.meanMinusX(t)));
  }

  /** Lower bound: P_ψ(X >= x) = alpha (increasing in ψ). */
  lowerBound(alpha: number): number {
    if (this.x === this.lo) return 0;
    return Math.exp(this.solve((t) => this.tails(t).upper - alpha));
  }

  /** Upper bound: P_ψ(X <= x) = alpha (decreasing in ψ). */
  upperBound(alpha: number): number {
    if (this.x === this.hi) return Number.POSITIVE_INFINITY;
    return Math.exp(this.solve((t) => alpha - this.tails(t).lower));
  }

  /** Root in t = log ψ of an increasing function, bracketed by stepping from the sample log odds ratio. */
  private solve(f: (t: number) => number): number {
    let a = this.start0;
    let fa = f(a);
    let step = 1;
    let b = a;
    let fb = fa;
    for (let i = 0; i < 200 && Math.sign(fa) === Math.sign(fb) && fb !== 0; i++) {
      a = b;
      fa = fb;
      b = fa < 0 ? b + step : b - step;
      fb = f(b);
      step *= 2;
    }
    const result = brentRoot(f, Math.min(a, b), Math.max(a, b), {
      absoluteTolerance: 1e-15,
      relativeTolerance: 1e-15,
      maxIterations: 500,
    });
    if (!result.ok) throw new StatsError("NOT_CONVERGED", `${NAME}: the odds-ratio root search did not converge`);
    return result.root;
  }
}
