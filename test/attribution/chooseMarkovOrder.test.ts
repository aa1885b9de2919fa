import { describe, expect, test } from "vitest";
import { chooseMarkovOrder } from "../../src/attribution/chooseMarkovOrder.js";
import type { Journey } from "../../src/attribution/types.js";
import { StatsError } from "../../src/errors.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";
import { expectThrowsNaming } from "./helpers.js";

interface OrderCase {
  readonly name: string;
  readonly maxOrder: number;
  readonly journeys: Journey[];
  readonly expected: {
    order: number;
    journeys: string;
    channelCount: number;
    scores: {
      order: number;
      auc: string;
      penalizedAuc: string;
      parameters: number;
      closingStates: number;
      skipped: boolean;
    }[];
  };
}

const fixture = loadFixture<OrderCase>("attribution/markov-order.json");

describe("chooseMarkovOrder: exact-fraction AUCs (generate_order.py)", () => {
  const tol = fixture.meta.tolerance;
  for (const c of fixture.cases) {
    test(c.name, () => {
      const r = chooseMarkovOrder(c.journeys, { maxOrder: c.maxOrder });
      expect(r.order).toBe(c.expected.order);
      expect(r.maxOrder).toBe(c.maxOrder);
      expect(r.channelCount).toBe(c.expected.channelCount);
      expectClose(r.journeys, num(c.expected.journeys), tol, "N");
      expect(r.scores).toHaveLength(c.maxOrder);
      c.expected.scores.forEach((e, i) => {
        const s = r.scores[i]!;
        expect(s.order).toBe(e.order);
        expect(s.parameters).toBe(e.parameters);
        expect(s.closingStates).toBe(e.closingStates);
        expect(s.skipped).toBe(e.skipped);
        expectClose(s.auc, num(e.auc), tol, `auc order ${e.order}`);
        expectClose(s.penalizedAuc, num(e.penalizedAuc), tol, `pAUC order ${e.order}`);
      });
    });
  }
});

describe("chooseMarkovOrder: documented example and outputs", () => {
  const example: Journey[] = [
    { path: "A > C", conversions: 40, nulls: 10 },
    { path: "B > C", conversions: 10, nulls: 40 },
    { path: "C", conversions: 25, nulls: 25 },
  ];

  test("TSDoc example", () => {
    const r = chooseMarkovOrder(example, { maxOrder: 3 });
    expect(r.order).toBe(2);
    const auc = [0.5, 23 / 30, 23 / 30];
    const pauc = [1 - (0.5 * 149) / 146, 1 - ((7 / 30) * 149) / 143, 1 - ((7 / 30) * 149) / 139];
    r.scores.forEach((s, i) => {
      expectClose(s.auc, auc[i]!, { rtol: 1e-14 });
      expectClose(s.penalizedAuc, pauc[i]!, { rtol: 1e-14 });
    });
    expectClose(r.scores[2]!.penalizedAuc, 0.74988, { atol: 5e-6 });
    expect(r.journeys).toBe(150);
    expect(r.channelCount).toBe(3);
    expect(r.method).toContain("penalised AUC");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test("default maxOrder is 10; at the boundary a note says so", () => {
    const r = chooseMarkovOrder(example);
    expect(r.maxOrder).toBe(10);
    expect(r.scores).toHaveLength(10);
    expect(r.order).toBe(2);
    const one = chooseMarkovOrder(example, { maxOrder: 2 });
    expect(one.notes.some((n) => n.includes("maxOrder"))).toBe(true);
    expect(r.notes.some((n) => n.includes("maxOrder"))).toBe(false);
  });

  test("a weak chain is noted", () => {
    const weak: Journey[] = [
      { path: "A", conversions: 50, nulls: 52 },
      { path: "B", conversions: 48, nulls: 50 },
    ];
    const r = chooseMarkovOrder(weak, { maxOrder: 1 });
    expect(r.order).toBe(1);
    expect(r.notes.some((n) => n.includes("barely predicts"))).toBe(true);
  });

  test("every order skipped: order 1 with a note", () => {
    const r = chooseMarkovOrder(
      [
        { path: "C1 > C2 > C3", conversions: 1 },
        { path: "C1", conversions: 0, nulls: 1 },
        { path: "C2 > C3", conversions: 0, nulls: 1 },
      ],
      { maxOrder: 2 },
    );
    expect(r.order).toBe(1);
    expect(r.scores.every((s) => s.skipped && s.penalizedAuc === 0)).toBe(true);
    expect(r.notes[0]).toContain("too few journeys");
  });

  test("string paths with a custom separator and arbitrary names", () => {
    const a = chooseMarkovOrder(
      [
        { path: "__proto__ | constructor", conversions: 40, nulls: 10 },
        { path: "ソーシャル | constructor", conversions: 10, nulls: 40 },
        { path: "constructor", conversions: 25, nulls: 25 },
      ],
      { maxOrder: 3, separator: "|" },
    );
    const b = chooseMarkovOrder(example, { maxOrder: 3 });
    expect(a.scores).toEqual(b.scores);
  });
});

describe("chooseMarkovOrder: bad input", () => {
  test("maxOrder outside 1–10 or not an integer", () => {
    expectThrowsNaming(() => chooseMarkovOrder([], { maxOrder: 0 }), "chooseMarkovOrder", ["options.maxOrder", ">= 1"]);
    expectThrowsNaming(() => chooseMarkovOrder([], { maxOrder: 11 }), "chooseMarkovOrder", [
      "options.maxOrder",
      "<= 10",
    ]);
    expectThrowsNaming(() => chooseMarkovOrder([], { maxOrder: 1.5 }), "chooseMarkovOrder", [
      "options.maxOrder",
      "integer",
    ]);
  });
  test("unknown option", () => {
    expectThrowsNaming(() => chooseMarkovOrder([], { order: 2 } as never), "chooseMarkovOrder", ['"order"']);
  });
  test("bad rows are named", () => {
    expectThrowsNaming(
      () => chooseMarkovOrder([{ path: "A", conversions: -1, nulls: Number.NaN }]),
      "chooseMarkovOrder",
      ["journeys.0.conversions", "journeys.0.nulls"],
    );
    expectThrowsNaming(() => chooseMarkovOrder([{ path: " > ", conversions: 1 }]), "chooseMarkovOrder", [
      "journeys.0.path",
    ]);
  });
  test("no nulls or no conversions: DEGENERATE_DATA", () => {
    const noNulls = (): unknown => chooseMarkovOrder([{ path: "A", conversions: 3 }]);
    expect(noNulls).toThrow(StatsError);
    expect(noNulls).toThrow(/no nulls/);
    const noConv = (): unknown => chooseMarkovOrder([{ path: "A", conversions: 0, nulls: 3 }]);
    expect(noConv).toThrow(/no conversions/);
    try {
      noConv();
    } catch (e) {
      expect((e as StatsError).code).toBe("DEGENERATE_DATA");
    }
  });
});
