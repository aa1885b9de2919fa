import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { escapeHtml, escapeMarkdown } from "../../src/report/document.js";
import {
  formatCount,
  formatFixed,
  formatParameter,
  formatPercent,
  formatPValue,
  formatSignificant,
} from "../../src/report/numbers.js";

const parse = (text: string): number => Number(text.replace(/,/g, "").replace(/ %$/, ""));
const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

describe("number formatting (laws)", () => {
  test.prop([finite, fc.integer({ min: 0, max: 8 })])(
    "formatFixed is within half a unit of the last decimal",
    (x, d) => {
      expect(Math.abs(parse(formatFixed(x, d)) - x)).toBeLessThanOrEqual(
        0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15,
      );
    },
  );

  test.prop([finite])("thousands separators group exactly three digits", (x) => {
    const integer = formatFixed(x, 2).replace(/^[-+]/, "").split(".")[0] ?? "";
    expect(integer).toMatch(/^\d{1,3}(,\d{3})*$/);
  });

  test.prop([fc.double({ min: 1e-6, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 6 })])(
    "formatSignificant keeps the relative error below half a unit of the last significant digit",
    (x, digits) => {
      const y = parse(formatSignificant(x, digits));
      expect(Math.abs(y - x) / x).toBeLessThanOrEqual(0.5 * 10 ** (1 - digits) + 1e-12);
    },
  );

  test.prop([fc.double({ min: 0, max: 1, noNaN: true })])(
    "formatPValue never crosses 0.001, 0.01, 0.05 or 0.1",
    (p) => {
      const text = formatPValue(p);
      if (text === "< 0.0001") {
        expect(p).toBeLessThan(1e-4);
      } else if (text === "> 0.99") {
        expect(p).toBeGreaterThan(0.99);
      } else {
        const shown = Number(text);
        for (const t of [0.001, 0.01, 0.05, 0.1]) expect(shown < t).toBe(p < t);
        expect(Math.abs(shown - p) / p).toBeLessThan(0.05);
      }
    },
  );

  test.prop([fc.double({ min: -10, max: 10, noNaN: true }), fc.boolean()])("percentages scale by 100", (x, signed) => {
    const text = formatPercent(x, { signed, decimals: 3 });
    expect(text.endsWith(" %")).toBe(true);
    expect(Math.abs(parse(text) - 100 * x)).toBeLessThanOrEqual(0.0005 * (1 + 1e-9) + Math.abs(x) * 1e-12);
    if (signed && parse(text) > 0) expect(text.startsWith("+")).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 52 })])("integer counts print exactly", (n) => {
    expect(parse(formatCount(n))).toBe(n);
  });

  test.prop([fc.double({ min: 1e-5, max: 1e9, noNaN: true })])(
    "formatParameter has no trailing zeros after the point",
    (x) => {
      expect(formatParameter(x)).not.toMatch(/\.\d*0$/);
    },
  );
});

const htmlUnescape = (s: string): string =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e] ?? "",
  );

describe("escaping (laws)", () => {
  test.prop([fc.string({ unit: "grapheme-ascii" })])("escapeHtml leaves no markup and round-trips", (s) => {
    const e = escapeHtml(s);
    expect(e).not.toMatch(/[<>"']/);
    expect(e.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
    expect(htmlUnescape(e)).toBe(s);
  });

  test.prop([fc.string()])("escapeMarkdown leaves no unescaped pipe or newline", (s) => {
    const e = escapeMarkdown(s);
    expect(e).not.toMatch(/[\r\n]/);
    expect(e).not.toMatch(/(^|[^\\])(\\\\)*[|<>*_`[\]]/);
  });
});
