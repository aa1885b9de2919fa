import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type AttributionModelSpec, compareAttributionModels } from "../../src/attribution/compareAttributionModels.js";
import type { Journey } from "../../src/attribution/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { CHANNEL_POOL, journeysArb } from "./arbitraries.js";

const ALL_MODELS: readonly AttributionModelSpec[] = [
  "first-touch",
  "last-touch",
  "last-non-direct",
  "linear",
  { model: "linear", per: "channel" },
  "position-based",
  "time-decay",
  "w-shaped",
  "markov",
  { model: "markov", order: 2 },
  { model: "markov", order: 3, includeNulls: false },
  "shapley",
  { model: "shapley", method: "ordered" },
];

describe("compareAttributionModels (laws over every model)", () => {
  test.prop([journeysArb()])("every column conserves conversions and value and is non-negative", (journeys) => {
    const t = compareAttributionModels(journeys, ALL_MODELS);
    t.models.forEach((label, m) => {
      let conversions = 0;
      let value = 0;
      for (const row of t.channels) {
        expect(row.conversions[m]).toBeGreaterThanOrEqual(0);
        conversions += row.conversions[m]!;
        value += row.value[m]!;
      }
      expectClose(conversions, t.totalConversions, { rtol: 1e-9 }, label);
      expectClose(value, t.totalValue, { rtol: 1e-9 }, label);
    });
  });

  test.prop([
    fc.array(
      fc.tuple(fc.constantFrom(...CHANNEL_POOL), fc.integer({ min: 1, max: 4 }), fc.nat(5), fc.nat(5), fc.nat(100)),
      { minLength: 1, maxLength: 6 },
    ),
  ])("single-channel journeys give the same answer in every model (each channel its own conversions)", (rows) => {
    const journeys: Journey[] = rows.map(([c, L, y, n, aov]) => ({
      path: Array(L).fill(c) as string[],
      conversions: y,
      nulls: n,
      value: y * aov,
      times: Array.from({ length: L }, (_, i) => i * 3_600_000),
      milestones: { leadCreation: 0, opportunityCreation: L - 1 },
    }));
    fc.pre(journeys.some((j) => j.conversions > 0));
    const t = compareAttributionModels(journeys, ALL_MODELS);
    for (const row of t.channels) {
      const own = journeys.filter((j) => j.path[0] === row.channel);
      const y = own.reduce((s, j) => s + j.conversions, 0);
      const v = own.reduce((s, j) => s + (j.value ?? 0), 0);
      row.conversions.forEach((x, m) => {
        expectClose(x, y, { rtol: 1e-12, atol: 1e-12 }, `${t.models[m]} ${row.channel}`);
      });
      row.value.forEach((x, m) => {
        expectClose(x, v, { rtol: 1e-12, atol: 1e-9 }, `${t.models[m]} ${row.channel} value`);
      });
    }
  });

  test.prop([journeysArb(["a", "b", "c"])])(
    "a channel seen only on non-converting paths gets 0 in every model",
    (journeys) => {
      const t = compareAttributionModels(
        [
          ...journeys,
          {
            path: ["ghost"],
            conversions: 0,
            nulls: 3,
            times: [0],
            milestones: { leadCreation: 0, opportunityCreation: 0 },
          },
        ],
        ALL_MODELS,
      );
      const ghost = t.channels.find((c) => c.channel === "ghost")!;
      expect(ghost.conversions.every((x) => x === 0)).toBe(true);
    },
  );
});
