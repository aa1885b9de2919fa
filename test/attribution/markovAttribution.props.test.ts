import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { CHANNEL_POOL, journeysArb, relabel } from "./arbitraries.js";
import { creditOf, sumOf } from "./helpers.js";

const orderArb = fc.integer({ min: 1, max: 3 });
const nullsArb = fc.boolean();

function plain(journeys: readonly Journey[]): Journey[] {
  return journeys.map((j) => ({ path: j.path, conversions: j.conversions, nulls: j.nulls ?? 0, value: j.value ?? 0 }));
}

describe("markovAttribution (laws)", () => {
  test.prop([journeysArb(), orderArb, nullsArb])(
    "efficiency and removal effects in [0, 1]",
    (journeys, order, includeNulls) => {
      const r = markovAttribution(plain(journeys), { order, includeNulls });
      expectClose(sumOf(r, "conversions"), r.totalConversions, { rtol: 1e-12 }, "conversions");
      expectClose(sumOf(r, "value"), r.totalValue, { rtol: 1e-12 }, "value");
      for (const c of r.channels) {
        expect(c.removalEffect).toBeGreaterThanOrEqual(0);
        expect(c.removalEffect).toBeLessThanOrEqual(1);
        expect(c.conversions).toBeGreaterThanOrEqual(0);
        expect(c.value).toBeGreaterThanOrEqual(0);
        expect(c.conversionProbabilityWithout).toBeLessThanOrEqual(r.conversionProbability * (1 + 1e-12));
      }
    },
  );

  test.prop([journeysArb(), orderArb])(
    "P(conv) = Σy/(Σy + Σn) with nulls, 1 without (flow conservation)",
    (journeys, order) => {
      const r = markovAttribution(plain(journeys), { order });
      const y = journeys.reduce((s, j) => s + j.conversions, 0);
      const n = journeys.reduce((s, j) => s + (j.nulls ?? 0), 0);
      expectClose(r.conversionProbability, y / (y + n), { rtol: 1e-12 });
      expectClose(markovAttribution(plain(journeys), { order, includeNulls: false }).conversionProbability, 1, {
        rtol: 1e-12,
      });
    },
  );

  test.prop([journeysArb(), fc.integer({ min: 2, max: 3 })])(
    "dense and Gauss–Seidel solvers agree at higher orders",
    (journeys, order) => {
      const a = markovAttribution(plain(journeys), { order, solver: "dense" });
      const b = markovAttribution(plain(journeys), { order, solver: "iterative" });
      a.channels.forEach((c, i) => {
        expectClose(b.channels[i]!.removalEffect, c.removalEffect, { rtol: 1e-11, atol: 1e-13 });
        expectClose(b.channels[i]!.conversions, c.conversions, { rtol: 1e-11, atol: 1e-12 });
      });
    },
  );

  test.prop([journeysArb()])(
    "order-1 removal effects do not change when consecutive repeats are dropped",
    (journeys) => {
      const collapsed = plain(journeys).map((j) => ({
        ...j,
        path: (j.path as string[]).filter((c, i, p) => i === 0 || p[i - 1] !== c),
      }));
      const a = markovAttribution(plain(journeys));
      const b = markovAttribution(collapsed);
      a.channels.forEach((c, i) => {
        expectClose(b.channels[i]!.removalEffect, c.removalEffect, { rtol: 1e-12, atol: 1e-14 });
      });
    },
  );

  test.prop([journeysArb(["x", "y", "z"]), orderArb])("symmetric channels get equal credit", (journeys, order) => {
    const swap = (c: string): string => (c === "x" ? "y" : c === "y" ? "x" : c);
    const rows = plain(journeys);
    const r = markovAttribution([...rows, ...relabel(rows, swap)], { order });
    const x = r.channels.find((c) => c.channel === "x");
    const y = r.channels.find((c) => c.channel === "y");
    expectClose(x?.conversions ?? 0, y?.conversions ?? 0, { rtol: 1e-10, atol: 1e-12 });
    expectClose(x?.removalEffect ?? 0, y?.removalEffect ?? 0, { rtol: 1e-10, atol: 1e-12 });
  });

  test.prop([
    journeysArb(["p", "q", "r", "s"]),
    orderArb,
    fc.shuffledSubarray([...CHANNEL_POOL], { minLength: 4, maxLength: 4 }),
  ])("relabelling channels permutes the credit", (journeys, order, names) => {
    const map = new Map(["p", "q", "r", "s"].map((c, i) => [c, names[i]!]));
    const rows = plain(journeys);
    const before = markovAttribution(rows, { order });
    const after = markovAttribution(
      relabel(rows, (c) => map.get(c)!),
      { order },
    );
    for (const c of before.channels) {
      const moved = creditOf(after, map.get(c.channel)!);
      expectClose(moved.conversions, c.conversions, { rtol: 1e-12, atol: 1e-14 });
      expectClose(moved.removalEffect, c.removalEffect, { rtol: 1e-12, atol: 1e-14 });
    }
  });

  test.prop([
    fc.array(fc.tuple(fc.constantFrom(...CHANNEL_POOL), fc.integer({ min: 1, max: 4 }), fc.nat(5), fc.nat(5)), {
      minLength: 1,
      maxLength: 6,
    }),
    orderArb,
  ])("single-channel journeys give each channel exactly its own conversions", (rows, order) => {
    const journeys = rows.map(([c, L, y, n]) => ({ path: Array(L).fill(c) as string[], conversions: y, nulls: n }));
    fc.pre(journeys.some((j) => j.conversions > 0));
    const r = markovAttribution(journeys, { order });
    for (const c of r.channels) {
      const own = journeys.filter((j) => j.path[0] === c.channel).reduce((s, j) => s + j.conversions, 0);
      expectClose(c.conversions, own, { rtol: 1e-12, atol: 1e-12 });
    }
  });
});
