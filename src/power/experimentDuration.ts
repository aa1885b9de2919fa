import * as z from "zod/mini";
import { type InputIssue, InvalidArgumentError } from "../errors.js";
import { integerAtLeast, positiveNumber } from "../internal/validate.js";
import { optionsError, parseOptions, roundUpSize } from "./shared.js";

const NAME = "experimentDuration";

/**
 * Options of {@link experimentDuration}: the sample (a sample-size plan or a number of units) and the traffic.
 *
 * @public
 */
export interface ExperimentDurationOptions {
  /** A plan from {@link sampleSizeTwoProportions} or {@link sampleSizeTwoMeans} (its `nTotal` is used). Give this or `totalUnits`. */
  readonly sampleSize?: {
    /** Units the plan needs across all arms. */
    readonly nTotal: number;
  };
  /** Units the experiment needs across all arms (an integer >= 1). Give this or `sampleSize`. */
  readonly totalUnits?: number;
  /** Eligible units arriving per day (> 0; an average may be fractional). */
  readonly dailyUnits: number;
  /**
   * Fraction of the eligible traffic enrolled in the experiment, in (0, 1].
   * @defaultValue 1
   */
  readonly trafficShare?: number;
}

/**
 * How long an experiment runs.
 *
 * @public
 */
export interface ExperimentDurationResult {
  /** Units needed across all arms. */
  readonly totalUnits: number;
  /** Eligible units per day, as given. */
  readonly dailyUnits: number;
  /** Fraction of the traffic enrolled. */
  readonly trafficShare: number;
  /** Units enrolled per day: dailyUnits · trafficShare. */
  readonly unitsPerDay: number;
  /** totalUnits / unitsPerDay, unrounded. */
  readonly exactDays: number;
  /** Days to run: exactDays rounded up. */
  readonly days: number;
  /** Full weeks to run: days / 7 rounded up (weekly cycles make whole weeks the safer plan). */
  readonly weeks: number;
  /** What the numbers mean. */
  readonly note: string;
}

const schema = z.strictObject(
  {
    sampleSize: z.optional(
      z.object({ nTotal: integerAtLeast(1) }, { error: "must be a sample-size plan with an integer nTotal >= 1" }),
    ),
    totalUnits: z.optional(integerAtLeast(1)),
    dailyUnits: positiveNumber(),
    trafficShare: z.optional(positiveNumber().check(z.lte(1, { error: "must be <= 1" }))),
  },
  { error: optionsError },
);

/**
 * Duration of an experiment from its sample size and the daily traffic: "run it for 3 full weeks".
 *
 * @remarks
 * ```math
 * \text{days} = \left\lceil \frac{N_\text{total}}{\text{dailyUnits}\cdot\text{trafficShare}} \right\rceil,\qquad
 * \text{weeks} = \left\lceil \frac{\text{days}}{7} \right\rceil
 * ```
 *
 * Method: closed form. A quotient within 1e-12 (relative) of an integer counts as that integer, so 7,000 units at
 * 1,000 a day is 7 days, not 8. Assumes steady traffic and units that enter once (users, not sessions); run whole
 * weeks so every weekday is represented equally.
 *
 * Conforms to the duration rule of GrowthBook, Statsig and Optimizely (`experiment-analysis.md` §15).
 *
 * @reference Kohavi, R., D. Tang, and Y. Xu. 2020. _Trustworthy Online Controlled Experiments: A Practical Guide
 * to A/B Testing_. Cambridge University Press. doi:10.1017/9781108653985
 *
 * @param options - See {@link ExperimentDurationOptions}.
 * @returns An {@link ExperimentDurationResult} with `days` and `weeks` rounded up.
 * @throws {@link InvalidArgumentError} if neither or both of `sampleSize` and `totalUnits` are given, or a field is
 * out of range.
 *
 * @example
 * ```ts
 * const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 }); // nTotal 7682
 * const d = experimentDuration({ sampleSize: plan, dailyUnits: 1000, trafficShare: 0.5 });
 * d.days;  // 16
 * d.weeks; // 3
 * ```
 * @see {@link sampleSizeTwoProportions}, {@link sampleSizeTwoMeans}
 * @since 0.1.0
 * @public
 */
export function experimentDuration(options: ExperimentDurationOptions): ExperimentDurationResult {
  const input = parseOptions(NAME, schema, options);
  const issues: InputIssue[] = [];
  if (input.sampleSize === undefined && input.totalUnits === undefined) {
    issues.push({ path: ["totalUnits"], message: "give sampleSize or totalUnits", code: "custom" });
  }
  if (input.sampleSize !== undefined && input.totalUnits !== undefined) {
    issues.push({ path: ["totalUnits"], message: "give sampleSize or totalUnits, not both", code: "custom" });
  }
  if (issues.length > 0) throw new InvalidArgumentError(NAME, issues);
  const totalUnits = input.totalUnits ?? (input.sampleSize as { nTotal: number }).nTotal;
  const trafficShare = input.trafficShare ?? 1;
  const unitsPerDay = input.dailyUnits * trafficShare;
  const exactDays = totalUnits / unitsPerDay;
  const days = roundUpSize(exactDays, 1);
  const weeks = Math.ceil(days / 7);
  return {
    totalUnits,
    dailyUnits: input.dailyUnits,
    trafficShare,
    unitsPerDay,
    exactDays,
    days,
    weeks,
    note: `${totalUnits} units at ${unitsPerDay} a day: ${days} day${days === 1 ? "" : "s"}, or ${weeks} full week${weeks === 1 ? "" : "s"}`,
  };
}
