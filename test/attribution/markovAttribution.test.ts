import { describe, expect, test } from "vitest";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { StatsError } from "../../src/errors.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";
import { creditOf, expectThrowsNaming, sumOf } from "./helpers.js";

interface PublishedCase {
  readonly name: string;
  readonly source: string;
  readonly journeys: Journey[];
  readonly expected: Record<
    string,
    {
      conversions: Record<string, string>;
      value: Record<string, string>;
      removalEffect?: Record<string, string>;
      conversionProbability?: string;
    }
  >;
}

interface RandomCase {
  readonly name: string;
  readonly order: number;
  readonly includeNulls: boolean;
  readonly journeys: Journey[];
  readonly expected: {
    channels: string[];
    conversionProbability: string;
    expectedValue: string;
    removalEffect: string[];
    valueRemovalEffect: string[];
    conversionProbabilityWithout: string[];
    conversions: string[];
    value: string[];
    transientStates: number;
  };
}

const published = loadFixture<PublishedCase>("attribution/published.json");
const random = loadFixture<RandomCase>("attribution/markov-random.json");

const T1: Journey[] = [
  { path: "C1 > C2 > C3", conversions: 1 },
  { path: "C1", conversions: 0, nulls: 1 },
  { path: "C2 > C3", conversions: 0, nulls: 1 },
];

describe("markovAttribution: published worked examples (attribution.md §8)", () => {
  const tol = published.meta.tolerance;
  for (const c of published.cases) {
    for (const [key, expected] of Object.entries(c.expected)) {
      const model = key.replace(/^value:/, "");
      if (!model.startsWith("markov")) continue;
      const order = Number(model.split("-")[1]);
      const includeNulls = !model.endsWith("nonulls");
      for (const solver of ["dense", "iterative"] as const) {
        test(`${c.name} ${key} ${solver} (${c.source})`, () => {
          const r = markovAttribution(c.journeys, { order, includeNulls, solver });
          expectClose(r.conversionProbability, num(expected.conversionProbability!), tol, "P(conv)");
          for (const [ch, v] of Object.entries(expected.conversions)) {
            expectClose(creditOf(r, ch).conversions, num(v), tol, `${ch} conversions`);
          }
          for (const [ch, v] of Object.entries(expected.value)) {
            expectClose(creditOf(r, ch).value, num(v), tol, `${ch} value`);
          }
          for (const [ch, v] of Object.entries(expected.removalEffect!)) {
            expectClose(creditOf(r, ch).removalEffect, num(v), tol, `${ch} removal effect`);
          }
        });
      }
    }
  }
});

describe("markovAttribution: randomized cases against an independent mpmath dense solve", () => {
  const tol = random.meta.tolerance;
  for (const c of random.cases) {
    for (const solver of ["auto", "dense", "iterative"] as const) {
      test(`${c.name} order ${c.order} ${c.includeNulls ? "with" : "without"} nulls, solver ${solver}`, () => {
        const r = markovAttribution(c.journeys, { order: c.order, includeNulls: c.includeNulls, solver });
        const e = c.expected;
        expect(r.channels.map((x) => x.channel)).toEqual(e.channels);
        expect(r.states.length).toBe(e.transientStates + 2);
        expectClose(r.conversionProbability, num(e.conversionProbability), tol, "P(conv)");
        expectClose(r.expectedValue, num(e.expectedValue), tol, "expected value");
        r.channels.forEach((ch, i) => {
          expectClose(ch.removalEffect, num(e.removalEffect[i]!), tol, `${ch.channel} RE`);
          expectClose(ch.valueRemovalEffect, num(e.valueRemovalEffect[i]!), tol, `${ch.channel} RE value`);
          expectClose(
            ch.conversionProbabilityWithout,
            num(e.conversionProbabilityWithout[i]!),
            tol,
            `${ch.channel} P without`,
          );
          expectClose(ch.conversions, num(e.conversions[i]!), tol, `${ch.channel} conversions`);
          expectClose(ch.value, num(e.value[i]!), tol, `${ch.channel} value`);
        });
      });
    }
  }
});

describe("markovAttribution: documented example and outputs", () => {
  test("T1 (AnalyzeCore)", () => {
    const r = markovAttribution(T1);
    expectClose(r.conversionProbability, 1 / 3, { rtol: 1e-14 });
    const re = [0.5, 1, 1];
    const conv = [0.2, 0.4, 0.4];
    r.channels.forEach((c, i) => {
      expectClose(c.removalEffect, re[i]!, { rtol: 1e-14 });
      expectClose(c.conversions, conv[i]!, { rtol: 1e-14 });
    });
    expect(r.model).toBe("markov");
    expect(r.order).toBe(1);
    expect(r.includeNulls).toBe(true);
    expect(r.estimation).toBe("exact");
    expect(r.diagnostics.solver).toBe("dense");
    expect(r.notes).toEqual([]);
  });

  test("T1 transition matrix with readable state names", () => {
    const r = markovAttribution(T1);
    expect(r.states.map((s) => s.name)).toEqual(["(start)", "C1", "C2", "C3", "(conversion)", "(null)"]);
    const table = r.transitions.map((t) => [r.states[t.from]!.name, r.states[t.to]!.name, t.weight, t.probability]);
    const third = 1 / 3;
    expect(table).toEqual([
      ["(start)", "C1", 2, 2 * third],
      ["(start)", "C2", 1, third],
      ["C1", "C2", 1, 0.5],
      ["C1", "(null)", 1, 0.5],
      ["C2", "C3", 2, 1],
      ["C3", "(conversion)", 1, 0.5],
      ["C3", "(null)", 1, 0.5],
    ]);
    const order2 = markovAttribution(T1, { order: 2 });
    expect(order2.states.map((s) => s.name)).toEqual(["(start)", "C1 > C2", "C2 > C3", "C1", "(conversion)", "(null)"]);
    expect(order2.states[1]!.channels).toEqual(["C1", "C2"]);
  });

  test("order-k windows collapse consecutive duplicates (T3 at order 1: start → A, A → B, B → A)", () => {
    const r = markovAttribution([
      { path: "A>B>A>B>B>A", conversions: 1 },
      { path: "A>B>B>A>A", conversions: 1 },
      { path: "A>A", conversions: 1 },
    ]);
    const names = r.transitions.map((t) => `${r.states[t.from]!.name}→${r.states[t.to]!.name}:${t.probability}`);
    expect(names).toEqual(["(start)→A:1", "A→B:0.5", "A→(conversion):0.5", "B→A:1"]);
    expect(r.notes[0]).toMatch(/no nulls/);
  });

  test("value depends on the closing state (not conversions × average order value)", () => {
    const r = markovAttribution([
      { path: "a > b", conversions: 1, value: 100, nulls: 1 },
      { path: "a > c", conversions: 1, value: 10, nulls: 0 },
      { path: "c", conversions: 2, value: 20, nulls: 2 },
    ]);
    expectClose(sumOf(r, "value"), 130, { rtol: 1e-13 });
    expectClose(sumOf(r, "conversions"), 4, { rtol: 1e-13 });
    const b = creditOf(r, "b");
    expect(b.value / r.totalValue).toBeGreaterThan(b.conversions / r.totalConversions);
    expectClose(r.expectedValue, 130 / 7, { rtol: 1e-13 });
    expectClose(r.conversionProbability, 4 / 7, { rtol: 1e-13 });
  });

  test("a channel on every converting path has removal effect 1; channels only on null paths get 0", () => {
    const r = markovAttribution([
      { path: "x > hub", conversions: 3, nulls: 2 },
      { path: "y > hub", conversions: 1, nulls: 5 },
      { path: "z", conversions: 0, nulls: 4 },
    ]);
    expect(creditOf(r, "hub").removalEffect).toBe(1);
    expect(creditOf(r, "z").removalEffect).toBe(0);
    expect(creditOf(r, "z").conversions).toBe(0);
  });

  test("no conversions: zero credit with a note", () => {
    const r = markovAttribution([{ path: "a > b", conversions: 0, nulls: 3 }]);
    expect(r.conversionProbability).toBe(0);
    expect(r.channels.every((c) => c.conversions === 0 && c.removalEffect === 0 && c.share === 0)).toBe(true);
    expect(r.notes[0]).toMatch(/no conversions/);
    expect(markovAttribution([], {}).channels).toEqual([]);
  });

  test("includeNulls false drops null-only rows and notes it", () => {
    const r = markovAttribution(T1, { includeNulls: false });
    expect(r.conversionProbability).toBe(1);
    for (const c of r.channels) expectClose(c.conversions, 1 / 3, { rtol: 1e-14 });
    expect(r.notes[0]).toMatch(/nulls ignored/);
    expect(r.method).toMatch(/nulls ignored/);
  });
});

describe("markovAttribution: simulation", () => {
  const journeys: Journey[] = [
    { path: "direct", conversions: 2, nulls: 1, value: 40 },
    { path: "search > email", conversions: 3, nulls: 2, value: 90 },
    { path: "search > social > email", conversions: 5, nulls: 4, value: 200 },
  ];
  test("seeded, reproducible, and within 4 standard errors of the exact values", () => {
    const exact = markovAttribution(journeys);
    const a = markovAttribution(journeys, { method: "simulation", simulations: 20000, seed: 7 });
    const b = markovAttribution(journeys, { method: "simulation", simulations: 20000, seed: 7 });
    expect(a).toEqual(b);
    expect(a.estimation).toBe("simulation");
    expect(a.diagnostics).toMatchObject({ solver: "simulation", simulations: 20000, seed: 7, truncatedWalks: 0 });
    expectClose(sumOf(a, "conversions"), 10, { rtol: 1e-12 });
    expectClose(sumOf(a, "value"), 330, { rtol: 1e-12 });
    a.channels.forEach((c, i) => {
      const e = exact.channels[i]!;
      expect(c.conversionsStandardError).toBeGreaterThan(0);
      expect(Math.abs(c.conversions - e.conversions)).toBeLessThan(4 * c.conversionsStandardError! + 1e-12);
      expect(Math.abs(c.removalEffect - e.removalEffect)).toBeLessThan(4 * c.removalEffectStandardError! + 1e-12);
    });
    const other = markovAttribution(journeys, { method: "simulation", simulations: 20000, seed: 8 });
    expect(other.channels[0]!.conversions).not.toBe(a.channels[0]!.conversions);
  });

  test("maxSteps truncation is counted and reported", () => {
    const r = markovAttribution(
      [
        { path: "A>B>A>B>B>A", conversions: 1 },
        { path: "A>B>B>A>A", conversions: 1 },
        { path: "A>A", conversions: 1 },
      ],
      { method: "simulation", simulations: 2000, maxSteps: 3, seed: 1 },
    );
    expect(r.diagnostics.truncatedWalks).toBeGreaterThan(0);
    expect(r.notes.some((n) => n.includes("reached maxSteps"))).toBe(true);
  });

  test("too few converting walks throws NOT_CONVERGED", () => {
    const rare: Journey[] = [{ path: "a", conversions: 1, nulls: 1e9 }];
    let caught: unknown;
    try {
      markovAttribution(rare, { method: "simulation", simulations: 100 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StatsError);
    expect((caught as StatsError).code).toBe("NOT_CONVERGED");
  });
});

describe("markovAttribution: bad input", () => {
  test("options are checked and named", () => {
    expectThrowsNaming(() => markovAttribution(T1, { order: 0 }), "markovAttribution", ["options.order: must be >= 1"]);
    expectThrowsNaming(() => markovAttribution(T1, { order: 11 }), "markovAttribution", [
      "options.order: must be <= 10",
    ]);
    expectThrowsNaming(
      () =>
        markovAttribution(T1, {
          order: 1.5,
          method: "mcmc" as never,
          simulations: 10,
          seed: -1,
          includeNulls: "yes" as never,
          solver: "qr" as never,
          maxSteps: 0,
          nsim: 3,
        } as never),
      "markovAttribution",
      [
        "options.order: must be an integer",
        'options.method: must be "exact" or "simulation"',
        "options.simulations: must be >= 100",
        "options.seed: must be >= 0",
        "options.includeNulls: must be a boolean",
        'options.solver: must be "auto", "dense" or "iterative"',
        "options.maxSteps: must be a number >= 1 (Infinity allowed)",
        'options: unknown option "nsim"',
      ],
    );
  });

  test("bad rows are named", () => {
    expectThrowsNaming(
      () =>
        markovAttribution([
          { path: "a", conversions: 1 },
          { path: ">>", conversions: 1 },
          { path: "a", conversions: 1, nulls: -2 },
        ]),
      "markovAttribution",
      [
        'journeys.1.path.0: empty channel name (check the separator ">")',
        "journeys.2.nulls: must be a finite number >= 0",
      ],
    );
  });
});

test("markovAttribution: maxSteps may be Infinity", () => {
  const r = markovAttribution([{ path: "a > b", conversions: 1, nulls: 1 }], {
    method: "simulation",
    simulations: 1000,
    maxSteps: Number.POSITIVE_INFINITY,
  });
  expect(r.diagnostics.truncatedWalks).toBe(0);
});
