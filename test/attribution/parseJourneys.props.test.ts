import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { parseJourneys } from "../../src/attribution/parseJourneys.js";

const nameArb = fc
  .string({
    minLength: 1,
    maxLength: 8,
    unit: fc.constantFrom("a", "Z", " ", ",", ";", '"', "\n", "\r\n", "ü", "_", "/"),
  })
  .map((s) => s.trim())
  .filter((s) => s !== "" && !s.includes(">"));

function quote(field: string): string {
  return `"${field.replaceAll('"', '""')}"`;
}

describe("parseJourneys (laws)", () => {
  test.prop([
    fc.array(
      fc.record({
        path: fc.array(nameArb, { minLength: 1, maxLength: 4 }),
        conversions: fc.nat(1000),
        nulls: fc.nat(1000),
        value: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      { maxLength: 8 },
    ),
    fc.constantFrom(",", ";", "\t"),
    fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 9, maxLength: 9 }),
    fc.boolean(),
  ])("writing quoted CSV (line ends mixed) and reading it back round-trips", (rows, delimiter, eols, bom) => {
    const header = ["total_null", "path", "total_conversions", "total_conversion_value"].join(delimiter);
    const lines = rows.map((r) =>
      [String(r.nulls), quote(r.path.join(" > ")), String(r.conversions), String(r.value)].join(delimiter),
    );
    const text = (bom ? "\uFEFF" : "") + [header, ...lines].map((line, i) => line + eols[i]).join("");
    expect(parseJourneys(text, { delimiter })).toEqual(
      rows.map((r) => ({ path: r.path, conversions: r.conversions, value: r.value, nulls: r.nulls })),
    );
  });
});
