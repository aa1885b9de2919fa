import { describe, expect, test } from "vitest";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import { parseJourneys } from "../../src/attribution/parseJourneys.js";
import { expectThrowsNaming } from "./helpers.js";

describe("parseJourneys", () => {
  test("documented example: BOM, CRLF, a quoted field with the delimiter", () => {
    const csv =
      "\uFEFFpath,total_conversions,total_conversion_value,total_null\r\n" +
      '"Paid, Search > Email",3,120.5,7\r\n' +
      "Direct,1,30,2\r\n";
    expect(parseJourneys(csv)).toEqual([
      { path: ["Paid, Search", "Email"], conversions: 3, value: 120.5, nulls: 7 },
      { path: ["Direct"], conversions: 1, value: 30, nulls: 2 },
    ]);
  });

  test("quoted fields hold line breaks and doubled quotes; LF, CR and no final line end", () => {
    const csv = 'path,total_conversions\n"say ""hi"" > multi\nline",2\r"a > b",  4  ';
    expect(parseJourneys(csv)).toEqual([
      { path: ['say "hi"', "multi\nline"], conversions: 2 },
      { path: ["a", "b"], conversions: 4 },
    ]);
  });

  test("blank lines are skipped and line numbers in errors count physical lines", () => {
    const csv = 'path,total_conversions\n\n"x\ny",1\n\nz,-1\n';
    expectThrowsNaming(() => parseJourneys(csv), "parseJourneys", [
      'csvText.line 6.total_conversions: must be a finite number >= 0 (got "-1")',
    ]);
    expect(parseJourneys('path,total_conversions\n\n"x\ny",1\n\n')).toEqual([{ path: ["x\ny"], conversions: 1 }]);
  });

  test("ChannelAttribution-style ';' file, custom columns and a multi-character separator", () => {
    const csv = "journey;conv;revenue;lost\nalpha -> __proto__ -> constructor;2;10.5;0\ntoString;0;0;3\n";
    const rows = parseJourneys(csv, {
      delimiter: ";",
      pathColumn: "journey",
      conversionsColumn: "conv",
      valueColumn: "revenue",
      nullsColumn: "lost",
      separator: "->",
    });
    expect(rows).toEqual([
      { path: ["alpha", "__proto__", "constructor"], conversions: 2, value: 10.5, nulls: 0 },
      { path: ["toString"], conversions: 0, value: 0, nulls: 3 },
    ]);
    expect(markovAttribution(rows).channels.map((c) => c.channel)).toEqual([
      "alpha",
      "__proto__",
      "constructor",
      "toString",
    ]);
  });

  test("optional columns absent by default give rows without value or nulls; empty fields at line end", () => {
    expect(parseJourneys("path,total_conversions,note\na,1,\n")).toEqual([{ path: ["a"], conversions: 1 }]);
    expect(parseJourneys("path,total_conversions\n")).toEqual([]);
  });

  test("syntax errors name the line", () => {
    expectThrowsNaming(() => parseJourneys('path,total_conversions\n"a,1\n'), "parseJourneys", [
      "csvText.line 2: unterminated quoted field",
    ]);
    expectThrowsNaming(() => parseJourneys('path,total_conversions\n"a"b,1\n'), "parseJourneys", [
      "csvText.line 2: a quoted field must be followed by a delimiter or a line end",
    ]);
    expectThrowsNaming(() => parseJourneys(""), "parseJourneys", ["csvText: must have a header row"]);
    expectThrowsNaming(() => parseJourneys(3 as never), "parseJourneys", ["csvText: must be a string"]);
  });

  test("missing columns, bad records and bad cells are all named", () => {
    expectThrowsNaming(() => parseJourneys("p,c\na,1\n", { valueColumn: "v" }), "parseJourneys", [
      'options.pathColumn: column "path" not found in the header ("p", "c")',
      'options.conversionsColumn: column "total_conversions" not found',
      'options.valueColumn: column "v" not found',
    ]);
    expectThrowsNaming(
      () => parseJourneys("path,total_conversions,total_null\na,1\nb,x,1\n>,1,1\nc,1,\nd,Infinity,0\n"),
      "parseJourneys",
      [
        "csvText.line 2.record: has 2 fields, the header has 3",
        'csvText.line 3.total_conversions: must be a finite number >= 0 (got "x")',
        'csvText.line 4.path: empty channel name in ">" (check the separator ">")',
        'csvText.line 5.total_null: must be a finite number >= 0 (got "")',
        'csvText.line 6.total_conversions: must be a finite number >= 0 (got "Infinity")',
      ],
    );
    const many = `path,total_conversions\n${"a,-1\n".repeat(25)}`;
    expectThrowsNaming(() => parseJourneys(many), "parseJourneys", ["and 5 more issues"]);
  });

  test("options are checked", () => {
    expectThrowsNaming(
      () =>
        parseJourneys("path,total_conversions\n", {
          delimiter: ";;",
          separator: "",
          pathColumn: "",
          sep: ",",
        } as never),
      "parseJourneys",
      [
        "options.delimiter: must be one character",
        "options.separator: must not be empty",
        "options.pathColumn: must not be empty",
        'options: unknown option "sep"',
      ],
    );
    expectThrowsNaming(() => parseJourneys("path\n", { delimiter: '"' }), "parseJourneys", [
      "options.delimiter: must not be a quote or a line break",
    ]);
    expectThrowsNaming(() => parseJourneys("path\n", { delimiter: "\uFEFF" }), "parseJourneys", [
      "options.delimiter: must not be a byte-order mark",
    ]);
  });

  test("the delimiter is not guessed: a ';' file read with ',' has one column", () => {
    expectThrowsNaming(() => parseJourneys("path;total_conversions\na;1\n"), "parseJourneys", [
      'options.pathColumn: column "path" not found in the header ("path;total_conversions")',
    ]);
  });

  test("line numbers stay right with mixed line ends and quoted line breaks", () => {
    const csv = 'path,total_conversions\r\n"a\r\n > b",1\n\r"c",x\r\n';
    expectThrowsNaming(() => parseJourneys(csv), "parseJourneys", [
      'csvText.line 5.total_conversions: must be a finite number >= 0 (got "x")',
    ]);
  });
});
