/**
 * Type tests for the attribution area (style guide §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type AttributionComparison,
  type AttributionResult,
  buildJourneys,
  type ChannelCredit,
  chooseMarkovOrder,
  compareAttributionModels,
  type HeuristicAttributionResult,
  type HeuristicModel,
  heuristicAttribution,
  type Journey,
  type MarkovAttributionResult,
  type MarkovOrderChoice,
  markovAttribution,
  parseJourneys,
  type ShapleyAttributionResult,
  shapleyAttribution,
} from "../../src/index.js";
import type { DeepReadonly } from "./helpers.js";

const journeys: readonly Journey[] = [
  { path: ["search", "email"], conversions: 1, value: 10, nulls: 2 },
  { path: "search > display", conversions: 0, nulls: 1 },
];

describe("attribution models", () => {
  test("signatures and results", () => {
    expectTypeOf<AttributionResult>().toEqualTypeOf<DeepReadonly<AttributionResult>>();
    expectTypeOf<AttributionResult["channels"]>().toEqualTypeOf<readonly ChannelCredit[]>();

    expectTypeOf(heuristicAttribution).returns.toEqualTypeOf<HeuristicAttributionResult>();
    expectTypeOf<HeuristicAttributionResult>().toExtend<AttributionResult>();
    expectTypeOf<HeuristicAttributionResult>().toEqualTypeOf<DeepReadonly<HeuristicAttributionResult>>();
    expectTypeOf<HeuristicAttributionResult["model"]>().toEqualTypeOf<HeuristicModel>();

    expectTypeOf(markovAttribution).returns.toEqualTypeOf<MarkovAttributionResult>();
    expectTypeOf<MarkovAttributionResult>().toEqualTypeOf<DeepReadonly<MarkovAttributionResult>>();
    expectTypeOf<MarkovAttributionResult["model"]>().toEqualTypeOf<"markov">();

    expectTypeOf(shapleyAttribution).returns.toEqualTypeOf<ShapleyAttributionResult>();
    expectTypeOf<ShapleyAttributionResult>().toEqualTypeOf<DeepReadonly<ShapleyAttributionResult>>();
    expectTypeOf<ShapleyAttributionResult["model"]>().toEqualTypeOf<"shapley">();

    expectTypeOf(compareAttributionModels).returns.toEqualTypeOf<AttributionComparison>();
    expectTypeOf<AttributionComparison>().toEqualTypeOf<DeepReadonly<AttributionComparison>>();
    expectTypeOf(chooseMarkovOrder).returns.toEqualTypeOf<MarkovOrderChoice>();
    expectTypeOf<MarkovOrderChoice>().toEqualTypeOf<DeepReadonly<MarkovOrderChoice>>();
  });

  test("accepts every option", () => {
    heuristicAttribution(journeys, {
      model: "position-based",
      separator: ">",
      per: "channel",
      directChannels: ["direct"],
      positionWeights: [0.4, 0.2, 0.4],
      twoTouchRule: "split-middle",
    });
    heuristicAttribution(journeys, { model: "w-shaped", milestoneWeights: [0.3, 0.3, 0.3, 0.1] });
    heuristicAttribution(journeys, { model: "time-decay", halfLifeDays: 7, decayBucketDays: 1 });
    markovAttribution(journeys, {
      order: 2,
      includeNulls: true,
      method: "simulation",
      solver: "auto",
      simulations: 1000,
      seed: 1,
      maxSteps: 100,
      separator: ">",
    });
    shapleyAttribution(journeys, { method: "monte-carlo", valueFunction: (c) => c.length, samples: 100, seed: 1 });
    compareAttributionModels(journeys, [
      "linear",
      "markov",
      { model: "markov", order: 2, label: "markov-2" },
      { model: "shapley", method: "exact" },
      { model: "first-touch", label: "first" },
    ]);
    chooseMarkovOrder(journeys, { maxOrder: 3, separator: ">" });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error model is required
    heuristicAttribution(journeys, {});
    // @ts-expect-error unknown model
    heuristicAttribution(journeys, { model: "u-shaped" });
    // @ts-expect-error position weights are a triple
    heuristicAttribution(journeys, { model: "position-based", positionWeights: [0.5, 0.5] });
    // @ts-expect-error unknown method
    markovAttribution(journeys, { method: "foo" });
    // @ts-expect-error unknown option key
    markovAttribution(journeys, { iterations: 10 });
    // @ts-expect-error a value function maps a coalition to a number
    shapleyAttribution(journeys, { valueFunction: (c: readonly string[]) => c });
    // @ts-expect-error unknown model name
    compareAttributionModels(journeys, ["foo"]);
    // @ts-expect-error a journey needs conversions
    markovAttribution([{ path: ["a"] }]);
    // @ts-expect-error journeys are an array
    markovAttribution({ path: ["a"], conversions: 1 });
  });
});

describe("journey input", () => {
  test("signatures", () => {
    expectTypeOf(parseJourneys).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(parseJourneys("path,conversions\na,1")).toExtend<readonly Journey[]>();
    expectTypeOf(buildJourneys([{ userId: 1, channel: "a", timestamp: 0 }])).toExtend<readonly Journey[]>();
    buildJourneys(
      [
        { userId: "u", channel: "a", timestamp: new Date(0), milestone: "lead-creation" },
        { userId: "u", timestamp: 1, conversion: true, value: 10 },
      ],
      { lookbackDays: 30, includeNulls: true, untrackedChannel: "(none)" },
    );
    parseJourneys("path;conversions", { delimiter: ";", separator: ">", pathColumn: "path" });
  });

  test("misuse does not compile", () => {
    // @ts-expect-error a touch needs a user and a time
    buildJourneys([{ channel: "a" }]);
    // @ts-expect-error unknown milestone
    buildJourneys([{ userId: 1, timestamp: 0, milestone: "closed-won" }]);
    // @ts-expect-error parseJourneys takes CSV text
    parseJourneys(journeys);
  });
});
