/**
 * Pieces every planning function shares: option schemas, the multiple-comparison level, the two root
 * searches (sample size, effect) and the rounding of sizes.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import { normalQuantile } from "../distributions/normal.js";
import { type InputIssue, InvalidArgumentError, StatsError } from "../errors.js";
import { brentRoot, expandingBrentRoot } from "../internal/roots.js";
import { alternative, finiteNumber, integerAtLeast, openUnitInterval, positiveNumber } from "../internal/validate.js";
import type { Alternative } from "../types.js";
import type { MultipleComparison, PlanningDesignOptions } from "./types.js";

/**
 * An options type as zod/mini's parser returns it: optional fields may hold `undefined`.
 * @internal
 */
export type Parsed<T> = { readonly [K in keyof T]: T[K] | (undefined extends T[K] ? undefined : never) };

/** How an MDE solver says no effect reaches the power at the given sizes (a later, larger sample may). @internal */
export const SAMPLES_TOO_SMALL = "the samples are too small";

/** Relative tolerance of every root search on n or on the effect (the issue asks for 1e-10; this is tighter). */
export const SOLVER_RELATIVE_TOLERANCE = 1e-12;

/** Error map of the options object itself (its fields carry their own messages). @internal */
export function optionsError(): string {
  return "must be an options object";
}

/**
 * Parses the options of `functionName` with `schema`, or throws one {@link InvalidArgumentError} naming every bad
 * field; an unknown option becomes an issue at its own path ("mde: is not an option").
 * @internal
 */
export function parseOptions<S extends z.ZodMiniType>(functionName: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        issues.push({ path: [...issue.path, key], message: "is not an option", code: issue.code });
    } else {
      issues.push({ path: issue.path, message: issue.message, code: issue.code });
    }
  }
  throw new InvalidArgumentError(functionName, issues);
}

/** Schema pieces of {@link PlanningDesignOptions}. @internal */
export interface DesignShape {
  alpha: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  alternative: z.ZodMiniOptional<z.ZodMiniEnum<{ "two-sided": "two-sided"; less: "less"; greater: "greater" }>>;
  allocationRatio: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  treatmentArms: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  multipleComparison: z.ZodMiniOptional<z.ZodMiniEnum<{ none: "none"; bonferroni: "bonferroni"; sidak: "sidak" }>>;
  varianceReduction: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
}

/** The validated fields of {@link PlanningDesignOptions}. @internal */
export function designShape(): DesignShape {
  return {
    alpha: z.optional(openUnitInterval()),
    alternative: z.optional(alternative()),
    allocationRatio: z.optional(positiveNumber()),
    treatmentArms: z.optional(integerAtLeast(1)),
    multipleComparison: z.optional(
      z.enum(["none", "bonferroni", "sidak"], { error: 'must be "none", "bonferroni" or "sidak"' }),
    ),
    varianceReduction: z.optional(
      finiteNumber().check(z.gte(0, { error: "must be >= 0" }), z.lt(1, { error: "must be < 1" })),
    ),
  };
}

/** `"relative" | "absolute"`. @internal */
export const mdeTypeSchema = (): z.ZodMiniEnum<{ relative: "relative"; absolute: "absolute" }> =>
  z.enum(["relative", "absolute"], { error: 'must be "relative" or "absolute"' });

/** `"increase" | "decrease"`. @internal */
export const directionSchema = (): z.ZodMiniEnum<{ increase: "increase"; decrease: "decrease" }> =>
  z.enum(["increase", "decrease"], { error: 'must be "increase" or "decrease"' });

/** A non-zero finite effect. @internal */
export const nonZeroEffect = (): z.ZodMiniNumber<number> =>
  finiteNumber().check(z.refine((v) => v !== 0, { error: "must be non-zero" }));

/** The design with every default filled in. @internal */
export interface ResolvedDesign {
  readonly alpha: number;
  readonly alphaPerComparison: number;
  readonly alternative: Alternative;
  readonly treatmentArms: number;
  readonly multipleComparison: MultipleComparison;
  readonly varianceReduction: number;
  /** 1 − varianceReduction: the factor on every variance. */
  readonly varianceFactor: number;
}

/** Fills in the defaults of the shared design options. @internal */
export function resolveDesign(options: Parsed<PlanningDesignOptions>): ResolvedDesign {
  const alpha = options.alpha ?? 0.05;
  const treatmentArms = options.treatmentArms ?? 1;
  const multipleComparison = options.multipleComparison ?? "none";
  const varianceReduction = options.varianceReduction ?? 0;
  return {
    alpha,
    alphaPerComparison: comparisonLevel(alpha, treatmentArms, multipleComparison),
    alternative: options.alternative ?? "two-sided",
    treatmentArms,
    multipleComparison,
    varianceReduction,
    varianceFactor: 1 - varianceReduction,
  };
}

/**
 * Level of each of k comparisons: alpha (none), alpha/k (Bonferroni) or 1 − (1 − alpha)^(1/k) (Šidák, computed as
 * −expm1(log1p(−alpha)/k) so small levels keep their digits).
 * @internal
 */
export function comparisonLevel(alpha: number, k: number, correction: MultipleComparison): number {
  if (k === 1 || correction === "none") return alpha;
  if (correction === "bonferroni") return alpha / k;
  return -Math.expm1(Math.log1p(-alpha) / k);
}

/**
 * Critical value z_{1 − α'/s} of each rejection region, computed from the lower tail as −Φ⁻¹(α'/s) so tiny levels
 * keep their digits.
 * @internal
 */
export function criticalZ(alphaPerComparison: number, alt: Alternative): number {
  return -normalQuantile(alphaPerComparison / sidesOf(alt));
}

/** Number of rejection regions: 2 for two-sided, 1 otherwise. @internal */
export function sidesOf(alternative: Alternative): 1 | 2 {
  return alternative === "two-sided" ? 2 : 1;
}

/** Throws one InvalidArgumentError when cross-field checks found issues. @internal */
export function throwIfIssues(functionName: string, issues: readonly InputIssue[]): void {
  if (issues.length > 0) throw new InvalidArgumentError(functionName, issues);
}

/** Reads nTreatment from the options, or nControl · allocationRatio; records an issue if both are given. @internal */
export function treatmentSize(
  nControl: number,
  nTreatment: number | undefined,
  allocationRatio: number | undefined,
  issues: InputIssue[],
): number {
  if (nTreatment !== undefined && allocationRatio !== undefined) {
    issues.push({
      path: ["allocationRatio"],
      message: "give nTreatment or allocationRatio, not both",
      code: "custom",
    });
  }
  return nTreatment ?? nControl * (allocationRatio ?? 1);
}

/** Throws NO_SOLUTION when the target power cannot exceed the level. @internal */
export function requirePowerAboveLevel(functionName: string, power: number, design: ResolvedDesign): void {
  if (power <= design.alphaPerComparison) {
    throw new StatsError(
      "NO_SOLUTION",
      `${functionName}: power ${power} must exceed the level of each comparison (${design.alphaPerComparison}): ` +
        "any sample, even an empty one, rejects that often",
    );
  }
}

/** Throws NO_SOLUTION when the effect's sign contradicts a one-sided alternative. @internal */
export function requireEffectMatchesAlternative(functionName: string, effect: number, alt: Alternative): void {
  if ((alt === "greater" && effect < 0) || (alt === "less" && effect > 0)) {
    throw new StatsError(
      "NO_SOLUTION",
      `${functionName}: an effect of ${effect} contradicts the alternative "${alt}": ` +
        "no sample size gives the test power against it",
    );
  }
}

/**
 * Solves powerAt(n) = target for the continuous control size n, given an increasing power curve and a starting
 * guess; n stays above `lowerLimit` (where the power equation stops being defined).
 * @internal
 */
export function solveSize(
  functionName: string,
  powerAt: (n: number) => number,
  target: number,
  guess: number,
  lowerLimit: number,
): number {
  const f = (n: number): number => powerAt(n) - target;
  const start = Math.max(guess, lowerLimit * 2, Number.MIN_VALUE);
  const lower = Math.max(start / 2, lowerLimit + (start - lowerLimit) / 4);
  const result = expandingBrentRoot(f, lower, start * 2, {
    lowerLimit,
    upperLimit: Number.MAX_VALUE,
    relativeTolerance: SOLVER_RELATIVE_TOLERANCE,
    maxIterations: 500,
    maxExpansions: 2100,
  });
  if (result.ok && Number.isFinite(result.root) && result.root > lowerLimit) return result.root;
  if (!result.ok && result.reason === "not-converged") {
    throw new StatsError("NOT_CONVERGED", `${functionName}: the sample-size search did not converge`);
  }
  const atLimit = f(lowerLimit + Number.EPSILON * Math.max(1, lowerLimit));
  if (atLimit >= 0) {
    throw new StatsError(
      "NO_SOLUTION",
      `${functionName}: power ${target} is reached by the smallest possible sample already; choose a higher power`,
    );
  }
  throw new StatsError("NO_SOLUTION", `${functionName}: power ${target} is not reachable with any sample size`);
}

/**
 * Solves powerAt(effect) = target for an effect magnitude in (0, upper], given a power curve increasing in it.
 * Returns `undefined` when even `upper` (which may be Infinity for means) stays below the target.
 * @internal
 */
export function solveEffect(
  functionName: string,
  powerAt: (effect: number) => number,
  target: number,
  guess: number,
  upper: number,
): number | undefined {
  const f = (effect: number): number => powerAt(effect) - target;
  if (Number.isFinite(upper) && f(upper) < 0) return undefined;
  const start = Math.min(guess, Number.isFinite(upper) ? upper / 2 : guess);
  const result = expandingBrentRoot(f, start / 2, Number.isFinite(upper) ? Math.min(start * 2, upper) : start * 2, {
    lowerLimit: 0,
    upperLimit: upper,
    relativeTolerance: SOLVER_RELATIVE_TOLERANCE,
    maxIterations: 500,
    maxExpansions: 2100,
  });
  if (result.ok && result.root > 0) return result.root;
  if (!result.ok && result.reason === "not-converged") {
    throw new StatsError("NOT_CONVERGED", `${functionName}: the effect search did not converge`);
  }
  return undefined;
}

/**
 * The smallest effect in [0, upper] whose power reaches `target`, for a power curve that need not be monotone (a
 * proper prior makes Bayesian power of the relative lift fall again for huge lifts). 0 when the power at no effect
 * already reaches the target; else the first crossing of a geometric scan (×1.1 from guess·1e-6 to guess·1e12),
 * refined by Brent's method; `undefined` when the scan finds none.
 * @internal
 */
export function solveFirstEffect(
  functionName: string,
  powerAt: (effect: number) => number,
  target: number,
  guess: number,
  upper: number,
): number | undefined {
  const f = (effect: number): number => powerAt(effect) - target;
  if (f(0) >= 0) return 0;
  let below = 0;
  for (let x = guess * 1e-6; below < upper && x <= guess * 1e12; x *= 1.1) {
    const at = Math.min(x, upper);
    if (f(at) >= 0) {
      const result = brentRoot(f, below, at, { relativeTolerance: SOLVER_RELATIVE_TOLERANCE, maxIterations: 500 });
      if (result.ok) return result.root;
      throw new StatsError("NOT_CONVERGED", `${functionName}: the effect search did not converge`);
    }
    below = at;
  }
  return undefined;
}

/**
 * The smallest integer size at or above a continuous solution. A solution within 1e-12 (relative) of an integer
 * is that integer: the root search cannot tell them apart.
 * @internal
 */
export function roundUpSize(exact: number, minimum: number): number {
  const nearest = Math.round(exact);
  const n = Math.abs(exact - nearest) <= 1e-12 * exact ? nearest : Math.ceil(exact);
  return Math.max(minimum, n);
}

/** "n is per arm" note. @internal */
export function sizeNote(treatmentArms: number): string {
  return treatmentArms === 1
    ? "n is per arm: nControl in the control, nTreatment in the treatment; nTotal counts both"
    : `n is per arm: nControl in the control, nTreatment in each of the ${treatmentArms} treatment arms; nTotal counts all arms`;
}
