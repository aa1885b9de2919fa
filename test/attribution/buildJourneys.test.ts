import { describe, expect, test } from "vitest";
import { buildJourneys } from "../../src/attribution/buildJourneys.js";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import { expectClose } from "../helpers/expectClose.js";
import { expectThrowsNaming } from "./helpers.js";

const day = 86_400_000;

describe("buildJourneys", () => {
  test("documented example", () => {
    expect(
      buildJourneys([
        { userId: "u1", channel: "Search", timestamp: 0 },
        { userId: "u1", channel: "Email", timestamp: 2 * day },
        { userId: "u1", timestamp: 3 * day, conversion: true, value: 50 },
        { userId: "u1", channel: "Social", timestamp: 4 * day },
      ]),
    ).toEqual([
      { path: ["Search", "Email"], conversions: 1, value: 50, nulls: 0, times: [0, 2 * day], conversionTime: 3 * day },
      { path: ["Social"], conversions: 0, value: 0, nulls: 1, times: [4 * day] },
    ]);
  });

  test("sorts by time per user, ends a journey at each conversion, keeps users in first-seen order", () => {
    const journeys = buildJourneys([
      { userId: 2, channel: "b1", timestamp: new Date(5 * day) },
      { userId: "u", channel: "late", timestamp: 9 * day },
      { userId: "u", channel: "early", timestamp: 1 * day },
      { userId: "u", channel: "buy-session", timestamp: 3 * day, conversion: true, value: 10 },
      { userId: 2, channel: "b0", timestamp: 4 * day },
      { userId: "u", timestamp: 10 * day, conversion: true },
    ]);
    expect(journeys).toEqual([
      { path: ["b0", "b1"], conversions: 0, value: 0, nulls: 1, times: [4 * day, 5 * day] },
      {
        path: ["early", "buy-session"],
        conversions: 1,
        value: 10,
        nulls: 0,
        times: [day, 3 * day],
        conversionTime: 3 * day,
      },
      { path: ["late"], conversions: 1, value: 0, nulls: 0, times: [9 * day], conversionTime: 10 * day },
    ]);
  });

  test("lookback drops old touches; tails use their last touch; nulls can be left out", () => {
    const events = [
      { userId: "u", channel: "old", timestamp: 0 },
      { userId: "u", channel: "recent", timestamp: 25 * day },
      { userId: "u", timestamp: 35 * day, conversion: true },
      { userId: "u", channel: "t1", timestamp: 40 * day },
      { userId: "u", channel: "t2", timestamp: 80 * day },
    ];
    expect(buildJourneys(events).map((j) => j.path)).toEqual([["recent"], ["t2"]]);
    expect(buildJourneys(events, { lookbackDays: 40 }).map((j) => j.path)).toEqual([
      ["old", "recent"],
      ["t1", "t2"],
    ]);
    expect(buildJourneys(events, { includeNulls: false }).map((j) => j.path)).toEqual([["recent"]]);
    expect(buildJourneys(events, { lookbackDays: Number.POSITIVE_INFINITY }).map((j) => j.path)).toEqual([
      ["old", "recent"],
      ["t1", "t2"],
    ]);
  });

  test("a conversion without touches goes to untrackedChannel, or is an error naming the event", () => {
    const events = [
      { userId: "u", channel: "a", timestamp: 0 },
      { userId: "u", timestamp: 1, conversion: true },
      { userId: "u", timestamp: 2, conversion: true, value: 5 },
    ];
    expect(buildJourneys(events, { untrackedChannel: "(untracked)" })[1]).toEqual({
      path: ["(untracked)"],
      conversions: 1,
      value: 5,
      nulls: 0,
      times: [2],
      conversionTime: 2,
    });
    expectThrowsNaming(() => buildJourneys(events), "buildJourneys", [
      "events.2: conversion has no touch within the lookback window",
    ]);
  });

  test("milestones become touch indices for the w-shaped model", () => {
    const journeys = buildJourneys([
      { userId: "b2b", channel: "webinar", timestamp: 0 },
      { userId: "b2b", channel: "ebook", timestamp: day, milestone: "lead-creation" },
      { userId: "b2b", channel: "blog", timestamp: 2 * day },
      { userId: "b2b", channel: "demo", timestamp: 3 * day, milestone: "opportunity-creation" },
      { userId: "b2b", channel: "sales call", timestamp: 4 * day, conversion: true, value: 1000 },
    ]);
    expect(journeys[0]!.milestones).toEqual({ leadCreation: 1, opportunityCreation: 3 });
    const w = heuristicAttribution(journeys, { model: "w-shaped" });
    expect(w.channels.map((c) => Math.round(c.value))).toEqual([300, 300, 50, 300, 50]);
  });

  test("journeys feed time decay and Markov directly", () => {
    const journeys = buildJourneys([
      { userId: 1, channel: "x", timestamp: 0 },
      { userId: 1, channel: "y", timestamp: 7 * day, conversion: true },
      { userId: 2, channel: "y", timestamp: 0 },
    ]);
    const td = heuristicAttribution(journeys, { model: "time-decay" });
    expectClose(td.channels[0]!.conversions, 1 / 3, { rtol: 1e-14 });
    const m = markovAttribution(journeys);
    expectClose(m.conversionProbability, 0.5, { rtol: 1e-14 });
  });

  test("bad events and options are named", () => {
    expectThrowsNaming(
      () =>
        buildJourneys([
          { userId: undefined as never, channel: "a", timestamp: 0 },
          { userId: "u", channel: "a", timestamp: Number.NaN },
          { userId: "u", channel: " ", timestamp: 0 },
          { userId: "u", timestamp: 0 },
          { userId: "u", channel: "a", timestamp: 0, value: 3 },
          { userId: "u", channel: "a", timestamp: 0, conversion: "yes" as never },
          { userId: "u", timestamp: 0, conversion: true, milestone: "lead-creation" },
          { userId: "u", channel: "a", timestamp: 0, milestone: "won" as never },
          null as never,
          { userId: "u", timestamp: 0, conversion: true, value: -1 },
        ]),
      "buildJourneys",
      [
        "events.0.userId: must be a string or a finite number",
        "events.1.timestamp: must be a finite number (ms) or a valid Date",
        "events.2.channel: must be a non-empty string",
        "events.3.channel: is required unless the event is a conversion",
        "events.4.value: is only allowed on a conversion",
        "events.5.conversion: must be a boolean",
        "events.6.milestone: must be on a touch",
        'events.7.milestone: must be "lead-creation" or "opportunity-creation"',
        "events.8: must be an object",
        "events.9.value: must be a finite number >= 0",
      ],
    );
    expectThrowsNaming(() => buildJourneys({} as never), "buildJourneys", ["events: must be an array of events"]);
    expectThrowsNaming(
      () => buildJourneys([], { lookbackDays: 0, includeNulls: 1 as never, untrackedChannel: " ", window: 3 } as never),
      "buildJourneys",
      [
        "options.lookbackDays: must be a number > 0 (Infinity allowed)",
        "options.includeNulls: must be a boolean",
        "options.untrackedChannel: must not be empty",
        'unknown option "window"',
      ],
    );
    expect(buildJourneys([])).toEqual([]);
  });
});
