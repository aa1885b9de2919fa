/**
 * Everything the command line prints: a command returns a {@link Report} (tables for people, a
 * JSON payload for programs) and {@link renderReport} writes it as an aligned text table, markdown,
 * CSV or JSON. The number formatting of the tables lives here too, in one place; readout sentences
 * come from the report area's `formatResult` where it describes the result ({@link readoutSentences}).
 *
 * @packageDocumentation
 */
import { describeResult } from "../report/formatResult.js";
import type { ReportableResult, VegaLiteSpec } from "../report/index.js";
import { UsageError } from "./errors.js";

/** Output formats. */
export type OutputFormat = "text" | "markdown" | "csv" | "json";

/** Output formats, in help order. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "markdown", "csv", "json"];

/** One table cell: what a person reads, and the raw value a machine reads (CSV). */
export interface Cell {
  readonly text: string;
  readonly value: string | number | boolean | null;
  /** Raw values that CSV writes as columns of their own ("95 % CI lower", "95 % CI upper"). */
  readonly parts?: readonly { readonly suffix: string; readonly value: number }[];
}

/** A column header. */
export interface Column {
  readonly name: string;
  /** Numbers are right-aligned. */
  readonly align?: "left" | "right";
}

/** A heading that opens a part of a longer report (the steps of `demo`). */
export interface Section {
  readonly heading: string;
  /** The command line that reproduces the part. */
  readonly command?: string;
}

/** A titled table. */
export interface Table {
  /** Printed before the table when it opens a new part (not in CSV). */
  readonly section?: Section;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Lines printed under the table (not in CSV). */
  readonly notes?: readonly string[];
}

/** What a command produced. */
export interface Report {
  /** The payload of `--format json`: the library results, as they are. */
  readonly json: unknown;
  /** The tables of the text, markdown and CSV formats. */
  readonly tables: readonly Table[];
  /** Closing lines for people (text and markdown only): the readout in words. */
  readonly summary?: readonly string[];
  /** The chart of the result, built only when `--plot` asks for it (written by `run`). */
  readonly chart?: VegaLiteSpec;
}

/** Renders a report in the given format; the text always ends with a newline. */
export function renderReport(report: Report, format: OutputFormat): string {
  switch (format) {
    case "json":
      return `${toJson(report.json)}\n`;
    case "csv":
      // Tables one after the other, a blank line between them (CRLF throughout, as RFC 4180).
      return report.tables.map(renderCsvTable).join("\r\n");
    case "markdown":
      return joinBlocks([...report.tables.map(renderMarkdownTable), ...summaryBlock(report.summary)]);
    case "text":
      return joinBlocks([...report.tables.map(renderTextTable), ...summaryBlock(report.summary)]);
  }
}

function summaryBlock(summary: readonly string[] | undefined): string[] {
  return summary === undefined || summary.length === 0 ? [] : [summary.join("\n")];
}

function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.join("\n\n")}\n`;
}

/**
 * JSON with non-finite numbers kept: `Infinity`, `-Infinity` and `NaN` become the strings
 * `"Infinity"`, `"-Infinity"` and `"NaN"` (plain JSON would turn them into `null`), as in the
 * project's fixtures; typed arrays become arrays.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    },
    2,
  );
}

/** The `--format`/`--json` choice. */
export function outputFormat(format: string | undefined, json: boolean): OutputFormat {
  if (json) {
    if (format !== undefined && format !== "json") throw new UsageError(`--json and --format ${format} disagree`);
    return "json";
  }
  if (format === undefined) return "text";
  if ((OUTPUT_FORMATS as readonly string[]).includes(format)) return format as OutputFormat;
  throw new UsageError(`--format: must be one of ${OUTPUT_FORMATS.join(", ")} (got "${format}")`);
}

/**
 * The readout of a library result in words, as the report area's `formatResult` writes it (its
 * summary sentences, without its tables: the command's own tables carry the numbers).
 */
export function readoutSentences(result: ReportableResult): string[] {
  return [...describeResult(result, "formatResult").summary];
}

// ---------------------------------------------------------------------------------------------
// Renderers

function renderTextTable(table: Table): string {
  const headers = table.columns.map((c) => c.name);
  const widths = headers.map((h, j) => Math.max(width(h), ...table.rows.map((r) => width(r[j]?.text ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((text, j) => {
        const pad = " ".repeat(Math.max(0, widths[j]! - width(text)));
        return table.columns[j]?.align === "right" ? pad + text : text + pad;
      })
      .join("  ")
      .trimEnd();
  const out = [table.title, "", line(headers), widths.map((w) => "-".repeat(w)).join("  ")];
  if (table.section !== undefined) {
    const { heading, command } = table.section;
    out.unshift(`== ${heading}`, ...(command === undefined ? [] : [`$ ${command}`]), "");
  }
  for (const row of table.rows) out.push(line(row.map((c) => c.text)));
  if ((table.notes ?? []).length > 0) out.push("", ...(table.notes ?? []));
  return out.join("\n");
}

/** Display width: code points, so "σ" and "−" count as one column. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function renderMarkdownTable(table: Table): string {
  const esc = (s: string): string => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
  const out = [
    ...(table.section === undefined
      ? []
      : [
          `## ${table.section.heading}`,
          "",
          ...(table.section.command === undefined ? [] : ["```sh", table.section.command, "```", ""]),
        ]),
    `### ${table.title}`,
    "",
    `| ${table.columns.map((c) => esc(c.name)).join(" | ")} |`,
    `| ${table.columns.map((c) => (c.align === "right" ? "---:" : ":---")).join(" | ")} |`,
    ...table.rows.map((r) => `| ${r.map((c) => esc(c.text)).join(" | ")} |`),
  ];
  if ((table.notes ?? []).length > 0) out.push("", ...(table.notes ?? []));
  return out.join("\n");
}

function renderCsvTable(table: Table): string {
  // A column whose cells have parts (intervals) becomes one column per part.
  const suffixes = table.columns.map((_, j) => table.rows.find((r) => r[j]?.parts !== undefined)?.[j]?.parts);
  const header = table.columns.flatMap((c, j) => suffixes[j]?.map((p) => `${c.name} ${p.suffix}`) ?? [c.name]);
  const lines = [header.map(csvField).join(",")];
  for (const row of table.rows) {
    const fields = table.columns.flatMap((_, j) => {
      const cell = row[j] ?? EMPTY;
      const parts = suffixes[j];
      if (parts === undefined) return [rawText(cell.value)];
      return parts.map((_p, k) => (cell.parts?.[k] === undefined ? "" : String(cell.parts[k]!.value)));
    });
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function rawText(value: Cell["value"]): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return String(value);
}

/** An RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------------------------------------------------------------------------------------------
// Cells and number formatting for people

/** A text cell (also its raw value). */
export function textCell(text: string): Cell {
  return { text, value: text };
}

/** An empty cell. */
export const EMPTY: Cell = { text: "", value: null };

/** A number shown with `digits` significant figures. */
export function numberCell(value: number, digits = 4): Cell {
  return { text: formatNumber(value, digits), value };
}

/** A count shown with thousands separators. */
export function countCell(value: number): Cell {
  return { text: formatCount(value), value };
}

/** A fraction shown as a percentage. */
export function percentCell(value: number, decimals = 2): Cell {
  return { text: formatPercent(value, decimals), value };
}

/** A change shown as a signed percentage. */
export function signedPercentCell(value: number, decimals = 2): Cell {
  return { text: formatPercent(value, decimals, true), value };
}

/** A p-value. */
export function pValueCell(value: number): Cell {
  return { text: formatPValue(value), value };
}

/** A yes/no cell. */
export function booleanCell(value: boolean): Cell {
  return { text: value ? "yes" : "no", value };
}

/** `value` with `digits` significant figures, trailing zeros dropped; "Inf" and "-Inf" for infinities. */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Inf" : "-Inf";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-4) return value.toExponential(digits - 1).replace(/\.?0+e/, "e");
  if (abs >= 10 ** digits) return formatCount(Math.round(value));
  const text = value.toPrecision(digits);
  const trimmed = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  return abs >= 1000 ? trimmed.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")) : trimmed;
}

/** An integer with thousands separators: 20000 → "20,000". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const sign = value < 0 ? "-" : "";
  const [int, frac] = Math.abs(value).toString().split(".");
  const grouped = (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac === undefined ? "" : `.${frac}`);
}

/** A fraction as a percentage: 0.056 → "5.60 %", with a sign when `signed` ("+12.00 %"). */
export function formatPercent(value: number, decimals = 2, signed = false): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  let text = (value * 100).toFixed(decimals);
  if (/^-0\.?0*$/.test(text)) text = text.slice(1);
  const sign = signed && !text.startsWith("-") && Number(text) !== 0 ? "+" : "";
  return `${sign}${text} %`;
}

/** A p-value: 4 decimals down to 0.0001, then scientific ("3.5e-42"). */
export function formatPValue(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  if (value === 0) return "0";
  if (value < 1e-4) return value.toExponential(1);
  return value.toFixed(4);
}

/** An interval "[lower, upper]" with a formatter for each bound. */
export function formatInterval(lower: number, upper: number, format: (x: number) => string): string {
  return `[${format(lower)}, ${format(upper)}]`;
}

/** An interval cell; CSV writes its bounds as two columns, at full precision. */
export function intervalCell(lower: number, upper: number, format: (x: number) => string): Cell {
  return {
    text: formatInterval(lower, upper, format),
    value: null,
    parts: [
      { suffix: "lower", value: lower },
      { suffix: "upper", value: upper },
    ],
  };
}

/** A two-column table of labelled values. */
export function keyValueTable(title: string, rows: readonly (readonly [string, Cell])[], notes?: string[]): Table {
  return {
    title,
    columns: [{ name: "quantity" }, { name: "value", align: "right" }],
    rows: rows.map(([label, cell]) => [textCell(label), cell]),
    ...(notes === undefined ? {} : { notes }),
  };
}
