import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { shapleyAttribution } from "../../src/attribution/shapleyAttribution.js";
import { expectClose } from "../helpers/expectClose.js";
import { CHANNEL_POOL, journeysArb, relabel } from "./arbitraries.js";
import { creditOf, sumOf } from "./helpers.js";

describe("shapleyAttribution (laws)", () => {
  test.prop([journeysArb()])(
    "simplified = exact enumeration of the conversions game = linear per channel",
    (journeys) => {
      const s = shapleyAttribution(journeys);
      const e = shapleyAttribution(journeys, { method: "exact" });
      const l = heuristicAttribution(journeys, { model: "linear", per: "channel" });
      s.channels.forEach((c, i) => {
        expectClose(e.channels[i]!.conversions, c.conversions, { rtol: 1e-12, atol: 1e-12 });
        expectClose(l.channels[i]!.conversions, c.conversions, { rtol: 1e-12, atol: 1e-12 });
        expectClose(l.channels[i]!.value, c.value, { rtol: 1e-12, atol: 1e-9 });
      });
    },
  );

  test.prop([journeysArb()])(
    "efficiency and non-negativity (conversions game); ordered positions sum to simplified",
    (journeys) => {
      const r = shapleyAttribution(journeys, { method: "ordered" });
      expectClose(sumOf(r, "conversions"), r.totalConversions, { rtol: 1e-12 });
      expectClose(sumOf(r, "value"), r.totalValue, { rtol: 1e-12 });
      for (const c of r.channels) {
        expect(c.conversions).toBeGreaterThanOrEqual(0);
        expectClose(
          c.byPosition!.reduce((a, b) => a + b, 0),
          c.conversions,
          { rtol: 1e-12, atol: 1e-12 },
        );
      }
    },
  );

  test.prop([journeysArb(), fc.constantFrom("exact", "monte-carlo" as const)])(
    "efficiency of the conversion-rate game (credits scaled to the totals)",
    (journeys, method) => {
      const r = shapleyAttribution(journeys, { valueFunction: "conversion-rate", method, samples: 20 });
      expectClose(sumOf(r, "conversions"), r.totalConversions, { rtol: 1e-9, atol: 1e-9 });
      expectClose(sumOf(r, "value"), r.totalValue, { rtol: 1e-9, atol: 1e-7 });
    },
  );

  test.prop([journeysArb(["x", "y", "z"])])("symmetric channels get equal credit (rate game, exact)", (journeys) => {
    const swap = (c: string): string => (c === "x" ? "y" : c === "y" ? "x" : c);
    const r = shapleyAttribution([...journeys, ...relabel(journeys, swap)], { valueFunction: "conversion-rate" });
    const x = r.channels.find((c) => c.channel === "x");
    const y = r.channels.find((c) => c.channel === "y");
    expectClose(x?.conversions ?? 0, y?.conversions ?? 0, { rtol: 1e-10, atol: 1e-12 });
  });

  test.prop([
    journeysArb(["p", "q", "r", "s"]),
    fc.shuffledSubarray([...CHANNEL_POOL], { minLength: 4, maxLength: 4 }),
  ])("relabelling channels permutes the credit", (journeys, names) => {
    const map = new Map(["p", "q", "r", "s"].map((c, i) => [c, names[i]!]));
    const before = shapleyAttribution(journeys, { valueFunction: "conversion-rate" });
    const after = shapleyAttribution(
      relabel(journeys, (c) => map.get(c)!),
      { valueFunction: "conversion-rate" },
    );
    for (const c of before.channels) {
      expectClose(creditOf(after, map.get(c.channel)!).conversions, c.conversions, { rtol: 1e-12, atol: 1e-12 });
    }
  });

  test.prop([journeysArb(["solo"]), fc.constantFrom("simplified", "ordered", "exact", "monte-carlo" as const)])(
    "single-channel journeys give that channel all credit",
    (journeys, method) => {
      const r = shapleyAttribution(journeys, { method, samples: 10 });
      expectClose(r.channels[0]!.conversions, r.totalConversions, { rtol: 1e-12 });
    },
  );
});
