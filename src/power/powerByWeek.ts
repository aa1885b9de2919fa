import * as z from "zod/mini";
import type { NormalPrior } from "../bayesian/bayesianMeans.js";
import { type InputIssue, InvalidArgumentError, isStatsError, StatsError } from "../errors.js";
import { integerAtLeast, openUnitInterval, positiveNumber } from "../internal/validate.js";
import type { Alternative } from "../types.js";
import { type MdeTwoMeansOptions, mdeTwoMeans } from "./mdeTwoMeans.js";
import { type MdeTwoProportionsOptions, mdeTwoProportions } from "./mdeTwoProportions.js";
import { type PowerTwoMeansOptions, powerTwoMeans } from "./powerTwoMeans.js";
import { type PowerTwoProportionsOptions, powerTwoProportions } from "./powerTwoProportions.js";
import { designShape, optionsError, parseOptions, SAMPLES_TOO_SMALL, throwIfIssues } from "./shared.js";
import type {
  AlwaysValidOptions,
  MdeType,
  MultipleComparison,
  PlanningDesignOptions,
  TwoMeansDesignOptions,
  TwoProportionsDesignOptions,
} from "./types.js";

const NAME = "powerByWeek";

/** Options that describe the experiment as a whole; a metric may not set them. */
const EXPERIMENT_KEYS = ["alpha", "alternative", "allocationRatio", "treatmentArms", "multipleComparison"] as const;
type ExperimentKeys = (typeof EXPERIMENT_KEYS)[number];
/** Options the weekly table fills in itself. */
const SOLVED_KEYS: readonly string[] = ["nControl", "nTreatment", "power", "direction"];

/**
 * A conversion-rate metric of {@link powerByWeek}: the options of {@link powerTwoProportions} without the sizes and
 * the experiment-wide options.
 *
 * @public
 */
export interface PowerByWeekProportionsMetric extends Omit<TwoProportionsDesignOptions, ExperimentKeys> {
  /** The metric's name in the table. */
  readonly name: string;
  /** A comparison of two proportions. */
  readonly kind: "proportions";
  /** The effect to detect, in `mdeType` units (non-zero; negative for a decrease). */
  readonly mde: number;
}

/**
 * A mean metric of {@link powerByWeek}: the options of {@link powerTwoMeans} without the sizes and the
 * experiment-wide options.
 *
 * @public
 */
export interface PowerByWeekMeansMetric extends Omit<TwoMeansDesignOptions, ExperimentKeys> {
  /** The metric's name in the table. */
  readonly name: string;
  /** A comparison of two means. */
  readonly kind: "means";
  /** The effect to detect, in `mdeType` units (non-zero; negative for a decrease). */
  readonly mde: number;
  /** Plan for an always-valid analysis, as in {@link powerTwoMeans}. */
  readonly alwaysValid?: AlwaysValidOptions;
  /** Bayesian power with this normal prior on the effect, as in {@link powerTwoMeans}. */
  readonly prior?: NormalPrior | null;
}

/**
 * A metric of {@link powerByWeek}.
 *
 * @public
 */
export type PowerByWeekMetric = PowerByWeekProportionsMetric | PowerByWeekMeansMetric;

/**
 * Options of {@link powerByWeek}.
 *
 * @public
 */
export interface PowerByWeekOptions extends Omit<PlanningDesignOptions, "varianceReduction"> {
  /** Eligible units arriving per week, all arms together (> 0). */
  readonly weeklyUnits: number;
  /**
   * Fraction of the eligible traffic enrolled, in (0, 1].
   * @defaultValue 1
   */
  readonly trafficShare?: number;
  /**
   * Number of weeks to tabulate (an integer from 1 to 520).
   * @defaultValue 8
   */
  readonly weeks?: number;
  /**
   * Target power of each comparison, in (0, 1): the MDE of each week is the effect with this power.
   * @defaultValue 0.8
   */
  readonly power?: number;
  /** The metrics, at least one, with distinct names. */
  readonly metrics: readonly PowerByWeekMetric[];
}

/**
 * One metric at the end of one week.
 *
 * @public
 */
export interface PowerByWeekCell {
  /** The metric's name. */
  readonly name: string;
  /** Power of each comparison against the metric's `mde`. */
  readonly power: number;
  /** The effect (in the metric's `mdeType` units and direction) detected with the target power; null if none is. */
  readonly mde: number | null;
}

/**
 * The sample and every metric at the end of one week.
 *
 * @public
 */
export interface PowerByWeekRow {
  /** 1-based week number. */
  readonly week: number;
  /** Control units enrolled by the end of the week. */
  readonly nControl: number;
  /** Units in each treatment arm by the end of the week. */
  readonly nTreatment: number;
  /** Units in all arms: nControl + k · nTreatment. */
  readonly nTotal: number;
  /** One cell per metric, in the order given. */
  readonly metrics: readonly PowerByWeekCell[];
}

/**
 * When a metric reaches the target power.
 *
 * @public
 */
export interface PowerByWeekMetricSummary {
  /** The metric's name. */
  readonly name: string;
  /** `"proportions"` or `"means"`. */
  readonly kind: PowerByWeekMetric["kind"];
  /** The effect the power is computed for, as given. */
  readonly mde: number;
  /** Units of `mde`. */
  readonly mdeType: MdeType;
  /** The test, in words. */
  readonly method: string;
  /** First week whose power reaches the target; null if none of the tabulated weeks does. */
  readonly weeksToPower: number | null;
}

/**
 * A week-by-week power table.
 *
 * @public
 */
export interface PowerByWeekResult {
  /** Eligible units per week, as given. */
  readonly weeklyUnits: number;
  /** Fraction of the traffic enrolled. */
  readonly trafficShare: number;
  /** Target power. */
  readonly power: number;
  /** Total type-I error rate. */
  readonly alpha: number;
  /** Direction of the alternative hypothesis. */
  readonly alternative: Alternative;
  /** nTreatment / nControl. */
  readonly allocationRatio: number;
  /** Number k of treatment arms. */
  readonly treatmentArms: number;
  /** The multiple-comparison adjustment. */
  readonly multipleComparison: MultipleComparison;
  /** One row per week. */
  readonly byWeek: readonly PowerByWeekRow[];
  /** One summary per metric, in the order given. */
  readonly metrics: readonly PowerByWeekMetricSummary[];
  /** First week in which every metric reaches the target power; null if some metric never does. */
  readonly weeksToPower: number | null;
  /** What the table means. */
  readonly note: string;
}

const { varianceReduction: _metricLevel, ...experimentShape } = designShape();

const metricSchema = z.looseObject(
  {
    name: z.string({ error: "must be a string" }).check(z.minLength(1, { error: "must be a non-empty string" })),
    kind: z.enum(["proportions", "means"], { error: 'must be "proportions" or "means"' }),
  },
  { error: "must be a metric object { name, kind, mde, … }" },
);

const schema = z.strictObject(
  {
    ...experimentShape,
    weeklyUnits: positiveNumber(),
    trafficShare: z.optional(positiveNumber().check(z.lte(1, { error: "must be <= 1" }))),
    weeks: z.optional(integerAtLeast(1).check(z.lte(520, { error: "must be <= 520" }))),
    power: z.optional(openUnitInterval()),
    metrics: z
      .array(metricSchema, { error: "must be an array of metrics" })
      .check(z.minLength(1, { error: "must list at least one metric" })),
  },
  { error: optionsError },
);

/** A count that is an integer up to rounding (1e-9 relative) is that integer; otherwise the whole units so far. */
function wholeUnits(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= 1e-9 * x ? nearest : Math.floor(x);
}

/** The week's MDE, or null when the sample is still too small for any effect to reach the power. */
function mdeOrNull(kind: PowerByWeekMetric["kind"], options: object): number | null {
  try {
    return kind === "proportions"
      ? mdeTwoProportions(options as MdeTwoProportionsOptions).mde
      : mdeTwoMeans(options as MdeTwoMeansOptions).mde;
  } catch (error) {
    if (isStatsError(error) && error.code === "NO_SOLUTION" && error.message.includes(SAMPLES_TOO_SMALL)) return null;
    throw error;
  }
}

/** Re-throws a planner's error as this function's: its issues under `metrics.i`, or the week too small. */
function rethrowForMetric(error: unknown, index: number, name: string, week: number): never {
  if (error instanceof InvalidArgumentError) {
    const sizes = error.issues.some((issue) => issue.path[0] === "nControl" || issue.path[0] === "nTreatment");
    throw new InvalidArgumentError(
      NAME,
      sizes
        ? [
            {
              path: ["weeklyUnits"],
              message: `too few units per arm in week ${week} for the test of ${name}`,
              code: "too_small",
            },
          ]
        : error.issues.map((issue) => ({ ...issue, path: ["metrics", index, ...issue.path] })),
    );
  }
  if (isStatsError(error) && error.code === "NO_SOLUTION") {
    throw new StatsError("NO_SOLUTION", `${NAME}: metrics.${index} (${name}): ${error.message}`, { cause: error });
  }
  throw error;
}

/**
 * Power and minimum detectable effect of every metric at the end of each week of an experiment: "revenue reaches
 * 80 % power in week 8; the click-through rate never does within 9 weeks".
 *
 * @remarks
 * By the end of week w the experiment has enrolled T_w = w · weeklyUnits · trafficShare units, split over the
 * control and k treatment arms in the ratio 1 : r : … : r:
 *
 * ```math
 * n_C(w) = \left\lfloor \frac{T_w}{1 + k r} \right\rfloor,\qquad n_T(w) = \left\lfloor \frac{r\,T_w}{1 + k r} \right\rfloor
 * ```
 *
 * (a count within 1e-9 of an integer counts as that integer). For each metric and week, the power against the
 * metric's `mde` is {@link powerTwoProportions} or {@link powerTwoMeans} at those sizes, and the MDE is
 * {@link mdeTwoProportions} or {@link mdeTwoMeans} at the target power, in the direction of `mde`. A metric is
 * powered in the first week whose power is at least the target; the experiment when every metric is.
 *
 * Method: the exact planners of this area (both rejection regions for two-sided tests, the exact MDE solve). The
 * week is the first with power ≥ target exactly; GrowthBook `powerMetricWeeks` rounds power to two decimals
 * first (0.796 counts as 0.80).
 *
 * Conforms to GrowthBook `powerMetricWeeks` (case G22 of `experiment-analysis.md` §17.3: 4,500 users a week, 3
 * variations, 9 weeks; its binomial metric is a mean metric with sd √(p(1 − p)) and `test: "z-relative"`): every
 * power to its 5 printed decimals, the week revenue is powered (8, never with sequential testing), and the MDEs
 * within 3e-5, GrowthBook's MDE formula dropping the far rejection region (`test/power/powerByWeek.test.ts`).
 *
 * @reference Kohavi, R., D. Tang, and Y. Xu. 2020. _Trustworthy Online Controlled Experiments: A Practical Guide
 * to A/B Testing_. Cambridge University Press. doi:10.1017/9781108653985
 *
 * @param options - See {@link PowerByWeekOptions}.
 * @returns A {@link PowerByWeekResult}: a row per week and, per metric, the first week it reaches the power.
 * @throws {@link InvalidArgumentError} if an option is out of range or unknown, a metric is invalid for its planner
 * (its issues are listed under `metrics.i`), sets an experiment-wide option, or two metrics share a name, or the
 * first week enrols too few units per arm for a metric's test.
 * @throws {@link StatsError} `"NO_SOLUTION"` if a metric's effect is impossible (a rate pushed outside (0, 1), or a
 * direction against a one-sided alternative), or the target power does not exceed the level.
 *
 * @example
 * ```ts
 * // 4,500 users a week in 3 variations (2 treatments), 9 weeks; GrowthBook case G22
 * const table = powerByWeek({
 *   weeklyUnits: 4500, treatmentArms: 2, weeks: 9,
 *   metrics: [
 *     { name: "ctr", kind: "means", baselineMean: 0.1, sd: Math.sqrt(0.09), mde: 0.05, mdeType: "relative", test: "z-relative" },
 *     { name: "revenue", kind: "means", baselineMean: 0.1, sd: Math.sqrt(0.5), mde: 0.3, mdeType: "relative", test: "z-relative" },
 *   ],
 * });
 * table.byWeek[0]?.nControl;        // 1500
 * table.byWeek[7]?.metrics[1]?.power; // ≈ 0.80886
 * table.metrics.map((m) => m.weeksToPower); // [null, 8]
 * table.weeksToPower;               // null (the click-through rate needs more than 9 weeks)
 * ```
 * @see {@link experimentDuration}, {@link powerTwoMeans}, {@link powerTwoProportions}
 * @since 0.1.0
 * @public
 */
export function powerByWeek(options: PowerByWeekOptions): PowerByWeekResult {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  const metrics = input.metrics as unknown as readonly PowerByWeekMetric[];
  const seen = new Set<string>();
  metrics.forEach((metric, i) => {
    if (seen.has(metric.name)) {
      issues.push({ path: ["metrics", i, "name"], message: `"${metric.name}" is used twice`, code: "custom" });
    }
    seen.add(metric.name);
    for (const key of EXPERIMENT_KEYS) {
      if (Object.hasOwn(metric, key)) {
        issues.push({
          path: ["metrics", i, key],
          message: "is set for the whole experiment, not per metric",
          code: "custom",
        });
      }
    }
    for (const key of SOLVED_KEYS) {
      if (Object.hasOwn(metric, key)) {
        issues.push({ path: ["metrics", i, key], message: "is filled in week by week; remove it", code: "custom" });
      }
    }
  });
  throwIfIssues(NAME, issues);

  const trafficShare = input.trafficShare ?? 1;
  const weeks = input.weeks ?? 8;
  const target = input.power ?? 0.8;
  const ratio = input.allocationRatio ?? 1;
  const arms = input.treatmentArms ?? 1;
  const experiment = {
    ...(input.alpha === undefined ? {} : { alpha: input.alpha }),
    ...(input.alternative === undefined ? {} : { alternative: input.alternative }),
    ...(input.multipleComparison === undefined ? {} : { multipleComparison: input.multipleComparison }),
    treatmentArms: arms,
  };
  const sizes = Array.from({ length: weeks }, (_, w) => {
    const total = (w + 1) * input.weeklyUnits * trafficShare;
    const nControl = wholeUnits(total / (1 + arms * ratio));
    const nTreatment = wholeUnits((ratio * total) / (1 + arms * ratio));
    return { nControl, nTreatment, nTotal: nControl + arms * nTreatment };
  });
  const first = sizes[0] as { nControl: number; nTreatment: number };
  if (first.nControl < 1 || first.nTreatment < 1) {
    throw new InvalidArgumentError(NAME, [
      { path: ["weeklyUnits"], message: "enrols less than one unit per arm in the first week", code: "too_small" },
    ]);
  }

  const columns = metrics.map((metric, i) => {
    const { name: _name, kind, mde: effect, ...design } = metric;
    const direction = effect > 0 ? ("increase" as const) : ("decrease" as const);
    let method = "";
    const cells = sizes.map(({ nControl, nTreatment }, w): PowerByWeekCell => {
      const at = { ...design, ...experiment, nControl, nTreatment };
      try {
        const plan =
          kind === "proportions"
            ? powerTwoProportions({ ...at, mde: effect } as PowerTwoProportionsOptions)
            : powerTwoMeans({ ...at, mde: effect } as PowerTwoMeansOptions);
        method = plan.method;
        return { name: metric.name, power: plan.power, mde: mdeOrNull(kind, { ...at, power: target, direction }) };
      } catch (error) {
        return rethrowForMetric(error, i, metric.name, w + 1);
      }
    });
    const powered = cells.findIndex((cell) => cell.power >= target);
    const summary: PowerByWeekMetricSummary = {
      name: metric.name,
      kind,
      mde: metric.mde,
      mdeType: metric.mdeType ?? (kind === "proportions" ? "relative" : "absolute"),
      method,
      weeksToPower: powered < 0 ? null : powered + 1,
    };
    return { cells, summary };
  });

  const byWeek = sizes.map((size, w) => ({
    week: w + 1,
    ...size,
    metrics: columns.map((column) => column.cells[w] as PowerByWeekCell),
  }));
  const summaries = columns.map((column) => column.summary);
  const weeksToPower = summaries.some((m) => m.weeksToPower === null)
    ? null
    : Math.max(...summaries.map((m) => m.weeksToPower as number));
  return {
    weeklyUnits: input.weeklyUnits,
    trafficShare,
    power: target,
    alpha: input.alpha ?? 0.05,
    alternative: input.alternative ?? "two-sided",
    allocationRatio: ratio,
    treatmentArms: arms,
    multipleComparison: input.multipleComparison ?? "none",
    byWeek,
    metrics: summaries,
    weeksToPower,
    note: noteOf(summaries, weeks, target, input.weeklyUnits * trafficShare, arms),
  };
}

function noteOf(
  summaries: readonly PowerByWeekMetricSummary[],
  weeks: number,
  target: number,
  weekly: number,
  arms: number,
): string {
  const percent = `${+(target * 100).toPrecision(6)} %`;
  const parts = summaries.map((m) =>
    m.weeksToPower === null
      ? `${m.name} does not reach ${percent} power within ${weeks} week${weeks === 1 ? "" : "s"}`
      : `${m.name} reaches ${percent} power in week ${m.weeksToPower}`,
  );
  return `${weekly} units a week over ${arms + 1} arms; ${parts.join("; ")}`;
}
