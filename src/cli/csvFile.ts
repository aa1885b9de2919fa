/**
 * CSV input files of the command line, read with the library's CSV reader (`src/attribution/csv.ts`,
 * an adapter over Papa Parse 5.7.1); every problem is reported with the file, the line and the
 * column.
 *
 * @packageDocumentation
 */
import { parseCsv } from "../attribution/csv.js";
import { DataError } from "./errors.js";
import { type CliIo, readTextFile } from "./io.js";

/** One data row and the (1-based) line of the file it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A CSV file: its header (trimmed names) and data rows. */
export interface CsvFile {
  readonly path: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Reads and parses a CSV file (header first). */
export function readCsvFile(io: CliIo, path: string, delimiter = ","): CsvFile {
  return parseCsvText(readTextFile(io, path), path, delimiter);
}

/** Parses CSV text that came from `path` (used for messages). */
export function parseCsvText(text: string, path: string, delimiter = ","): CsvFile {
  const parsed = parseCsv(text, delimiter);
  if (!parsed.ok) throw new DataError(`${path}: line ${parsed.line}: ${parsed.message}`);
  const [first, ...rest] = parsed.records;
  if (first === undefined) throw new DataError(`${path}: the file is empty (a header row is needed)`);
  const header = first.fields.map((h) => h.trim());
  for (const row of rest) {
    if (row.fields.length !== header.length) {
      throw new DataError(
        `${path}: line ${row.line}: has ${row.fields.length} fields, the header (line ${first.line}) has ${header.length}`,
      );
    }
  }
  if (rest.length === 0) throw new DataError(`${path}: no data rows under the header`);
  return { path, header, rows: rest };
}

/** Whether the header has every one of `names` (case-insensitive). */
export function hasColumns(file: CsvFile, names: readonly string[]): boolean {
  return names.every((name) => columnAt(file, name) >= 0);
}

/** Index of a column (case-insensitive), or -1. */
export function columnAt(file: CsvFile, name: string): number {
  const lower = name.toLowerCase();
  return file.header.findIndex((h) => h.toLowerCase() === lower);
}

/** Index of a column that must exist. */
export function requireColumn(file: CsvFile, name: string): number {
  const at = columnAt(file, name);
  if (at < 0) {
    throw new DataError(`${file.path}: column "${name}" not found in the header (${file.header.join(", ")})`);
  }
  return at;
}

/** What a numeric cell must be. */
export interface CellRule {
  readonly integer?: boolean;
  readonly min?: number;
}

/** The text of a cell (trimmed). */
export function cellText(row: CsvRow, column: number): string {
  return (row.fields[column] ?? "").trim();
}

/** A numeric cell, or a {@link DataError} naming file, line and column. */
export function cellNumber(file: CsvFile, row: CsvRow, column: number, rule: CellRule = {}): number {
  const raw = cellText(row, column);
  const value = raw === "" ? Number.NaN : Number(raw);
  const what =
    rule.integer === true
      ? `a whole number${rule.min === undefined ? "" : ` >= ${rule.min}`}`
      : `a finite number${rule.min === undefined ? "" : ` >= ${rule.min}`}`;
  const ok =
    Number.isFinite(value) &&
    (rule.integer !== true || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min);
  if (!ok) throw cellError(file, row, column, `must be ${what} (got "${row.fields[column] ?? ""}")`);
  return value;
}

/** A {@link DataError} about one cell. */
export function cellError(file: CsvFile, row: CsvRow, column: number, message: string): DataError {
  return new DataError(`${file.path}: line ${row.line}, column "${file.header[column] ?? column + 1}": ${message}`);
}
