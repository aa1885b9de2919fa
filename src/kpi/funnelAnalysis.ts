import * as z from "zod/mini";
import { InvalidArgumentError, isStatsError } from "../errors.js";
import { count, openUnitInterval, parseArguments } from "../internal/validate.js";
import { adjustPValues, type PValueAdjustment, type PValueAdjustmentName } from "../significance/adjustPValues.js";
import { compareProportions } from "../significance/compareProportions.js";
import {
  type ProportionIntervalMethod,
  proportionConfidenceInterval,
} from "../significance/proportionConfidenceInterval.js";
import type { EffectEstimate } from "../significance/types.js";
import type { ConfidenceInterval } from "../types.js";

const NAME = "funnelAnalysis";

/**
 * One stage of a funnel: how many units reached it, overall or per variant.
 *
 * @public
 */
export interface FunnelStage {
  /** Stage name (e.g. `"visit"`, `"signup"`, `"purchase"`), unique and not empty. */
  readonly name: string;
  /**
   * Units that reached the stage: an integer, or (with `byVariant: true`) an object of integers by
   * variant name, with the same variants at every stage. Counts never increase along the funnel.
   */
  readonly count: number | Readonly<Record<string, number>>;
}

/**
 * Options of {@link funnelAnalysis}.
 *
 * @public
 */
export interface FunnelAnalysisOptions {
  /**
   * Whether each stage's `count` is an object of counts by variant; the variants are then compared
   * step by step.
   * @defaultValue false
   */
  readonly byVariant?: boolean;
  /**
   * The variant the others are compared with (`byVariant` only).
   * @defaultValue the first variant of the first stage
   */
  readonly control?: string;
  /**
   * Coverage of every interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
  /**
   * Interval for step and cumulative conversion (see {@link proportionConfidenceInterval}).
   * @defaultValue `"wilson"`
   */
  readonly interval?: ProportionIntervalMethod;
  /**
   * Family-wise (or false-discovery) level at which a step difference is called significant, in (0, 1).
   * @defaultValue 0.05
   */
  readonly alpha?: number;
  /**
   * Multiplicity adjustment over all step comparisons (see {@link adjustPValues}).
   * @defaultValue `"holm"`
   */
  readonly adjustment?: PValueAdjustmentName;
}

/**
 * A conversion with its interval.
 *
 * @public
 */
export interface FunnelConversion {
  /** The proportion. */
  readonly estimate: number;
  /** Its interval. */
  readonly confidenceInterval: ConfidenceInterval;
}

/**
 * One stage of a {@link FunnelSummary}.
 *
 * @public
 */
export interface FunnelStageSummary {
  /** Stage name. */
  readonly name: string;
  /** Units that reached it. */
  readonly count: number;
  /** count / previous count (`null` at the first stage or after a stage nobody reached). */
  readonly stepConversion: FunnelConversion | null;
  /** count / first count. */
  readonly cumulativeConversion: FunnelConversion;
  /** Units lost since the previous stage (0 at the first stage). */
  readonly lost: number;
  /** 1 − step conversion (`null` where the step conversion is). */
  readonly dropRate: number | null;
}

/**
 * The step with the largest drop rate.
 *
 * @public
 */
export interface FunnelDropOff {
  /** The stage reached (the end of the step). */
  readonly stage: string;
  /** The stage before it. */
  readonly previousStage: string;
  /** 1 − step conversion. */
  readonly dropRate: number;
  /** Units lost at this step. */
  readonly lost: number;
}

/**
 * One funnel (overall, or one variant).
 *
 * @public
 */
export interface FunnelSummary {
  /** The variant, or `null` for a single funnel. */
  readonly variant: string | null;
  /** Every stage, in order. */
  readonly stages: readonly FunnelStageSummary[];
  /** The step with the largest drop rate (ties: the earliest), or `null` for a one-stage funnel. */
  readonly biggestDropOff: FunnelDropOff | null;
}

/**
 * A step conversion compared between a variant and the control.
 *
 * @public
 */
export interface FunnelStepComparison {
  /** The stage reached. */
  readonly stage: string;
  /** The stage before it. */
  readonly previousStage: string;
  /** The variant compared with the control. */
  readonly variant: string;
  /** Step conversion difference (variant − control), from {@link compareProportions}. */
  readonly difference: EffectEstimate | null;
  /** Unadjusted two-sided p-value (pooled z-test = R `prop.test(correct = FALSE)`), or `null`. */
  readonly pValue: number | null;
  /** p-value after the multiplicity adjustment over all comparisons, or `null`. */
  readonly adjustedPValue: number | null;
  /** Whether `adjustedPValue <= alpha`. */
  readonly significant: boolean;
  /** Why there is no test, when there is none; otherwise `null`. */
  readonly note: string | null;
}

/**
 * Result of {@link funnelAnalysis}.
 *
 * @public
 */
export interface FunnelAnalysisResult {
  /** The analysis in words. */
  readonly method: string;
  /** Level of every interval. */
  readonly confidenceLevel: number;
  /** Significance level of the adjusted comparisons. */
  readonly alpha: number;
  /** The multiplicity adjustment (aliases resolved). */
  readonly adjustment: PValueAdjustment;
  /** The control variant, or `null` for a single funnel. */
  readonly control: string | null;
  /** One funnel, or one per variant (control first). */
  readonly funnels: readonly FunnelSummary[];
  /** Step comparisons of every other variant with the control, stage order then variant order. */
  readonly comparisons: readonly FunnelStepComparison[];
}

const ADJUSTMENTS = [
  "bonferroni",
  "holm",
  "hochberg",
  "hommel",
  "benjamini-hochberg",
  "benjamini-yekutieli",
  "sidak",
  "holm-sidak",
  "BH",
  "BY",
  "fdr",
] as const;

const stageSchema = z.strictObject(
  {
    name: z.string({ error: "must be a string" }).check(z.minLength(1, { error: "must not be empty" })),
    count: z.union([count(), z.record(z.string(), count())], {
      error: "must be an integer >= 0 or an object of integer counts by variant",
    }),
  },
  { error: "must be an object { name, count }" },
);

const schema = z.object({
  stages: z
    .array(stageSchema, { error: "must be an array of { name, count }" })
    .check(z.minLength(1, { error: "must have at least 1 stage" })),
  options: z.strictObject(
    {
      byVariant: z.optional(z.boolean({ error: "must be a boolean" })),
      control: z.optional(z.string({ error: "must be a string" })),
      confidenceLevel: z.optional(openUnitInterval()),
      interval: z.optional(
        z.enum(["wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"], {
          error: 'must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
        }),
      ),
      alpha: z.optional(openUnitInterval()),
      adjustment: z.optional(
        z.enum(ADJUSTMENTS, { error: `must be one of ${ADJUSTMENTS.map((a) => `"${a}"`).join(", ")}` }),
      ),
    },
    { error: "must be an object of known options" },
  ),
});

/**
 * Funnel analysis: step and cumulative conversion with intervals, the biggest drop-off, and (by
 * variant) where in the funnel the variants differ from the control, adjusted for multiplicity.
 *
 * @remarks
 * With n₀ ≥ n₁ ≥ … ≥ n_K units reaching stages 0…K:
 *
 * ```math
 * s_k = \frac{n_k}{n_{k-1}},\qquad c_k = \frac{n_k}{n_0},\qquad \text{drop}_k = 1 - s_k
 * ```
 *
 * each a binomial proportion with a {@link proportionConfidenceInterval} (Wilson by default). The
 * biggest drop-off is the step with the largest drop rate. With `byVariant`, every step of every other
 * variant is compared with the control's by {@link compareProportions} (pooled z-test of the step
 * conversions, = R `prop.test(c(x_T, x_C), c(n_T, n_C), correct = FALSE)`); the p-values of all
 * comparisons are adjusted together by {@link adjustPValues} (Holm by default) and a step is
 * `significant` when its adjusted p-value is at most `alpha`.
 *
 * Method: step conversions condition on reaching the previous stage, so the step tests of one funnel
 * are (asymptotically) independent; Holm controls the family-wise error over steps and variants.
 * Edge cases: after a stage nobody reached, step conversions are `null`; a step whose comparison is
 * degenerate (both rates 0 or 1, or a control rate of 0) has no test (`note` says why) and is left out
 * of the adjustment.
 *
 * Conforms to statsmodels `proportion_confint` (intervals) and R `prop.test(correct = FALSE)` with
 * `p.adjust` (comparisons); fixtures in `test/fixtures/kpi/funnelAnalysis/`.
 *
 * @reference Holm, S. 1979. "A Simple Sequentially Rejective Multiple Test Procedure." _Scandinavian
 * Journal of Statistics_ 6 (2): 65–70. https://www.jstor.org/stable/4615733
 * @reference McClure, D. 2007. "Startup Metrics for Pirates: AARRR!" Talk, Ignite Seattle.
 * (The acquisition–activation–retention–referral–revenue funnel.)
 *
 * @param stages - The stages in funnel order, at least one; counts never increase, the first is >= 1.
 * @param options - See {@link FunnelAnalysisOptions}.
 * @returns A {@link FunnelAnalysisResult}.
 * @throws {@link InvalidArgumentError} if a stage is malformed, names repeat, a count increases along
 * the funnel or the first is 0, counts are objects without `byVariant: true` (or numbers with it),
 * variants differ between stages, `control` is not a variant, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = funnelAnalysis([
 *   { name: "visit", count: { A: 10000, B: 10000 } },
 *   { name: "signup", count: { A: 1200, B: 1350 } },
 *   { name: "purchase", count: { A: 300, B: 310 } },
 * ], { byVariant: true });
 * r.funnels[0].biggestDropOff;        // { stage: "signup", previousStage: "visit", dropRate: 0.88, lost: 8800 }
 * r.comparisons[0].pValue;            // ≈ 0.0014723 (signup step, B vs A)
 * r.comparisons[0].adjustedPValue;    // ≈ 0.0029447 (Holm over 2 steps)
 * r.comparisons[0].significant;       // true
 * r.comparisons[1].significant;       // false (purchase step: p ≈ 0.22877)
 * ```
 * @see {@link conversionRate}, {@link compareProportions}, {@link adjustPValues}
 * @since 0.1.0
 * @public
 */
export function funnelAnalysis(
  stages: readonly FunnelStage[],
  options: FunnelAnalysisOptions = {},
): FunnelAnalysisResult {
  const args = parseArguments(NAME, schema, { stages, options });
  const byVariant = args.options.byVariant ?? false;
  const level = args.options.confidenceLevel ?? 0.95;
  const interval = args.options.interval ?? "wilson";
  const alpha = args.options.alpha ?? 0.05;
  const adjustmentName = args.options.adjustment ?? "holm";
  const list = args.stages as readonly FunnelStage[];

  const issues: { path: PropertyKey[]; message: string }[] = [];
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.name)) issues.push({ path: ["stages", i, "name"], message: `must be unique ("${s.name}" repeats)` });
    seen.add(s.name);
    if ((typeof s.count === "number") === byVariant) {
      issues.push({
        path: ["stages", i, "count"],
        message: byVariant
          ? "must be an object of counts by variant (byVariant is true)"
          : "must be a number (set byVariant: true for counts by variant)",
      });
    }
  });
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);

  const variants: (string | null)[] = byVariant ? Object.keys(list[0]!.count as Record<string, number>) : [null];
  if (byVariant) {
    const key = variants.join("\u0000");
    list.forEach((s, i) => {
      const names = Object.keys(s.count as Record<string, number>);
      if (names.length === 0) issues.push({ path: ["stages", i, "count"], message: "must name at least one variant" });
      else if (names.join("\u0000") !== key)
        issues.push({
          path: ["stages", i, "count"],
          message: `must have the variants of the first stage (${variants.join(", ")}) in that order`,
        });
    });
  }
  const control = byVariant ? (args.options.control ?? variants[0]!) : null;
  if (byVariant && !variants.includes(control)) {
    issues.push({ path: ["options", "control"], message: `must be one of the variants (${variants.join(", ")})` });
  } else if (!byVariant && args.options.control !== undefined) {
    issues.push({ path: ["options", "control"], message: "applies only with byVariant: true" });
  }
  const countsOf = (variant: string | null): number[] =>
    list.map((s) => (variant === null ? (s.count as number) : (s.count as Record<string, number>)[variant]!));
  if (issues.length === 0) {
    for (const variant of variants) {
      const counts = countsOf(variant);
      const where = variant === null ? "" : ` (variant ${variant})`;
      if (!(counts[0]! >= 1)) issues.push({ path: ["stages", 0, "count"], message: `must be >= 1${where}` });
      for (let i = 1; i < counts.length; i++) {
        if (counts[i]! > counts[i - 1]!) {
          issues.push({ path: ["stages", i, "count"], message: `must be <= the previous stage's count${where}` });
        }
      }
    }
  }
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);

  const ordered = byVariant ? [control, ...variants.filter((v) => v !== control)] : variants;
  const funnels: FunnelSummary[] = ordered.map((variant) =>
    summarize(list, countsOf(variant), variant, interval, level),
  );

  const comparisons: Omit<FunnelStepComparison, "adjustedPValue" | "significant">[] = [];
  if (byVariant) {
    const controlCounts = countsOf(control);
    for (let i = 1; i < list.length; i++) {
      for (const variant of ordered.slice(1) as string[]) {
        const counts = countsOf(variant);
        const base = { stage: list[i]!.name, previousStage: list[i - 1]!.name, variant };
        if (controlCounts[i - 1] === 0 || counts[i - 1] === 0) {
          comparisons.push({
            ...base,
            difference: null,
            pValue: null,
            note: "an arm has no units at the previous stage",
          });
          continue;
        }
        try {
          const r = compareProportions(
            { visitors: controlCounts[i - 1]!, conversions: controlCounts[i]! },
            { visitors: counts[i - 1]!, conversions: counts[i]! },
            { confidenceLevel: level },
          );
          comparisons.push({ ...base, difference: r.difference, pValue: r.pValue, note: null });
        } catch (error) {
          if (!(isStatsError(error) && error.code === "DEGENERATE_DATA")) throw error;
          comparisons.push({
            ...base,
            difference: null,
            pValue: null,
            note: "degenerate step (both step rates 0 or 1, or a control step rate of 0): no test",
          });
        }
      }
    }
  }
  const tested = comparisons.filter((c) => c.pValue !== null);
  const adjusted =
    tested.length > 0
      ? adjustPValues(
          tested.map((c) => c.pValue!),
          adjustmentName,
        )
      : adjustPValues([1], adjustmentName);
  let next = 0;
  const finished: FunnelStepComparison[] = comparisons.map((c) => {
    if (c.pValue === null) return { ...c, adjustedPValue: null, significant: false };
    const adjustedPValue = adjusted.adjustedPValues[next++]!;
    return { ...c, adjustedPValue, significant: adjustedPValue <= alpha };
  });
  return {
    method: byVariant
      ? `funnel step and cumulative conversion (${interval} intervals); step comparisons by pooled z-test, ${adjusted.method}`
      : `funnel step and cumulative conversion (${interval} intervals)`,
    confidenceLevel: level,
    alpha,
    adjustment: adjusted.adjustment,
    control,
    funnels,
    comparisons: finished,
  };
}

function conversion(x: number, n: number, interval: ProportionIntervalMethod, level: number): FunnelConversion {
  const r = proportionConfidenceInterval(x, n, { method: interval, confidenceLevel: level });
  return { estimate: r.estimate, confidenceInterval: r.confidenceInterval };
}

function summarize(
  stages: readonly FunnelStage[],
  counts: readonly number[],
  variant: string | null,
  interval: ProportionIntervalMethod,
  level: number,
): FunnelSummary {
  const first = counts[0]!;
  let biggestDropOff: FunnelDropOff | null = null;
  const summaries = stages.map((s, i): FunnelStageSummary => {
    const n = counts[i]!;
    const previous = i === 0 ? null : counts[i - 1]!;
    const step = previous === null || previous === 0 ? null : conversion(n, previous, interval, level);
    const dropRate = step === null || previous === null ? null : (previous - n) / previous;
    if (dropRate !== null && previous !== null && (biggestDropOff === null || dropRate > biggestDropOff.dropRate)) {
      biggestDropOff = { stage: s.name, previousStage: stages[i - 1]!.name, dropRate, lost: previous - n };
    }
    return {
      name: s.name,
      count: n,
      stepConversion: step,
      cumulativeConversion: conversion(n, first, interval, level),
      lost: previous === null ? 0 : previous - n,
      dropRate,
    };
  });
  return { variant, stages: summaries, biggestDropOff };
}
