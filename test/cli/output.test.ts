import { describe, expect, it } from "vitest";
import { toNumber } from "../../src/cli/args.js";
import {
  csvField,
  formatCount,
  formatNumber,
  formatPercent,
  formatPValue,
  renderReport,
  toJson,
} from "../../src/cli/output.js";

describe("percentages and numbers on the command line", () => {
  it("10% is 0.10 and a bare 0.1 stays 0.1", async () => {
    expect(toNumber("mde", "10%", { percent: true })).toBe(0.1);
    expect(toNumber("mde", "0.1", { percent: true })).toBe(0.1);
    expect(toNumber("mde", "0.3%", { percent: true })).toBe(0.003);
    expect(toNumber("mde", "12.5 %", { percent: true })).toBe(0.125);
    expect(toNumber("mde", "-5%", { percent: true })).toBe(-0.05);
    expect(toNumber("alpha", "5e-2")).toBe(0.05);
    expect(toNumber("daily", "20_000")).toBe(20000);
  });

  it("rejects what is not a number, naming the flag", async () => {
    expect(() => toNumber("mde", "10%")).toThrow('--mde: must be a plain number, not a percentage (got "10%")');
    expect(() => toNumber("mde", "ten", { percent: true })).toThrow(
      '--mde: must be a number or a percentage (got "ten")',
    );
    expect(() => toNumber("n", "")).toThrow('--n: must be a number (got "")');
    expect(() => toNumber("n", "1,000")).toThrow("--n: must be a number");
    expect(() => toNumber("n", "Infinity")).toThrow("--n: must be a number");
    expect(() => toNumber("n", "1e999")).toThrow("--n: must be a finite number");
    expect(() => toNumber("n", "10.5", { integer: true })).toThrow('--n: must be a whole number (got "10.5")');
  });
});

describe("formatting for people", () => {
  it("numbers, counts, percentages and p-values", async () => {
    expect(formatNumber(0.0050000000000000044)).toBe("0.005");
    expect(formatNumber(1.02468)).toBe("1.025");
    expect(formatNumber(25000, 6)).toBe("25,000");
    expect(formatNumber(123456.7)).toBe("123,457");
    expect(formatNumber(5.4e-7)).toBe("5.4e-7");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("Inf");
    expect(formatCount(62468)).toBe("62,468");
    expect(formatCount(-1234567)).toBe("-1,234,567");
    expect(formatPercent(0.056)).toBe("5.60 %");
    expect(formatPercent(0.12, 1, true)).toBe("+12.0 %");
    expect(formatPercent(-0.0000001, 2, true)).toBe("0.00 %");
    expect(formatPValue(0.0083)).toBe("0.0083");
    expect(formatPValue(3.5e-42)).toBe("3.5e-42");
  });

  it("CSV fields are quoted per RFC 4180", async () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("JSON keeps infinities as strings", async () => {
    expect(JSON.parse(toJson({ lower: Number.NEGATIVE_INFINITY, upper: 1, x: new Float64Array([1, 2]) }))).toEqual({
      lower: "-Infinity",
      upper: 1,
      x: [1, 2],
    });
  });

  it("renders one report as text, markdown, CSV and JSON", async () => {
    const report = {
      json: { a: 1 },
      tables: [
        {
          title: "T",
          columns: [{ name: "name" }, { name: "value", align: "right" as const }],
          rows: [
            [
              { text: "a|b", value: "a|b" },
              { text: "1.5 %", value: 0.015 },
            ],
          ],
          notes: ["note"],
        },
      ],
      summary: ["In words."],
    };
    expect(renderReport(report, "text")).toBe("T\n\nname  value\n----  -----\na|b   1.5 %\n\nnote\n\nIn words.\n");
    expect(renderReport(report, "markdown")).toBe(
      "### T\n\n| name | value |\n| :--- | ---: |\n| a\\|b | 1.5 % |\n\nnote\n\nIn words.\n",
    );
    expect(renderReport(report, "csv")).toBe("name,value\r\na|b,0.015\r\n");
    expect(renderReport(report, "json")).toBe('{\n  "a": 1\n}\n');
  });
});
