import { fc } from "@fast-check/vitest";
import type { Journey } from "../../src/attribution/types.js";

/** Channel names that break plain-object maps, plus ordinary ones. */
export const CHANNEL_POOL: readonly string[] = [
  "Direct",
  "__proto__",
  "constructor",
  "toString",
  "Paid / Search",
  "ソーシャル",
  "email",
  "a b",
];

const DAY = 86_400_000;

/** A journey row over `channels`, with times and milestones (so every heuristic model applies). */
export function journeyArb(channels: readonly string[], maxLength = 6): fc.Arbitrary<Journey> {
  return fc
    .record({
      path: fc.array(fc.constantFrom(...channels), { minLength: 1, maxLength }),
      conversions: fc.integer({ min: 0, max: 6 }),
      nulls: fc.integer({ min: 0, max: 6 }),
      aov: fc.double({ min: 1, max: 200, noNaN: true }),
      gaps: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: maxLength, maxLength }),
      leadPick: fc.nat(),
      opportunityPick: fc.nat(),
    })
    .map(({ path, conversions, nulls, aov, gaps, leadPick, opportunityPick }) => {
      const times: number[] = [];
      let t = 0;
      for (let i = 0; i < path.length; i++) {
        t += gaps[i]! * DAY;
        times.push(t);
      }
      const lead = leadPick % path.length;
      const opportunity = lead + (opportunityPick % (path.length - lead));
      return {
        path,
        conversions,
        nulls,
        value: conversions * aov,
        times,
        milestones: { leadCreation: lead, opportunityCreation: opportunity },
      };
    });
}

/** A non-empty journey table with at least one conversion. */
export function journeysArb(channels: readonly string[] = CHANNEL_POOL, maxRows = 8): fc.Arbitrary<Journey[]> {
  return fc
    .array(journeyArb(channels), { minLength: 1, maxLength: maxRows })
    .filter((rows) => rows.some((r) => r.conversions > 0));
}

/** Renames every channel of the journeys through `rename`. */
export function relabel(journeys: readonly Journey[], rename: (name: string) => string): Journey[] {
  return journeys.map((j) => ({ ...j, path: (j.path as string[]).map(rename) }));
}
