// CPU seconds (process.cpuUsage, all threads, garbage collection included) and wall-clock seconds
// (performance.now) of the attribution.md §4 workloads on 1,000,000 synthetic journey rows: one warm-up,
// then RUNS timed calls each.
// Run: npx esbuild benchmarks/attributionCpu.ts --bundle --platform=node --format=esm \
//        --outfile=/tmp/attributionCpu.mjs && node /tmp/attributionCpu.mjs
import { chooseMarkovOrder } from "../src/attribution/chooseMarkovOrder.js";
import { heuristicAttribution } from "../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../src/attribution/markovAttribution.js";
import { parseJourneys } from "../src/attribution/parseJourneys.js";
import { shapleyAttribution } from "../src/attribution/shapleyAttribution.js";
import { syntheticJourneys, toCsv } from "./attributionData.js";

const ROWS = 1_000_000;
const RUNS = 2;
let sink = 0;

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

for (const channels of [20, 100]) {
  const csv = toCsv(syntheticJourneys(ROWS, channels, channels));
  const rows = parseJourneys(csv);
  const workloads: [string, () => number][] = [
    ["parseJourneys", () => parseJourneys(csv).length],
    ["markov order 1", () => markovAttribution(rows).channels[0]!.conversions],
    ["markov order 3", () => markovAttribution(rows, { order: 3 }).channels[0]!.conversions],
    ["shapley simplified", () => shapleyAttribution(rows).channels[0]!.conversions],
    ["heuristic linear", () => heuristicAttribution(rows, { model: "linear" }).channels[0]!.conversions],
    ["chooseMarkovOrder 1-4", () => chooseMarkovOrder(rows, { maxOrder: 4 }).scores[0]!.auc],
  ];
  for (const [name, run] of workloads) {
    sink += run();
    const cpu: string[] = [];
    const wall: string[] = [];
    for (let k = 0; k < RUNS; k++) {
      const c0 = cpuSeconds();
      const w0 = performance.now();
      sink += run();
      wall.push(((performance.now() - w0) / 1000).toFixed(2));
      cpu.push((cpuSeconds() - c0).toFixed(2));
    }
    console.log(`${channels} channels, ${name}: CPU ${cpu.join(" / ")} s, wall ${wall.join(" / ")} s`);
  }
}
if (!Number.isFinite(sink)) throw new Error("non-finite result");
