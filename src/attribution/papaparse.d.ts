/**
 * Local type declaration for the one Papa Parse function the library uses (synchronous
 * `Papa.parse` of a string), for papaparse 5.7.1.
 *
 * Why not `@types/papaparse`: its `index.d.ts` starts with `/// <reference types="node" />` and
 * imports `Duplex` from `"stream"`, so importing `"papaparse"` anywhere under `src/` would load
 * `@types/node` into the runtime-neutral type check (`"types": []`). The library therefore imports
 * papaparse's browser build `papaparse/papaparse.min.js` (a UMD file that sets `module.exports`,
 * the same code as `papaparse.js` minus Node's `require("stream")`), which no type package covers,
 * and declares here only what `csv.ts` calls. See https://www.papaparse.com/docs#config.
 *
 * @internal
 * @packageDocumentation
 */
declare module "papaparse/papaparse.min.js" {
  /** The subset of Papa Parse's parse configuration that `csv.ts` sets. */
  interface PapaParseConfig {
    readonly delimiter: string;
    readonly newline: "\n" | "\r" | "\r\n";
    readonly quoteChar: string;
    readonly escapeChar: string;
    readonly header: false;
    readonly dynamicTyping: false;
    readonly skipEmptyLines: false;
    readonly comments: false;
    readonly preview: 0;
  }
  /** A parse error: `code` is e.g. `"MissingQuotes"` or `"InvalidQuotes"`. */
  interface PapaParseError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    /** Index of the record (in `data`) being read. */
    readonly row?: number;
    /** Offset in the input where the offending field's content starts. */
    readonly index?: number;
  }
  /** The result of a synchronous parse without a header row. */
  interface PapaParseResult {
    readonly data: string[][];
    readonly errors: PapaParseError[];
  }
  const Papa: {
    parse(input: string, config: PapaParseConfig): PapaParseResult;
  };
  export = Papa;
}
