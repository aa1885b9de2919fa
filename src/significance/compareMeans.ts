import * as z from "zod/mini";
import { InvalidArgumentError, StatsError } from "../errors.js";
import {
  type MeanArmMoments,
  type MeanDataForms,
  meanArmMoments,
  meanArmSchema,
  type ParsedMeanArm,
  SAMPLE_MESSAGE,
  sampleValueIssues,
} from "../internal/meanArm.js";
import type { Moments } from "../internal/moments.js";
import { alternative, finiteNumber, openUnitInterval, parseArguments } from "../internal/validate.js";
import type { Alternative, MeanSummary, SufficientStatistics } from "../types.js";
import {
  assertNonZeroControl,
  pValueFor,
  type ReferenceDistribution,
  relativeLiftEstimate,
  studentT,
  waldEstimate,
} from "./shared.js";
import type { EffectEstimate, ReadoutResult, RelativeLiftEstimate } from "./types.js";

const NAME = "compareMeans";

/**
 * A raw sample paired with a pre-experiment covariate (one covariate value per observation), for CUPED.
 *
 * @public
 */
export interface SampleWithCovariate {
  /** The outcome, at least 2 finite numbers. */
  readonly values: readonly number[] | Float64Array;
  /** The pre-experiment covariate of each unit, as many finite numbers as `values`. */
  readonly covariate: readonly number[] | Float64Array;
}

/**
 * Sufficient statistics of an arm, optionally with those of a pre-experiment covariate x (CUPED).
 *
 * @public
 */
export interface MeanSufficientStatistics extends SufficientStatistics {
  /** Σx of the covariate (with `covariateSumSquares` and `crossSum`, or none of them). */
  readonly covariateSum?: number;
  /** Σx² of the covariate. */
  readonly covariateSumSquares?: number;
  /** Σxy, the sum of the products of outcome and covariate. */
  readonly crossSum?: number;
}

/**
 * The data of one arm for {@link compareMeans}: a raw sample, a sample with a covariate, a summary
 * `{ n, mean, sd }` or sufficient statistics `{ n, sum, sumSquares }` (optionally with covariate sums).
 *
 * @public
 */
export type MeanData = readonly number[] | Float64Array | SampleWithCovariate | MeanSummary | MeanSufficientStatistics;

/**
 * Options of {@link compareMeans}.
 *
 * @public
 */
export interface CompareMeansOptions {
  /**
   * Direction of the alternative hypothesis for treatment minus control.
   * @defaultValue `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * Level of the intervals, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Difference of means (treatment minus control) under H0; a negative value with
   * `alternative: "greater"` is a non-inferiority test with margin `-nullValue`.
   * @defaultValue 0
   */
  readonly nullValue?: number;
  /**
   * `true` for Student's pooled-variance t-test (df = n_T + n_C − 2); `false` for Welch's test.
   * @defaultValue false
   */
  readonly equalVariance?: boolean;
  /**
   * Interval for the relative lift: `"delta"` (delta method) or `"fieller"` (Fieller's set; not with CUPED).
   * @defaultValue `"delta"`
   */
  readonly relativeInterval?: "delta" | "fieller";
}

/**
 * One arm of a means readout.
 *
 * @public
 */
export interface MeanArmSummary {
  /** Number of observations. */
  readonly n: number;
  /** Sample mean (unadjusted). */
  readonly mean: number;
  /** Sample standard deviation (denominator n − 1). */
  readonly sd: number;
  /** sd / sqrt(n). */
  readonly standardError: number;
  /** CUPED-adjusted mean `mean − θ·(covariate mean)`; equal to `mean` without a covariate. */
  readonly adjustedMean: number;
}

/**
 * What CUPED did.
 *
 * @public
 */
export interface CupedSummary {
  /** θ = pooled cov(y, x)/var(x) over both arms together (0 when the covariate is constant). */
  readonly theta: number;
  /** 1 − Var(adjusted difference)/Var(unadjusted difference): the share of variance removed. */
  readonly varianceReduction: number;
  /** The unadjusted difference of means with its Welch (or Student) interval, for comparison. */
  readonly unadjustedDifference: EffectEstimate;
}

/**
 * Result of {@link compareMeans}.
 *
 * @public
 */
export interface CompareMeansResult extends ReadoutResult {
  /** Whether Student's pooled-variance test was used. */
  readonly equalVariance: boolean;
  /** Control arm. */
  readonly control: MeanArmSummary;
  /** Treatment arm. */
  readonly treatment: MeanArmSummary;
  /** t statistic `(difference − nullValue)/SE`. */
  readonly statistic: number;
  /** Degrees of freedom (Welch–Satterthwaite, or n_T + n_C − 2). */
  readonly df: number;
  /** CUPED details when both arms carried a covariate, else `null`. */
  readonly cuped: CupedSummary | null;
}

/**
 * Two-sample t-test A/B readout for a mean metric (Welch by default, Student on request), with the
 * relative lift and CUPED variance reduction when the arms carry a pre-experiment covariate.
 *
 * @remarks
 * With arm means ȳ, per-unit variances v and sizes n, the difference d = ȳ_T − ȳ_C and the null δ₀,
 *
 * ```math
 * t = \frac{d - \delta_0}{\sqrt{v_T/n_T + v_C/n_C}},\qquad
 * \nu = \frac{(v_T/n_T + v_C/n_C)^2}{\frac{(v_T/n_T)^2}{n_T-1} + \frac{(v_C/n_C)^2}{n_C-1}}
 * ```
 *
 * (Student: pooled variance and ν = n_T + n_C − 2). The relative lift d/|ȳ_C| has delta-method variance
 * `v_T/(n_T ȳ_C²) + v_C ȳ_T²/(n_C ȳ_C⁴)` and uses the same t quantile (GrowthBook).
 *
 * CUPED (both arms carry a covariate x): θ is pooled over both arms, `θ = S_xy/S_xx` from the joint
 * (both arms summed) sums of products; each arm's mean becomes `ȳ − θ·x̄` with per-unit variance
 * `v_y + θ²v_x − 2θ·c_xy`, and the Welch df uses these adjusted variances. The relative lift is
 * `(adj_T − adj_C)/|ȳ_C|` with GrowthBook's corrected variance
 *
 * ```math
 * \frac{v_{y,T} + \theta^2 v_{x,T} - 2\theta c_T}{n_T \bar y_C^2} +
 * \frac{v_{y,C}\,\bar y_T^2/\bar y_C^2 - 2\theta c_C\,\bar y_T/\bar y_C + \theta^2 v_{x,C}}{n_C \bar y_C^2}.
 * ```
 *
 * Method: means by compensated summation with a correction pass, variances by the corrected two-pass
 * algorithm (raw data) or from the sums; p-values from the Student t survival function (`2·sf(|t|)`,
 * `sf(t)` or `cdf(t)`); intervals `d ± t·SE` with t the upper α/2 (or α) quantile of Student's t with ν df.
 * O(n) time, O(1) memory. A raw sample (plain array or `Float64Array`) is checked by the moments pass
 * itself (a non-finite value makes the mean or variance non-finite, and a plain array's elements are
 * tested with `typeof` in the same loop), so validation adds no pass over large samples.
 *
 * Edge cases: data that are essentially constant (R's rule: SE < 10·ε·max(|ȳ_T|, |ȳ_C|)) and a control
 * mean of 0 (no relative lift) throw `DEGENERATE_DATA`.
 *
 * Conforms to R `t.test(treatment, control, var.equal = equalVariance, mu = nullValue)` (statistic,
 * df, p-value, interval, stderr) and to GrowthBook's `TwoSidedTTest` / CUPED (`RegressionAdjustedStatistic`);
 * fixtures in `test/fixtures/significance/compareMeans/`.
 *
 * @reference Welch, B. L. 1947. "The Generalization of 'Student's' Problem When Several Different
 * Population Variances Are Involved." _Biometrika_ 34 (1–2): 28–35. doi:10.1093/biomet/34.1-2.28
 * @reference Deng, A., Y. Xu, R. Kohavi, and T. Walker. 2013. "Improving the Sensitivity of Online
 * Controlled Experiments by Utilizing Pre-Experiment Data." In _Proceedings of the Sixth ACM
 * International Conference on Web Search and Data Mining_, 123–32. doi:10.1145/2433396.2433413
 *
 * @param control - Control arm: a sample (at least 2 finite numbers), `{ values, covariate }`,
 * `{ n, mean, sd }` or `{ n, sum, sumSquares }` (plus `covariateSum`, `covariateSumSquares`, `crossSum`).
 * @param treatment - Treatment arm, same forms.
 * @param options - See {@link CompareMeansOptions}.
 * @returns A {@link CompareMeansResult}: difference (treatment − control) and relative lift with
 * intervals, t, df, p-value, and the CUPED details.
 * @throws {@link InvalidArgumentError} if a sample has fewer than 2 values or a non-finite value, a count
 * is not an integer >= 2, sums are inconsistent (Σx² < (Σx)²/n), only one arm carries a covariate, or an
 * option is out of range.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if the data are essentially constant or the control mean is 0.
 *
 * @example
 * ```ts
 * // Student's sleep data (R: t.test(treatment, control))
 * const control = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
 * const treatment = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
 * const r = compareMeans(control, treatment);
 * r.statistic;                      // ≈ 1.8608
 * r.df;                             // ≈ 17.776
 * r.pValue;                         // ≈ 0.079394
 * r.difference.confidenceInterval;  // ≈ { lower: -0.20548, upper: 3.3655, level: 0.95 }
 * r.relativeLift.estimate;          // ≈ 2.1067
 * ```
 * @see {@link compareProportions}, {@link compareRatios}
 * @since 0.1.0
 * @public
 */
export function compareMeans(
  control: MeanData,
  treatment: MeanData,
  options: CompareMeansOptions = {},
): CompareMeansResult {
  const args = parseArguments(NAME, inputSchema(control, treatment), { control, treatment, options }, () =>
    sampleValueIssues({ control, treatment }, FORMS),
  ) as ParsedInput;
  const opts = args.options;
  const alt: Alternative = opts.alternative ?? "two-sided";
  const level = opts.confidenceLevel ?? 0.95;
  const nullValue = opts.nullValue ?? 0;
  const equalVariance = opts.equalVariance ?? false;
  const relativeInterval = opts.relativeInterval ?? "delta";

  const c = meanArmMoments(args.control as ParsedMeanArm);
  const t = meanArmMoments(args.treatment as ParsedMeanArm);
  const issues: { path: string[]; message: string }[] = [];
  for (const [name, arm] of [
    ["control", c],
    ["treatment", t],
  ] as const) {
    if (!(Number.isFinite(arm.y.mean) && Number.isFinite(arm.y.variance))) {
      issues.push({ path: [name], message: SAMPLE_MESSAGE });
    }
  }
  if ((c.covariate === undefined) !== (t.covariate === undefined)) {
    const missing = c.covariate === undefined ? "control" : "treatment";
    const other = missing === "control" ? "treatment" : "control";
    issues.push({ path: [missing], message: `must carry a covariate as ${other} does (CUPED needs both arms)` });
  }
  if (c.covariate !== undefined && t.covariate !== undefined && relativeInterval === "fieller") {
    issues.push({
      path: ["options", "relativeInterval"],
      message: 'must be "delta" when the data carry a covariate (CUPED)',
    });
  }
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);

  // Unadjusted test.
  const plain = tTest(c.y, t.y, equalVariance, nullValue, alt, level);

  // CUPED with θ pooled over both arms.
  let theta = 0;
  let adjusted = plain;
  let adjustedC: Moments = c.y;
  let adjustedT: Moments = t.y;
  if (c.covariate !== undefined && t.covariate !== undefined) {
    const n = c.y.n + t.y.n;
    const xBar = (c.y.n * c.covariate.mean + t.y.n * t.covariate.mean) / n;
    const yBar = (c.y.n * c.y.mean + t.y.n * t.y.mean) / n;
    const sxx =
      (c.y.n - 1) * c.covariate.variance +
      c.y.n * (c.covariate.mean - xBar) ** 2 +
      (t.y.n - 1) * t.covariate.variance +
      t.y.n * (t.covariate.mean - xBar) ** 2;
    const syy =
      (c.y.n - 1) * c.y.variance +
      c.y.n * (c.y.mean - yBar) ** 2 +
      (t.y.n - 1) * t.y.variance +
      t.y.n * (t.y.mean - yBar) ** 2;
    const sxy =
      (c.y.n - 1) * c.covariate.covariance +
      c.y.n * (c.covariate.mean - xBar) * (c.y.mean - yBar) +
      (t.y.n - 1) * t.covariate.covariance +
      t.y.n * (t.covariate.mean - xBar) * (t.y.mean - yBar);
    theta = sxx > 0 && syy > 0 ? sxy / sxx : 0;
    const adjust = (arm: MeanArmMoments): Moments => {
      const cov = arm.covariate!;
      return {
        n: arm.y.n,
        mean: arm.y.mean - theta * cov.mean,
        variance: Math.max(0, arm.y.variance + theta * theta * cov.variance - 2 * theta * cov.covariance),
      };
    };
    adjustedC = adjust(c);
    adjustedT = adjust(t);
    adjusted = tTest(adjustedC, adjustedT, equalVariance, nullValue, alt, level);
  }

  const cupedApplied = c.covariate !== undefined && t.covariate !== undefined;
  assertNonZeroControl(NAME, c.y.mean);
  const yC = c.y.mean;
  const yT = t.y.mean;
  let relativeVariance: number;
  if (cupedApplied) {
    const cc = c.covariate!;
    const ct = t.covariate!;
    const vT = (t.y.variance + theta * theta * ct.variance - 2 * theta * ct.covariance) / (t.y.n * yC * yC);
    const vC =
      ((c.y.variance * yT * yT) / (yC * yC) - (2 * theta * cc.covariance * yT) / yC + theta * theta * cc.variance) /
      (c.y.n * yC * yC);
    relativeVariance = Math.max(0, vT + vC);
  } else {
    relativeVariance = t.y.variance / (t.y.n * yC * yC) + (c.y.variance * yT * yT) / (c.y.n * yC ** 4);
  }
  const relativeLift: RelativeLiftEstimate = relativeLiftEstimate({
    functionName: NAME,
    difference: adjusted.difference.estimate,
    treatmentMean: yT,
    controlMean: yC,
    variance: relativeVariance,
    treatmentMeanVariance: t.y.variance / t.y.n,
    controlMeanVariance: c.y.variance / c.y.n,
    method: relativeInterval,
    alternative: alt,
    level,
    nullValue,
    distribution: adjusted.distribution,
  });

  const method = `${equalVariance ? "Student two-sample t-test (pooled variance)" : "Welch two-sample t-test"}${
    cupedApplied ? " with CUPED regression adjustment (pooled theta)" : ""
  }`;
  const summary = (m: Moments, adj: Moments): MeanArmSummary => {
    const sd = Math.sqrt(m.variance);
    return { n: m.n, mean: m.mean, sd, standardError: sd / Math.sqrt(m.n), adjustedMean: adj.mean };
  };
  return {
    method,
    alternative: alt,
    confidenceLevel: level,
    nullValue,
    equalVariance,
    control: summary(c.y, adjustedC),
    treatment: summary(t.y, adjustedT),
    difference: adjusted.difference,
    relativeLift,
    statistic: adjusted.statistic,
    df: adjusted.df,
    pValue: adjusted.pValue,
    cuped: cupedApplied
      ? {
          theta,
          varianceReduction: 1 - adjusted.difference.standardError ** 2 / plain.difference.standardError ** 2,
          unadjustedDifference: plain.difference,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Private helpers

interface TTestOutcome {
  readonly difference: EffectEstimate;
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  readonly distribution: ReferenceDistribution;
}

function tTest(
  c: Moments,
  t: Moments,
  equalVariance: boolean,
  nullValue: number,
  alt: Alternative,
  level: number,
): TTestOutcome {
  let standardError: number;
  let df: number;
  if (equalVariance) {
    df = t.n + c.n - 2;
    const pooled = ((t.n - 1) * t.variance + (c.n - 1) * c.variance) / df;
    standardError = Math.sqrt(pooled * (1 / t.n + 1 / c.n));
  } else {
    const wt = t.variance / t.n;
    const wc = c.variance / c.n;
    standardError = Math.sqrt(wt + wc);
    df = (wt + wc) ** 2 / ((wt * wt) / (t.n - 1) + (wc * wc) / (c.n - 1));
  }
  if (!(standardError > 10 * Number.EPSILON * Math.max(Math.abs(t.mean), Math.abs(c.mean)))) {
    throw new StatsError("DEGENERATE_DATA", `${NAME}: data are essentially constant (the standard error is 0)`);
  }
  const estimate = t.mean - c.mean;
  const distribution = studentT(df);
  const statistic = (estimate - nullValue) / standardError;
  return {
    difference: waldEstimate(estimate, standardError, alt, level, distribution),
    statistic,
    df,
    pValue: pValueFor(statistic, alt, distribution),
    distribution,
  };
}

const FORMS: MeanDataForms = {
  message:
    "must be a sample of at least 2 finite numbers, { values, covariate }, { n, mean, sd } or { n, sum, sumSquares }",
  covariate: true,
  proportion: false,
  finitenessFromMoments: true,
};

const optionsSchema = () =>
  z.strictObject(
    {
      alternative: z.optional(alternative()),
      confidenceLevel: z.optional(openUnitInterval()),
      nullValue: z.optional(finiteNumber()),
      equalVariance: z.optional(z.boolean({ error: "must be true or false" })),
      relativeInterval: z.optional(z.enum(["delta", "fieller"], { error: 'must be "delta" or "fieller"' })),
    },
    { error: "must be an object of known options" },
  );

interface ParsedInput {
  readonly control: unknown;
  readonly treatment: unknown;
  readonly options: z.output<ReturnType<typeof optionsSchema>>;
}

/**
 * Input schemas by the schemas of their arms (at most one per pair of forms), built on first use: building
 * the schemas costs more than the arithmetic of a 100-value readout.
 */
const inputSchemas = new Map<z.ZodMiniType<unknown>, Map<z.ZodMiniType<unknown>, z.ZodMiniType<unknown>>>();

function inputSchema(control: unknown, treatment: unknown): z.ZodMiniType<unknown> {
  const c = meanArmSchema(control, FORMS);
  const t = meanArmSchema(treatment, FORMS);
  let byTreatment = inputSchemas.get(c);
  if (byTreatment === undefined) {
    byTreatment = new Map();
    inputSchemas.set(c, byTreatment);
  }
  let schema = byTreatment.get(t);
  if (schema === undefined) {
    schema = z.object({ control: c, treatment: t, options: optionsSchema() });
    byTreatment.set(t, schema);
  }
  return schema;
}
