import * as z from "zod/mini";
import { chiSquareSf } from "../distributions/chiSquare.js";
import { parseArguments } from "../internal/validate.js";
import { pearsonStatistic } from "./shared.js";

const NAME = "chiSquareTest";

const table = z
  .custom<readonly (readonly number[])[]>((v) => Array.isArray(v), { error: "must be an array of rows" })
  .check(
    z.superRefine((rows, ctx) => {
      if (rows.length < 2) {
        ctx.addIssue({ code: "custom", message: "must have at least 2 rows", input: rows });
        return;
      }
      const width = Array.isArray(rows[0]) ? rows[0].length : -1;
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length < 2 || row.length !== width) {
          ctx.addIssue({
            code: "custom",
            message: "must be an array of at least 2 counts, as long as the first row",
            path: [i],
            input: row,
          });
          return;
        }
        row.forEach((cell: unknown, j) => {
          if (typeof cell !== "number" || !Number.isFinite(cell) || cell < 0) {
            ctx.addIssue({ code: "custom", message: "must be a finite number >= 0", path: [i, j], input: cell });
          }
        });
      });
      if (ctx.issues.length > 0) return;
      rows.forEach((row, i) => {
        if (row.reduce((a, b) => a + b, 0) === 0)
          ctx.addIssue({ code: "custom", message: "row sums to 0 (a zero margin)", path: [i], input: row });
      });
      for (let j = 0; j < width; j++) {
        if (rows.every((row) => row[j] === 0))
          ctx.addIssue({ code: "custom", message: `column ${j} sums to 0 (a zero margin)`, input: rows });
      }
    }),
  );

const schema = z.object({
  table,
  options: z.strictObject(
    { continuityCorrection: z.optional(z.boolean({ error: "must be true or false" })) },
    { error: "must be an object of known options" },
  ),
});

/**
 * Options of {@link chiSquareTest}.
 *
 * @public
 */
export interface ChiSquareTestOptions {
  /**
   * Apply Yates' continuity correction to 2 × 2 tables (ignored for larger tables), as R `chisq.test`.
   * @defaultValue true
   */
  readonly continuityCorrection?: boolean;
}

/**
 * Result of {@link chiSquareTest}.
 *
 * @public
 */
export interface ChiSquareTestResult {
  /** The procedure in words (says whether Yates' correction was applied). */
  readonly method: string;
  /** Pearson's X² statistic. */
  readonly statistic: number;
  /** Degrees of freedom (r − 1)(c − 1). */
  readonly df: number;
  /** Upper-tail chi-square probability of the statistic. */
  readonly pValue: number;
  /** Whether Yates' correction was applied (2 × 2 table with a non-zero correction). */
  readonly continuityCorrection: boolean;
  /** Expected counts under independence, rowSum·colSum/n. */
  readonly expected: readonly (readonly number[])[];
  /** Pearson residuals (O − E)/√E. */
  readonly residuals: readonly (readonly number[])[];
  /** Standardized residuals (O − E)/√(E(1 − rowSum/n)(1 − colSum/n)) (R `stdres`). */
  readonly standardizedResiduals: readonly (readonly number[])[];
}

/**
 * Pearson's chi-square test of independence for an r × c contingency table.
 *
 * @remarks
 * With row sums R_i, column sums C_j, total n and expected counts E_ij = R_i C_j / n,
 *
 * ```math
 * X^2 = \sum_{i,j} \frac{(|O_{ij} - E_{ij}| - c)^2}{E_{ij}},\qquad \nu = (r-1)(c-1),\qquad p = P(\chi^2_\nu > X^2)
 * ```
 *
 * with c = min(½, min |O − E|) for a 2 × 2 table when `continuityCorrection` is on (R's rule), else 0.
 *
 * Method: one pass over the cells, compensated summation, p-value from the chi-square survival
 * function (regularized upper incomplete gamma), so small p-values keep their relative accuracy.
 * For a 2 × 2 table without correction X² equals the square of the pooled two-proportion z
 * (see {@link compareProportions}).
 *
 * Conforms to R `chisq.test(table, correct = continuityCorrection)` (statistic, df, p-value, expected,
 * residuals, stdres); fixtures in `test/fixtures/significance/chiSquareTest/`.
 *
 * @reference Pearson, K. 1900. "On the Criterion That a Given System of Deviations from the Probable in
 * the Case of a Correlated System of Variables Is Such That It Can Be Reasonably Supposed to Have Arisen
 * from Random Sampling." _Philosophical Magazine_ 50 (302): 157–75. doi:10.1080/14786440009463897
 * @reference Yates, F. 1934. "Contingency Tables Involving Small Numbers and the χ² Test." _Supplement to
 * the Journal of the Royal Statistical Society_ 1 (2): 217–35. doi:10.2307/2983604
 *
 * @param table - At least 2 rows of at least 2 non-negative counts each, all rows equally long, with no
 * row or column summing to 0.
 * @param options - See {@link ChiSquareTestOptions}.
 * @returns A {@link ChiSquareTestResult}.
 * @throws {@link InvalidArgumentError} if the table is ragged, smaller than 2 × 2, holds a negative or
 * non-finite cell, or has a zero margin; or an option is unknown.
 *
 * @example
 * ```ts
 * const r = chiSquareTest([[20, 30], [30, 20]]);
 * r.statistic; // ≈ 3.24 (with Yates' correction)
 * r.pValue;    // ≈ 0.071861
 * chiSquareTest([[20, 30], [30, 20]], { continuityCorrection: false }).statistic; // ≈ 4
 * ```
 * @see {@link sampleRatioMismatchTest}, {@link fisherExactTest}
 * @since 0.1.0
 * @public
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: ChiSquareTestOptions = {},
): ChiSquareTestResult {
  const args = parseArguments(NAME, schema, { table, options });
  const rows = args.table;
  const r = rows.length;
  const c = rows[0]!.length;
  const rowSums = rows.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: c }, (_, j) => rows.reduce((a, row) => a + row[j]!, 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const observed: number[] = [];
  const expectedFlat: number[] = [];
  const expected = rows.map((row, i) =>
    row.map((o, j) => {
      const e = (rowSums[i]! * colSums[j]!) / n;
      observed.push(o);
      expectedFlat.push(e);
      return e;
    }),
  );
  let correction = 0;
  if ((args.options.continuityCorrection ?? true) && r === 2 && c === 2) {
    correction = 0.5;
    for (let k = 0; k < 4; k++) correction = Math.min(correction, Math.abs(observed[k]! - expectedFlat[k]!));
  }
  const statistic = pearsonStatistic(observed, expectedFlat, correction);
  const df = (r - 1) * (c - 1);
  const residuals = rows.map((row, i) => row.map((o, j) => (o - expected[i]![j]!) / Math.sqrt(expected[i]![j]!)));
  const standardizedResiduals = rows.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i]![j]!;
      return (o - e) / Math.sqrt(e * (1 - rowSums[i]! / n) * (1 - colSums[j]! / n));
    }),
  );
  return {
    method: `Pearson's chi-square test of independence${correction > 0 ? " with Yates' continuity correction" : ""}`,
    statistic,
    df,
    pValue: chiSquareSf(statistic, df),
    continuityCorrection: correction > 0,
    expected,
    residuals,
    standardizedResiduals,
  };
}
