// Seeded synthetic journeys for the attribution benchmarks (attribution.md §9): a random Markov
// process over `channels` channels, stop probability 0.35 after each touch, conversion probability
// depending on the last channel; `rows` unaggregated journeys.
import type { Journey } from "../src/attribution/types.js";
import { createRandom } from "../src/internal/prng.js";

export function syntheticJourneys(rows: number, channels: number, seed = 1): Journey[] {
  const random = createRandom(seed);
  const names = Array.from({ length: channels }, (_, i) => `channel ${i}`);
  // Sparse-ish random transition preferences: each channel favours a few successors.
  const successors = names.map(() => Array.from({ length: 4 }, () => random.nextInt(channels)));
  const conversionRate = names.map(() => 0.05 + 0.4 * random.next());
  const out: Journey[] = [];
  for (let r = 0; r < rows; r++) {
    let c = random.nextInt(channels);
    const path = [names[c]!];
    while (random.next() > 0.35 && path.length < 40) {
      c = random.next() < 0.7 ? successors[c]![random.nextInt(4)]! : random.nextInt(channels);
      path.push(names[c]!);
    }
    const converted = random.next() < conversionRate[c]!;
    out.push({
      path: path.join(" > "),
      conversions: converted ? 1 : 0,
      nulls: converted ? 0 : 1,
      value: converted ? Math.round(100 * (10 + 90 * random.next())) / 100 : 0,
    });
  }
  return out;
}

/** The same journeys as CSV text in ChannelAttribution's layout. */
export function toCsv(journeys: readonly Journey[]): string {
  const lines = ["path,total_conversions,total_conversion_value,total_null"];
  for (const j of journeys) lines.push(`${j.path as string},${j.conversions},${j.value ?? 0},${j.nulls ?? 0}`);
  return `${lines.join("\n")}\n`;
}
