/**
 * Reading a results file with one row per arm: `variant,visitors,conversions` (conversion rates) or
 * `variant,n,mean,sd` (means). Every bad cell is reported with the file, line and column.
 *
 * @packageDocumentation
 */
import type { MeanSummary, ProportionData } from "../../types.js";
import { type CsvFile, type CsvRow, cellError, cellNumber, cellText, columnAt, requireColumn } from "../csvFile.js";
import { DataError, UsageError } from "../errors.js";

/** One arm of a conversion-rate experiment. */
export interface ProportionArm extends ProportionData {
  readonly variant: string;
  readonly line: number;
}

/** One arm of an experiment on a mean. */
export interface MeanArm extends MeanSummary {
  readonly variant: string;
  readonly line: number;
}

/** The arms of a results file. */
export type Arms =
  | { readonly kind: "proportions"; readonly arms: readonly ProportionArm[] }
  | { readonly kind: "means"; readonly arms: readonly MeanArm[] };

/** Reads the arms of a results file, whichever of the two layouts it has: unique variants, at least two. */
export function readArms(file: CsvFile): Arms {
  const arms = readArmRows(file);
  const seen = new Map<string, number>();
  for (const arm of arms.arms) {
    const earlier = seen.get(arm.variant);
    if (earlier !== undefined) {
      throw new DataError(
        `${file.path}: line ${arm.line}, column "variant": "${arm.variant}" already appears on line ${earlier}`,
      );
    }
    seen.set(arm.variant, arm.line);
  }
  if (arms.arms.length < 2) throw new DataError(`${file.path}: needs at least two arms (a control and a treatment)`);
  return arms;
}

/** Reads one arm per row (a variant may repeat, as in the looks of `monitor`). */
export function readArmRows(file: CsvFile): Arms {
  const variantAt = requireColumn(file, "variant");
  const variant = (row: CsvRow): string => {
    const name = cellText(row, variantAt);
    if (name === "") throw cellError(file, row, variantAt, "must not be empty");
    return name;
  };
  let arms: Arms;
  if (columnAt(file, "visitors") >= 0 || columnAt(file, "conversions") >= 0) {
    const visitorsAt = requireColumn(file, "visitors");
    const conversionsAt = requireColumn(file, "conversions");
    arms = {
      kind: "proportions",
      arms: file.rows.map((row) => {
        const visitors = cellNumber(file, row, visitorsAt, { integer: true, min: 1 });
        const conversions = cellNumber(file, row, conversionsAt, { integer: true, min: 0 });
        if (conversions > visitors) {
          throw cellError(file, row, conversionsAt, `must be <= visitors (${conversions} > ${visitors})`);
        }
        return { variant: variant(row), visitors, conversions, line: row.line };
      }),
    };
  } else if (columnAt(file, "n") >= 0 || columnAt(file, "mean") >= 0 || columnAt(file, "sd") >= 0) {
    const nAt = requireColumn(file, "n");
    const meanAt = requireColumn(file, "mean");
    const sdAt = requireColumn(file, "sd");
    arms = {
      kind: "means",
      arms: file.rows.map((row) => ({
        variant: variant(row),
        n: cellNumber(file, row, nAt, { integer: true, min: 2 }),
        mean: cellNumber(file, row, meanAt),
        sd: cellNumber(file, row, sdAt, { min: 0 }),
        line: row.line,
      })),
    };
  } else {
    throw new DataError(
      `${file.path}: expected the columns variant,visitors,conversions or variant,n,mean,sd (found ${file.header.join(", ")})`,
    );
  }
  return arms;
}

/** The control arm (named, or the first row) and the others in file order. */
export function splitControl<A extends { readonly variant: string }>(
  path: string,
  arms: readonly A[],
  controlName: string | undefined,
): { control: A; treatments: A[] } {
  const index = controlName === undefined ? 0 : arms.findIndex((a) => a.variant === controlName);
  if (index < 0) {
    throw new UsageError(
      `--control: ${path} has no variant named "${controlName}" (variants: ${arms.map((a) => a.variant).join(", ")})`,
    );
  }
  return { control: arms[index]!, treatments: arms.filter((_, i) => i !== index) };
}
