import { describe, expect, it } from "vitest";
import {
  decimalsForSignificant,
  formatCount,
  formatFixed,
  formatLevel,
  formatParameter,
  formatPercent,
  formatPercentExact,
  formatPValue,
  formatPValueClause,
  formatRange,
  formatSignificant,
  percentDecimalsForEstimate,
} from "../../src/report/numbers.js";

describe("formatPValue", () => {
  it.each([
    [0.0083, "0.0083"],
    [0.00834, "0.0083"],
    [0.3412, "0.34"],
    [0.058257, "0.058"],
    [0.12, "0.12"],
    [0.5, "0.50"],
    [0.0001, "0.00010"],
    [0.0496, "0.0496"], // two digits would print 0.050
    [0.00996, "0.00996"], // two digits would print 0.010
    [0.09996, "0.09996"], // three digits would still print 0.100
    [0.000999, "0.000999"],
    [0.051, "0.051"],
    [0.99, "0.99"],
    [0.995, "> 0.99"],
    [1, "1"],
  ])("formatPValue(%s) is %s", (p, text) => {
    expect(formatPValue(p)).toBe(text);
  });

  it("writes p < 0.0001 below 1e-4, including 0", () => {
    expect(formatPValue(0.0000999)).toBe("< 0.0001");
    expect(formatPValue(1e-300)).toBe("< 0.0001");
    expect(formatPValue(0)).toBe("< 0.0001");
    expect(formatPValueClause(3e-9)).toBe("p < 0.0001");
    expect(formatPValueClause(0.0083)).toBe("p = 0.0083");
    expect(formatPValueClause(0.999)).toBe("p > 0.99");
  });

  it("never rounds a p-value across a conventional threshold", () => {
    for (let i = 1; i < 20000; i++) {
      const p = i / 20000;
      const text = formatPValue(p);
      if (text.startsWith("<") || text.startsWith(">")) continue;
      for (const t of [0.001, 0.01, 0.05, 0.1]) expect(Number(text) < t, `${p} -> ${text}`).toBe(p < t);
    }
  });
});

describe("formatPercent", () => {
  it.each([
    [0.056, {}, "5.6 %"],
    [0.05, {}, "5.0 %"],
    [0.0012, {}, "0.12 %"],
    [0.000123, {}, "0.012 %"],
    [0.563, {}, "56.3 %"],
    [1, {}, "100.0 %"],
    [0.12, { signed: true }, "+12.0 %"],
    [-0.011448, { signed: true }, "-1.1 %"],
    [0, { signed: true }, "0.0 %"],
    [-0.0001, { signed: true, decimals: 1 }, "0.0 %"],
    [0.2514, { signed: true, decimals: 2 }, "+25.14 %"],
    [12.345, {}, "1,234.5 %"],
    [Number.POSITIVE_INFINITY, { signed: true }, "+∞"],
    [Number.POSITIVE_INFINITY, {}, "∞"],
    [Number.NEGATIVE_INFINITY, {}, "-∞"],
  ])("formatPercent(%s, %o) is %s", (x, options, text) => {
    expect(formatPercent(x, options)).toBe(text);
  });

  it("percentDecimalsForEstimate shows two significant digits of the interval width", () => {
    expect(percentDecimalsForEstimate(0.12, 0.26)).toBe(1);
    expect(percentDecimalsForEstimate(0.006, 0.0124)).toBe(1);
    expect(percentDecimalsForEstimate(0.00123, 0.00044)).toBe(3);
    expect(percentDecimalsForEstimate(0.056, Number.POSITIVE_INFINITY)).toBe(1);
    expect(percentDecimalsForEstimate(0.0012, Number.NaN)).toBe(2);
  });
});

describe("formatPercentExact, formatParameter, formatLevel", () => {
  it.each([
    [0.05, "5 %"],
    [0.055, "5.5 %"],
    [0.0525, "5.25 %"],
    [0.1, "10 %"],
    [0.12566, "12.57 %"],
    [0.8, "80 %"],
  ])("formatPercentExact(%s) is %s", (x, text) => {
    expect(formatPercentExact(x)).toBe(text);
  });
  it.each([
    [0.05, "0.05"],
    [0.025, "0.025"],
    [10, "10"],
    [31233.41, "31,233"],
    [1 / 3, "0.3333"],
    [0.0001, "0.0001"],
    [1e-8, "1.000e-8"],
  ])("formatParameter(%s) is %s", (x, text) => {
    expect(formatParameter(x)).toBe(text);
  });
  it("formats levels without trailing zeros", () => {
    expect(formatLevel(0.95)).toBe("95 %");
    expect(formatLevel(0.975)).toBe("97.5 %");
    expect(formatLevel(0.9)).toBe("90 %");
  });
});

describe("formatFixed, formatSignificant, formatCount, formatRange", () => {
  it("groups thousands and never prints -0", () => {
    expect(formatFixed(1234567.891, 2)).toBe("1,234,567.89");
    expect(formatFixed(-1234.5, 0)).toBe("-1,235");
    expect(formatFixed(-0.0001, 2)).toBe("0.00");
    expect(formatFixed(-0, 0)).toBe("0");
    expect(formatFixed(0.5, 1, true)).toBe("+0.5");
    expect(formatFixed(0, 1, true)).toBe("0.0");
    expect(formatFixed(Number.NaN, 1)).toBe("NaN");
  });
  it("keeps significant digits and integer digits", () => {
    expect(formatSignificant(0.0012345, 3)).toBe("0.00123");
    expect(formatSignificant(123456, 3)).toBe("123,456");
    expect(formatSignificant(9.96, 2)).toBe("10");
    expect(formatSignificant(0.0996, 2)).toBe("0.10");
    expect(formatSignificant(1.2e-7, 2)).toBe("1.2e-7");
    expect(formatSignificant(2.5, 3, true)).toBe("+2.50");
    expect(formatSignificant(Number.NEGATIVE_INFINITY, 3)).toBe("-∞");
    expect(decimalsForSignificant(0, 3)).toBe(0);
  });
  it("formats counts", () => {
    expect(formatCount(31234)).toBe("31,234");
    expect(formatCount(1000000)).toBe("1,000,000");
    expect(formatCount(6.666667)).toBe("6.667");
    expect(formatCount(1234.56)).toBe("1,234.6");
    expect(formatCount(0.5)).toBe("0.5");
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe("∞");
  });
  it("writes ranges with infinite ends", () => {
    const pct = (x: number) => formatPercent(x, { signed: true, decimals: 1 });
    expect(formatRange(0.031, 0.216, pct)).toBe("+3.1 % to +21.6 %");
    expect(formatRange(Number.NEGATIVE_INFINITY, 0.216, pct)).toBe("-∞ to +21.6 %");
    expect(formatRange(0.031, Number.POSITIVE_INFINITY, pct)).toBe("+3.1 % to ∞");
  });
});

describe("documented examples", () => {
  it("match the TSDoc of the number formatters", () => {
    expect(formatFixed(12345.678, 1)).toBe("12,345.7");
    expect(formatFixed(0.5, 1, true)).toBe("+0.5");
    expect(formatFixed(-0.0001, 2)).toBe("0.00");
    expect(formatSignificant(0.0012345, 3)).toBe("0.00123");
    expect(formatSignificant(123456, 3)).toBe("123,456");
    expect(formatSignificant(1.2e-7, 2)).toBe("1.2e-7");
    expect(formatPValue(0.00834)).toBe("0.0083");
    expect(formatPValue(0.0496)).toBe("0.0496");
    expect(formatPValue(3e-9)).toBe("< 0.0001");
    expect(formatPValueClause(0.0083)).toBe("p = 0.0083");
    expect(formatPValueClause(3e-9)).toBe("p < 0.0001");
    expect(formatPercent(0.056)).toBe("5.6 %");
    expect(formatPercent(0.0012)).toBe("0.12 %");
    expect(formatPercent(0.12, { signed: true })).toBe("+12.0 %");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(formatParameter(0.025)).toBe("0.025");
    expect(formatParameter(31233.41)).toBe("31,233");
    expect(formatPercentExact(0.0525)).toBe("5.25 %");
    expect(formatCount(31234)).toBe("31,234");
    expect(formatCount(6.666667)).toBe("6.667");
    expect(formatLevel(0.975)).toBe("97.5 %");
    expect(formatRange(Number.NEGATIVE_INFINITY, 0.216, (x) => formatPercent(x, { signed: true }))).toBe(
      "-∞ to +21.6 %",
    );
  });
});
