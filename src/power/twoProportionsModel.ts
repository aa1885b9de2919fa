/**
 * The power equation of every two-proportion method, and the option handling the three two-proportion
 * solvers share.
 *
 * @packageDocumentation
 * @internal
 */
import * as z from "zod/mini";
import { normalCdf, normalQuantile } from "../distributions/normal.js";
import { type InputIssue, StatsError } from "../errors.js";
import { openUnitInterval } from "../internal/validate.js";
import type { Alternative } from "../types.js";
import {
  criticalZ,
  type DesignShape,
  designShape,
  mdeTypeSchema,
  type Parsed,
  type ResolvedDesign,
  resolveDesign,
  sizeNote,
} from "./shared.js";
import type { MdeType, TwoProportionsDesignOptions, TwoProportionsMethod, TwoProportionsPlan } from "./types.js";

/** Schema pieces of {@link TwoProportionsDesignOptions}. @internal */
export interface TwoProportionsShape extends DesignShape {
  baselineRate: z.ZodMiniNumber<number>;
  mdeType: z.ZodMiniOptional<z.ZodMiniEnum<{ relative: "relative"; absolute: "absolute" }>>;
  method: z.ZodMiniOptional<
    z.ZodMiniEnum<{ pooled: "pooled"; unpooled: "unpooled"; arcsine: "arcsine"; "evan-miller": "evan-miller" }>
  >;
  continuityCorrection: z.ZodMiniOptional<z.ZodMiniBoolean<boolean>>;
}

/** The validated fields of {@link TwoProportionsDesignOptions}. @internal */
export function twoProportionsShape(): TwoProportionsShape {
  return {
    ...designShape(),
    baselineRate: openUnitInterval(),
    mdeType: z.optional(mdeTypeSchema()),
    method: z.optional(
      z.enum(["pooled", "unpooled", "arcsine", "evan-miller"], {
        error: 'must be "pooled", "unpooled", "arcsine" or "evan-miller"',
      }),
    ),
    continuityCorrection: z.optional(z.boolean({ error: "must be true or false" })),
  };
}

/** A two-proportion design with every default filled in (the treatment rate comes separately). @internal */
export interface ProportionsDesign extends ResolvedDesign {
  readonly baselineRate: number;
  readonly mdeType: MdeType;
  readonly method: TwoProportionsMethod;
  readonly continuityCorrection: boolean;
}

/** Fills in the defaults and records cross-field issues (continuity correction with a method without one). @internal */
export function resolveProportionsDesign(
  options: Parsed<TwoProportionsDesignOptions>,
  issues: InputIssue[],
): ProportionsDesign {
  const method = options.method ?? "pooled";
  const continuityCorrection = options.continuityCorrection ?? false;
  if (continuityCorrection && (method === "arcsine" || method === "evan-miller")) {
    issues.push({
      path: ["continuityCorrection"],
      message: 'is available for the "pooled" and "unpooled" methods only',
      code: "custom",
    });
  }
  return {
    ...resolveDesign(options),
    baselineRate: options.baselineRate,
    mdeType: options.mdeType ?? "relative",
    method,
    continuityCorrection,
  };
}

/** The treatment rate an effect of `mde` (in `mdeType` units) implies. @internal */
export function treatmentRateOf(baselineRate: number, mde: number, mdeType: MdeType): number {
  return mdeType === "relative" ? baselineRate * (1 + mde) : baselineRate + mde;
}

/** Evan Miller's baseline: folded to min(p, 1 − p). @internal */
function foldedBaseline(p: number): number {
  return p > 0.5 ? 1 - p : p;
}

/** Throws NO_SOLUTION unless the treatment rate is inside (0, 1). @internal */
export function requireValidTreatmentRate(functionName: string, treatmentRate: number): void {
  if (!(treatmentRate > 0 && treatmentRate < 1)) {
    throw new StatsError(
      "NO_SOLUTION",
      `${functionName}: the effect puts the treatment rate at ${treatmentRate}, outside (0, 1)`,
    );
  }
}

/**
 * Standard errors and effect of one design at control size n1 and treatment size n2.
 * `effect` is in the method's scale (rate difference, or Cohen's h for arcsine).
 */
interface Moments {
  readonly effect: number;
  readonly seNull: number;
  readonly seAlt: number;
}

function moments(method: TwoProportionsMethod, p1: number, p2: number, n1: number, n2: number, vf: number): Moments {
  const inv = 1 / n1 + 1 / n2;
  switch (method) {
    case "pooled": {
      const pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
      const seAlt = Math.sqrt(((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) * vf);
      return { effect: p2 - p1, seNull: Math.sqrt(pooled * (1 - pooled) * inv * vf), seAlt };
    }
    case "unpooled": {
      const se = Math.sqrt(((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) * vf);
      return { effect: p2 - p1, seNull: se, seAlt: se };
    }
    case "arcsine": {
      const se = Math.sqrt(inv * vf);
      return { effect: 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1)), seNull: se, seAlt: se };
    }
    case "evan-miller": {
      const p = foldedBaseline(p1);
      const q = p + Math.abs(p2 - p1);
      const seNull = Math.sqrt(p * (1 - p) * inv * vf);
      const seAlt = Math.sqrt(((p * (1 - p)) / n1 + (q * (1 - q)) / n2) * vf);
      return { effect: p2 - p1, seNull, seAlt };
    }
  }
}

/**
 * Power of one comparison of the design against treatment rate p2 with n1 control and n2 treatment units
 * (continuous sizes allowed). Each rejection region contributes Φ((±Δ − c − z·SE0)/SE1); Evan Miller's two-sided
 * formula keeps only the region in the effect's direction.
 * @internal
 */
export function proportionsPower(design: ProportionsDesign, p2: number, n1: number, n2: number): number {
  const z = criticalZ(design.alphaPerComparison, design.alternative);
  const m = moments(design.method, design.baselineRate, p2, n1, n2, design.varianceFactor);
  const c = design.continuityCorrection ? (1 / n1 + 1 / n2) / 2 : 0;
  const upper = (): number => normalCdf((m.effect - c - z * m.seNull) / m.seAlt);
  const lower = (): number => normalCdf((-m.effect - c - z * m.seNull) / m.seAlt);
  // The sum of two regions can round above 1 when the near one is within an ulp of it.
  return Math.min(1, tailsPower(design.alternative, design.method === "evan-miller", m.effect, upper, lower));
}

function tailsPower(
  alt: Alternative,
  nearTailOnly: boolean,
  effect: number,
  upper: () => number,
  lower: () => number,
): number {
  if (alt === "greater") return upper();
  if (alt === "less") return lower();
  if (nearTailOnly) return effect >= 0 ? upper() : lower();
  return upper() + lower();
}

/**
 * Starting guess for the control size: the one-tail closed form, n = ((z_a·SE0(1) + z_b·SE1(1)) / Δ)², with SEs at
 * n1 = 1 (they scale as 1/√n1); with a continuity correction, Fleiss' inflation of it.
 * @internal
 */
export function proportionsSizeGuess(design: ProportionsDesign, p2: number, ratio: number, power: number): number {
  const m = moments(design.method, design.baselineRate, p2, 1, ratio, design.varianceFactor);
  const za = criticalZ(design.alphaPerComparison, design.alternative);
  const zb = normalQuantile(power);
  const d = Math.abs(m.effect);
  const n = ((za * m.seNull + zb * m.seAlt) / d) ** 2;
  if (!design.continuityCorrection) return n;
  return (n / 4) * (1 + Math.sqrt(1 + (2 * (ratio + 1)) / (n * ratio * d))) ** 2;
}

/** The method in words. @internal */
export function proportionsMethodWords(design: ProportionsDesign): string {
  const base: Record<TwoProportionsMethod, string> = {
    pooled: "Two-sample z-test of proportions (pooled variance under H0)",
    unpooled: "Two-sample z-test of proportions (unpooled Wald variance)",
    arcsine: "Difference of arcsine-transformed proportions (Cohen's h)",
    "evan-miller": "Evan Miller's two-proportion formula (one rejection region, baseline folded at 0.5)",
  };
  return `${base[design.method]}${design.continuityCorrection ? " with continuity correction" : ""} power calculation`;
}

/** The plan every two-proportion solver returns, before its own additions. @internal */
export function proportionsPlan(
  design: ProportionsDesign,
  treatmentRate: number,
  mde: number,
  allocationRatio: number,
  nControl: number,
  nTreatment: number,
  power: number,
): TwoProportionsPlan {
  const absoluteEffect = treatmentRate - design.baselineRate;
  return {
    baselineRate: design.baselineRate,
    treatmentRate,
    absoluteEffect,
    relativeEffect: absoluteEffect / design.baselineRate,
    mde,
    mdeType: design.mdeType,
    alpha: design.alpha,
    alphaPerComparison: design.alphaPerComparison,
    power,
    alternative: design.alternative,
    allocationRatio,
    treatmentArms: design.treatmentArms,
    multipleComparison: design.multipleComparison,
    varianceReduction: design.varianceReduction,
    model: design.method,
    continuityCorrection: design.continuityCorrection,
    nControl,
    nTreatment,
    nTotal: nControl + design.treatmentArms * nTreatment,
    method: proportionsMethodWords(design),
    note: sizeNote(design.treatmentArms),
  };
}
