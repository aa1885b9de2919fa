import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type HeuristicAttributionOptions, heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { CHANNEL_POOL, journeysArb, relabel } from "./arbitraries.js";
import { creditOf, sumOf } from "./helpers.js";

const MODELS: readonly HeuristicAttributionOptions[] = [
  { model: "first-touch" },
  { model: "last-touch" },
  { model: "last-non-direct" },
  { model: "linear" },
  { model: "linear", per: "channel" },
  { model: "position-based" },
  { model: "position-based", positionWeights: [0.3, 0.3, 0.4], twoTouchRule: "split-middle" },
  { model: "time-decay" },
  { model: "time-decay", halfLifeDays: 2, decayBucketDays: 1 },
  { model: "w-shaped" },
];
const modelArb = fc.constantFrom(...MODELS);

describe("heuristicAttribution (laws)", () => {
  test.prop([journeysArb(), modelArb])("efficiency: credits sum to the totals; shares to 1", (journeys, options) => {
    const r = heuristicAttribution(journeys, options);
    expectClose(sumOf(r, "conversions"), r.totalConversions, { rtol: 1e-12 }, "conversions");
    expectClose(sumOf(r, "value"), r.totalValue, { rtol: 1e-12 }, "value");
    expectClose(sumOf(r, "share"), 1, { rtol: 1e-12 }, "shares");
  });

  test.prop([journeysArb(), modelArb])("non-negativity", (journeys, options) => {
    for (const c of heuristicAttribution(journeys, options).channels) {
      expect(c.conversions).toBeGreaterThanOrEqual(0);
      expect(c.value).toBeGreaterThanOrEqual(0);
    }
  });

  test.prop([journeysArb(["x", "y", "z"]), modelArb])(
    "symmetric channels (every journey also appears with x and y swapped) get equal credit",
    (journeys, options) => {
      const swap = (c: string): string => (c === "x" ? "y" : c === "y" ? "x" : c);
      const r = heuristicAttribution([...journeys, ...relabel(journeys, swap)], options);
      const x = r.channels.find((c) => c.channel === "x");
      const y = r.channels.find((c) => c.channel === "y");
      expectClose(x?.conversions ?? 0, y?.conversions ?? 0, { rtol: 1e-12, atol: 1e-12 });
      expectClose(x?.value ?? 0, y?.value ?? 0, { rtol: 1e-12, atol: 1e-9 });
    },
  );

  test.prop([
    journeysArb(["p", "q", "r", "s"]),
    modelArb,
    fc.shuffledSubarray([...CHANNEL_POOL], { minLength: 4, maxLength: 4 }),
  ])("relabelling channels permutes the credit", (journeys, options, names) => {
    const map = new Map([
      ["p", names[0]!],
      ["q", names[1]!],
      ["r", names[2]!],
      ["s", names[3]!],
    ]);
    // last-non-direct treats "Direct" specially: keep the rule symmetric by naming no direct channel.
    const o = { ...options, directChannels: [] };
    const before = heuristicAttribution(journeys, o);
    const after = heuristicAttribution(
      relabel(journeys, (c) => map.get(c)!),
      o,
    );
    for (const c of before.channels) {
      const moved = creditOf(after, map.get(c.channel)!);
      expect(moved.conversions).toBe(c.conversions);
      expect(moved.value).toBe(c.value);
    }
  });

  test.prop([journeysArb(["solo"]), modelArb])(
    "single-channel journeys give that channel all credit in every model",
    (journeys: Journey[], options) => {
      const r = heuristicAttribution(journeys, options);
      expect(r.channels).toHaveLength(1);
      expectClose(r.channels[0]!.conversions, r.totalConversions, { rtol: 1e-12 });
      expectClose(r.channels[0]!.value, r.totalValue, { rtol: 1e-12 });
    },
  );

  test.prop([journeysArb()])("linear per channel is invariant to repeating touches", (journeys) => {
    const doubled = journeys.map((j) => ({
      path: (j.path as string[]).flatMap((c) => [c, c]),
      conversions: j.conversions,
      nulls: j.nulls ?? 0,
      value: j.value ?? 0,
    }));
    const a = heuristicAttribution(journeys, { model: "linear", per: "channel" });
    const b = heuristicAttribution(doubled, { model: "linear", per: "channel" });
    a.channels.forEach((c, i) => {
      expectClose(b.channels[i]!.conversions, c.conversions, { rtol: 1e-12, atol: 1e-12 });
    });
  });
});
