/**
 * A small RFC 4180 CSV reader: quoted fields (with delimiters and line breaks inside), doubled quotes
 * as escapes, CRLF / LF / CR line ends, a leading byte-order mark, blank lines skipped. Written here
 * because the project has no CSV dependency; no Node APIs.
 *
 * @reference Shafranovich, Y. 2005. "Common Format and MIME Type for Comma-Separated Values (CSV)
 * Files." RFC 4180. IETF. doi:10.17487/RFC4180
 * @internal
 * @packageDocumentation
 */

/** One record and the (1-based) line on which it starts. @internal */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** The records, or the first syntax error. @internal */
export type CsvParseResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Parses `text` with a one-character `delimiter`. An unquoted field may contain quote characters
 * literally (as most readers allow); a quoted field must be followed by a delimiter or a line end.
 *
 * @internal
 */
export function parseCsv(text: string, delimiter: string): CsvParseResult {
  const d = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let atRecordStart = true;
  while (i <= n) {
    if (atRecordStart) {
      recordLine = line;
      fields = [];
      atRecordStart = false;
    }
    let field: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      // Quoted field.
      let out = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { ok: false, line: recordLine, message: "unterminated quoted field" };
        const chunk = text.slice(j, q);
        for (let k = 0; k < chunk.length; k++) {
          const c = chunk.charCodeAt(k);
          if (c === LF || (c === CR && chunk.charCodeAt(k + 1) !== LF)) line++;
        }
        out += chunk;
        if (text.charCodeAt(q + 1) === QUOTE) {
          out += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = out;
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c !== d && c !== CR && c !== LF) {
          return { ok: false, line, message: "a quoted field must be followed by a delimiter or a line end" };
        }
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === CR || c === LF) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);
    if (i >= n) {
      pushRecord(records, recordLine, fields);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) {
        fields.push("");
        pushRecord(records, recordLine, fields);
        break;
      }
      continue;
    }
    // Line end: CRLF, LF or CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    pushRecord(records, recordLine, fields);
    atRecordStart = true;
    if (i >= n) break;
  }
  return { ok: true, records };
}

function pushRecord(records: CsvRecord[], line: number, fields: string[]): void {
  // Blank lines (one empty unquoted field) are skipped.
  if (fields.length === 1 && fields[0] === "") return;
  records.push({ line, fields });
}
