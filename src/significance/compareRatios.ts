import * as z from "zod/mini";
import { InvalidArgumentError, StatsError } from "../errors.js";
import { consistentSumSquares, covarianceFromSums, momentsFromSums } from "../internal/moments.js";
import {
  alternative,
  finiteNumber,
  integerAtLeast,
  nonNegativeNumber,
  openUnitInterval,
  parseArguments,
} from "../internal/validate.js";
import type { Alternative } from "../types.js";
import type { CupedSummary } from "./compareMeans.js";
import {
  assertNonZeroControl,
  pValueFor,
  type ReferenceDistribution,
  relativeLiftEstimate,
  studentT,
  waldEstimate,
} from "./shared.js";
import type { EffectEstimate, ReadoutResult } from "./types.js";

const NAME = "compareRatios";

const covariateSums = () =>
  z.strictObject(
    {
      numeratorSum: finiteNumber(),
      numeratorSumSquares: nonNegativeNumber(),
      denominatorSum: finiteNumber(),
      denominatorSumSquares: nonNegativeNumber(),
      crossSum: finiteNumber(),
      numeratorProducts: finiteNumber(),
      denominatorProducts: finiteNumber(),
      numeratorDenominatorProducts: finiteNumber(),
      denominatorNumeratorProducts: finiteNumber(),
    },
    { error: "must be the pre-period sums of RatioCovariateSums" },
  );

const arm = () =>
  z
    .strictObject(
      {
        n: integerAtLeast(2),
        numeratorSum: finiteNumber(),
        numeratorSumSquares: nonNegativeNumber(),
        denominatorSum: finiteNumber(),
        denominatorSumSquares: nonNegativeNumber(),
        crossSum: finiteNumber(),
        covariate: z.optional(covariateSums()),
      },
      {
        error: "must be { n, numeratorSum, numeratorSumSquares, denominatorSum, denominatorSumSquares, crossSum }",
      },
    )
    .check(
      z.refine((d) => consistentSumSquares(d.n, d.numeratorSum, d.numeratorSumSquares), {
        error: "must be >= numeratorSum^2 / n (inconsistent sums give a negative variance)",
        path: ["numeratorSumSquares"],
      }),
      z.refine((d) => consistentSumSquares(d.n, d.denominatorSum, d.denominatorSumSquares), {
        error: "must be >= denominatorSum^2 / n (inconsistent sums give a negative variance)",
        path: ["denominatorSumSquares"],
      }),
      z.refine(
        (d) => {
          const vm = momentsFromSums(d.n, d.numeratorSum, d.numeratorSumSquares).variance;
          const vd = momentsFromSums(d.n, d.denominatorSum, d.denominatorSumSquares).variance;
          const cov = covarianceFromSums(d.n, d.numeratorSum, d.denominatorSum, d.crossSum);
          return cov * cov <= vm * vd * (1 + 1e-9) + 1e-300;
        },
        {
          error: "is inconsistent with the sums of squares (|covariance| > sd_numerator·sd_denominator)",
          path: ["crossSum"],
        },
      ),
    );

const schema = z.object({
  control: arm(),
  treatment: arm(),
  options: z.strictObject(
    {
      alternative: z.optional(alternative()),
      confidenceLevel: z.optional(openUnitInterval()),
      nullValue: z.optional(finiteNumber()),
      relativeInterval: z.optional(z.enum(["delta", "fieller"], { error: 'must be "delta" or "fieller"' })),
    },
    { error: "must be an object of known options" },
  ),
});

/**
 * Sufficient statistics of a ratio metric M/D in one arm (e.g. revenue per session: M = a user's
 * revenue, D = the user's sessions), per randomization unit.
 *
 * @public
 */
export interface RatioData {
  /** Number of randomization units (>= 2). */
  readonly n: number;
  /** ΣM. */
  readonly numeratorSum: number;
  /** ΣM². */
  readonly numeratorSumSquares: number;
  /** ΣD (not 0). */
  readonly denominatorSum: number;
  /** ΣD². */
  readonly denominatorSumSquares: number;
  /** ΣM·D. */
  readonly crossSum: number;
  /** Pre-experiment sums of the same metric, for CUPED (both arms or neither). */
  readonly covariate?: RatioCovariateSums;
}

/**
 * Pre-experiment (covariate) sums of a ratio metric M'/D' in one arm, with the cross-products linking
 * them to the experiment-period M and D (GrowthBook's `RegressionAdjustedRatioStatistic`).
 *
 * @public
 */
export interface RatioCovariateSums {
  /** ΣM'. */
  readonly numeratorSum: number;
  /** ΣM'². */
  readonly numeratorSumSquares: number;
  /** ΣD' (not 0). */
  readonly denominatorSum: number;
  /** ΣD'². */
  readonly denominatorSumSquares: number;
  /** ΣM'·D'. */
  readonly crossSum: number;
  /** ΣM·M'. */
  readonly numeratorProducts: number;
  /** ΣD·D'. */
  readonly denominatorProducts: number;
  /** ΣM·D'. */
  readonly numeratorDenominatorProducts: number;
  /** ΣD·M'. */
  readonly denominatorNumeratorProducts: number;
}

/**
 * Options of {@link compareRatios}.
 *
 * @public
 */
export interface CompareRatiosOptions {
  /**
   * Direction of the alternative for treatment minus control.
   * @defaultValue `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * Level of the intervals, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Difference of ratios (treatment minus control) under H0.
   * @defaultValue 0
   */
  readonly nullValue?: number;
  /**
   * Interval for the relative lift: `"delta"` or `"fieller"` (ratio of the two arms' ratios).
   * @defaultValue `"delta"`
   */
  readonly relativeInterval?: "delta" | "fieller";
}

/**
 * One arm of a ratio readout.
 *
 * @public
 */
export interface RatioArmSummary {
  /** Randomization units. */
  readonly n: number;
  /** ΣM/ΣD. */
  readonly ratio: number;
  /** CUPED-adjusted ratio ΣM/ΣD − θ·ΣM'/ΣD' (equal to `ratio` without covariate sums). */
  readonly adjustedRatio: number;
  /** Delta-method standard error of the (adjusted) ratio. */
  readonly standardError: number;
  /** Mean numerator per unit. */
  readonly numeratorMean: number;
  /** Mean denominator per unit. */
  readonly denominatorMean: number;
}

/**
 * Result of {@link compareRatios}.
 *
 * @public
 */
export interface CompareRatiosResult extends ReadoutResult {
  /** Control arm. */
  readonly control: RatioArmSummary;
  /** Treatment arm. */
  readonly treatment: RatioArmSummary;
  /** t statistic of the difference. */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom from the per-unit delta-method variances. */
  readonly df: number;
  /** CUPED details when both arms carried covariate sums, else `null`. */
  readonly cuped: CupedSummary | null;
}

/**
 * A/B readout for a ratio metric (revenue per session, clicks per pageview) whose numerator and
 * denominator are both random per unit, by the delta method.
 *
 * @remarks
 * Per arm, with unit means μ_M, μ_D, sample variances v_M, v_D and covariance c (denominator n − 1),
 * the ratio R = ΣM/ΣD has delta-method variance
 *
 * ```math
 * \operatorname{Var}(\hat R) \approx \frac1n\left(\frac{v_M}{\mu_D^2} + \frac{v_D\,\mu_M^2}{\mu_D^4} - \frac{2c\,\mu_M}{\mu_D^3}\right).
 * ```
 *
 * The difference R_T − R_C has variance V_T/n_T + V_C/n_C (V the per-unit variance in brackets above)
 * and is tested with t = (Δ − δ₀)/SE against Student's t with Welch–Satterthwaite df computed from the
 * V's (GrowthBook's convention; for large n this is the z-test). The relative lift (R_T − R_C)/|R_C| has
 * delta-method variance `Var_T/R_C² + Var_C·R_T²/R_C⁴` (or a Fieller interval). Treating the per-unit
 * ratio as if units were sessions understates the variance when sessions cluster within users; the delta
 * method over randomization units does not.
 *
 * CUPED (both arms carry {@link RatioCovariateSums}): with the pre-period ratio M'/D', each arm's ratio
 * becomes R = M/D − θ·M'/D', whose per-unit variance is ∇ᵀΛ∇ with Λ the 4 × 4 covariance of (M, D, M', D')
 * and ∇ = (1/μ_D, −μ_M/μ_D², −θ/μ_D', θμ_M'/μ_D'²); θ is pooled over the arms,
 * θ = Σ_arms cov(M/D, M'/D') / Σ_arms var(M'/D') (linearized), and set to 0 below 1e−8 (as GrowthBook).
 * The relative lift (R_T − R_C)/|μ_M,C/μ_D,C| uses the delta method over all eight unit means.
 *
 * Method: moments from the sums (`(Σxy − ΣxΣy/n)/(n − 1)`), p-values from the Student t survival function.
 *
 * Conforms to GrowthBook's ratio and regression-adjusted ratio statistics (`variance_of_ratios`,
 * `RegressionAdjustedRatioStatistic`, case G13) and Eppo's delta method; checked against R's
 * `t(g) %*% cov(cbind(M, D, M', D'))/n %*% g` on the raw data; fixtures in
 * `test/fixtures/significance/compareRatios/`.
 *
 * @reference Deng, A., U. Knoblich, and J. Lu. 2018. "Applying the Delta Method in Metric Analytics: A
 * Practical Guide with Novel Ideas." In _Proceedings of the 24th ACM SIGKDD International Conference on
 * Knowledge Discovery and Data Mining_, 233–42. doi:10.1145/3219819.3219919
 *
 * @param control - Control arm sums, see {@link RatioData}.
 * @param treatment - Treatment arm sums.
 * @param options - See {@link CompareRatiosOptions}.
 * @returns A {@link CompareRatiosResult}: difference and relative lift of the ratios with z and p.
 * @throws {@link InvalidArgumentError} if n is not an integer >= 2, a sum is not finite, the sums are
 * inconsistent (negative variance, |covariance| above the product of the standard deviations), only one
 * arm carries covariate sums, or `relativeInterval: "fieller"` is asked with covariates.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if an arm's denominator sum is 0, the standard error is 0,
 * or the control ratio is 0 (no relative lift).
 *
 * @example
 * ```ts
 * const control = { n: 1000, numeratorSum: 5200, numeratorSumSquares: 91000, denominatorSum: 2500,
 *   denominatorSumSquares: 8100, crossSum: 20500 };
 * const treatment = { n: 1000, numeratorSum: 5750, numeratorSumSquares: 104000, denominatorSum: 2520,
 *   denominatorSumSquares: 8200, crossSum: 22500 };
 * const r = compareRatios(control, treatment);
 * r.control.ratio;           // ≈ 2.08
 * r.difference.estimate;     // ≈ 0.20175
 * r.difference.confidenceInterval; // ≈ { lower: -0.025837, upper: 0.42933, level: 0.95 }
 * r.pValue;                  // ≈ 0.082275 (Welch df ≈ 1996.2)
 * r.relativeLift.estimate;   // ≈ 0.096993
 * ```
 * @see {@link compareMeans}
 * @since 0.1.0
 * @public
 */
export function compareRatios(
  control: RatioData,
  treatment: RatioData,
  options: CompareRatiosOptions = {},
): CompareRatiosResult {
  const args = parseArguments(NAME, schema, { control, treatment, options });
  const alt: Alternative = args.options.alternative ?? "two-sided";
  const level = args.options.confidenceLevel ?? 0.95;
  const nullValue = args.options.nullValue ?? 0;
  const relativeInterval = args.options.relativeInterval ?? "delta";
  const issues: { path: string[]; message: string }[] = [];
  const withCovariate = args.control.covariate !== undefined;
  if (withCovariate !== (args.treatment.covariate !== undefined)) {
    const missing = withCovariate ? "treatment" : "control";
    issues.push({
      path: [missing],
      message: "must carry covariate sums as the other arm does (CUPED needs both arms)",
    });
  }
  if (withCovariate && relativeInterval === "fieller") {
    issues.push({
      path: ["options", "relativeInterval"],
      message: 'must be "delta" when the data carry covariate sums (CUPED)',
    });
  }
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);

  const c = armMoments(args.control as RatioData, "control");
  const t = armMoments(args.treatment as RatioData, "treatment");
  // θ pooled over both arms (GrowthBook's compute_theta_regression_adjusted_ratio); 0 without covariates.
  let theta = 0;
  if (withCovariate) {
    let covariance = 0;
    let variance = 0;
    for (const a of [c, t]) {
      const g = gradient(a.mean, 1);
      covariance += quadratic(g, a.lambda, [2, 3], [0, 1]);
      variance += quadratic(g, a.lambda, [2, 3], [2, 3]);
    }
    theta = variance > 0 ? -covariance / variance : 0;
    if (Math.abs(theta) < 1e-8) theta = 0;
  }
  const plain = difference(c, t, 0, nullValue, alt, level);
  const adjusted = withCovariate ? difference(c, t, theta, nullValue, alt, level) : plain;

  // Relative lift (R_T − R_C)/|r_C| with r_C the unadjusted control ratio: delta method over all 8 means.
  const rC = c.mean[0]! / c.mean[1]!;
  assertNonZeroControl(NAME, rC);
  const scale = Math.abs(rC);
  const sign = Math.sign(rC);
  const n = adjusted.difference.estimate;
  const [m, d, p, q] = c.mean as [number, number, number, number];
  const gc = [
    -(scale + n * sign) / (d * scale * scale),
    (m * (scale + n * sign)) / (d * d * scale * scale),
    theta === 0 ? 0 : theta / (q * scale),
    theta === 0 ? 0 : (-theta * p) / (q * q * scale),
  ];
  const gt = gradient(t.mean, theta).map((v) => v / scale);
  const relativeVariance =
    quadratic(gc, c.lambda, [0, 1, 2, 3], [0, 1, 2, 3]) / c.n +
    quadratic(gt, t.lambda, [0, 1, 2, 3], [0, 1, 2, 3]) / t.n;
  const relativeLift = relativeLiftEstimate({
    functionName: NAME,
    difference: n,
    treatmentMean: t.mean[0]! / t.mean[1]!,
    controlMean: rC,
    variance: Math.max(0, relativeVariance),
    treatmentMeanVariance: plain.treatmentVariance / t.n,
    controlMeanVariance: plain.controlVariance / c.n,
    method: relativeInterval,
    alternative: alt,
    level,
    nullValue,
    distribution: adjusted.distribution,
  });
  const summary = (a: RatioMoments, perUnitVariance: number): RatioArmSummary => ({
    n: a.n,
    ratio: a.mean[0]! / a.mean[1]!,
    adjustedRatio: a.mean[0]! / a.mean[1]! - theta * (withCovariate ? a.mean[2]! / a.mean[3]! : 0),
    standardError: Math.sqrt(perUnitVariance / a.n),
    numeratorMean: a.mean[0]!,
    denominatorMean: a.mean[1]!,
  });
  return {
    method: `Delta-method Welch t-test for a ratio metric${withCovariate ? " with CUPED regression adjustment (pooled theta)" : ""}`,
    alternative: alt,
    confidenceLevel: level,
    nullValue,
    control: summary(c, adjusted.controlVariance),
    treatment: summary(t, adjusted.treatmentVariance),
    difference: adjusted.difference,
    relativeLift,
    statistic: adjusted.statistic,
    df: adjusted.df,
    pValue: adjusted.pValue,
    cuped: withCovariate
      ? {
          theta,
          varianceReduction: 1 - adjusted.difference.standardError ** 2 / plain.difference.standardError ** 2,
          unadjustedDifference: plain.difference,
        }
      : null,
  };
}

interface RatioMoments {
  readonly n: number;
  /** Unit means of (M, D, M', D'); the covariate entries are 0 without covariate sums. */
  readonly mean: readonly number[];
  /** Per-unit covariance matrix of (M, D, M', D') (denominator n − 1). */
  readonly lambda: readonly (readonly number[])[];
}

function armMoments(a: RatioData, name: string): RatioMoments {
  if (a.denominatorSum === 0 || (a.covariate !== undefined && a.covariate.denominatorSum === 0)) {
    throw new StatsError("DEGENERATE_DATA", `${NAME}: a ${name} denominator sums to 0, so its ratio is undefined`);
  }
  const k = a.covariate;
  const sums = [a.numeratorSum, a.denominatorSum, k?.numeratorSum ?? 0, k?.denominatorSum ?? 0];
  const squares = [
    a.numeratorSumSquares,
    a.denominatorSumSquares,
    k?.numeratorSumSquares ?? 0,
    k?.denominatorSumSquares ?? 0,
  ];
  const products: Readonly<Record<string, number>> = {
    "0,1": a.crossSum,
    "0,2": k?.numeratorProducts ?? 0,
    "0,3": k?.numeratorDenominatorProducts ?? 0,
    "1,2": k?.denominatorNumeratorProducts ?? 0,
    "1,3": k?.denominatorProducts ?? 0,
    "2,3": k?.crossSum ?? 0,
  };
  const lambda = [0, 1, 2, 3].map((i) =>
    [0, 1, 2, 3].map((j) => {
      if (i === j) return momentsFromSums(a.n, sums[i]!, squares[i]!).variance;
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      return covarianceFromSums(a.n, sums[i]!, sums[j]!, products[key]!);
    }),
  );
  return { n: a.n, mean: sums.map((v) => v / a.n), lambda };
}

/** Gradient of M/D − θ·M'/D' in the four unit means. */
function gradient(mean: readonly number[], theta: number): number[] {
  const [m, d, p, q] = mean as [number, number, number, number];
  return theta === 0 ? [1 / d, -m / (d * d), 0, 0] : [1 / d, -m / (d * d), -theta / q, (theta * p) / (q * q)];
}

/** g[rows]ᵀ · Λ[rows, cols] · g[cols]. */
function quadratic(
  g: readonly number[],
  lambda: readonly (readonly number[])[],
  rows: number[],
  cols: number[],
): number {
  let s = 0;
  for (const i of rows) for (const j of cols) s += g[i]! * lambda[i]![j]! * g[j]!;
  return s;
}

function difference(
  c: RatioMoments,
  t: RatioMoments,
  theta: number,
  nullValue: number,
  alt: Alternative,
  level: number,
): {
  difference: EffectEstimate;
  statistic: number;
  df: number;
  pValue: number;
  distribution: ReferenceDistribution;
  controlVariance: number;
  treatmentVariance: number;
} {
  const all = [0, 1, 2, 3];
  const vc = Math.max(0, quadratic(gradient(c.mean, theta), c.lambda, all, all));
  const vt = Math.max(0, quadratic(gradient(t.mean, theta), t.lambda, all, all));
  const ratio = (a: RatioMoments) => a.mean[0]! / a.mean[1]! - (theta === 0 ? 0 : (theta * a.mean[2]!) / a.mean[3]!);
  const estimate = ratio(t) - ratio(c);
  const wc = vc / c.n;
  const wt = vt / t.n;
  const se = Math.sqrt(wc + wt);
  if (!(se > 0)) throw new StatsError("DEGENERATE_DATA", `${NAME}: the standard error of the difference is 0`);
  const df = (wc + wt) ** 2 / ((wc * wc) / (c.n - 1) + (wt * wt) / (t.n - 1));
  const distribution = studentT(df);
  const statistic = estimate === nullValue ? 0 : (estimate - nullValue) / se;
  return {
    difference: waldEstimate(estimate, se, alt, level, distribution),
    statistic,
    df,
    pValue: pValueFor(statistic, alt, distribution),
    distribution,
    controlVariance: vc,
    treatmentVariance: vt,
  };
}
