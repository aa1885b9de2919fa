/**
 * The `sequential` option of the sample-size planners: reconciling a group sequential design with the plan, and
 * the maximum and expected sample sizes it implies.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import type { InputIssue } from "../errors.js";
import { isGroupSequentialDesign, NOT_A_DESIGN } from "../sequential/designGuard.js";
import type { GroupSequentialDesign } from "../sequential/groupSequentialDesign.js";
import type { Alternative } from "../types.js";
import { roundUpSize } from "./shared.js";
import type { MultipleComparison, SequentialSampleSize } from "./types.js";

/** Schema of the `sequential` option. @internal */
export const sequentialDesignSchema = (): z.ZodMiniOptional<z.ZodMiniCustom<GroupSequentialDesign>> =>
  z.optional(z.custom<GroupSequentialDesign>(isGroupSequentialDesign, { error: NOT_A_DESIGN }));

/** Relative difference below which two levels or powers are the same number (rounding of a derived value). */
const SAME = 1e-12;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
}

/** The plan fields a sequential design fixes. @internal */
export interface SequentialPlanFields {
  readonly alpha?: number | undefined;
  readonly alternative?: Alternative | undefined;
  readonly power?: number | undefined;
  readonly treatmentArms?: number | undefined;
  readonly multipleComparison?: MultipleComparison | undefined;
}

/**
 * The plan's alpha, alternative and power with a sequential design: omitted ones are taken from the design (a
 * one-sided design tests in the direction of the effect); given ones must agree with it, else an issue names the
 * field that disagrees. A multiple-comparison correction over several arms is refused (the design's alpha is the
 * level of one comparison).
 * @internal
 */
export function reconcileSequential<T extends SequentialPlanFields>(
  design: GroupSequentialDesign,
  options: T,
  effect: number,
  issues: InputIssue[],
): T & { readonly alpha: number; readonly alternative: Alternative; readonly power: number } {
  const sidedWords = design.sided === 2 ? "two-sided (sided 2)" : "one-sided (sided 1)";
  if (options.alpha !== undefined && !same(options.alpha, design.alpha)) {
    issues.push({
      path: ["alpha"],
      message: `${options.alpha} disagrees with the sequential design's alpha ${design.alpha}; omit it or make them equal`,
      code: "custom",
    });
  }
  if (options.power !== undefined && !same(options.power, design.power)) {
    issues.push({
      path: ["power"],
      message: `${options.power} disagrees with the sequential design's power ${design.power}; omit it or make them equal`,
      code: "custom",
    });
  }
  const alt = options.alternative;
  if (alt !== undefined && (design.sided === 2) !== (alt === "two-sided")) {
    issues.push({
      path: ["alternative"],
      message: `"${alt}" disagrees with the ${sidedWords} sequential design; use ${design.sided === 2 ? '"two-sided"' : '"greater" or "less"'} or omit it`,
      code: "custom",
    });
  }
  if ((options.treatmentArms ?? 1) > 1 && (options.multipleComparison ?? "none") !== "none") {
    issues.push({
      path: ["multipleComparison"],
      message:
        'must be "none" with a sequential design: build the design at the level of one comparison (e.g. alpha / k)',
      code: "custom",
    });
  }
  const alternative: Alternative = alt ?? (design.sided === 2 ? "two-sided" : effect < 0 ? "less" : "greater");
  return { ...options, alpha: design.alpha, alternative, power: design.power };
}

/**
 * Maximum, per-look and expected sample sizes of a group sequential plan from the fixed design's continuous control
 * size: n_max = n_fixed · IF (rounded up per arm), look k at ⌈t_k · n_max⌉, expected totals n_fixed,total ·
 * (IF · E[t at stopping]).
 * @internal
 */
export function sequentialSampleSize(
  design: GroupSequentialDesign,
  nControlExact: number,
  allocationRatio: number,
  treatmentArms: number,
  minimum: number,
): SequentialSampleSize {
  const nControlMaxExact = nControlExact * design.inflationFactor;
  const nTreatmentMaxExact = allocationRatio * nControlMaxExact;
  const nControlMax = roundUpSize(nControlMaxExact, minimum);
  const nTreatmentMax = roundUpSize(nTreatmentMaxExact, minimum);
  const fixedTotal = nControlExact * (1 + treatmentArms * allocationRatio);
  const looks = design.informationRates.map((t, i) => {
    const last = i === design.kMax - 1;
    const nControl = last ? nControlMax : roundUpSize(t * nControlMaxExact, 1);
    const nTreatment = last ? nTreatmentMax : roundUpSize(t * nTreatmentMaxExact, 1);
    return { look: i + 1, informationRate: t, nControl, nTreatment, nTotal: nControl + treatmentArms * nTreatment };
  });
  return {
    method: design.method,
    kMax: design.kMax,
    sided: design.sided,
    informationRates: design.informationRates,
    inflationFactor: design.inflationFactor,
    nControlMaxExact,
    nTreatmentMaxExact,
    nControlMax,
    nTreatmentMax,
    nTotalMax: nControlMax + treatmentArms * nTreatmentMax,
    looks,
    expectedTotal: {
      h0: fixedTotal * design.expectedSampleSize.h0,
      h1: fixedTotal * design.expectedSampleSize.h1,
      halfway: fixedTotal * design.expectedSampleSize.halfway,
    },
  };
}
