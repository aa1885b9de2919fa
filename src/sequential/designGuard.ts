/**
 * Recognising a design returned by {@link groupSequentialDesign} (shared by the analysis and the
 * sample-size planners' `sequential` option).
 *
 * @packageDocumentation
 * @internal
 */
import type { GroupSequentialDesign } from "./groupSequentialDesign.js";

/** The message of every "not a design" issue. @internal */
export const NOT_A_DESIGN = "must be a design returned by groupSequentialDesign";

/**
 * Whether `value` has the shape of a design returned by groupSequentialDesign: kMax looks, matching
 * information rates and critical values, alpha, sided, power, and the operating characteristics.
 *
 * @internal
 */
export function isGroupSequentialDesign(value: unknown): value is GroupSequentialDesign {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Partial<GroupSequentialDesign>;
  return (
    Number.isInteger(d.kMax) &&
    Array.isArray(d.informationRates) &&
    d.informationRates.length === d.kMax &&
    Array.isArray(d.criticalValues) &&
    d.criticalValues.length === d.kMax &&
    typeof d.alpha === "number" &&
    (d.sided === 1 || d.sided === 2) &&
    typeof d.power === "number" &&
    typeof d.inflationFactor === "number" &&
    Number.isFinite(d.inflationFactor) &&
    typeof d.expectedSampleSize === "object" &&
    d.expectedSampleSize !== null &&
    typeof d.expectedSampleSize.h0 === "number" &&
    typeof d.expectedSampleSize.h1 === "number" &&
    typeof d.expectedSampleSize.halfway === "number"
  );
}
