/**
 * Spending-function families shared by {@link alphaSpending} and the group sequential designs.
 *
 * @packageDocumentation
 */
import { normalQuantile, normalSf } from "../distributions/normal.js";

/**
 * A Lan–DeMets spending-function family.
 *
 * - `"obrien-fleming"`: Lan–DeMets O'Brien–Fleming type, 2(1 − Φ(z_{1−α/2}/√t)).
 * - `"pocock"`: Lan–DeMets Pocock type, α·ln(1 + (e − 1)t).
 * - `"kim-demets"`: power family α·t^ρ (`parameter` ρ > 0).
 * - `"hwang-shih-decani"`: α(1 − e^{−γt})/(1 − e^{−γ}) (`parameter` γ; γ = 0 is α·t).
 * - `"haybittle-peto"`: the nominal tail beyond a fixed interim bound (`parameter`, default 3) before the
 *   final look, all of α at t = 1.
 *
 * @public
 */
export type SpendingFamily = "obrien-fleming" | "pocock" | "kim-demets" | "hwang-shih-decani" | "haybittle-peto";

/** The spending families, in documentation order. @internal */
export const SPENDING_FAMILIES: readonly SpendingFamily[] = [
  "obrien-fleming",
  "pocock",
  "kim-demets",
  "hwang-shih-decani",
  "haybittle-peto",
];

/** Families that need a `parameter`. @internal */
export const FAMILIES_WITH_PARAMETER: readonly SpendingFamily[] = ["kim-demets", "hwang-shih-decani"];

/** Default interim bound of the Haybittle–Peto family. @internal */
export const HAYBITTLE_PETO_BOUND = 3;

/**
 * Cumulative spend of a family at information fraction t ∈ [0, 1] (t > 1 is treated as 1), for a
 * one-sided level `alpha`. No validation (kernel tier): callers pass a valid family and parameter.
 *
 * @internal
 */
export function spendingValue(family: SpendingFamily, t: number, alpha: number, parameter: number | undefined): number {
  if (!(t > 0)) return 0;
  if (t >= 1) return alpha;
  // Rounding can put a value a few ulps above alpha near t = 1; a spend never exceeds alpha.
  return Math.min(alpha, openSpend(family, t, alpha, parameter));
}

function openSpend(family: SpendingFamily, t: number, alpha: number, parameter: number | undefined): number {
  switch (family) {
    case "obrien-fleming": {
      // 2(1 − Φ(z/√t)) with z the upper α/2 quantile; upper tails computed directly (no 1 − Φ cancellation).
      const z = -normalQuantile(alpha / 2);
      return 2 * normalSf(z / Math.sqrt(t));
    }
    case "pocock":
      // ln(1 + (e − 1)t) with log1p for small t.
      return alpha * Math.log1p((Math.E - 1) * t);
    case "kim-demets":
      return alpha * t ** (parameter as number);
    case "hwang-shih-decani": {
      const gamma = parameter as number;
      if (gamma === 0) return alpha * t;
      return alpha * (Math.expm1(-gamma * t) / Math.expm1(-gamma));
    }
    case "haybittle-peto":
      return normalSf(parameter ?? HAYBITTLE_PETO_BOUND);
  }
}
