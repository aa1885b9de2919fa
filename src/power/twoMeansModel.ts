/**
 * The power equation of the two-mean tests (noncentral t, normal), and the option handling the three two-mean
 * solvers share.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import type { NormalPrior } from "../bayesian/bayesianMeans.js";
import { noncentralTCdf, noncentralTSf } from "../distributions/noncentralT.js";
import { normalCdf, normalQuantile } from "../distributions/normal.js";
import { studentTQuantile } from "../distributions/studentT.js";
import type { InputIssue } from "../errors.js";
import { finiteNumber, positiveNumber } from "../internal/validate.js";
import { tunedSequenceMultiplier } from "../sequential/confidenceSequence.js";
import {
  criticalZ,
  type DesignShape,
  designShape,
  mdeTypeSchema,
  type Parsed,
  type ResolvedDesign,
  resolveDesign,
  sidesOf,
  sizeNote,
} from "./shared.js";
import type {
  AlwaysValidOptions,
  AlwaysValidPlan,
  MdeType,
  TwoMeansDesignOptions,
  TwoMeansPlan,
  TwoMeansTest,
} from "./types.js";

/** Schema pieces of {@link TwoMeansDesignOptions}. @internal */
export interface TwoMeansShape extends DesignShape {
  sd: z.ZodMiniNumber<number>;
  sdTreatment: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  baselineMean: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  mdeType: z.ZodMiniOptional<z.ZodMiniEnum<{ relative: "relative"; absolute: "absolute" }>>;
  test: z.ZodMiniOptional<z.ZodMiniEnum<{ t: "t"; z: "z"; "z-relative": "z-relative" }>>;
}

/** The validated fields of {@link TwoMeansDesignOptions}. @internal */
export function twoMeansShape(): TwoMeansShape {
  return {
    ...designShape(),
    sd: positiveNumber(),
    sdTreatment: z.optional(positiveNumber()),
    baselineMean: z.optional(finiteNumber()),
    mdeType: z.optional(mdeTypeSchema()),
    test: z.optional(z.enum(["t", "z", "z-relative"], { error: 'must be "t", "z" or "z-relative"' })),
  };
}

/** A two-mean design with every default filled in. @internal */
export interface MeansDesign extends ResolvedDesign {
  readonly sd: number;
  readonly sdTreatment: number;
  /** Welch's t (sdTreatment given) rather than Student's pooled t. */
  readonly welch: boolean;
  readonly baselineMean: number | undefined;
  readonly mdeType: MdeType;
  readonly test: TwoMeansTest;
  /** The always-valid planning (GrowthBook's sequential power), or undefined for a fixed-horizon test. */
  readonly alwaysValid: AlwaysValidPlan | undefined;
  /** The prior of Bayesian power, on the scale of the test's effect; undefined for frequentist power. */
  readonly prior: NormalPrior | undefined;
}

/** Fills in the defaults and records cross-field issues (a relative effect needs a non-zero baseline mean). @internal */
export function resolveMeansDesign(options: Parsed<TwoMeansDesignOptions>, issues: InputIssue[]): MeansDesign {
  const mdeType = options.mdeType ?? "absolute";
  const test = options.test ?? "t";
  const needs = mdeType === "relative" ? 'mdeType is "relative"' : test === "z-relative" ? 'test is "z-relative"' : "";
  if (needs !== "" && options.baselineMean === undefined) {
    issues.push({ path: ["baselineMean"], message: `is needed when ${needs}`, code: "custom" });
  }
  if (needs !== "" && options.baselineMean === 0) {
    issues.push({ path: ["baselineMean"], message: `must be non-zero when ${needs}`, code: "custom" });
  }
  return {
    ...resolveDesign(options),
    sd: options.sd,
    sdTreatment: options.sdTreatment ?? options.sd,
    welch: options.sdTreatment !== undefined,
    baselineMean: options.baselineMean,
    mdeType,
    test,
    alwaysValid: undefined,
    prior: undefined,
  };
}

/** Schema of {@link AlwaysValidOptions}. @internal */
export function alwaysValidSchema(): z.ZodMiniOptional<z.ZodMiniObject<{ tuningSampleSize: z.ZodMiniNumber<number> }>> {
  return z.optional(
    z.strictObject({ tuningSampleSize: positiveNumber() }, { error: "must be an object { tuningSampleSize }" }),
  );
}

/**
 * Adds the always-valid inflation to a design: the standard error is multiplied by M/z_{1−α'/s}, M the
 * confidence-sequence multiplier at N = n₁ + n₂ with tuning N* (GrowthBook's sequential power). Records an
 * issue unless the test is a z-test.
 * @internal
 */
export function withAlwaysValid(
  design: MeansDesign,
  options: AlwaysValidOptions | undefined,
  n1: number,
  n2: number,
  issues: InputIssue[],
): MeansDesign {
  if (options === undefined) return design;
  if (design.test === "t") {
    issues.push({ path: ["alwaysValid"], message: 'needs test "z" or "z-relative"', code: "custom" });
  }
  if (design.alternative !== "two-sided" && design.alphaPerComparison >= 0.5) {
    issues.push({ path: ["alwaysValid"], message: "needs a one-sided alpha per comparison below 0.5", code: "custom" });
  }
  // Sizes or the test already rejected: nothing to inflate.
  if (issues.length > 0) return design;
  const multiplier = tunedSequenceMultiplier(
    n1 + n2,
    options.tuningSampleSize,
    design.alphaPerComparison,
    design.alternative === "two-sided",
  );
  const seInflation = multiplier / criticalZ(design.alphaPerComparison, design.alternative);
  return { ...design, alwaysValid: { tuningSampleSize: options.tuningSampleSize, multiplier, seInflation } };
}

/** Schema of the `prior` option: a normal prior `{ mean, variance }`, or null for none. @internal */
export function priorSchema(): z.ZodMiniOptional<
  z.ZodMiniNullable<z.ZodMiniObject<{ mean: z.ZodMiniNumber<number>; variance: z.ZodMiniNumber<number> }>>
> {
  return z.optional(
    z.nullable(
      z.strictObject(
        { mean: finiteNumber(), variance: positiveNumber() },
        { error: "must be a normal prior { mean, variance } or null" },
      ),
    ),
  );
}

/**
 * Adds a normal prior to a design: its power becomes the Bayesian power of GrowthBook's engine. Records an issue
 * unless the test is a z-test without always-valid inflation.
 * @internal
 */
export function withPrior(
  design: MeansDesign,
  prior: NormalPrior | null | undefined,
  issues: InputIssue[],
): MeansDesign {
  if (prior === undefined || prior === null) return design;
  if (design.test === "t") {
    issues.push({ path: ["prior"], message: 'needs test "z" or "z-relative"', code: "custom" });
  }
  if (design.alwaysValid !== undefined) {
    issues.push({ path: ["prior"], message: "cannot be combined with alwaysValid", code: "custom" });
  }
  return { ...design, prior: { mean: prior.mean, variance: prior.variance } };
}

/** The standard-error inflation of the design (1 for a fixed-horizon test). */
function inflationOf(design: MeansDesign): number {
  return design.alwaysValid?.seInflation ?? 1;
}

/** The absolute effect (treatment minus control) an `mde` in `mdeType` units means. @internal */
export function absoluteEffectOf(design: MeansDesign, mde: number): number {
  return design.mdeType === "relative" ? mde * Math.abs(design.baselineMean as number) : mde;
}

/** Smallest admissible continuous control size: the t-test needs positive degrees of freedom. @internal */
export function meansSizeLowerLimit(design: MeansDesign, ratio: number): number {
  if (design.test !== "t") return 0;
  return design.welch ? Math.max(1, 1 / ratio) : 2 / (1 + ratio);
}

/** Smallest integer arm size the tests accept (2 for a t-test, 1 for a z-test). @internal */
export function meansMinimumArm(design: MeansDesign): number {
  return design.test === "t" ? 2 : 1;
}

/** Records an issue for each arm below the t-test's minimum of 2 units. @internal */
export function checkMeansSizes(
  design: MeansDesign,
  nControl: number,
  nTreatment: number,
  treatmentGiven: boolean,
  issues: InputIssue[],
): void {
  const minimum = meansMinimumArm(design);
  if (nControl < minimum) {
    issues.push({ path: ["nControl"], message: `must be >= ${minimum} for a t-test`, code: "too_small" });
  }
  if (nTreatment < minimum) {
    issues.push({
      path: [treatmentGiven ? "nTreatment" : "allocationRatio"],
      message: `must give nTreatment >= ${minimum} for a t-test`,
      code: "too_small",
    });
  }
}

/**
 * Power of one comparison against an absolute effect `delta` with n1 control and n2 treatment units (continuous
 * sizes allowed). t: P(T_{ν,λ} > t_{1−α'/s,ν}) [+ P(T_{ν,λ} < −t_{1−α'/s,ν}) two-sided], λ = δ/SE; z: the same
 * with the normal distribution.
 * @internal
 */
export function meansPower(design: MeansDesign, delta: number, n1: number, n2: number): number {
  const varC = (design.sd * design.sd) / n1;
  const varT = (design.sdTreatment * design.sdTreatment) / n2;
  if (design.prior !== undefined) return bayesianPower(design, design.prior, delta, varC, varT);
  const ncp = standardizedEffect(design, delta, varC, varT);
  if (design.test !== "t") {
    const crit = criticalZ(design.alphaPerComparison, design.alternative);
    const upper = (): number => normalCdf(ncp - crit);
    const lower = (): number => normalCdf(-ncp - crit);
    const power =
      design.alternative === "greater" ? upper() : design.alternative === "less" ? lower() : upper() + lower();
    return Math.min(1, power);
  }
  const df = design.welch ? (varC + varT) ** 2 / ((varC * varC) / (n1 - 1) + (varT * varT) / (n2 - 1)) : n1 + n2 - 2;
  const crit = -studentTQuantile(design.alphaPerComparison / sidesOf(design.alternative), df);
  const upper = (): number => noncentralTSf(crit, df, ncp);
  const lower = (): number => noncentralTCdf(-crit, df, ncp);
  const power =
    design.alternative === "greater" ? upper() : design.alternative === "less" ? lower() : upper() + lower();
  // A probability within an ulp of 1 can round above it (the sum of the two regions, or the kernel itself).
  return Math.min(1, power);
}

/**
 * Bayesian power: the probability that the (1 − α') credible interval of the effect τ (the relative lift for
 * `z-relative`, else the difference) lies above zero [or below, two-sided], for an estimate τ̂ ~ N(τ, v) and a
 * N(m, s²) prior. With precision P = 1/v + 1/s², the posterior mean (τ̂/v + m/s²)/P clears z/√P when
 * τ̂ > v·z·√P − v·m/s², so power = Φ((τ − c₊)/√v) [+ Φ((c₋ − τ)/√v)], c± = ±v·z·√P − v·m/s².
 */
function bayesianPower(design: MeansDesign, prior: NormalPrior, delta: number, varC: number, varT: number): number {
  const { tau, variance: v } = testedEffect(design, delta, varC, varT);
  const se = Math.sqrt(v);
  const z = criticalZ(design.alphaPerComparison, design.alternative);
  const reach = v * z * Math.sqrt(1 / v + 1 / prior.variance);
  const shift = (v * prior.mean) / prior.variance;
  const upper = (): number => normalCdf((tau - reach + shift) / se);
  const lower = (): number => normalCdf((-reach - shift - tau) / se);
  const power =
    design.alternative === "greater" ? upper() : design.alternative === "less" ? lower() : upper() + lower();
  return Math.min(1, power);
}

/**
 * The effect on the test's scale and the variance of its estimate: the difference δ with
 * (σ_C²/n₁ + σ_T²/n₂)(1 − f), or the relative lift δ/|μ_C| with the delta-method
 * (σ_T²/(n₂μ_C²) + σ_C²μ_T²/(n₁μ_C⁴))(1 − f), μ_T = μ_C + δ.
 */
function testedEffect(
  design: MeansDesign,
  delta: number,
  varC: number,
  varT: number,
): { tau: number; variance: number } {
  if (design.test !== "z-relative") return { tau: delta, variance: (varC + varT) * design.varianceFactor };
  const mu = design.baselineMean as number;
  const muT = mu + delta;
  const mu2 = mu * mu;
  return {
    tau: delta / Math.abs(mu),
    variance: (varT / mu2 + (varC * muT * muT) / (mu2 * mu2)) * design.varianceFactor,
  };
}

/** The effect over its standard error (inflated by M/z when always-valid). */
function standardizedEffect(design: MeansDesign, delta: number, varC: number, varT: number): number {
  const { tau, variance } = testedEffect(design, delta, varC, varT);
  return tau / Math.sqrt(variance) / inflationOf(design);
}

/**
 * Largest |effect/SE| the relative-lift test reaches as the effect grows away from zero (μ_T → ±∞):
 * |μ_C|/(√(σ_C²(1 − f)/n₁)·M/z) (M/z = 1 unless always-valid); Infinity for the tests of the difference.
 * @internal
 */
export function meansEffectCeiling(design: MeansDesign, n1: number): number {
  if (design.test !== "z-relative") return Number.POSITIVE_INFINITY;
  const se = Math.sqrt((design.sd * design.sd * design.varianceFactor) / n1);
  return Math.abs(design.baselineMean as number) / se / inflationOf(design);
}

/** z_{1−α'/s} + z_power: the normal-approximation multiplier of the standard error. @internal */
export function meansZMultiplier(design: MeansDesign, power: number): number {
  return criticalZ(design.alphaPerComparison, design.alternative) + normalQuantile(power);
}

/**
 * Normal-approximation control size for an effect δ (one region): ((z_a + z_b)/(effect/SE at n₁ = 1))².
 * @internal
 */
export function meansSizeGuess(design: MeansDesign, delta: number, ratio: number, power: number): number {
  const atOne = standardizedEffect(
    design,
    delta,
    design.sd * design.sd,
    (design.sdTreatment * design.sdTreatment) / ratio,
  );
  return (meansZMultiplier(design, power) / atOne) ** 2;
}

/** Normal-approximation MDE guess (absolute units): (z_a + z_b)·SE of the difference. @internal */
export function meansEffectGuess(design: MeansDesign, n1: number, n2: number, power: number): number {
  const variance =
    ((design.sd * design.sd) / n1 + (design.sdTreatment * design.sdTreatment) / n2) * design.varianceFactor;
  return meansZMultiplier(design, power) * Math.sqrt(variance) * inflationOf(design);
}

/** The method in words. @internal */
export function meansMethodWords(design: MeansDesign): string {
  const always = design.alwaysValid;
  const sequential =
    always === undefined
      ? ""
      : `, always-valid (SE inflated by M/z = ${always.seInflation.toPrecision(6)}, N* = ${always.tuningSampleSize})`;
  const prior = design.prior;
  if (prior !== undefined) {
    const scale = design.test === "z-relative" ? "relative lift" : "difference";
    return `Bayesian power: the credible interval of the ${scale} excludes 0 (normal prior N(${prior.mean}, ${prior.variance}))`;
  }
  if (design.test === "z") return `Two-sample z-test of means power calculation${sequential}`;
  if (design.test === "z-relative") {
    return `z-test of the relative lift (delta-method variance) power calculation${sequential}`;
  }
  return design.welch
    ? "Welch two-sample t-test power calculation (noncentral t, Welch-Satterthwaite df)"
    : "Two-sample t-test power calculation (noncentral t)";
}

/** The plan every two-mean solver returns, before its own additions. @internal */
export function meansPlan(
  design: MeansDesign,
  delta: number,
  mde: number,
  allocationRatio: number,
  nControl: number,
  nTreatment: number,
  power: number,
): TwoMeansPlan {
  const baseline = design.baselineMean;
  return {
    sd: design.sd,
    sdTreatment: design.sdTreatment,
    ...(baseline === undefined ? {} : { baselineMean: baseline, relativeEffect: delta / Math.abs(baseline) }),
    absoluteEffect: delta,
    standardizedEffect: delta / design.sd,
    mde,
    mdeType: design.mdeType,
    test: design.test,
    alpha: design.alpha,
    alphaPerComparison: design.alphaPerComparison,
    power,
    alternative: design.alternative,
    allocationRatio,
    treatmentArms: design.treatmentArms,
    multipleComparison: design.multipleComparison,
    varianceReduction: design.varianceReduction,
    nControl,
    nTreatment,
    nTotal: nControl + design.treatmentArms * nTreatment,
    method: meansMethodWords(design),
    note: sizeNote(design.treatmentArms),
    ...(design.alwaysValid === undefined ? {} : { alwaysValid: design.alwaysValid }),
    ...(design.prior === undefined ? {} : { prior: design.prior }),
  };
}
