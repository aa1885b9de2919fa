import { describe, expect, test } from "vitest";
import { compareAttributionModels } from "../../src/attribution/compareAttributionModels.js";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import { shapleyAttribution } from "../../src/attribution/shapleyAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { expectClose } from "../helpers/expectClose.js";
import { expectThrowsNaming } from "./helpers.js";

const T2: Journey[] = [
  { path: "google ads", conversions: 2, nulls: 1 },
  { path: "mailing", conversions: 1 },
  { path: "google ads > mailing", conversions: 1 },
];
const DAY = 86_400_000;

describe("compareAttributionModels", () => {
  test("documented example (T2, serhiipuzyrov.com)", () => {
    const t = compareAttributionModels(T2, ["first-touch", "last-touch", "markov"]);
    expect(t.models).toEqual(["first-touch", "last-touch", "markov"]);
    expect(t.channels[0]!.channel).toBe("google ads");
    expect(t.channels[0]!.conversions.slice(0, 2)).toEqual([3, 2]);
    expectClose(t.channels[0]!.conversions[2]!, 2.4, { rtol: 1e-14 });
    expectClose(t.channels[1]!.conversions[2]!, 1.6, { rtol: 1e-14 });
    expect(t.totalConversions).toBe(4);
    expect(t.results.map((r) => r.model)).toEqual(["first-touch", "last-touch", "markov"]);
  });

  test("default models and results identical to the individual calls", () => {
    const t = compareAttributionModels(T2);
    expect(t.models).toEqual(["first-touch", "last-touch", "linear", "position-based", "markov", "shapley"]);
    expect(t.results[2]).toEqual(heuristicAttribution(T2, { model: "linear" }));
    expect(t.results[4]).toEqual(markovAttribution(T2));
    expect(t.results[5]).toEqual(shapleyAttribution(T2));
    for (const row of t.channels) expect(row.conversions).toHaveLength(6);
    for (let m = 0; m < 6; m++) {
      expectClose(
        t.channels.reduce((s, row) => s + row.conversions[m]!, 0),
        4,
        { rtol: 1e-13 },
        t.models[m],
      );
    }
  });

  test("model objects with settings, labels, time decay rows and a separator", () => {
    const journeys: Journey[] = [
      { path: "a | b", conversions: 1, value: 10, times: [0, 7 * DAY], nulls: 1 },
      { path: "b", conversions: 2, value: 4, times: [0] },
    ];
    const t = compareAttributionModels(
      journeys,
      [
        { model: "linear", per: "channel" },
        { model: "time-decay", halfLifeDays: 7, label: "decay 7d" },
        { model: "markov", order: 2 },
        { model: "shapley", method: "exact", valueFunction: "conversion-rate" },
        { model: "markov", label: "markov sim", method: "simulation", simulations: 1000 },
      ],
      { separator: "|" },
    );
    expect(t.models).toEqual([
      "linear (per channel)",
      "decay 7d",
      "markov (order 2)",
      "shapley (exact, conversion-rate)",
      "markov sim",
    ]);
    expectClose(t.channels[0]!.conversions[1]!, 1 / 3, { rtol: 1e-14 });
    expect(t.results[4]!.method).toMatch(/simulation/);
  });

  test("bad models are named by index", () => {
    expectThrowsNaming(
      () =>
        compareAttributionModels(T2, [
          "u-shaped" as never,
          { model: "markov", order: 0 },
          { model: "linear", per: "x" as never },
          "linear",
          { model: "shapley", separator: ">" } as never,
          { model: "first-touch", label: "" },
          3 as never,
        ]),
      "compareAttributionModels",
      [
        'models.0.model: must be one of "first-touch"',
        "models.1.order: must be >= 1",
        'models.2.per: must be "touch" or "channel"',
        "models.4.separator: set the separator once",
        "models.5.label: must be a non-empty string",
        "models.6: must be one of",
      ],
    );
    expectThrowsNaming(
      () => compareAttributionModels(T2, ["linear", { model: "linear" }]),
      "compareAttributionModels",
      ['models.1.label: duplicates the label of models.0 ("linear")'],
    );
    expectThrowsNaming(() => compareAttributionModels(T2, []), "compareAttributionModels", [
      "models: must be a non-empty array of models",
    ]);
    expectThrowsNaming(() => compareAttributionModels(T2, ["time-decay"]), "compareAttributionModels", [
      'journeys.0.times: required by model "time-decay"',
    ]);
    expectThrowsNaming(
      () => compareAttributionModels(T2, ["linear"], { sep: "|" } as never),
      "compareAttributionModels",
      ['options: unknown option "sep"'],
    );
  });
});
