/**
 * CSV reading for {@link parseJourneys} and the command line: a thin adapter over Papa Parse 5.7.1
 * (`papaparse`, MIT, no dependencies, runs in browsers, Deno and Node) that gives the records with
 * the physical line each starts on, or the first syntax error with its line.
 *
 * What it guarantees (RFC 4180 plus the usual relaxations): quoted fields may hold the delimiter,
 * line breaks and doubled quotes (`""`); CRLF, LF and CR line ends are accepted, even mixed in one
 * text; a leading byte-order mark is dropped; blank lines (a record of one empty field) are skipped;
 * an unquoted field may contain quote characters literally.
 *
 * How Papa Parse is configured and adapted:
 * - everything that Papa Parse would otherwise guess or convert is fixed: the delimiter is the
 *   caller's (never auto-detected; a delimiter Papa Parse would silently replace by `","` is
 *   refused), `quoteChar` and `escapeChar` are `"`, no header handling, no dynamic typing, no
 *   comment lines, no preview; blank lines are dropped here rather than by `skipEmptyLines`, so
 *   that line numbers can be counted;
 * - Papa Parse splits records on one newline sequence guessed from the text, so mixed line ends
 *   would be misread; every line break (CRLF, CR or LF) is therefore turned into LF before parsing,
 *   records are split on LF, and the original sequences are put back into quoted fields that hold
 *   line breaks (each LF in the output stands for the next line break of the input, in order);
 * - Papa Parse reports errors by record index and character offset, and keeps going after them; the
 *   first error is turned into the line on which the offending quoted field starts, with the
 *   messages "unterminated quoted field" (`MissingQuotes`) and "a quoted field must be followed by a
 *   delimiter or a line end" (`InvalidQuotes`).
 *
 * One leniency of Papa Parse is kept: spaces or tabs between a closing quote and the next delimiter
 * or line end are dropped (`"a" ,b` reads as `a`, `b`).
 *
 * The import is `papaparse/papaparse.min.js` (the browser build, without Node's `require("stream")`)
 * typed by the local declaration `papaparse.d.ts`, because `@types/papaparse` loads Node's types.
 *
 * @reference Shafranovich, Y. 2005. "Common Format and MIME Type for Comma-Separated Values (CSV)
 * Files." RFC 4180. IETF. doi:10.17487/RFC4180
 * @internal
 * @packageDocumentation
 */
import Papa from "papaparse/papaparse.min.js";

/** One record and the (1-based) line on which it starts. @internal */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** The records, or the first syntax error. @internal */
export type CsvParseResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const LINE_BREAK = /\r\n|\r|\n/g;

/** Delimiters Papa Parse does not accept (it would fall back to `","`). */
const BAD_DELIMITERS = '"\r\n\uFEFF';

/**
 * Parses `text` with a one-character `delimiter` (not a quote, a line break or a byte-order mark).
 * An unquoted field may contain quote characters literally (as most readers allow); a quoted field
 * must be followed by a delimiter or a line end (optionally after spaces).
 *
 * @internal
 */
export function parseCsv(text: string, delimiter: string): CsvParseResult {
  if (delimiter.length !== 1 || BAD_DELIMITERS.includes(delimiter)) {
    return {
      ok: false,
      line: 1,
      message: "the delimiter must be one character other than a quote, a line break or a byte-order mark",
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Original line breaks, in order; only needed when some are not LF.
  const breaks = body.includes("\r") ? (body.match(LINE_BREAK) ?? []) : undefined;
  const input = breaks === undefined ? body : body.replace(LINE_BREAK, "\n");
  const result = Papa.parse(input, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    comments: false,
    preview: 0,
  });
  const error = result.errors[0];
  if (error !== undefined) {
    return {
      ok: false,
      line: lineAt(input, error.index ?? input.length),
      message: errorMessage(error.code, error.message),
    };
  }
  const records: CsvRecord[] = [];
  let line = 1;
  let nextBreak = 0;
  for (const fields of result.data) {
    const start = line;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      if (!field.includes("\n")) continue;
      const parts = field.split("\n");
      line += parts.length - 1;
      if (breaks !== undefined) {
        let restored = parts[0]!;
        for (let p = 1; p < parts.length; p++) restored += breaks[nextBreak++]! + parts[p]!;
        fields[f] = restored;
      }
    }
    // The record's own line end (absent after the last record, where it no longer matters).
    line++;
    nextBreak++;
    // Blank lines (one empty field) are skipped.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields });
  }
  return { ok: true, records };
}

/** The 1-based line of offset `index` of `input`, whose line breaks are all LF. */
function lineAt(input: string, index: number): number {
  let line = 1;
  for (let at = input.indexOf("\n"); at >= 0 && at < index; at = input.indexOf("\n", at + 1)) line++;
  return line;
}

function errorMessage(code: string, fallback: string): string {
  if (code === "MissingQuotes") return "unterminated quoted field";
  if (code === "InvalidQuotes") return "a quoted field must be followed by a delimiter or a line end";
  return fallback;
}
