// Performance bar of attribution.md §9: 1,000,000 unaggregated journey rows (seeded synthetic data,
// 20 and 100 channels): parsing, exact Markov at orders 1 and 3, order selection, simplified Shapley,
// a heuristic.
// Inputs are built outside the measured callbacks; every result is folded into a sink checked to be
// finite. Run: npx vitest bench --run benchmarks/attribution.bench.ts
import { afterAll, bench, describe, expect } from "vitest";
import { chooseMarkovOrder } from "../src/attribution/chooseMarkovOrder.js";
import { heuristicAttribution } from "../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../src/attribution/markovAttribution.js";
import { parseJourneys } from "../src/attribution/parseJourneys.js";
import { shapleyAttribution } from "../src/attribution/shapleyAttribution.js";
import type { Journey } from "../src/attribution/types.js";
import { syntheticJourneys, toCsv } from "./attributionData.js";

const ROWS = 1_000_000;
const options = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };
let sink = 0;

for (const channels of [20, 100]) {
  describe(`attribution, ${ROWS} rows, ${channels} channels`, () => {
    let csv = "";
    let rows: Journey[] = [];
    const data = (): Journey[] => {
      if (rows.length === 0) {
        csv = toCsv(syntheticJourneys(ROWS, channels, channels));
        rows = parseJourneys(csv);
      }
      return rows;
    };
    bench(
      "parseJourneys (CSV text)",
      () => {
        data();
        sink += parseJourneys(csv).length;
      },
      options,
    );
    bench(
      "markovAttribution order 1 exact",
      () => {
        sink += markovAttribution(data()).channels[0]!.conversions;
      },
      options,
    );
    bench(
      "markovAttribution order 3 exact",
      () => {
        sink += markovAttribution(data(), { order: 3 }).channels[0]!.conversions;
      },
      options,
    );
    bench(
      "chooseMarkovOrder maxOrder 4",
      () => {
        sink += chooseMarkovOrder(data(), { maxOrder: 4 }).scores[0]!.auc;
      },
      options,
    );
    bench(
      "shapleyAttribution simplified",
      () => {
        sink += shapleyAttribution(data()).channels[0]!.conversions;
      },
      options,
    );
    bench(
      "heuristicAttribution linear",
      () => {
        sink += heuristicAttribution(data(), { model: "linear" }).channels[0]!.conversions;
      },
      options,
    );
  });
}

afterAll(() => {
  expect(Number.isFinite(sink)).toBe(true);
});
