import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { alternative, finiteNumber, openUnitInterval, parseArguments, proportionData } from "../internal/validate.js";
import type { Alternative, ProportionData } from "../types.js";
import {
  criticalValue,
  intervalAround,
  pValueFor,
  relativeLiftEstimate,
  standardNormal,
  wilsonBounds,
} from "./shared.js";
import type { EffectEstimate, ReadoutResult, RelativeLiftEstimate } from "./types.js";

const NAME = "compareProportions";

const arm = () =>
  proportionData().check(z.refine((d) => !(d.visitors < 1), { error: "visitors must be >= 1", path: ["visitors"] }));

const schema = z.object({
  control: arm(),
  treatment: arm(),
  options: z
    .strictObject(
      {
        alternative: z.optional(alternative()),
        confidenceLevel: z.optional(openUnitInterval()),
        nullValue: z.optional(
          finiteNumber().check(z.gt(-1, { error: "must be > -1" }), z.lt(1, { error: "must be < 1" })),
        ),
        test: z.optional(
          z.enum(["z-pooled", "z-unpooled", "yates"], { error: 'must be "z-pooled", "z-unpooled" or "yates"' }),
        ),
        interval: z.optional(
          z.enum(["wald", "newcombe", "agresti-caffo"], { error: 'must be "wald", "newcombe" or "agresti-caffo"' }),
        ),
        relativeInterval: z.optional(
          z.enum(["delta", "fieller", "log"], { error: 'must be "delta", "fieller" or "log"' }),
        ),
      },
      { error: "must be an object of known options" },
    )
    .check(
      z.refine((o) => !(o.test === "yates" && o.nullValue !== undefined && o.nullValue !== 0), {
        error: 'must be 0 when test is "yates" (the continuity-corrected test is a test of equality)',
        path: ["nullValue"],
      }),
    ),
});

/**
 * Options of {@link compareProportions}.
 *
 * @public
 */
export interface CompareProportionsOptions {
  /**
   * Direction of the alternative hypothesis for treatment minus control.
   * @defaultValue `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * Level of every interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Difference of rates (treatment minus control) under H0, in (−1, 1). A negative value with
   * `alternative: "greater"` is a non-inferiority test with margin `-nullValue`.
   * @defaultValue 0
   */
  readonly nullValue?: number;
  /**
   * The test of the difference:
   * - `"z-pooled"`: pooled-variance z-test, the square root of Pearson's chi-square without
   *   continuity correction (R `prop.test(correct = FALSE)`); for a non-zero `nullValue` the variance is
   *   evaluated at the restricted maximum-likelihood rates (Farrington–Manning score test).
   * - `"z-unpooled"`: Wald z-test with the unpooled standard error (GrowthBook, Eppo, Statsig).
   * - `"yates"`: pooled z-test with Yates' continuity correction (R `prop.test(correct = TRUE)`,
   *   `nullValue` must be 0).
   * @defaultValue `"z-pooled"`
   */
  readonly test?: "z-pooled" | "z-unpooled" | "yates";
  /**
   * Interval for the difference:
   * - `"wald"`: estimate ± z·unpooled SE, clipped to [−1, 1] (with `test: "yates"` widened by R's
   *   continuity correction, as `prop.test`);
   * - `"newcombe"`: Newcombe's hybrid score interval from the two Wilson intervals;
   * - `"agresti-caffo"`: Wald interval after adding one success and one failure to each arm.
   * @defaultValue `"wald"`
   */
  readonly interval?: "wald" | "newcombe" | "agresti-caffo";
  /**
   * Interval for the relative lift:
   * - `"delta"`: lift ± z·delta-method SE;
   * - `"fieller"`: Fieller's set for the ratio of rates, minus 1;
   * - `"log"`: `exp(log(rT/rC) ± z·sqrt(1/xT − 1/nT + 1/xC − 1/nC)) − 1` (needs a conversion in each arm).
   * @defaultValue `"delta"`
   */
  readonly relativeInterval?: "delta" | "fieller" | "log";
}

/**
 * One arm of a proportions readout.
 *
 * @public
 */
export interface ProportionArmSummary {
  /** Units exposed. */
  readonly visitors: number;
  /** Units that converted. */
  readonly conversions: number;
  /** conversions / visitors. */
  readonly rate: number;
  /** sqrt(rate·(1 − rate)/visitors). */
  readonly standardError: number;
}

/**
 * Result of {@link compareProportions}.
 *
 * @public
 */
export interface CompareProportionsResult extends ReadoutResult {
  /** The test that gave `statistic` and `pValue`. */
  readonly test: "z-pooled" | "z-unpooled" | "yates";
  /** How `difference.confidenceInterval` was built. */
  readonly interval: "wald" | "newcombe" | "agresti-caffo";
  /** Control arm. */
  readonly control: ProportionArmSummary;
  /** Treatment arm. */
  readonly treatment: ProportionArmSummary;
  /** Rate difference (treatment − control) with the unpooled standard error. */
  readonly difference: EffectEstimate;
  /** (rateT − rateC)/rateC with its delta-method standard error and test. */
  readonly relativeLift: RelativeLiftEstimate;
  /** Signed z statistic (its square is R `prop.test`'s X-squared). */
  readonly statistic: number;
  /** Standard error the statistic was divided by (pooled, restricted or unpooled). */
  readonly testStandardError: number;
}

/**
 * A/B readout for conversion rates: difference and relative lift of two proportions with their
 * intervals and a z-test.
 *
 * @remarks
 * With rates r = x/n, the difference d = r_T − r_C and the null value δ₀,
 *
 * ```math
 * z = \frac{d - \delta_0}{SE_0},\qquad
 * SE_0 = \sqrt{\bar r(1-\bar r)\left(\tfrac1{n_T}+\tfrac1{n_C}\right)}\ \text{(pooled, }\bar r = \tfrac{x_T+x_C}{n_T+n_C}),\qquad
 * SE = \sqrt{\tfrac{r_T(1-r_T)}{n_T}+\tfrac{r_C(1-r_C)}{n_C}}\ \text{(unpooled)}
 * ```
 *
 * Yates: `z = sign(d)·max(|d| − ½(1/n_T + 1/n_C), 0)/SE_0`. For `nullValue ≠ 0` the pooled test uses
 * the Farrington–Manning restricted rates (closed-form root of a cubic). The relative lift is
 * `(r_T − r_C)/r_C` with delta-method variance
 *
 * ```math
 * \operatorname{Var}\Big(\frac{r_T}{r_C}\Big) \approx \frac{v_T}{r_C^2} + \frac{v_C\, r_T^2}{r_C^4},\qquad v = \frac{r(1-r)}{n}.
 * ```
 *
 * Method: p-values from the normal survival function (`2·sf(|z|)`, `sf(z)` or `cdf(z)`), so tiny
 * p-values keep their relative accuracy; intervals use z at `(1 + level)/2` (two-sided) or at `level`
 * (one-sided, open side infinite). The relative lift also carries its own delta-method z-test (the
 * p-value GrowthBook reports); `pValue` is the test of the difference.
 *
 * Edge cases: both arms at rate 0 (or both at 1) make the pooled test undefined, and a control rate of
 * 0 makes the relative lift undefined: both throw `DEGENERATE_DATA`; so does `relativeInterval: "log"`
 * with no conversions in an arm.
 *
 * Conforms to R `prop.test(c(xT, xC), c(nT, nC), correct = FALSE | TRUE)` (statistic squared,
 * p-value and interval; R writes ±1 for the open side of a one-sided interval, this function ±Infinity),
 * statsmodels `test_proportions_2indep` (`method = "wald"` and `"score"` without correction) and
 * `confint_proportions_2indep` (`"newcomb"`, `"agresti-caffo"`, ratio `"log"`); fixtures in
 * `test/fixtures/significance/compareProportions/`.
 *
 * @reference Newcombe, R. G. 1998. "Interval Estimation for the Difference between Independent
 * Proportions: Comparison of Eleven Methods." _Statistics in Medicine_ 17 (8): 873–90.
 * doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I
 * @reference Agresti, A., and B. Caffo. 2000. "Simple and Effective Confidence Intervals for
 * Proportions and Differences of Proportions Result from Adding Two Successes and Two Failures."
 * _The American Statistician_ 54 (4): 280–88. doi:10.1080/00031305.2000.10474560
 * @reference Farrington, C. P., and G. Manning. 1990. "Test Statistics and Sample Size Formulae for
 * Comparative Binomial Trials with Null Hypothesis of Non-Zero Risk Difference or Non-Unity Relative
 * Risk." _Statistics in Medicine_ 9 (12): 1447–54. doi:10.1002/sim.4780091208
 * @reference Fieller, E. C. 1954. "Some Problems in Interval Estimation." _Journal of the Royal
 * Statistical Society, Series B_ 16 (2): 175–85. doi:10.1111/j.2517-6161.1954.tb00159.x
 *
 * @param control - Control arm `{ visitors, conversions }`: integers, visitors >= 1, conversions <= visitors.
 * @param treatment - Treatment arm, same rules.
 * @param options - See {@link CompareProportionsOptions}.
 * @returns A {@link CompareProportionsResult}: difference and relative lift with intervals, z and p.
 * @throws {@link InvalidArgumentError} if a count is negative, fractional or inconsistent, visitors is
 * 0, or an option is out of range (`nullValue` must be 0 with `test: "yates"`).
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if the test's standard error is 0 (both rates 0 or
 * both 1), the control rate is 0, or `relativeInterval: "log"` meets an arm without conversions.
 *
 * @example
 * ```ts
 * // Spotify Confidence's chi-squared case (= R prop.test(c(500, 42), c(1009, 104), correct = FALSE))
 * const r = compareProportions({ visitors: 104, conversions: 42 }, { visitors: 1009, conversions: 500 });
 * r.statistic ** 2;               // ≈ 3.1730
 * r.pValue;                       // ≈ 0.074866
 * r.difference.estimate;          // ≈ 0.091694
 * r.difference.confidenceInterval; // ≈ { lower: -0.0075254, upper: 0.19091, level: 0.95 }
 * r.relativeLift.estimate;        // ≈ 0.22705
 * ```
 * @see {@link compareMeans}, {@link proportionConfidenceInterval}
 * @since 0.1.0
 * @public
 */
export function compareProportions(
  control: ProportionData,
  treatment: ProportionData,
  options: CompareProportionsOptions = {},
): CompareProportionsResult {
  const args = parseArguments(NAME, schema, { control, treatment, options });
  const alt: Alternative = args.options.alternative ?? "two-sided";
  const level = args.options.confidenceLevel ?? 0.95;
  const nullValue = args.options.nullValue ?? 0;
  const test = args.options.test ?? "z-pooled";
  const interval = args.options.interval ?? "wald";
  const relativeInterval = args.options.relativeInterval ?? "delta";

  const nC = args.control.visitors;
  const xC = args.control.conversions;
  const nT = args.treatment.visitors;
  const xT = args.treatment.conversions;
  const rC = xC / nC;
  const rT = xT / nT;
  // d = (xT·nC − xC·nT)/(nT·nC): the numerator is an exact integer while the products stay below 2^53.
  const exact = nT * nC <= Number.MAX_SAFE_INTEGER;
  const cross = xT * nC - xC * nT;
  const d = exact ? cross / (nT * nC) : rT - rC;
  const vC = (rC * (1 - rC)) / nC;
  const vT = (rT * (1 - rT)) / nT;
  const se = Math.sqrt(vT + vC);
  const inverseSum = 1 / nT + 1 / nC;

  // The test of the difference.
  let testStandardError: number;
  let statistic: number;
  let method: string;
  if (test === "z-unpooled") {
    testStandardError = se;
    method = "Two-sample z-test of proportions (unpooled Wald variance)";
    statistic = standardize(d - nullValue, se);
  } else if (nullValue === 0) {
    const pooled = (xT + xC) / (nT + nC);
    testStandardError = Math.sqrt(pooled * (1 - pooled) * inverseSum);
    if (test === "yates") {
      method = "Two-sample z-test of proportions (pooled variance) with Yates' continuity correction";
      // |d| − ½(1/nT + 1/nC) = (|xT·nC − xC·nT| − (nT + nC)/2)/(nT·nC), exact in the numerator.
      const corrected = exact
        ? Math.max(Math.abs(cross) - (nT + nC) / 2, 0) / (nT * nC)
        : Math.max(Math.abs(d) - 0.5 * inverseSum, 0);
      statistic = standardize(Math.sign(d) * corrected, testStandardError);
    } else {
      method = "Two-sample z-test of proportions (pooled variance; Pearson chi-square without continuity correction)";
      statistic = standardize(d, testStandardError);
    }
  } else {
    const [pT, pC] = farringtonManningRates(rT, rC, nT, nC, nullValue);
    testStandardError = Math.sqrt((pT * (1 - pT)) / nT + (pC * (1 - pC)) / nC);
    method = "Two-sample score test of proportions (Farrington–Manning restricted variance)";
    statistic = standardize(d - nullValue, testStandardError);
  }
  if (!(testStandardError > 0)) {
    throw new StatsError(
      "DEGENERATE_DATA",
      `${NAME}: the standard error of the test is 0 (both conversion rates are 0, or both are 1, or each arm is all-or-nothing)`,
    );
  }
  const pValue = pValueFor(statistic, alt, standardNormal);
  const q = criticalValue(alt, level, standardNormal);

  // The interval for the difference.
  let differenceInterval = intervalAround(d, q * se, alt, level, -1, 1);
  if (interval === "wald" && test === "yates") {
    differenceInterval = intervalAround(d, q * se + Math.min(0.5 * inverseSum, Math.abs(d)), alt, level, -1, 1);
  } else if (interval === "agresti-caffo") {
    const aT = (xT + 1) / (nT + 2);
    const aC = (xC + 1) / (nC + 2);
    const half = q * Math.sqrt((aT * (1 - aT)) / (nT + 2) + (aC * (1 - aC)) / (nC + 2));
    differenceInterval = intervalAround(aT - aC, half, alt, level, -1, 1);
  } else if (interval === "newcombe") {
    const wT = wilsonBounds(xT, nT, q);
    const wC = wilsonBounds(xC, nC, q);
    const below = Math.sqrt((rT - wT.lower) ** 2 + (wC.upper - rC) ** 2);
    const above = Math.sqrt((rC - wC.lower) ** 2 + (wT.upper - rT) ** 2);
    differenceInterval = {
      lower: alt === "less" ? Number.NEGATIVE_INFINITY : d - below,
      upper: alt === "greater" ? Number.POSITIVE_INFINITY : d + above,
      level,
    };
  }

  if (relativeInterval === "log" && (xT === 0 || xC === 0)) {
    throw new StatsError(
      "DEGENERATE_DATA",
      `${NAME}: the log interval for the relative lift needs at least one conversion in each arm`,
    );
  }
  const relativeLift = relativeLiftEstimate({
    functionName: NAME,
    difference: d,
    treatmentMean: rT,
    controlMean: rC,
    variance: rC === 0 ? 0 : vT / (rC * rC) + (vC * rT * rT) / (rC * rC * rC * rC),
    treatmentMeanVariance: vT,
    controlMeanVariance: vC,
    method: relativeInterval,
    logStandardError: Math.sqrt(1 / xT - 1 / nT + 1 / xC - 1 / nC),
    alternative: alt,
    level,
    nullValue,
    distribution: standardNormal,
  });

  return {
    method,
    test,
    interval,
    alternative: alt,
    confidenceLevel: level,
    nullValue,
    control: { visitors: nC, conversions: xC, rate: rC, standardError: Math.sqrt(vC) },
    treatment: { visitors: nT, conversions: xT, rate: rT, standardError: Math.sqrt(vT) },
    difference: { estimate: d, standardError: se, confidenceInterval: differenceInterval },
    relativeLift,
    statistic,
    testStandardError,
    pValue,
  };
}

/** `numerator / se`, with 0/0 read as 0 (the estimate sits on the null). */
function standardize(numerator: number, se: number): number {
  return numerator === 0 ? 0 : numerator / se;
}

/**
 * Maximum-likelihood rates (treatment, control) under H0: rT − rC = δ (Farrington and Manning 1990,
 * closed-form root of the likelihood cubic, as in Miettinen and Nurminen 1985).
 */
function farringtonManningRates(rT: number, rC: number, nT: number, nC: number, delta: number): [number, number] {
  const theta = nC / nT;
  const a = 1 + theta;
  const b = -(1 + theta + rT + theta * rC + delta * (theta + 2));
  const c = delta * delta + delta * (2 * rT + theta + 1) + rT + theta * rC;
  const d = -rT * delta * (1 + delta);
  const v = (b * b * b) / (27 * a * a * a) - (b * c) / (6 * a * a) + d / (2 * a);
  const u = (v < 0 ? -1 : 1) * Math.sqrt(Math.max(0, (b * b) / (9 * a * a) - c / (3 * a)));
  const cosine = u === 0 ? 0 : Math.min(1, Math.max(-1, v / (u * u * u)));
  const w = (Math.PI + Math.acos(cosine)) / 3;
  const pT = Math.min(1, Math.max(0, 2 * u * Math.cos(w) - b / (3 * a)));
  const pC = Math.min(1, Math.max(0, pT - delta));
  return [pT, pC];
}
