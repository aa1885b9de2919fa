import * as z from "zod/mini";
import { type InputIssue, InvalidArgumentError } from "../errors.js";
import { parseCsv } from "./csv.js";
import { splitPath } from "./journeyTable.js";
import { optionsObject, parseOptions, separatorSchema } from "./schemas.js";
import type { Journey } from "./types.js";

const columnName = (): z.ZodMiniString<string> =>
  z.string({ error: "must be a string" }).check(z.minLength(1, { error: "must not be empty" }));

const optionsSchema = optionsObject({
  pathColumn: z.optional(columnName()),
  conversionsColumn: z.optional(columnName()),
  valueColumn: z.optional(columnName()),
  nullsColumn: z.optional(columnName()),
  separator: z.optional(separatorSchema()),
  delimiter: z.optional(
    z.string({ error: "must be a string" }).check(
      z.length(1, { error: "must be one character" }),
      z.refine((d) => d !== '"' && d !== "\n" && d !== "\r", { error: "must not be a quote or a line break" }),
      z.refine((d) => d !== "\uFEFF", { error: "must not be a byte-order mark" }),
    ),
  ),
});

/**
 * Options of {@link parseJourneys}. Column names are matched exactly (after trimming the header
 * cells).
 *
 * @public
 */
export interface ParseJourneysOptions {
  /**
   * Column holding the path.
   * @defaultValue `"path"`
   */
  readonly pathColumn?: string;
  /**
   * Column holding the conversions.
   * @defaultValue `"total_conversions"`
   */
  readonly conversionsColumn?: string;
  /**
   * Column holding the conversion value; when omitted, `"total_conversion_value"` is used if the
   * header has it, else rows get no value.
   * @defaultValue `"total_conversion_value"` if present
   */
  readonly valueColumn?: string;
  /**
   * Column holding the non-converting journeys; when omitted, `"total_null"` is used if the header
   * has it, else rows get no nulls.
   * @defaultValue `"total_null"` if present
   */
  readonly nullsColumn?: string;
  /**
   * Separator of the channels inside a path (any length; names are trimmed).
   * @defaultValue `">"`
   */
  readonly separator?: string;
  /**
   * Field delimiter of the CSV (one character other than a quote, a line break or a byte-order
   * mark; never auto-detected; ChannelAttribution's `Data.csv` uses `";"`).
   * @defaultValue `","`
   */
  readonly delimiter?: string;
}

/**
 * Reads an aggregated path table from CSV text (ChannelAttribution / Google "top conversion paths"
 * style) into {@link Journey} rows.
 *
 * @remarks
 * The CSV is read per RFC 4180 with Papa Parse 5.7.1 (`papaparse`, a runtime dependency: a
 * widely used, maintained CSV parser with no dependencies that runs in browsers, Deno and Node,
 * chosen so the library does not carry a hand-rolled parser). It is configured so nothing is
 * guessed or converted (the delimiter is never auto-detected, values stay strings): fields may be
 * quoted, contain the delimiter, line breaks and doubled quotes (`""`); CRLF, LF and CR line ends
 * are accepted, even mixed; a leading byte-order mark is dropped; blank lines are skipped; spaces
 * between a closing quote and the next delimiter are ignored. The first record is the header.
 * Paths are split on `separator` and every name trimmed; counts must be plain decimal numbers
 * (`Number` syntax, surrounding spaces allowed) that are finite and non-negative. Rows are returned
 * in file order without aggregation (the models aggregate identical paths themselves). Method: one
 * pass, O(length of the text).
 *
 * @reference Holt, Matthew, and contributors. 2026. "Papa Parse." Version 5.7.1. https://www.papaparse.com/
 * @reference Shafranovich, Y. 2005. "Common Format and MIME Type for Comma-Separated Values (CSV)
 * Files." RFC 4180. IETF. doi:10.17487/RFC4180
 *
 * @param csvText - The CSV text (header first).
 * @param options - Column names and separators (see {@link ParseJourneysOptions}).
 * @returns One {@link Journey} per data record, with `path` as an array of channel names and `value`
 * / `nulls` only when those columns exist.
 * @throws {@link InvalidArgumentError} for a CSV syntax error (unterminated quote, text after a
 * closing quote), a missing column, a record with the wrong number of fields, an empty channel name
 * or a count that is not a finite number >= 0 — naming the line and the column.
 *
 * @example
 * ```ts
 * const csv = '\uFEFFpath,total_conversions,total_conversion_value,total_null\r\n' +
 *   '"Paid, Search > Email",3,120.5,7\r\n' +
 *   'Direct,1,30,2\r\n';
 * parseJourneys(csv);
 * // [{ path: ["Paid, Search", "Email"], conversions: 3, value: 120.5, nulls: 7 },
 * //  { path: ["Direct"], conversions: 1, value: 30, nulls: 2 }]
 * ```
 * @see {@link markovAttribution}, {@link heuristicAttribution}
 * @since 0.1.0
 * @public
 */
export function parseJourneys(csvText: string, options: ParseJourneysOptions = {}): Journey[] {
  const fn = "parseJourneys";
  const o = parseOptions(fn, optionsSchema, options);
  if (typeof csvText !== "string") {
    throw new InvalidArgumentError(fn, [{ path: ["csvText"], message: "must be a string", code: "invalid_type" }]);
  }
  const parsed = parseCsv(csvText, o.delimiter ?? ",");
  if (!parsed.ok) {
    throw new InvalidArgumentError(fn, [
      { path: ["csvText", `line ${parsed.line}`], message: parsed.message, code: "invalid_csv" },
    ]);
  }
  const records = parsed.records;
  const header = records[0];
  if (header === undefined) {
    throw new InvalidArgumentError(fn, [{ path: ["csvText"], message: "must have a header row", code: "invalid_csv" }]);
  }
  const names = header.fields.map((h) => h.trim());
  const issues: InputIssue[] = [];
  const find = (column: string, option: string, required: boolean): number => {
    const at = names.indexOf(column);
    if (at < 0 && required) {
      issues.push({
        path: ["options", option],
        message: `column "${column}" not found in the header (${names.map((x) => `"${x}"`).join(", ")})`,
        code: "missing_column",
      });
    }
    return at;
  };
  const pathAt = find(o.pathColumn ?? "path", "pathColumn", true);
  const conversionsAt = find(o.conversionsColumn ?? "total_conversions", "conversionsColumn", true);
  const valueAt = find(o.valueColumn ?? "total_conversion_value", "valueColumn", o.valueColumn !== undefined);
  const nullsAt = find(o.nullsColumn ?? "total_null", "nullsColumn", o.nullsColumn !== undefined);
  if (issues.length > 0) throw new InvalidArgumentError(fn, issues);

  const separator = o.separator ?? ">";
  const out: Journey[] = [];
  let issueCount = 0;
  const fail = (line: number, column: string, message: string): void => {
    issueCount++;
    if (issues.length < 20) issues.push({ path: ["csvText", `line ${line}`, column], message, code: "invalid_row" });
  };
  const count = (cell: string, line: number, column: string): number => {
    const text = cell.trim();
    const v = text === "" ? Number.NaN : Number(text);
    if (!(Number.isFinite(v) && v >= 0)) {
      fail(line, column, `must be a finite number >= 0 (got "${cell}")`);
      return 0;
    }
    return v;
  };
  for (let k = 1; k < records.length; k++) {
    const { line, fields } = records[k]!;
    if (fields.length !== names.length) {
      fail(line, "record", `has ${fields.length} fields, the header has ${names.length}`);
      continue;
    }
    const pathText = fields[pathAt]!;
    const path = splitPath(pathText, separator);
    if (path.some((name) => name === "")) {
      fail(line, names[pathAt]!, `empty channel name in "${pathText}" (check the separator "${separator}")`);
      continue;
    }
    const conversions = count(fields[conversionsAt]!, line, names[conversionsAt]!);
    const row: { path: string[]; conversions: number; value?: number; nulls?: number } = { path, conversions };
    if (valueAt >= 0) row.value = count(fields[valueAt]!, line, names[valueAt]!);
    if (nullsAt >= 0) row.nulls = count(fields[nullsAt]!, line, names[nullsAt]!);
    out.push(row);
  }
  if (issueCount > 0) {
    if (issueCount > issues.length) {
      issues.push({ path: ["csvText"], message: `… and ${issueCount - issues.length} more issues`, code: "more" });
    }
    throw new InvalidArgumentError(fn, issues);
  }
  return out;
}
