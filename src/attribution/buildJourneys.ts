import * as z from "zod/mini";
import { type InputIssue, InvalidArgumentError } from "../errors.js";
import { optionsObject, parseOptions } from "./schemas.js";
import type { Journey } from "./types.js";

const optionsSchema = optionsObject({
  lookbackDays: z.optional(
    z.custom<number>((v) => typeof v === "number" && v > 0, { error: "must be a number > 0 (Infinity allowed)" }),
  ),
  includeNulls: z.optional(z.boolean({ error: "must be a boolean" })),
  untrackedChannel: z.optional(
    z.string({ error: "must be a string" }).check(z.refine((s) => s.trim() !== "", { error: "must not be empty" })),
  ),
});

/**
 * One event-level row: a touch (a session or an ad interaction) and/or a conversion.
 *
 * @public
 */
export interface TouchEvent {
  /** The user (or any journey key). */
  readonly userId: string | number;
  /** The channel of the touch; may be omitted on a pure conversion event. */
  readonly channel?: string;
  /** When it happened: milliseconds since the epoch or a `Date`. */
  readonly timestamp: number | Date;
  /** Whether the user converted at this event (the event closes a journey). */
  readonly conversion?: boolean;
  /** Value of the conversion (only with `conversion: true`). */
  readonly value?: number;
  /** Marks the touch that created the lead or the opportunity (for the `"w-shaped"` model). */
  readonly milestone?: "lead-creation" | "opportunity-creation";
}

/**
 * Options of {@link buildJourneys}.
 *
 * @public
 */
export interface BuildJourneysOptions {
  /**
   * Touches more than this many days before the conversion (for non-converting tails: before the
   * tail's last touch) are dropped. `Infinity` keeps every touch.
   * @defaultValue `30`
   */
  readonly lookbackDays?: number;
  /**
   * Emit the non-converting tail of each user (touches after the last conversion) as a journey with
   * `nulls: 1`.
   * @defaultValue `true`
   */
  readonly includeNulls?: boolean;
  /**
   * Channel credited with a conversion that has no touch within the lookback window (e.g.
   * `"(untracked)"`). When omitted such a conversion is an error.
   * @defaultValue `undefined`
   */
  readonly untrackedChannel?: string;
}

const DAY_MS = 86_400_000;
const MAX_ISSUES = 20;

/**
 * Builds journeys from event-level data: each user's touches, in time order, are cut into one
 * journey per conversion.
 *
 * @remarks
 * Events are grouped by `userId` and sorted by `timestamp` (ties keep input order). A touch event
 * (one with a `channel`) joins the user's open journey; an event with `conversion: true` closes it
 * (its own channel, if any, is the last touch) and becomes one journey with `conversions: 1`, its
 * `value`, the touch `times` and `conversionTime`. Touches older than `lookbackDays` before the
 * conversion are dropped (they do not carry over to the next journey). Touches after a user's last
 * conversion form a non-converting journey (`nulls: 1`; the lookback is measured from its last
 * touch) unless `includeNulls` is false. When a journey holds both milestone touches (first
 * occurrence of each, lead creation not after opportunity creation), their indices are set as
 * `milestones`. Journeys are returned per user in order of the user's first event, then in time
 * order, unaggregated (so `"time-decay"` can use the times; the models aggregate identical paths
 * themselves). Method: O(m log m) for m events.
 *
 * This is the journey-breaking rule of DP6's `create_journey_id_based_on_conversion` plus a lookback
 * window, written from its description.
 *
 * @param events - Event rows (see {@link TouchEvent}).
 * @param options - See {@link BuildJourneysOptions}.
 * @returns The journeys, ready for every attribution model.
 * @throws {@link InvalidArgumentError} for a bad event (naming its index and field: missing user or
 * timestamp, an event that is neither a touch nor a conversion, a value without a conversion, …) or
 * a conversion without any touch in its lookback window when `untrackedChannel` is not set.
 *
 * @example
 * ```ts
 * const day = 86_400_000;
 * buildJourneys([
 *   { userId: "u1", channel: "Search", timestamp: 0 },
 *   { userId: "u1", channel: "Email", timestamp: 2 * day },
 *   { userId: "u1", timestamp: 3 * day, conversion: true, value: 50 },
 *   { userId: "u1", channel: "Social", timestamp: 4 * day },
 * ]);
 * // [{ path: ["Search", "Email"], conversions: 1, value: 50, nulls: 0, times: [0, 2 * day], conversionTime: 3 * day },
 * //  { path: ["Social"], conversions: 0, value: 0, nulls: 1, times: [4 * day] }]
 * ```
 * @see {@link heuristicAttribution} (`"time-decay"`, `"w-shaped"`), {@link markovAttribution}
 * @since 0.1.0
 * @public
 */
export function buildJourneys(events: readonly TouchEvent[], options: BuildJourneysOptions = {}): Journey[] {
  const fn = "buildJourneys";
  const o = parseOptions(fn, optionsSchema, options);
  if (!Array.isArray(events)) {
    throw new InvalidArgumentError(fn, [
      { path: ["events"], message: "must be an array of events", code: "invalid_type" },
    ]);
  }
  const lookback = (o.lookbackDays ?? 30) * DAY_MS;
  const includeNulls = o.includeNulls ?? true;
  const untracked = o.untrackedChannel?.trim();
  const issues: InputIssue[] = [];
  let issueCount = 0;
  const fail = (path: readonly PropertyKey[], message: string): void => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ path: ["events", ...path], message, code: "invalid_event" });
  };

  const n = events.length;
  const times = new Float64Array(n);
  const users = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const e: unknown = events[i];
    if (typeof e !== "object" || e === null) {
      fail([i], "must be an object { userId, channel?, timestamp, conversion?, value? }");
      continue;
    }
    const ev = e as TouchEvent;
    const before = issueCount;
    if (!(typeof ev.userId === "string" || (typeof ev.userId === "number" && Number.isFinite(ev.userId)))) {
      fail([i, "userId"], "must be a string or a finite number");
    }
    const t =
      typeof ev.timestamp === "number"
        ? ev.timestamp
        : ev.timestamp instanceof Date
          ? ev.timestamp.getTime()
          : Number.NaN;
    if (!Number.isFinite(t)) fail([i, "timestamp"], "must be a finite number (ms) or a valid Date");
    times[i] = t;
    if (ev.channel !== undefined && (typeof ev.channel !== "string" || ev.channel.trim() === "")) {
      fail([i, "channel"], "must be a non-empty string");
    }
    if (ev.conversion !== undefined && typeof ev.conversion !== "boolean") fail([i, "conversion"], "must be a boolean");
    if (ev.channel === undefined && ev.conversion !== true) {
      fail([i, "channel"], "is required unless the event is a conversion");
    }
    if (ev.value !== undefined) {
      if (!(typeof ev.value === "number" && Number.isFinite(ev.value) && ev.value >= 0)) {
        fail([i, "value"], "must be a finite number >= 0");
      } else if (ev.conversion !== true && ev.value > 0) fail([i, "value"], "is only allowed on a conversion");
    }
    if (ev.milestone !== undefined) {
      if (ev.milestone !== "lead-creation" && ev.milestone !== "opportunity-creation") {
        fail([i, "milestone"], 'must be "lead-creation" or "opportunity-creation"');
      } else if (ev.channel === undefined) fail([i, "milestone"], "must be on a touch (an event with a channel)");
    }
    if (issueCount > before) continue;
    let list = users.get(ev.userId);
    if (list === undefined) {
      list = [];
      users.set(ev.userId, list);
    }
    list.push(i);
  }

  const out: Journey[] = [];
  for (const list of users.values()) {
    list.sort((a, b) => times[a]! - times[b]! || a - b);
    let open: number[] = [];
    for (const i of list) {
      const ev = events[i]!;
      if (ev.channel !== undefined) open.push(i);
      if (ev.conversion !== true) continue;
      const t = times[i]!;
      const kept = open.filter((k) => t - times[k]! <= lookback);
      open = [];
      if (kept.length === 0) {
        if (untracked === undefined) {
          fail([i], "conversion has no touch within the lookback window (set options.untrackedChannel to credit it)");
          continue;
        }
        out.push({ path: [untracked], conversions: 1, value: ev.value ?? 0, nulls: 0, times: [t], conversionTime: t });
        continue;
      }
      out.push(journeyOf(events, times, kept, 1, ev.value ?? 0, t));
    }
    if (includeNulls && open.length > 0) {
      const last = times[open[open.length - 1]!]!;
      out.push(
        journeyOf(
          events,
          times,
          open.filter((k) => last - times[k]! <= lookback),
          0,
          0,
          undefined,
        ),
      );
    }
  }
  if (issueCount > 0) {
    if (issueCount > issues.length) {
      issues.push({ path: ["events"], message: `… and ${issueCount - issues.length} more issues`, code: "more" });
    }
    throw new InvalidArgumentError(fn, issues);
  }
  return out;
}

function journeyOf(
  events: readonly TouchEvent[],
  times: Float64Array,
  touches: readonly number[],
  conversions: number,
  value: number,
  conversionTime: number | undefined,
): Journey {
  const path = touches.map((k) => events[k]!.channel!.trim());
  const touchTimes = touches.map((k) => times[k]!);
  const lead = touches.findIndex((k) => events[k]!.milestone === "lead-creation");
  const opportunity = touches.findIndex((k) => events[k]!.milestone === "opportunity-creation");
  const base = { path, conversions, value, nulls: 1 - conversions, times: touchTimes };
  const withTime = conversionTime === undefined ? base : { ...base, conversionTime };
  return lead >= 0 && opportunity >= lead
    ? { ...withTime, milestones: { leadCreation: lead, opportunityCreation: opportunity } }
    : withTime;
}
