import * as z from "zod/mini";
import { parseArguments } from "../internal/validate.js";

const NAME = "adjustPValues";

/**
 * A multiple-testing adjustment.
 *
 * @public
 */
export type PValueAdjustment =
  | "bonferroni"
  | "holm"
  | "hochberg"
  | "hommel"
  | "benjamini-hochberg"
  | "benjamini-yekutieli"
  | "sidak"
  | "holm-sidak";

/**
 * A multiple-testing adjustment, or one of R `p.adjust`'s aliases (`"BH"` and `"fdr"` for
 * Benjamini–Hochberg, `"BY"` for Benjamini–Yekutieli).
 *
 * @public
 */
export type PValueAdjustmentName = PValueAdjustment | "BH" | "BY" | "fdr";

/**
 * Result of {@link adjustPValues}.
 *
 * @public
 */
export interface AdjustPValuesResult {
  /** The procedure in words, e.g. `"Holm step-down (family-wise error rate)"`. */
  readonly method: string;
  /** The adjustment applied (aliases resolved). */
  readonly adjustment: PValueAdjustment;
  /** Adjusted p-values, in the order of the input. */
  readonly adjustedPValues: readonly number[];
}

const ALIASES: Readonly<Record<PValueAdjustmentName, PValueAdjustment>> = {
  bonferroni: "bonferroni",
  holm: "holm",
  hochberg: "hochberg",
  hommel: "hommel",
  "benjamini-hochberg": "benjamini-hochberg",
  "benjamini-yekutieli": "benjamini-yekutieli",
  sidak: "sidak",
  "holm-sidak": "holm-sidak",
  BH: "benjamini-hochberg",
  fdr: "benjamini-hochberg",
  BY: "benjamini-yekutieli",
};

const WORDS: Readonly<Record<PValueAdjustment, string>> = {
  bonferroni: "Bonferroni (family-wise error rate)",
  holm: "Holm step-down (family-wise error rate)",
  hochberg: "Hochberg step-up (family-wise error rate)",
  hommel: "Hommel (family-wise error rate)",
  "benjamini-hochberg": "Benjamini–Hochberg (false discovery rate)",
  "benjamini-yekutieli": "Benjamini–Yekutieli (false discovery rate under dependence)",
  sidak: "Šidák (family-wise error rate)",
  "holm-sidak": "Holm–Šidák step-down (family-wise error rate)",
};

const pValues = z
  .custom<ArrayLike<number>>((v) => Array.isArray(v) || v instanceof Float64Array, {
    error: "must be an array of p-values",
  })
  .check(
    z.superRefine((values, ctx) => {
      if (values.length === 0) ctx.addIssue({ code: "custom", message: "must hold at least 1 p-value", input: values });
      for (let i = 0; i < values.length; i++) {
        const p: unknown = values[i];
        if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
          ctx.addIssue({ code: "custom", message: "must be a number in [0, 1]", path: [i], input: p });
        }
      }
    }),
  );

const schema = z.object({
  pValues,
  method: z.enum(Object.keys(ALIASES) as [PValueAdjustmentName, ...PValueAdjustmentName[]], {
    error: `must be one of ${Object.keys(ALIASES)
      .map((k) => `"${k}"`)
      .join(", ")}`,
  }),
});

/**
 * Adjusts p-values for multiple testing (family-wise error rate or false discovery rate).
 *
 * @remarks
 * With m p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎ (adjusted values are mapped back to the input order):
 *
 * ```math
 * \begin{aligned}
 * \text{Bonferroni: } & \min(1, m p_i) & \text{Šidák: } & 1 - (1 - p_i)^m\\
 * \text{Holm: } & \max_{j \le i} \min\big(1, (m - j + 1) p_{(j)}\big) & \text{Holm–Šidák: } & \max_{j \le i} 1 - (1 - p_{(j)})^{m - j + 1}\\
 * \text{Hochberg: } & \min_{j \ge i} \min\big(1, (m - j + 1) p_{(j)}\big) & \text{BH: } & \min_{j \ge i} \min\big(1, \tfrac{m}{j} p_{(j)}\big)
 * \end{aligned}
 * ```
 *
 * Benjamini–Yekutieli is BH with m replaced by m·Σ_{k≤m} 1/k; Hommel follows R's algorithm (for each
 * subset size k = m − 1, …, 2 the minimum of k·p₍ⱼ₎/(j − (m − k)) over the top k, a running maximum,
 * then max with p).
 *
 * Method: a stable sort (ties keep their input order, as R's `order`), one cumulative pass; Šidák forms
 * as `−expm1(k·log1p(−p))` so small p-values keep their digits. O(m log m) time; Hommel O(m²).
 *
 * Conforms to R `p.adjust` (bonferroni, holm, hochberg, hommel, BH, BY; identical arithmetic) and
 * statsmodels `multipletests` (`sidak`, `holm-sidak`); fixtures in
 * `test/fixtures/significance/adjustPValues/`.
 *
 * @reference Holm, S. 1979. "A Simple Sequentially Rejective Multiple Test Procedure." _Scandinavian
 * Journal of Statistics_ 6 (2): 65–70. doi:10.2307/4615733
 * @reference Benjamini, Y., and Y. Hochberg. 1995. "Controlling the False Discovery Rate: A Practical and
 * Powerful Approach to Multiple Testing." _Journal of the Royal Statistical Society, Series B_ 57 (1):
 * 289–300. doi:10.1111/j.2517-6161.1995.tb02031.x
 * @reference Benjamini, Y., and D. Yekutieli. 2001. "The Control of the False Discovery Rate in Multiple
 * Testing under Dependency." _The Annals of Statistics_ 29 (4): 1165–88. doi:10.1214/aos/1013699998
 * @reference Hommel, G. 1988. "A Stagewise Rejective Multiple Test Procedure Based on a Modified
 * Bonferroni Test." _Biometrika_ 75 (2): 383–86. doi:10.1093/biomet/75.2.383
 * @reference Hochberg, Y. 1988. "A Sharper Bonferroni Procedure for Multiple Tests of Significance."
 * _Biometrika_ 75 (4): 800–802. doi:10.1093/biomet/75.4.800
 *
 * @param pValues - At least one p-value, each in [0, 1] (an array or a Float64Array).
 * @param method - The adjustment (R's aliases `"BH"`, `"fdr"`, `"BY"` accepted).
 * @returns An {@link AdjustPValuesResult}; `adjustedPValues[i]` belongs to `pValues[i]`.
 * @throws {@link InvalidArgumentError} if `pValues` is empty, not an array, or holds a value outside
 * [0, 1] or NaN (each bad index is named), or `method` is unknown.
 *
 * @example
 * ```ts
 * // GrowthBook's Holm case (= R p.adjust(p, "holm"))
 * adjustPValues([0.01, 0.04, 0.03, 0.005, 0.55, 0.6], "holm").adjustedPValues;
 * // ≈ [0.05, 0.12, 0.12, 0.03, 1, 1]
 * adjustPValues([0.008, 0.03, 0.123, 0.6, 0.2], "BH").adjustedPValues;
 * // ≈ [0.04, 0.075, 0.205, 0.6, 0.25]
 * ```
 * @see {@link compareProportions}, {@link compareMeans}
 * @since 0.1.0
 * @public
 */
export function adjustPValues(
  pValues: readonly number[] | Float64Array,
  method: PValueAdjustmentName,
): AdjustPValuesResult {
  const args = parseArguments(NAME, schema, { pValues, method });
  const adjustment = ALIASES[args.method];
  const p = Array.from(args.pValues);
  return { method: WORDS[adjustment], adjustment, adjustedPValues: adjust(p, adjustment) };
}

function adjust(p: readonly number[], method: PValueAdjustment): number[] {
  const n = p.length;
  if (method === "bonferroni") return p.map((v) => Math.min(1, n * v));
  if (method === "sidak") return p.map((v) => sidak(v, n));
  if (n === 1) return p.slice();
  // Ascending order, stable (R's order()).
  const ascending = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Array<number>(n);
  if (method === "holm" || method === "holm-sidak") {
    let running = 0;
    for (let k = 0; k < n; k++) {
      const i = ascending[k]!;
      const value = method === "holm" ? Math.min(1, (n - k) * p[i]!) : sidak(p[i]!, n - k);
      running = Math.max(running, value);
      out[i] = running;
    }
    return out;
  }
  if (method === "hommel" && n > 2) return hommel(p, ascending);
  // Step-up methods: R walks the values in decreasing order (a stable decreasing sort) with i = n, …, 1.
  const descending = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]!);
  let harmonic = 0;
  if (method === "benjamini-yekutieli") for (let k = 1; k <= n; k++) harmonic += 1 / k;
  let running = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const i = descending[k]!;
    const rank = n - k; // R's i (lp:1)
    let value: number;
    if (method === "benjamini-hochberg") value = (n / rank) * p[i]!;
    else if (method === "benjamini-yekutieli") value = ((harmonic * n) / rank) * p[i]!;
    else value = (n + 1 - rank) * p[i]!; // hochberg (and hommel with 2 values, as R)
    running = Math.min(running, value);
    out[i] = Math.min(1, running);
  }
  return out;
}

/** 1 − (1 − p)^k without cancellation for small p. */
function sidak(p: number, k: number): number {
  return -Math.expm1(k * Math.log1p(-p));
}

/** R `p.adjust(method = "hommel")`, line by line. */
function hommel(p0: readonly number[], order: readonly number[]): number[] {
  const n = p0.length;
  const p = order.map((i) => p0[i]!); // sorted ascending
  let initial = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) initial = Math.min(initial, (n * p[i]!) / (i + 1));
  const q = new Array<number>(n).fill(initial);
  const pa = new Array<number>(n).fill(initial);
  for (let m = n - 1; m >= 2; m--) {
    // i1 = 1..(n − m + 1), i2 = (n − m + 2)..n (1-based)
    let q1 = Number.POSITIVE_INFINITY;
    for (let k = 2; k <= m; k++) q1 = Math.min(q1, (m * p[n - m + k - 1]!) / k);
    for (let i = 0; i < n - m + 1; i++) q[i] = Math.min(m * p[i]!, q1);
    for (let i = n - m + 1; i < n; i++) q[i] = q[n - m]!;
    for (let i = 0; i < n; i++) pa[i] = Math.max(pa[i]!, q[i]!);
  }
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[order[k]!] = Math.max(pa[k]!, p[k]!);
  return out;
}
