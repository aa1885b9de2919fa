import { describe, expect, test } from "vitest";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import type { Journey } from "../../src/attribution/types.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";
import { creditOf, expectThrowsNaming } from "./helpers.js";

interface PublishedCase {
  readonly name: string;
  readonly source: string;
  readonly journeys: Journey[];
  readonly expected: Record<string, { conversions: Record<string, string>; value: Record<string, string> }>;
}

const published = loadFixture<PublishedCase>("attribution/published.json");
const tol = published.meta.tolerance;
const DAY = 86_400_000;

const T4: Journey[] = [
  { path: "direct", conversions: 2, nulls: 1 },
  { path: "search > email", conversions: 3, nulls: 2 },
  { path: "search > social > email", conversions: 5, nulls: 4 },
];

describe("heuristicAttribution: published worked examples (attribution.md §8)", () => {
  const settings = {
    "first-touch": { model: "first-touch" },
    "last-touch": { model: "last-touch" },
    "last-non-direct": { model: "last-non-direct", directChannels: ["A"] },
    "linear-touch": { model: "linear", per: "touch" },
    "linear-channel": { model: "linear", per: "channel" },
    "position-based": { model: "position-based" },
  } as const;
  for (const c of published.cases) {
    for (const [key, expected] of Object.entries(c.expected)) {
      const name = key.replace(/^value:/, "");
      if (name.startsWith("markov")) continue;
      test(`${c.name} ${key} (${c.source})`, () => {
        const r = heuristicAttribution(c.journeys, settings[name as keyof typeof settings]);
        for (const [channel, v] of Object.entries(expected.conversions)) {
          expectClose(creditOf(r, channel).conversions, num(v), tol, `${c.name} ${key} ${channel} conversions`);
        }
        for (const [channel, v] of Object.entries(expected.value)) {
          expectClose(creditOf(r, channel).value, num(v), tol, `${c.name} ${key} ${channel} value`);
        }
      });
    }
  }
});

describe("heuristicAttribution: documented example", () => {
  test("eeghor journeys, position-based and linear per channel", () => {
    const r = heuristicAttribution(T4, { model: "position-based" });
    expect(r.channels.map((c) => [c.channel, c.conversions])).toEqual([
      ["direct", 2],
      ["search", 3.5],
      ["email", 3.5],
      ["social", 1],
    ]);
    expectClose(heuristicAttribution(T4, { model: "linear", per: "channel" }).channels[1]!.conversions, 19 / 6, {
      rtol: 1e-14,
    });
  });
});

describe("heuristicAttribution: conventions", () => {
  test("linear per touch counts repeats, per channel does not (eeghor a > a > b, y = 6)", () => {
    const j = [{ path: ["a", "a", "b"], conversions: 6 }];
    const touch = heuristicAttribution(j, { model: "linear" });
    expect(touch.per).toBe("touch");
    expectClose(creditOf(touch, "a").conversions, 4, { rtol: 1e-15 });
    expectClose(creditOf(touch, "b").conversions, 2, { rtol: 1e-15 });
    const channel = heuristicAttribution(j, { model: "linear", per: "channel" });
    expect(creditOf(channel, "a").conversions).toBe(3);
    expect(creditOf(channel, "b").conversions).toBe(3);
  });

  test("last-non-direct skips direct touches but an all-direct path keeps Direct", () => {
    const r = heuristicAttribution(
      [
        { path: "Email > Direct > Direct", conversions: 2, value: 20 },
        { path: "Direct > Direct", conversions: 1, value: 5 },
        { path: "Direct > Ads", conversions: 4 },
      ],
      { model: "last-non-direct" },
    );
    expect(r.directChannels).toEqual(["Direct"]);
    expect(r.channels.map((c) => [c.channel, c.conversions, c.value])).toEqual([
      ["Email", 2, 20],
      ["Direct", 1, 5],
      ["Ads", 4, 0],
    ]);
    const custom = heuristicAttribution([{ path: "seo > (none) > typed", conversions: 1 }], {
      model: "last-non-direct",
      directChannels: ["(none)", "typed"],
    });
    expect(creditOf(custom, "seo").conversions).toBe(1);
  });

  test("position-based: 1 touch all, 2 touches by rule, middle touches share the middle weight", () => {
    expect(
      heuristicAttribution([{ path: "a", conversions: 5 }], { model: "position-based" }).channels[0]!.conversions,
    ).toBe(5);
    const two = [{ path: "a > b", conversions: 10 }];
    const renorm = heuristicAttribution(two, { model: "position-based", positionWeights: [0.3, 0, 0.7] });
    expectClose(creditOf(renorm, "a").conversions, 3, { rtol: 1e-14 });
    expectClose(creditOf(renorm, "b").conversions, 7, { rtol: 1e-14 });
    const split = heuristicAttribution(two, {
      model: "position-based",
      positionWeights: [0.3, 0.2, 0.5],
      twoTouchRule: "split-middle",
    });
    expect(split.twoTouchRule).toBe("split-middle");
    expectClose(creditOf(split, "a").conversions, 4, { rtol: 1e-14 });
    expectClose(creditOf(split, "b").conversions, 6, { rtol: 1e-14 });
    const long = heuristicAttribution([{ path: "a > b > b > c", conversions: 1 }], { model: "position-based" });
    expectClose(creditOf(long, "b").conversions, 0.2, { rtol: 1e-14 });
    const zeroEnds = heuristicAttribution(two, { model: "position-based", positionWeights: [0, 1, 0] });
    expect(creditOf(zeroEnds, "a").conversions).toBe(5);
  });

  test("time decay, Google half-life 7 days: published deal check ($175 / $287 / $575 / $3,417 / $7,545)", () => {
    const days = [0, 5, 12, 30, 38];
    const r = heuristicAttribution(
      [{ path: ["a", "b", "c", "d", "e"], conversions: 1, value: 12000, times: days.map((d) => d * DAY) }],
      { model: "time-decay" },
    );
    expect(r.halfLifeDays).toBe(7);
    const published = [175.2, 287.4, 574.9, 3417.0, 7545.4];
    const weights = days.map((d) => 2 ** (-(38 - d) / 7));
    const total = weights.reduce((a, b) => a + b, 0);
    r.channels.forEach((c, i) => {
      expectClose(c.value, published[i]!, { atol: 0.05 }, `published ${c.channel}`);
      expectClose(c.value, (12000 * weights[i]!) / total, { rtol: 1e-14 }, `closed form ${c.channel}`);
    });
  });

  test("time decay check 2 (ages 14, 12, 0 days), Date timestamps and an explicit conversion time", () => {
    const t0 = Date.UTC(2026, 0, 1);
    const r = heuristicAttribution(
      [
        {
          path: "x > y > z",
          conversions: 1,
          times: [new Date(t0), new Date(t0 + 2 * DAY), new Date(t0 + 14 * DAY)],
          conversionTime: new Date(t0 + 14 * DAY),
        },
      ],
      { model: "time-decay" },
    );
    [0.160797, 0.196014, 0.643189].forEach((w, i) => {
      expectClose(r.channels[i]!.conversions, w, { atol: 5e-7 });
    });
  });

  test("time decay in 7-day buckets reproduces DP6's code (1/7, 2/7, 4/7), not its README", () => {
    const r = heuristicAttribution([{ path: "x > y > z", conversions: 7, times: [0, 2 * DAY, 14 * DAY] }], {
      model: "time-decay",
      decayBucketDays: 7,
    });
    expect(r.decayBucketDays).toBe(7);
    expect(r.channels.map((c) => c.conversions)).toEqual([1, 2, 4]);
  });

  test("time decay ages are measured to the conversion time when given", () => {
    const r = heuristicAttribution([{ path: "x > y", conversions: 1, times: [0, 7 * DAY], conversionTime: 14 * DAY }], {
      model: "time-decay",
    });
    expectClose(r.channels[0]!.conversions, 1 / 3, { rtol: 1e-14 });
  });

  test("w-shaped: 30/30/30 to milestones, 10% over the rest; coincident milestones merge", () => {
    const r = heuristicAttribution(
      [
        { path: "a > b > c > d > e", conversions: 10, milestones: { leadCreation: 2, opportunityCreation: 4 } },
        { path: "p > q", conversions: 1, milestones: { leadCreation: 0, opportunityCreation: 1 } },
        { path: "u > v > w", conversions: 1, milestones: { leadCreation: 1, opportunityCreation: 2 } },
      ],
      { model: "w-shaped" },
    );
    const c = (name: string): number => creditOf(r, name).conversions;
    expectClose(c("a"), 3, { rtol: 1e-14 });
    expectClose(c("b"), 0.5, { rtol: 1e-14 });
    expectClose(c("c"), 3, { rtol: 1e-14 });
    expectClose(c("d"), 0.5, { rtol: 1e-14 });
    expectClose(c("e"), 3, { rtol: 1e-14 });
    // First = lead (0.6), opportunity 0.3, no other touch: renormalised to 2/3 and 1/3.
    expectClose(c("p"), 2 / 3, { rtol: 1e-14 });
    expectClose(c("q"), 1 / 3, { rtol: 1e-14 });
    // Three distinct milestones and no other touch: 1/3 each.
    expectClose(c("u"), 1 / 3, { rtol: 1e-14 });
    expect(r.milestoneWeights).toEqual([0.3, 0.3, 0.3, 0.1]);
  });

  test("w-shaped with all weight on the rest and no other touch splits over the milestone touches", () => {
    const r = heuristicAttribution(
      [{ path: "p > q", conversions: 1, milestones: { leadCreation: 1, opportunityCreation: 1 } }],
      { model: "w-shaped", milestoneWeights: [0, 0, 0, 1] },
    );
    expect(r.channels.map((c) => c.conversions)).toEqual([0.5, 0.5]);
  });

  test("no conversions: zero credit with a note, not NaN", () => {
    const r = heuristicAttribution([{ path: "a > b", conversions: 0, nulls: 4 }], { model: "linear" });
    expect(r.totalConversions).toBe(0);
    expect(r.channels).toEqual([
      { channel: "a", conversions: 0, value: 0, share: 0 },
      { channel: "b", conversions: 0, value: 0, share: 0 },
    ]);
    expect(r.notes[0]).toMatch(/no conversions/);
  });

  test("channel names are arbitrary strings", () => {
    const names = ["__proto__", "constructor", "toString", "Paid / Search", "ソーシャル", "hasOwnProperty"];
    const r = heuristicAttribution([{ path: names, conversions: 6 }], { model: "linear" });
    expect(r.channels.map((c) => c.channel)).toEqual(names);
    for (const c of r.channels) expect(c.conversions).toBe(1);
    const s = heuristicAttribution([{ path: " __proto__ | constructor ", conversions: 1 }], {
      model: "last-touch",
      separator: "|",
    });
    expect(s.channels.map((c) => [c.channel, c.conversions])).toEqual([
      ["__proto__", 0],
      ["constructor", 1],
    ]);
  });

  test("multi-character separators, trimming and aggregation of identical paths", () => {
    const r = heuristicAttribution(
      [
        { path: "a  ->  b", conversions: 1, value: 2 },
        { path: ["a", " b "], conversions: 3, value: 4 },
      ],
      { model: "first-touch", separator: "->" },
    );
    expect(r.channels.map((c) => [c.channel, c.conversions, c.value])).toEqual([
      ["a", 4, 6],
      ["b", 0, 0],
    ]);
    expect(r.totalValue).toBe(6);
    expect(r.method).toMatch(/First-touch/);
  });
});

describe("heuristicAttribution: bad input", () => {
  test("unknown model and bad options name every field", () => {
    expectThrowsNaming(
      () =>
        heuristicAttribution(T4, {
          model: "u-shaped" as never,
          positionWeights: [0.5, 0.5, 0.5],
          halfLifeDays: 0,
          milestoneWeights: [0.3, 0.3, 0.3, 0.2],
          per: "user" as never,
          colour: "red",
        } as never),
      "heuristicAttribution",
      [
        "options.model: must be one of",
        "options.positionWeights: must sum to 1",
        "options.halfLifeDays: must be > 0",
        "options.milestoneWeights: must sum to 1",
        'options.per: must be "touch" or "channel"',
        "colour",
      ],
    );
    expectThrowsNaming(() => heuristicAttribution(T4, undefined as never), "heuristicAttribution", [
      "must be an options object",
    ]);
    expectThrowsNaming(
      () => heuristicAttribution(T4, { model: "position-based", positionWeights: [-0.2, 0.8, 0.4] }),
      "heuristicAttribution",
      ["options.positionWeights.0: must be >= 0"],
    );
    expectThrowsNaming(() => heuristicAttribution(T4, { model: "linear", separator: "" }), "heuristicAttribution", [
      "options.separator: must not be empty",
    ]);
  });

  test("bad rows are named with their index and field", () => {
    expectThrowsNaming(
      () =>
        heuristicAttribution(
          [
            { path: "a", conversions: -1 },
            { path: "a", conversions: Number.NaN },
            { path: "a", conversions: 1, nulls: Number.POSITIVE_INFINITY },
            { path: "", conversions: 1 },
            { path: " > > ", conversions: 1 },
            { path: [], conversions: 1 },
            { path: "a", conversions: 0, value: 3 },
            { path: 7 as never, conversions: 1 },
            null as never,
            { path: ["a", 3 as never], conversions: 1 },
            { path: "a > > b", conversions: 1 },
          ],
          { model: "linear" },
        ),
      "heuristicAttribution",
      [
        "journeys.0.conversions: must be a finite number >= 0",
        "journeys.1.conversions: must be a finite number >= 0",
        "journeys.2.nulls: must be a finite number >= 0",
        "journeys.3.path: must name at least one channel",
        'journeys.4.path.0: empty channel name (check the separator ">")',
        "journeys.5.path: must name at least one channel",
        "journeys.6.value: must be 0 when conversions is 0",
        "journeys.7.path: must be a string or an array of channel names",
        "journeys.8: must be an object",
        "journeys.9.path.1: must be a string",
        "journeys.10.path.1: empty channel name",
      ],
    );
    expectThrowsNaming(() => heuristicAttribution("a>b" as never, { model: "linear" }), "heuristicAttribution", [
      "journeys: must be an array of journeys",
    ]);
  });

  test("at most 20 issues are listed, then a count", () => {
    const rows = Array.from({ length: 30 }, () => ({ path: "a", conversions: -1 }));
    try {
      heuristicAttribution(rows, { model: "linear" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).issues).toHaveLength(21);
      expect((error as Error).message).toMatch(/and 10 more issues/);
    }
  });

  test("time decay needs times; w-shaped needs milestones; times and milestones are checked", () => {
    expectThrowsNaming(() => heuristicAttribution(T4, { model: "time-decay" }), "heuristicAttribution", [
      'journeys.0.times: required by model "time-decay"',
      'journeys.2.times: required by model "time-decay"',
    ]);
    expectThrowsNaming(() => heuristicAttribution(T4, { model: "w-shaped" }), "heuristicAttribution", [
      'journeys.0.milestones: required by model "w-shaped"',
    ]);
    expectThrowsNaming(
      () =>
        heuristicAttribution(
          [
            { path: "a > b", conversions: 1, times: [0] },
            { path: "a > b", conversions: 1, times: [0, Number.NaN] },
            { path: "a > b", conversions: 1, times: [0, 5], conversionTime: 1 },
            { path: "a > b", conversions: 1, times: [0, 5], conversionTime: new Date(Number.NaN) },
            { path: "a > b", conversions: 1, times: "0" as never },
            { path: "a > b", conversions: 1, milestones: { leadCreation: 2, opportunityCreation: 0.5 } },
            { path: "a > b", conversions: 1, milestones: { leadCreation: 1, opportunityCreation: 0 } },
            { path: "a > b", conversions: 1, milestones: 3 as never },
          ],
          { model: "time-decay" },
        ),
      "heuristicAttribution",
      [
        "journeys.0.times: must have one timestamp per touch (2)",
        "journeys.1.times.1: must be a finite number (ms) or a valid Date",
        "journeys.2.conversionTime: must not precede any touch time",
        "journeys.3.conversionTime: must be a finite number (ms) or a valid Date",
        "journeys.4.times: must be an array of timestamps",
        "journeys.5.milestones.leadCreation: must be a touch index in [0, 1]",
        "journeys.5.milestones.opportunityCreation: must be a touch index in [0, 1]",
        "journeys.6.milestones.opportunityCreation: must be >= leadCreation",
        "journeys.7.milestones: must be an object",
      ],
    );
  });
});
