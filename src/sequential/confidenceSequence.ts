import * as z from "zod/mini";
import { StatsError } from "../errors.js";
import { alternative, finiteNumber, openUnitInterval, parseArguments, positiveNumber } from "../internal/validate.js";
import type { Alternative, ConfidenceInterval } from "../types.js";
import { logMixtureRatio, mixtureHalfWidth } from "./mixture.js";

const FN = "confidenceSequence";

const optionFields = {
  tuningSampleSize: z.optional(positiveNumber()),
  confidenceLevel: z.optional(openUnitInterval()),
  alternative: z.optional(alternative()),
  nullValue: z.optional(finiteNumber()),
  effect: z.optional(z.enum(["absolute", "relative"], { error: 'must be "absolute" or "relative"' })),
  mixingParameter: z.optional(positiveNumber()),
};

const optionsSchema = z.strictObject(optionFields, { error: "must be an options object" });

const estimateSchema = z.object({
  estimate: z.object(
    {
      estimate: finiteNumber(),
      standardError: positiveNumber(),
      sampleSize: positiveNumber(),
    },
    { error: "must be an object { estimate, standardError, sampleSize } or an A/B readout" },
  ),
  options: z.strictObject(
    { ...optionFields, effect: z.optional(z.undefined({ error: "applies only to a readout" })) },
    { error: "must be an options object" },
  ),
});

const effectSchema = z.object(
  { estimate: finiteNumber(), standardError: positiveNumber() },
  { error: "must be an object { estimate, standardError }" },
);

const armSchema = z
  .object(
    { n: z.optional(positiveNumber()), visitors: z.optional(positiveNumber()) },
    { error: "must be an arm summary" },
  )
  .check(
    z.refine((arm) => arm.n !== undefined || arm.visitors !== undefined, {
      error: "must carry n or visitors (> 0)",
    }),
  );

const readoutFields = {
  alternative: alternative(),
  confidenceLevel: openUnitInterval(),
  control: armSchema,
  treatment: armSchema,
};

// Only the effect used is validated (a relative lift is undefined when the control mean is 0).
const absoluteReadoutSchema = z.object({
  estimate: z.object({ ...readoutFields, difference: effectSchema }),
  options: optionsSchema,
});

const relativeReadoutSchema = z.object({
  estimate: z.object({ ...readoutFields, relativeLift: effectSchema }),
  options: optionsSchema,
});

/**
 * An estimate with its standard error and the number of units behind it.
 * Extra fields are ignored, so `{ ...effect, sampleSize }` works.
 *
 * @public
 */
export interface SequentialEstimate {
  /** The effect estimate (absolute or relative, treatment minus control). */
  readonly estimate: number;
  /** Its standard error (> 0). */
  readonly standardError: number;
  /** Units in the two compared arms together, N = n_A + n_B (> 0). */
  readonly sampleSize: number;
}

/**
 * The fields of an A/B readout that {@link confidenceSequence} reads: the result of `compareMeans`,
 * `compareProportions` or `compareRatios` (CUPED included) satisfies it as it is.
 *
 * @public
 */
export interface SequentialReadout {
  /** The readout's alternative (the default of {@link ConfidenceSequenceOptions.alternative}). */
  readonly alternative: Alternative;
  /** The readout's level (the default of {@link ConfidenceSequenceOptions.confidenceLevel}). */
  readonly confidenceLevel: number;
  /** Treatment minus control (CUPED-adjusted when the readout used a covariate). */
  readonly difference: ReadoutEffect;
  /** The relative lift with its delta-method standard error. */
  readonly relativeLift: ReadoutEffect;
  /** Control arm: `n` (means, ratios) or `visitors` (proportions). */
  readonly control: ReadoutArmSize;
  /** Treatment arm: `n` (means, ratios) or `visitors` (proportions). */
  readonly treatment: ReadoutArmSize;
}

/**
 * An effect of a readout, as {@link confidenceSequence} reads it.
 *
 * @public
 */
export interface ReadoutEffect {
  /** The point estimate. */
  readonly estimate: number;
  /** Its standard error. */
  readonly standardError: number;
}

/**
 * The size of one arm of a readout: `n` for means and ratios, `visitors` for proportions.
 *
 * @public
 */
export type ReadoutArmSize =
  | {
      /** Units in the arm (means, ratio metrics). */
      readonly n: number;
    }
  | {
      /** Visitors in the arm (proportions). */
      readonly visitors: number;
    };

/**
 * Options of {@link confidenceSequence}.
 *
 * @public
 */
export interface ConfidenceSequenceOptions {
  /**
   * N*: total units (both compared arms) at which a decision is expected; the sequence is narrowest
   * there. Fix it before the experiment starts. Eppo's default corresponds to 10,000.
   * @defaultValue 5000
   */
  readonly tuningSampleSize?: number;
  /**
   * Coverage 1 − α, uniformly over time.
   * @defaultValue the readout's `confidenceLevel`, else 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Direction of the alternative (one-sided sequences spend all of α on one side).
   * @defaultValue the readout's `alternative`, else `"two-sided"`
   */
  readonly alternative?: Alternative;
  /**
   * Effect under H0 for the p-value (on the scale of the effect used; a readout's own `nullValue` is not read).
   * @defaultValue 0
   */
  readonly nullValue?: number;
  /**
   * For a readout only: make the `difference` (`"absolute"`) or the `relativeLift` (`"relative"`, as
   * GrowthBook reports) sequential.
   * @defaultValue "absolute"
   */
  readonly effect?: "absolute" | "relative";
  /**
   * ρ held fixed instead of derived from `confidenceLevel` and `tuningSampleSize` (GrowthBook's `rho`
   * config). With it, sequences at different levels share one mixture and are nested.
   * @defaultValue √((−2 ln α′ + ln(1 − 2 ln α′))/N*)
   */
  readonly mixingParameter?: number;
}

/**
 * An always-valid confidence interval and p-value at one look.
 *
 * @public
 */
export interface ConfidenceSequenceResult {
  /** The procedure in words. */
  readonly method: string;
  /** Which effect of a readout was used; `null` when an estimate was given directly. */
  readonly effect: "absolute" | "relative" | null;
  /** The effect estimate echoed. */
  readonly estimate: number;
  /** Its standard error echoed. */
  readonly standardError: number;
  /** N echoed (for a readout, the units of both arms). */
  readonly sampleSize: number;
  /** N* used (not used for ρ when `mixingParameter` was given). */
  readonly tuningSampleSize: number;
  /** Direction of the alternative. */
  readonly alternative: Alternative;
  /** Effect under H0. */
  readonly nullValue: number;
  /** The mixing parameter ρ (GrowthBook's parameterisation: ρ² = (−2 ln α′ + ln(1 − 2 ln α′))/N*). */
  readonly mixingParameter: number;
  /** Half-width over standard error: the multiplier that replaces z_{1−α/2}. */
  readonly multiplier: number;
  /** The confidence sequence at this look; one-sided sequences have one infinite end. */
  readonly confidenceInterval: ConfidenceInterval;
  /** The smallest α at which the level-(1 − α) sequence (with the same ρ) excludes `nullValue`, capped at 1. */
  readonly pValue: number;
}

/**
 * Asymptotic normal-mixture confidence sequence (Waudby-Smith et al.) in GrowthBook's parameterisation:
 * an interval for the effect that is valid at every sample size at once, so it may be checked continuously.
 * Takes an estimate with its standard error and sample size, or an A/B readout (`compareMeans`,
 * `compareProportions`, `compareRatios`, CUPED included) as it is, so any readout can be made sequential.
 *
 * @remarks
 * With N units, standard error SE, s² = SE²·N and ρ² = (−2 ln α′ + ln(1 − 2 ln α′))/N* (α′ = α two-sided,
 * 2α one-sided):
 *
 * ```math
 * \begin{aligned}
 * \text{two-sided: }& \hat\theta \pm s\sqrt{\tfrac{2(N\rho^2+1)}{N^2\rho^2}\,\ln\tfrac{\sqrt{N\rho^2+1}}{\alpha}}\\
 * \text{one-sided: }& \hat\theta - s\sqrt{\tfrac{2(N\rho^2+1)}{N^2\rho^2}\,\ln\Bigl(1+\tfrac{\sqrt{N\rho^2+1}}{2\alpha}\Bigr)}\\
 * p_{\text{two-sided}} &= \min\Bigl(1, \sqrt{N\rho^2+1}\;e^{-\frac{N\rho^2 z^2}{2(N\rho^2+1)}}\Bigr),\quad z = (\hat\theta-\theta_0)/SE\\
 * p_{\text{one-sided}} &= \min\Bigl(1, \frac{\sqrt{N\rho^2+1}}{2\,\bigl(e^{z^2 N\rho^2/(2(N\rho^2+1))}-1\bigr)}\Bigr)\ (z > 0,\ \text{else } 1)
 * \end{aligned}
 * ```
 *
 * The two-sided p-value is 1/Λ with Λ the normal-mixture likelihood ratio (mixing variance SE²·Nρ²), so
 * rejecting when p ≤ α is Ville's inequality. The one-sided p-value is the α at which the one-sided bound
 * (with ρ held at the value set by `confidenceLevel`, as GrowthBook does) touches `nullValue`, in closed form.
 * A readout contributes `difference` (or `relativeLift`), its standard error (the CUPED one when adjusted,
 * as GrowthBook plugs in) and N = control + treatment units; its alternative and level are the defaults.
 * Eppo's sequential intervals are the same boundary with N* = N_tune = 10,000 (σ̂ taken as the standard
 * error). The optimal mixing parameter makes the sequence narrowest at N = N*: the multiplier there is
 * 3.035 at α = 0.05 (vs 1.960 fixed-n).
 *
 * Method: closed forms (log1p/expm1, no cancellation). Stateless: each call is one look; the p-value is not
 * a running minimum (use {@link msprt} for monotone always-valid p-values over looks), and "ever crossed" is
 * the valid decision rule.
 *
 * Conforms to GrowthBook `SequentialTwoSidedTTest` / `SequentialOneSided*TTest` (cases G4–G13: intervals to
 * all printed digits, including from `compareMeans` with CUPED and `compareRatios` with CUPED). The one-sided
 * p-value is exact; GrowthBook's differs by design of its search: it bisects α on [1e−5, 0.4999] until the
 * bound is within 1e−6 of 0 (in effect units) and then returns the midpoint of the *next* bracket rather
 * than the α it evaluated, so its G11 value 0.46316491943359384 is 1.18e−4 above the exact 0.46304736 (the
 * evaluated α, 0.46304288, is within 4.5e−6); it also reports 0.4999 / 1e−5 at the ends of its bracket where
 * the exact value is larger / smaller. The test suite reproduces their search with `mixingParameter` to
 * all 17 digits. Test vectors in `test/sequential/confidenceSequence.test.ts`.
 *
 * @reference Waudby-Smith, Ian, David Arbour, Ritwik Sinha, Edward H. Kennedy, and Aaditya Ramdas. 2024.
 * "Time-Uniform Central Limit Theory and Asymptotic Confidence Sequences." _Annals of Statistics_ 52 (6):
 * 2613–40. doi:10.1214/24-AOS2408
 * @reference Howard, Steven R., Aaditya Ramdas, Jon McAuliffe, and Jasjeet Sekhon. 2021. "Time-Uniform,
 * Nonparametric, Nonasymptotic Confidence Sequences." _Annals of Statistics_ 49 (2): 1055–80.
 * doi:10.1214/20-AOS1991
 *
 * @param estimate - A {@link SequentialEstimate}, or a {@link SequentialReadout} (an A/B readout as it is).
 * @param options - See {@link ConfidenceSequenceOptions}.
 * @returns A {@link ConfidenceSequenceResult}.
 * @throws {@link InvalidArgumentError} if the estimate is not finite, the standard error or sample size is
 * not > 0, a readout lacks the fields read, `effect` is given with a plain estimate, or an option is out of
 * range.
 * @throws {@link StatsError} `"NO_SOLUTION"` for a one-sided sequence at confidence level ≤ 0.5 without a
 * `mixingParameter` (2α ≥ 1 leaves no ρ).
 *
 * @example
 * ```ts
 * const r = confidenceSequence(
 *   { estimate: 0.23437666666666668, standardError: 0.12983081254184736, sampleSize: 6461 },
 *   { alternative: "greater" },
 * );
 * r.confidenceInterval.lower; // ≈ -0.12657
 * r.pValue;                   // ≈ 0.46305 (GrowthBook's bisection prints 0.46316)
 * ```
 * @public
 */
export function confidenceSequence(
  estimate: SequentialEstimate | SequentialReadout,
  options: ConfidenceSequenceOptions = {},
): ConfidenceSequenceResult {
  const input = resolveInput(estimate, options);
  const { theta, se, n, effect } = input;
  const o = input.options;
  const tuningSampleSize = o.tuningSampleSize ?? 5000;
  const level = o.confidenceLevel ?? input.level;
  const alt: Alternative = o.alternative ?? input.alternative;
  const nullValue = o.nullValue ?? 0;
  const alpha = 1 - level;
  const twoSided = alt === "two-sided";
  let rho: number;
  if (o.mixingParameter !== undefined) {
    rho = o.mixingParameter;
  } else {
    const alphaPrime = twoSided ? alpha : 2 * alpha;
    if (!(alphaPrime < 1)) {
      throw new StatsError("NO_SOLUTION", `${FN}: a one-sided sequence needs confidenceLevel > 0.5`);
    }
    rho = growthBookRho(alphaPrime, tuningSampleSize);
  }
  const nr2 = n * rho * rho;
  const diff = theta - nullValue;
  const multiplier = sequenceMultiplier(nr2, alpha, twoSided);
  let pValue: number;
  if (twoSided) {
    pValue = Math.min(1, Math.exp(-logMixtureRatio(diff / se, 1, nr2)));
  } else {
    // Invert (2(Nρ² + 1)/(Nρ²))·ln(1 + √(Nρ²+1)/(2a)) = z² for a (z > 0).
    const scale = (2 * (nr2 + 1)) / nr2;
    const signed = alt === "greater" ? diff / se : -diff / se;
    pValue = signed > 0 ? Math.min(1, Math.sqrt(nr2 + 1) / (2 * Math.expm1((signed * signed) / scale))) : 1;
  }
  const halfWidth = multiplier * se;
  const confidenceInterval: ConfidenceInterval = {
    lower: alt === "less" ? Number.NEGATIVE_INFINITY : theta - halfWidth,
    upper: alt === "greater" ? Number.POSITIVE_INFINITY : theta + halfWidth,
    level,
  };
  const what = effect === null ? "" : `, ${effect} effect`;
  return {
    method: `Asymptotic normal-mixture confidence sequence (${twoSided ? "two-sided" : "one-sided"}, N* = ${tuningSampleSize}${what})`,
    effect,
    estimate: theta,
    standardError: se,
    sampleSize: n,
    tuningSampleSize,
    alternative: alt,
    nullValue,
    mixingParameter: rho,
    multiplier,
    confidenceInterval,
    pValue,
  };
}

interface ResolvedInput {
  readonly theta: number;
  readonly se: number;
  readonly n: number;
  readonly effect: "absolute" | "relative" | null;
  readonly level: number;
  readonly alternative: Alternative;
  readonly options: z.output<typeof optionsSchema>;
}

/** Validates either input form and reads the effect, its SE and N (a readout is recognised by `difference`). */
function resolveInput(estimate: unknown, options: unknown): ResolvedInput {
  const isReadout = typeof estimate === "object" && estimate !== null && "difference" in estimate;
  if (!isReadout) {
    const args = parseArguments(FN, estimateSchema, { estimate, options });
    const e = args.estimate;
    return {
      theta: e.estimate,
      se: e.standardError,
      n: e.sampleSize,
      effect: null,
      level: 0.95,
      alternative: "two-sided",
      options: args.options,
    };
  }
  const relative =
    typeof options === "object" && options !== null && (options as { effect?: unknown }).effect === "relative";
  const args = relative
    ? parseArguments(FN, relativeReadoutSchema, { estimate, options })
    : parseArguments(FN, absoluteReadoutSchema, { estimate, options });
  const r = args.estimate;
  const e = "relativeLift" in r ? r.relativeLift : r.difference;
  const units = (arm: { n?: number | undefined; visitors?: number | undefined }): number => arm.n ?? arm.visitors ?? 0;
  return {
    theta: e.estimate,
    se: e.standardError,
    n: units(r.control) + units(r.treatment),
    effect: relative ? "relative" : "absolute",
    level: r.confidenceLevel,
    alternative: r.alternative,
    options: args.options,
  };
}
/**
 * The half-width over the standard error, M, at Nρ² = `nr2` and level 1 − α: two-sided, the mixture half-width
 * with mixing variance SE²·Nρ²; one-sided, √((2(Nρ² + 1)/(Nρ²))·ln(1 + √(Nρ² + 1)/(2α))).
 * @internal
 */
export function sequenceMultiplier(nr2: number, alpha: number, twoSided: boolean): number {
  if (twoSided) return mixtureHalfWidth(1, nr2, alpha);
  return Math.sqrt(((2 * (nr2 + 1)) / nr2) * Math.log1p(Math.sqrt(nr2 + 1) / (2 * alpha)));
}

/**
 * M for N units with GrowthBook's mixing parameter tuned at N* (`alwaysValid` planning); no validation.
 * @internal
 */
export function tunedSequenceMultiplier(n: number, tuningSampleSize: number, alpha: number, twoSided: boolean): number {
  const rho = growthBookRho(twoSided ? alpha : 2 * alpha, tuningSampleSize);
  return sequenceMultiplier(n * rho * rho, alpha, twoSided);
}

/** ρ = √((−2 ln α′ + ln(1 − 2 ln α′))/N*) (Waudby-Smith et al. eq. 161; GrowthBook `sequential_rho`). */
function growthBookRho(alphaPrime: number, tuningSampleSize: number): number {
  const l = Math.log(alphaPrime);
  return Math.sqrt((-2 * l + Math.log1p(-2 * l)) / tuningSampleSize);
}
