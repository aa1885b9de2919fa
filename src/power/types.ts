/**
 * Option and result types shared by the planning functions (sample size, power, MDE).
 *
 * @packageDocumentation
 */
import type { NormalPrior } from "../bayesian/bayesianMeans.js";
import type { Alternative } from "../types.js";

/**
 * How the level is split across `treatmentArms` comparisons with the control.
 *
 * - `"none"`: each comparison at `alpha` (the family-wise error grows with the number of arms).
 * - `"bonferroni"`: each comparison at `alpha / k`.
 * - `"sidak"`: each comparison at `1 - (1 - alpha)^(1/k)`.
 *
 * @public
 */
export type MultipleComparison = "none" | "bonferroni" | "sidak";

/**
 * Units of a minimum detectable effect: `"relative"` (0.1 means +10 % of the baseline) or
 * `"absolute"` (0.01 means +1 percentage point for a rate, +0.01 units for a mean).
 *
 * @public
 */
export type MdeType = "relative" | "absolute";

/**
 * Direction of the effect an MDE solver looks for.
 *
 * @public
 */
export type EffectDirection = "increase" | "decrease";

/**
 * The test (and its power equation) used to plan a comparison of two proportions.
 *
 * - `"pooled"`: z-test with the pooled variance under H0 and the unpooled one under H1 (R
 *   `power.prop.test`, statsmodels `power_proportions_2indep`).
 * - `"unpooled"`: Wald z-test, unpooled variance under H0 and H1.
 * - `"arcsine"`: Cohen's h, the arcsine-transformed difference (R `pwr.2p.test`, `pwr.2p2n.test`).
 * - `"evan-miller"`: the formula of Evan Miller's online calculator (one rejection region, baseline folded at 0.5).
 *
 * @public
 */
export type TwoProportionsMethod = "pooled" | "unpooled" | "arcsine" | "evan-miller";

/**
 * The test used to plan a comparison of two means.
 *
 * - `"t"`: two-sample t-test of the difference, exact power from the noncentral t.
 * - `"z"`: z-test of the difference (normal approximation).
 * - `"z-relative"`: z-test of the relative lift (μ_T − μ_C)/|μ_C| with its delta-method variance
 *   σ_T²/(n_T μ_C²) + σ_C² μ_T²/(n_C μ_C⁴), as GrowthBook plans it; needs `baselineMean`.
 *
 * @public
 */
export type TwoMeansTest = "t" | "z" | "z-relative";

/**
 * Options every planning function shares: level, direction, allocation, arms and variance reduction.
 *
 * @public
 */
export interface PlanningDesignOptions {
  /**
   * Total type-I error rate, in (0, 1); two-sided tests give each side `alpha / 2`.
   * @defaultValue 0.05
   */
  readonly alpha?: number;
  /**
   * Direction of the alternative hypothesis; the effect is treatment minus control, so `"greater"` means the
   * treatment is above the control.
   * @defaultValue "two-sided"
   */
  readonly alternative?: Alternative;
  /**
   * nTreatment / nControl for each treatment arm, > 0. Ignored by the power and MDE solvers when `nTreatment` is given
   * (giving both is an error).
   * @defaultValue 1
   */
  readonly allocationRatio?: number;
  /**
   * Number k of treatment arms, each compared with the one control (an integer >= 1).
   * @defaultValue 1
   */
  readonly treatmentArms?: number;
  /**
   * How `alpha` is split across the k comparisons.
   * @defaultValue "none"
   */
  readonly multipleComparison?: MultipleComparison;
  /**
   * Fraction of the per-unit variance removed by CUPED, regression adjustment or stratification (for CUPED with one
   * covariate, the squared correlation rho^2), in [0, 1). Every variance of the power equation is multiplied by
   * `1 - varianceReduction`.
   * @defaultValue 0
   */
  readonly varianceReduction?: number;
}

/**
 * Options of the two-proportion planners besides the solved quantity.
 *
 * @public
 */
export interface TwoProportionsDesignOptions extends PlanningDesignOptions {
  /** Conversion rate of the control arm, in (0, 1). */
  readonly baselineRate: number;
  /**
   * Units of `mde`: `"relative"` (0.1 is +10 % of `baselineRate`) or `"absolute"` (0.01 is +1 percentage point).
   * @defaultValue "relative"
   */
  readonly mdeType?: MdeType;
  /**
   * The test whose power is computed; see {@link TwoProportionsMethod}.
   * @defaultValue "pooled"
   */
  readonly method?: TwoProportionsMethod;
  /**
   * Fleiss' continuity correction: each rejection region needs an observed difference larger by
   * (1/nControl + 1/nTreatment)/2. Available for the `"pooled"` and `"unpooled"` methods.
   * @defaultValue false
   */
  readonly continuityCorrection?: boolean;
}

/**
 * Options of the two-mean planners besides the solved quantity.
 *
 * @public
 */
export interface TwoMeansDesignOptions extends PlanningDesignOptions {
  /** Per-unit standard deviation of the metric in the control arm (and in both arms unless `sdTreatment` is given), > 0. */
  readonly sd: number;
  /**
   * Per-unit standard deviation in each treatment arm, > 0. When given, the t-test is Welch's, with
   * Welch–Satterthwaite degrees of freedom computed from the planning standard deviations.
   * @defaultValue `sd` (Student's pooled t-test)
   */
  readonly sdTreatment?: number;
  /** Mean of the metric in the control arm, needed (and non-zero) when `mdeType` is `"relative"` or `test` is `"z-relative"`. */
  readonly baselineMean?: number;
  /**
   * Units of `mde`: `"absolute"` (metric units) or `"relative"` (a fraction of |baselineMean|).
   * @defaultValue "absolute"
   */
  readonly mdeType?: MdeType;
  /**
   * `"t"`: exact power of the two-sample t-test from the noncentral t distribution; `"z"`: normal approximation;
   * `"z-relative"`: z-test of the relative lift with the delta-method variance (GrowthBook; needs `baselineMean`).
   * See {@link TwoMeansTest}.
   * @defaultValue "t"
   */
  readonly test?: TwoMeansTest;
}

/**
 * What every planning result echoes: the design as it was used.
 *
 * @public
 */
export interface PlanningDesign {
  /** Total type-I error rate, as given. */
  readonly alpha: number;
  /** Level of each of the k comparisons after the multiple-comparison adjustment. */
  readonly alphaPerComparison: number;
  /** Direction of the alternative hypothesis. */
  readonly alternative: Alternative;
  /** nTreatment / nControl. */
  readonly allocationRatio: number;
  /** Number k of treatment arms. */
  readonly treatmentArms: number;
  /** The multiple-comparison adjustment. */
  readonly multipleComparison: MultipleComparison;
  /** Fraction of variance removed (0 when none). */
  readonly varianceReduction: number;
  /** Units in the control arm. */
  readonly nControl: number;
  /** Units in each treatment arm. */
  readonly nTreatment: number;
  /** Units in all arms: nControl + k · nTreatment. */
  readonly nTotal: number;
  /** The method, in words. */
  readonly method: string;
  /** What the sizes count ("n is per arm …"). */
  readonly note: string;
}

/**
 * A two-proportion design as planned.
 *
 * @public
 */
export interface TwoProportionsPlan extends PlanningDesign {
  /** Control conversion rate. */
  readonly baselineRate: number;
  /** Treatment conversion rate under the alternative. */
  readonly treatmentRate: number;
  /** treatmentRate − baselineRate. */
  readonly absoluteEffect: number;
  /** (treatmentRate − baselineRate) / baselineRate. */
  readonly relativeEffect: number;
  /** The effect in `mdeType` units. */
  readonly mde: number;
  /** Units of `mde`. */
  readonly mdeType: MdeType;
  /** The `method` option (the test whose power is computed). */
  readonly model: TwoProportionsMethod;
  /** Whether Fleiss' continuity correction was applied. */
  readonly continuityCorrection: boolean;
  /** Power of each comparison (the target for the sample-size and MDE solvers). */
  readonly power: number;
}

/**
 * The `alwaysValid` option of {@link powerTwoMeans} and {@link mdeTwoMeans}: GrowthBook's sequential power, the
 * standard error inflated by M/z_{1−α'/s}, with M the confidence-sequence multiplier.
 *
 * @public
 */
export interface AlwaysValidOptions {
  /** N*, the total of the two compared arms at which the confidence sequence is tuned to be narrowest (> 0). */
  readonly tuningSampleSize: number;
}

/**
 * What the `alwaysValid` option adds to a plan.
 *
 * @public
 */
export interface AlwaysValidPlan {
  /** N* echoed. */
  readonly tuningSampleSize: number;
  /** M: the confidence-sequence half-width over the standard error at N = nControl + nTreatment. */
  readonly multiplier: number;
  /** M/z_{1−α'/s}: the factor the standard error is inflated by (> 1). */
  readonly seInflation: number;
}

/**
 * A two-mean design as planned.
 *
 * @public
 */
export interface TwoMeansPlan extends PlanningDesign {
  /** Control standard deviation. */
  readonly sd: number;
  /** Treatment standard deviation. */
  readonly sdTreatment: number;
  /** Control mean, when given. */
  readonly baselineMean?: number;
  /** Treatment mean − control mean. */
  readonly absoluteEffect: number;
  /** absoluteEffect / |baselineMean| (present when `baselineMean` is given). */
  readonly relativeEffect?: number;
  /** absoluteEffect / sd (Cohen's d with the control sd). */
  readonly standardizedEffect: number;
  /** The effect in `mdeType` units. */
  readonly mde: number;
  /** Units of `mde`. */
  readonly mdeType: MdeType;
  /** The test whose power is computed. */
  readonly test: TwoMeansTest;
  /** Power of each comparison (the target for the sample-size and MDE solvers). */
  readonly power: number;
  /** The always-valid (sequential) planning used, when the `alwaysValid` option was given. */
  readonly alwaysValid?: AlwaysValidPlan;
  /** The prior of Bayesian power, when the `prior` option was given. */
  readonly prior?: NormalPrior;
}

/**
 * Sizes a sample-size solver adds to a plan: the exact (continuous) solution besides the rounded one.
 *
 * @public
 */
export interface SolvedSizes {
  /** The continuous solution for the control arm; `nControl` is its ceiling. */
  readonly nControlExact: number;
  /** allocationRatio · nControlExact; `nTreatment` is its ceiling. */
  readonly nTreatmentExact: number;
  /** Power of each comparison at the rounded sizes (>= the target). */
  readonly achievedPower: number;
}

/**
 * Sample sizes of one look of a group sequential plan (cumulative, per arm).
 *
 * @public
 */
export interface SequentialLookSize {
  /** 1-based look number. */
  readonly look: number;
  /** Planned information fraction t_k of the look. */
  readonly informationRate: number;
  /** Control units by this look: ⌈t_k · nControlMaxExact⌉ (the maximum at the last look). */
  readonly nControl: number;
  /** Units in each treatment arm by this look. */
  readonly nTreatment: number;
  /** Units in all arms by this look. */
  readonly nTotal: number;
}

/**
 * Expected total units (all arms) of a group sequential plan, continuous.
 *
 * @public
 */
export interface SequentialExpectedTotal {
  /** Under H0 (no effect). */
  readonly h0: number;
  /** Under the planned effect. */
  readonly h1: number;
  /** Under half the planned effect. */
  readonly halfway: number;
}

/**
 * What the `sequential` option adds to a sample-size plan: the maximum sample size of the group sequential design
 * (fixed size × inflation factor), the sizes at each look, and the expected total sizes.
 *
 * @public
 */
export interface SequentialSampleSize {
  /** The design in words (from {@link groupSequentialDesign}). */
  readonly method: string;
  /** Number of looks. */
  readonly kMax: number;
  /** 1 or 2 (one-sided or two-sided design). */
  readonly sided: 1 | 2;
  /** Planned information fractions of the looks. */
  readonly informationRates: readonly number[];
  /** The design's inflation factor: maximum over fixed information at the same alpha and power. */
  readonly inflationFactor: number;
  /** nControlExact · inflationFactor. */
  readonly nControlMaxExact: number;
  /** allocationRatio · nControlMaxExact. */
  readonly nTreatmentMaxExact: number;
  /** Control units to recruit at most: ⌈nControlMaxExact⌉. */
  readonly nControlMax: number;
  /** Units at most in each treatment arm: ⌈nTreatmentMaxExact⌉. */
  readonly nTreatmentMax: number;
  /** Units at most in all arms: nControlMax + k · nTreatmentMax. */
  readonly nTotalMax: number;
  /** Cumulative sizes at each look. */
  readonly looks: readonly SequentialLookSize[];
  /** Expected total units (all arms) at stopping: the fixed total × the design's expected-sample-size ratios. */
  readonly expectedTotal: SequentialExpectedTotal;
}
