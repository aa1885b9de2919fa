import * as z from "zod/mini";
import { chiSquareSf } from "../distributions/chiSquare.js";
import { openUnitInterval, parseArguments } from "../internal/validate.js";
import { pearsonStatistic } from "./shared.js";

const NAME = "sampleRatioMismatchTest";

const numbers = (rule: (v: number) => boolean, message: string) =>
  z
    .custom<ArrayLike<number>>((v) => Array.isArray(v) || v instanceof Float64Array, {
      error: "must be an array with one entry per arm",
    })
    .check(
      z.superRefine((values, ctx) => {
        if (values.length < 2) ctx.addIssue({ code: "custom", message: "must have at least 2 arms", input: values });
        for (let i = 0; i < values.length; i++) {
          const v: unknown = values[i];
          if (typeof v !== "number" || !rule(v)) ctx.addIssue({ code: "custom", message, path: [i], input: v });
        }
      }),
    );

const schema = z
  .object({
    observedCounts: numbers((v) => Number.isInteger(v) && v >= 0, "must be an integer >= 0"),
    expectedWeights: numbers((v) => Number.isFinite(v) && v > 0, "must be a finite number > 0"),
    options: z.strictObject(
      { threshold: z.optional(openUnitInterval()) },
      { error: "must be an object of known options" },
    ),
  })
  .check(
    z.refine((d) => d.observedCounts.length === d.expectedWeights.length, {
      error: "must have one weight per observed count",
      path: ["expectedWeights"],
    }),
    z.refine((d) => Array.prototype.some.call(d.observedCounts, (v: number) => v > 0), {
      error: "must count at least one unit",
      path: ["observedCounts"],
    }),
  );

/**
 * Options of {@link sampleRatioMismatchTest}.
 *
 * @public
 */
export interface SampleRatioMismatchTestOptions {
  /**
   * Alert threshold: `mismatch` is `true` when the p-value is below it (GrowthBook, Eppo and Statsig
   * alert at 0.001).
   * @defaultValue 0.001
   */
  readonly threshold?: number;
}

/**
 * Result of {@link sampleRatioMismatchTest}.
 *
 * @public
 */
export interface SampleRatioMismatchTestResult {
  /** The procedure in words. */
  readonly method: string;
  /** Pearson's X² goodness-of-fit statistic. */
  readonly statistic: number;
  /** Degrees of freedom, arms − 1. */
  readonly df: number;
  /** Upper-tail chi-square probability. */
  readonly pValue: number;
  /** The alert threshold used. */
  readonly threshold: number;
  /** `pValue < threshold`: the observed split does not match the design. */
  readonly mismatch: boolean;
  /** Units per arm, as given. */
  readonly observedCounts: readonly number[];
  /** Units per arm expected from the design: total × weight / Σ weights. */
  readonly expectedCounts: readonly number[];
  /** Observed share of each arm. */
  readonly observedProportions: readonly number[];
  /** Designed share of each arm (weights normalized to sum to 1). */
  readonly expectedProportions: readonly number[];
}

/**
 * Sample ratio mismatch (SRM) check: does the observed split of units across arms match the design?
 *
 * @remarks
 * A chi-square goodness-of-fit test of the counts O_i against E_i = N·w_i/Σw (N = Σ O_i):
 *
 * ```math
 * X^2 = \sum_{i=1}^{k} \frac{(O_i - E_i)^2}{E_i},\qquad p = P(\chi^2_{k-1} > X^2),\qquad
 * \text{mismatch} = p < \text{threshold}
 * ```
 *
 * Method: compensated sum; p from the chi-square survival function, so a gross mismatch prints as
 * 3.5e−42 rather than 0 or R's "< 2.2e−16". Weights come from the design and need not sum to 1 (never
 * assume equal splits: a 95/5 design checked against 50/50 always alarms). Arms with zero designed
 * weight must be left out (they are rejected): the df is the number of arms tested minus one.
 *
 * Note: checking SRM repeatedly while data arrive is itself a peeking problem; the threshold of 0.001
 * keeps false alarms rare for a handful of looks.
 *
 * Conforms to R `chisq.test(observedCounts, p = expectedWeights, rescale.p = TRUE)`; fixtures in
 * `test/fixtures/significance/sampleRatioMismatchTest/`.
 *
 * @reference Fabijan, A., J. Gupchup, S. Gupta, J. Omhover, W. Qin, L. Vermeer, and P. Dmitriev. 2019.
 * "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments: A Taxonomy and Rules of Thumb
 * for Practitioners." In _Proceedings of the 25th ACM SIGKDD International Conference on Knowledge
 * Discovery and Data Mining_, 2156–64. doi:10.1145/3292500.3330722
 *
 * @param observedCounts - Units assigned to each arm: at least 2 integers >= 0, not all 0.
 * @param expectedWeights - Designed allocation of each arm, one positive weight per arm (any scale).
 * @param options - See {@link SampleRatioMismatchTestOptions}.
 * @returns A {@link SampleRatioMismatchTestResult}.
 * @throws {@link InvalidArgumentError} if a count is negative or fractional, all counts are 0, a weight
 * is not positive and finite, the lengths differ, or the threshold is outside (0, 1).
 *
 * @example
 * ```ts
 * // 50/50 design, 50,500 vs 49,500 units
 * const r = sampleRatioMismatchTest([50_500, 49_500], [1, 1]);
 * r.statistic; // ≈ 10
 * r.pValue;    // ≈ 0.0015654
 * r.mismatch;  // false (just above the 0.001 alert)
 * sampleRatioMismatchTest([9_463, 7_681], [50, 50]).pValue; // ≈ 3.50e-42
 * ```
 * @see {@link chiSquareTest}
 * @since 0.1.0
 * @public
 */
export function sampleRatioMismatchTest(
  observedCounts: readonly number[] | Float64Array,
  expectedWeights: readonly number[] | Float64Array,
  options: SampleRatioMismatchTestOptions = {},
): SampleRatioMismatchTestResult {
  const args = parseArguments(NAME, schema, { observedCounts, expectedWeights, options });
  const observed = Array.from(args.observedCounts);
  const weights = Array.from(args.expectedWeights);
  const threshold = args.options.threshold ?? 0.001;
  const total = observed.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const expectedProportions = weights.map((w) => w / weightSum);
  const expectedCounts = expectedProportions.map((p) => total * p);
  const statistic = pearsonStatistic(observed, expectedCounts, 0);
  const df = observed.length - 1;
  const pValue = chiSquareSf(statistic, df);
  return {
    method: "Chi-square goodness-of-fit test for sample ratio mismatch",
    statistic,
    df,
    pValue,
    threshold,
    mismatch: pValue < threshold,
    observedCounts: observed,
    expectedCounts,
    observedProportions: observed.map((o) => o / total),
    expectedProportions,
  };
}
