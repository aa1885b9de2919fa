import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/attribution/csv.js";

/** The records of `text`, failing the test on a syntax error. */
function records(text: string, delimiter = ","): Array<[number, string[]]> {
  const parsed = parseCsv(text, delimiter);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
  return parsed.records.map((r) => [r.line, r.fields]);
}

describe("parseCsv (adapter over Papa Parse)", () => {
  test("mixed CRLF / LF / CR line ends split records; line breaks inside quotes are kept verbatim", () => {
    const text = 'a,b\r\n"x\r\ny",1\n"p\rq\nr",2\rlast,3';
    expect(records(text)).toEqual([
      [1, ["a", "b"]],
      [2, ["x\r\ny", "1"]],
      [4, ["p\rq\nr", "2"]],
      [7, ["last", "3"]],
    ]);
  });

  test("only LF: no rewriting, line numbers count breaks inside quoted fields", () => {
    expect(records('h\n"1\n2\n3"\n\nz\n')).toEqual([
      [1, ["h"]],
      [2, ["1\n2\n3"]],
      [6, ["z"]],
    ]);
  });

  test("BOM dropped, blank lines (also a quoted empty line) skipped, trailing empty field kept", () => {
    expect(records('\uFEFFa,b\r\n\r\n""\r\n1,\r\n')).toEqual([
      [1, ["a", "b"]],
      [4, ["1", ""]],
    ]);
    expect(records("")).toEqual([]);
    expect(records("\uFEFF")).toEqual([]);
  });

  test("the delimiter is never guessed and quotes inside unquoted fields are literal", () => {
    expect(records("a;b\n1;2\n")).toEqual([
      [1, ["a;b"]],
      [2, ["1;2"]],
    ]);
    expect(records('a\tb"c\t"d""e"\n', "\t")).toEqual([[1, ["a", 'b"c', 'd"e']]]);
  });

  test("values are not typed and spaces are kept (outside quotes)", () => {
    expect(records(" 1 , true ,null,\n")).toEqual([[1, [" 1 ", " true ", "null", ""]]]);
  });

  test("Papa Parse leniency kept: spaces between a closing quote and the delimiter are dropped", () => {
    expect(records('"a" ,"b"  \n')).toEqual([[1, ["a", "b"]]]);
  });

  test("errors give the line on which the offending quoted field starts", () => {
    expect(parseCsv('h,i\n"x\ny",2\n3,"unterminated\n', ",")).toEqual({
      ok: false,
      line: 4,
      message: "unterminated quoted field",
    });
    expect(parseCsv('h,i\r\n1,2\r"a"b,1\r\n', ",")).toEqual({
      ok: false,
      line: 3,
      message: "a quoted field must be followed by a delimiter or a line end",
    });
  });

  test("delimiters Papa Parse would replace by a comma are refused", () => {
    for (const d of ['"', "\n", "\r", "\uFEFF", "", ";;"]) {
      expect(parseCsv("a,b\n", d)).toEqual({
        ok: false,
        line: 1,
        message: "the delimiter must be one character other than a quote, a line break or a byte-order mark",
      });
    }
  });
});
