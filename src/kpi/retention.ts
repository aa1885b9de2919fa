/**
 * The retention input shared by {@link customerLifetimeValue} and {@link paybackPeriod}: a known rate,
 * a known churn rate, or cohort counts (which give an interval). Private to `experiment-stats/kpi`.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import { count, finiteNumber, integerAtLeast } from "../internal/validate.js";
import {
  type ProportionIntervalMethod,
  proportionConfidenceInterval,
} from "../significance/proportionConfidenceInterval.js";

/** Per-period retention given as a rate, a churn rate, or cohort counts. @internal */
export interface RetentionFields {
  readonly retentionRate?: number | undefined;
  readonly churnRate?: number | undefined;
  readonly customersAtStart?: number | undefined;
  readonly retained?: number | undefined;
}

const unitClosed = () => finiteNumber().check(z.gte(0, { error: "must be >= 0" }), z.lte(1, { error: "must be <= 1" }));

/** Zod fields for the retention input. @internal */
export const retentionShape: {
  retentionRate: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  churnRate: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  customersAtStart: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  retained: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
} = {
  retentionRate: z.optional(unitClosed()),
  churnRate: z.optional(unitClosed()),
  customersAtStart: z.optional(integerAtLeast(1)),
  retained: z.optional(count()),
};

/** Checks that exactly one form of retention is given and the counts are consistent. @internal */
export const retentionChecks: readonly z.core.$ZodCheck<RetentionFields>[] = [
  z.refine<RetentionFields>(
    (d) =>
      (d.retentionRate !== undefined ? 1 : 0) +
        (d.churnRate !== undefined ? 1 : 0) +
        (d.customersAtStart !== undefined || d.retained !== undefined ? 1 : 0) ===
      1,
    { error: "give exactly one of retentionRate, churnRate, or customersAtStart with retained" },
  ),
  z.refine<RetentionFields>((d) => (d.customersAtStart === undefined) === (d.retained === undefined), {
    error: "customersAtStart and retained go together",
    path: ["retained"],
  }),
  z.refine<RetentionFields>((d) => !((d.retained ?? 0) > (d.customersAtStart ?? Number.POSITIVE_INFINITY)), {
    error: "must be <= customersAtStart",
    path: ["retained"],
  }),
];

/** The retention rate and, from counts, its interval. @internal */
export interface Retention {
  readonly rate: number;
  /** `[lower, upper]` of the retention rate, or `null` for a known rate. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Words for `method`. */
  readonly words: string;
}

/** Resolves validated retention fields. @internal */
export function resolveRetention(
  d: RetentionFields,
  method: ProportionIntervalMethod,
  confidenceLevel: number,
): Retention {
  if (d.retentionRate !== undefined) return { rate: d.retentionRate, interval: null, words: "" };
  if (d.churnRate !== undefined) return { rate: 1 - d.churnRate, interval: null, words: "" };
  const r = proportionConfidenceInterval(d.retained ?? 0, d.customersAtStart ?? 1, { method, confidenceLevel });
  return {
    rate: r.estimate,
    interval: { lower: r.confidenceInterval.lower, upper: r.confidenceInterval.upper },
    words: r.method,
  };
}
