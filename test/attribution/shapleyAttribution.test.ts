import { describe, expect, test } from "vitest";
import { shapleyAttribution } from "../../src/attribution/shapleyAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { StatsError } from "../../src/errors.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";
import { creditOf, expectThrowsNaming, sumOf } from "./helpers.js";

const ZHAO_TOY: Journey[] = [
  { path: "a > b", conversions: 10 },
  { path: "b > a > b", conversions: 6 },
  { path: "a", conversions: 4 },
];

interface PublishedCase {
  readonly name: string;
  readonly source: string;
  readonly journeys: Journey[];
  readonly expected: Record<string, { conversions: Record<string, string>; value: Record<string, string> }>;
}
const published = loadFixture<PublishedCase>("attribution/published.json");

describe("shapleyAttribution: simplified Shapley on the published worked examples (= linear per channel)", () => {
  for (const c of published.cases) {
    for (const [key, expected] of Object.entries(c.expected)) {
      if (key.replace(/^value:/, "") !== "linear-channel") continue;
      for (const method of ["simplified", "exact", "ordered"] as const) {
        test(`${c.name} ${key} ${method} (${c.source})`, () => {
          const r = shapleyAttribution(c.journeys, { method });
          for (const [channel, v] of Object.entries(expected.conversions)) {
            expectClose(creditOf(r, channel).conversions, num(v), published.meta.tolerance, channel);
          }
          for (const [channel, v] of Object.entries(expected.value)) {
            expectClose(creditOf(r, channel).value, num(v), published.meta.tolerance, channel);
          }
        });
      }
    }
  }
});

describe("shapleyAttribution: published cases", () => {
  test("documented example: Zhao's ordered toy (attribution.md §5.3)", () => {
    const r = shapleyAttribution(ZHAO_TOY);
    expect(r.channels.map((c) => c.conversions)).toEqual([12, 8]);
    expect(r.shapleyMethod).toBe("simplified");
    expect(r.valueFunction).toBe("conversions");
    const ordered = shapleyAttribution(ZHAO_TOY, { method: "ordered" });
    expect(ordered.channels.map((c) => c.byPosition)).toEqual([
      [9, 3, 0],
      [1.5, 5, 1.5],
    ]);
    expect(ordered.channels.map((c) => c.conversions)).toEqual([12, 8]);
  });

  test("eeghor/mta Shapley assertions (MIT test suite, §8.5)", () => {
    expect(shapleyAttribution([{ path: "a", conversions: 5 }]).channels[0]!.conversions).toBe(5);
    expect(shapleyAttribution([{ path: "a > b > c > d", conversions: 10 }]).channels.map((c) => c.conversions)).toEqual(
      [2.5, 2.5, 2.5, 2.5],
    );
    const r = shapleyAttribution([
      { path: "a", conversions: 4 },
      { path: "a > b", conversions: 6 },
    ]);
    expect(r.channels.map((c) => c.conversions)).toEqual([7, 3]);
  });

  test("T4 simplified Shapley (2, 19/6, 19/6, 5/3) by closed form, exact enumeration and Monte Carlo", () => {
    const T4: Journey[] = [
      { path: "direct", conversions: 2, nulls: 1 },
      { path: "search > email", conversions: 3, nulls: 2 },
      { path: "search > social > email", conversions: 5, nulls: 4 },
    ];
    const expected = [2, 19 / 6, 19 / 6, 5 / 3];
    for (const method of ["simplified", "exact"] as const) {
      shapleyAttribution(T4, { method }).channels.forEach((c, i) => {
        expectClose(c.conversions, expected[i]!, { rtol: 1e-13 }, `${method} ${c.channel}`);
      });
    }
    const mc = shapleyAttribution(T4, { method: "monte-carlo", samples: 4000, seed: 3 });
    expect(mc.samples).toBe(4000);
    expect(mc.seed).toBe(3);
    mc.channels.forEach((c, i) => {
      expect(Math.abs(c.conversions - expected[i]!)).toBeLessThanOrEqual(4 * c.conversionsStandardError! + 1e-12);
    });
    expectClose(sumOf(mc, "conversions"), 10, { rtol: 1e-12 });
  });

  test("DP6 README worked game: OS 7.666667, FB 8.166667, D 3.166667", () => {
    const table = new Map<string, number>([
      ["", 0],
      ["Organic Search", 7],
      ["Facebook", 6],
      ["Direct", 4],
      ["Organic Search,Facebook", 15],
      ["Organic Search,Direct", 7],
      ["Facebook,Direct", 9],
      ["Organic Search,Facebook,Direct", 19],
    ]);
    const journeys: Journey[] = [
      { path: "Organic Search", conversions: 7 },
      { path: "Facebook", conversions: 6 },
      { path: "Direct", conversions: 6 },
    ];
    const seen: string[] = [];
    const r = shapleyAttribution(journeys, {
      valueFunction: (coalition) => {
        seen.push(coalition.join(","));
        return table.get(coalition.join(","))!;
      },
    });
    expect(r.shapleyMethod).toBe("exact");
    expect(r.valueFunction).toBe("custom");
    expect(seen).toHaveLength(8);
    expect(r.grandCoalitionValue).toBe(19);
    const phi = [23 / 3, 49 / 6, 19 / 6];
    r.channels.forEach((c, i) => {
      expectClose(c.shapleyValue, phi[i]!, { rtol: 1e-14 }, c.channel);
      expectClose(c.conversions, (phi[i]! / 19) * 19, { rtol: 1e-14 }, c.channel);
    });
    const mc = shapleyAttribution(journeys, {
      method: "monte-carlo",
      samples: 3000,
      valueFunction: (coalition) => table.get(coalition.join(","))!,
    });
    mc.channels.forEach((c, i) => {
      expect(Math.abs(c.shapleyValue - phi[i]!)).toBeLessThan(4 * c.conversionsStandardError! + 1e-12);
    });
  });
});

describe("shapleyAttribution: conversion-rate game and conventions", () => {
  const journeys: Journey[] = [
    { path: "a", conversions: 9, nulls: 1, value: 90 },
    { path: "b", conversions: 0, nulls: 10 },
    { path: "a > b", conversions: 1, nulls: 9, value: 10 },
  ];
  test("negative credit is possible and documented in the notes", () => {
    const r = shapleyAttribution(journeys, { valueFunction: "conversion-rate" });
    const phiA = 0.5 * 0.9 + 0.5 * (1 / 3);
    const phiB = 0.5 * (1 / 3 - 0.9);
    expectClose(creditOf(r, "a").shapleyValue, phiA, { rtol: 1e-14 });
    expectClose(creditOf(r, "b").shapleyValue, phiB, { rtol: 1e-14 });
    expectClose(r.grandCoalitionValue, 1 / 3, { rtol: 1e-14 });
    expectClose(creditOf(r, "b").conversions, phiB * 30, { rtol: 1e-13 });
    expectClose(creditOf(r, "a").value, phiA * 300, { rtol: 1e-13 });
    expectClose(sumOf(r, "conversions"), 10, { rtol: 1e-13 });
    expectClose(sumOf(r, "value"), 100, { rtol: 1e-13 });
    expect(creditOf(r, "b").conversions).toBeLessThan(0);
    expect(r.notes.join(" ")).toMatch(/negative credit/);
    const mc = shapleyAttribution(journeys, { valueFunction: "conversion-rate", method: "monte-carlo", samples: 500 });
    expectClose(creditOf(mc, "a").shapleyValue, phiA, {
      atol: (4 * creditOf(mc, "a").conversionsStandardError!) / 30 + 1e-12,
    });
  });

  test("value credit of the conversions game uses V in the closed form", () => {
    const r = shapleyAttribution(journeys);
    expect(creditOf(r, "a").value).toBe(95);
    expect(creditOf(r, "b").value).toBe(5);
  });

  test("no conversions: zero credit with a note", () => {
    const r = shapleyAttribution([{ path: "a > b", conversions: 0, nulls: 2 }]);
    expect(r.channels.every((c) => c.conversions === 0 && c.share === 0)).toBe(true);
    expect(r.notes[0]).toMatch(/no conversions/);
    const rate = shapleyAttribution([{ path: "a > b", conversions: 0, nulls: 2 }], {
      valueFunction: "conversion-rate",
    });
    expect(rate.channels.every((c) => c.conversions === 0)).toBe(true);
  });
});

describe("shapleyAttribution: bad input", () => {
  test("options", () => {
    expectThrowsNaming(
      () =>
        shapleyAttribution(ZHAO_TOY, {
          method: "kernel" as never,
          valueFunction: "revenue" as never,
          samples: 1,
          seed: 1.5,
          extra: 1,
        } as never),
      "shapleyAttribution",
      [
        'options.method: must be "simplified", "ordered", "exact" or "monte-carlo"',
        'options.valueFunction: must be "conversions", "conversion-rate" or a function',
        "options.samples: must be >= 2",
        "options.seed: must be an integer",
        'unknown option "extra"',
      ],
    );
    expectThrowsNaming(
      () => shapleyAttribution(ZHAO_TOY, { method: "ordered", valueFunction: "conversion-rate" }),
      "shapleyAttribution",
      ['options.method: "ordered" requires valueFunction "conversions"'],
    );
    const wide = [{ path: Array.from({ length: 21 }, (_, i) => `c${i}`), conversions: 1 }];
    expectThrowsNaming(() => shapleyAttribution(wide, { method: "exact" }), "shapleyAttribution", [
      'options.method: "exact" enumerates 2^n coalitions and supports at most 20 channels (got 21)',
    ]);
    expect(shapleyAttribution(wide, { valueFunction: "conversion-rate", samples: 50 }).shapleyMethod).toBe(
      "monte-carlo",
    );
  });

  test("a value function returning a non-finite number, or a flat game, is rejected", () => {
    expectThrowsNaming(
      () => shapleyAttribution(ZHAO_TOY, { valueFunction: (c) => (c.length === 2 ? Number.NaN : c.length) }),
      "shapleyAttribution",
      ['options.valueFunction: returned NaN for ["a", "b"]; it must return a finite number'],
    );
    let caught: unknown;
    try {
      shapleyAttribution(ZHAO_TOY, { valueFunction: () => 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StatsError);
    expect((caught as StatsError).code).toBe("DEGENERATE_DATA");
  });
});
