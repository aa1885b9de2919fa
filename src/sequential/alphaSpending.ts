import * as z from "zod/mini";
import { finiteNumber, parseArguments } from "../internal/validate.js";
import { FAMILIES_WITH_PARAMETER, SPENDING_FAMILIES, type SpendingFamily, spendingValue } from "./spending.js";

const informationFraction = finiteNumber().check(
  z.gte(0, { error: "must be >= 0" }),
  z.lte(1, { error: "must be <= 1" }),
);

/** Zod fields of a spending family, shared with the designs. @internal */
export interface SpendingShape {
  family: z.ZodMiniEnum<{ [K in SpendingFamily]: K }>;
  parameter: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
}

/** Options of a spending family, shared with the designs. @internal */
export const spendingOptionsShape: SpendingShape = {
  family: z.enum(SPENDING_FAMILIES as [SpendingFamily, ...SpendingFamily[]], {
    error: `must be one of ${SPENDING_FAMILIES.map((f) => `"${f}"`).join(", ")}`,
  }),
  parameter: z.optional(finiteNumber()),
};

/** Checks that `parameter` is present (and in range) exactly when the family needs one. @internal */
export function spendingParameterIssues(
  family: SpendingFamily,
  parameter: number | undefined,
): { readonly message: string } | undefined {
  if (FAMILIES_WITH_PARAMETER.includes(family) && parameter === undefined) {
    return { message: `is required for family "${family}"` };
  }
  if (family === "kim-demets" && parameter !== undefined && !(parameter > 0)) {
    return { message: 'must be > 0 for family "kim-demets"' };
  }
  if (family === "haybittle-peto" && parameter !== undefined && !(parameter > 0)) {
    return { message: 'must be > 0 for family "haybittle-peto"' };
  }
  if ((family === "obrien-fleming" || family === "pocock") && parameter !== undefined) {
    return { message: `is not used by family "${family}"` };
  }
  return undefined;
}

const alphaLevel = finiteNumber().check(z.gt(0, { error: "must be > 0" }), z.lte(0.5, { error: "must be <= 0.5" }));

const schema = z.object({
  t: z.union([informationFraction, z.array(informationFraction)], {
    error: "must be a number in [0, 1] or an array of such numbers",
  }),
  options: z
    .strictObject(
      { ...spendingOptionsShape, alpha: z.optional(alphaLevel) },
      { error: "must be an object { family, alpha?, parameter? }" },
    )
    .check(
      z.superRefine((o, ctx) => {
        const issue = spendingParameterIssues(o.family, o.parameter);
        if (issue !== undefined)
          ctx.issues.push({ code: "custom", message: issue.message, path: ["parameter"], input: o });
      }),
    ),
});

/**
 * Options of {@link alphaSpending}.
 *
 * @public
 */
export interface AlphaSpendingOptions {
  /** The spending-function family. */
  readonly family: SpendingFamily;
  /**
   * One-sided level spent by t = 1, in (0, 0.5].
   * @defaultValue 0.025
   */
  readonly alpha?: number;
  /**
   * Family parameter: ρ > 0 for `"kim-demets"`, γ for `"hwang-shih-decani"` (both required), the interim Z
   * bound for `"haybittle-peto"` (default 3); not accepted by `"obrien-fleming"` and `"pocock"`.
   */
  readonly parameter?: number;
}

/**
 * Lan–DeMets alpha-spending function: the cumulative type I error spent by information fraction t.
 *
 * @remarks
 * For a one-sided level α and information fraction t ∈ [0, 1] (α(0) = 0, α(1) = α):
 *
 * ```math
 * \begin{aligned}
 * \text{O'Brien–Fleming type:}&\quad \alpha(t) = 2\bigl(1 - \Phi(z_{1-\alpha/2}/\sqrt t)\bigr)\\
 * \text{Pocock type:}&\quad \alpha(t) = \alpha \ln\bigl(1 + (e - 1)t\bigr)\\
 * \text{Kim–DeMets:}&\quad \alpha(t) = \alpha\, t^{\rho}\\
 * \text{Hwang–Shih–DeCani:}&\quad \alpha(t) = \alpha\,\frac{1 - e^{-\gamma t}}{1 - e^{-\gamma}} \quad(\alpha t \text{ if } \gamma = 0)\\
 * \text{Haybittle–Peto:}&\quad \alpha(t) = \min\bigl(\alpha, 1 - \Phi(c)\bigr) \text{ for } 0 < t < 1
 * \end{aligned}
 * ```
 *
 * Method: closed forms; the O'Brien–Fleming tail is the upper-tail normal function (erfc), never 1 − Φ, so
 * early spends such as 1.3613e−12 at t = 0.1 keep full relative accuracy; Pocock uses log1p and
 * Hwang–Shih–DeCani expm1. The Haybittle–Peto step is the exact spend of a design with one interim at bound c;
 * with several interims the spend depends on the look schedule, and {@link groupSequentialDesign} treats that
 * family as the classical Haybittle–Peto design.
 *
 * For a two-sided design with total level α, each side spends the one-sided function at α/2 (rpact
 * `sided = 2`). The spend is cumulative: a design spends the increment α(t_k) − α(t_{k−1}) at look k
 * jointly with not having stopped before, never α(t_k) against a nominal p-value.
 *
 * Conforms to rpact `getDesignGroupSequential(typeOfDesign = "asOF" | "asP" | "asKD" | "asHSD")$alphaSpent` and
 * gsDesign `sfLDOF`, `sfLDPocock`, `sfPower`, `sfHSD`; fixtures (mpmath, 50 digits) in
 * `test/fixtures/sequential/alphaSpending/mpmath/`.
 *
 * @reference Lan, K. K. Gordon, and David L. DeMets. 1983. "Discrete Sequential Boundaries for Clinical Trials."
 * _Biometrika_ 70 (3): 659–63. doi:10.1093/biomet/70.3.659
 * @reference Kim, Kyungmann, and David L. DeMets. 1987. "Design and Analysis of Group Sequential Tests Based on the
 * Type I Error Spending Rate Function." _Biometrika_ 74 (1): 149–54. doi:10.1093/biomet/74.1.149
 * @reference Hwang, Irving K., Weichung J. Shih, and John S. De Cani. 1990. "Group Sequential Designs Using a Family
 * of Type I Error Probability Spending Functions." _Statistics in Medicine_ 9 (12): 1439–45.
 * doi:10.1002/sim.4780091207
 *
 * @param t - Information fraction(s) in [0, 1].
 * @param options - See {@link AlphaSpendingOptions}.
 * @returns The cumulative alpha spent at `t` (an array for an array).
 * @throws {@link InvalidArgumentError} if `t` is outside [0, 1], `alpha` outside (0, 0.5], the family unknown, or
 * the parameter missing, out of range or not used by the family.
 *
 * @example
 * ```ts
 * alphaSpending(0.5, { family: "obrien-fleming", alpha: 0.025 }); // ≈ 0.0015253
 * alphaSpending([0.5, 1], { family: "pocock", alpha: 0.025 });     // ≈ [0.015503, 0.025]
 * alphaSpending(0.5, { family: "hwang-shih-decani", parameter: -4, alpha: 0.025 }); // ≈ 0.0029801
 * ```
 * @public
 */
export function alphaSpending(t: number, options: AlphaSpendingOptions): number;
/**
 * Lan–DeMets alpha-spending function at several information fractions (see the scalar form for the formulas).
 *
 * @param t - Information fractions in [0, 1].
 * @param options - See {@link AlphaSpendingOptions}.
 * @returns The cumulative alpha spent at each fraction.
 * @public
 */
export function alphaSpending(t: readonly number[], options: AlphaSpendingOptions): readonly number[];
export function alphaSpending(
  t: number | readonly number[],
  options: AlphaSpendingOptions,
): number | readonly number[] {
  const args = parseArguments("alphaSpending", schema, { t, options });
  const alpha = args.options.alpha ?? 0.025;
  const { family, parameter } = args.options;
  if (typeof args.t === "number") return spendingValue(family, args.t, alpha, parameter);
  return args.t.map((ti) => spendingValue(family, ti, alpha, parameter));
}
