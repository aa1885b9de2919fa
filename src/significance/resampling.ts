/**
 * Private helpers of `experiment-stats/significance` for the randomized procedures (bootstrap,
 * permutation): the two-sample statistics they resample, and the option schema they share.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";

/**
 * A two-sample statistic: a named one or a function of (control, treatment) returning a finite number.
 *
 * @public
 */
export type TwoSampleStatistic =
  | "difference-in-means"
  | "difference-in-medians"
  | "relative-lift"
  | ((control: Float64Array, treatment: Float64Array) => number);

/** The statistic's name for results (`"custom"` for a function). @internal */
export function statisticName(statistic: TwoSampleStatistic): string {
  return typeof statistic === "function" ? "custom" : statistic;
}

/** The statistic as a function. @internal */
export function statisticFunction(statistic: TwoSampleStatistic): (c: Float64Array, t: Float64Array) => number {
  if (typeof statistic === "function") return statistic;
  if (statistic === "difference-in-means") return (c, t) => mean(t) - mean(c);
  if (statistic === "difference-in-medians") return (c, t) => median(t) - median(c);
  return (c, t) => mean(t) / mean(c) - 1;
}

/** A zod/mini schema for the `statistic` option. @internal */
export const statisticOption = (): z.ZodMiniType<TwoSampleStatistic> =>
  z.custom<TwoSampleStatistic>(
    (v) =>
      typeof v === "function" || v === "difference-in-means" || v === "difference-in-medians" || v === "relative-lift",
    { error: 'must be "difference-in-means", "difference-in-medians", "relative-lift" or a function' },
  );

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
