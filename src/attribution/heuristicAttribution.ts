import * as z from "zod/mini";
import { baseResult, channelCredits, type JourneyTable, normalizeJourneys, throwRowIssues } from "./journeyTable.js";
import {
  type Checked,
  checkAt,
  optionsObject,
  type Parsed,
  parseOptions,
  separatorSchema,
  sumsToOne,
} from "./schemas.js";
import type { AttributionResult, Journey } from "./types.js";

/**
 * The rule-based attribution models.
 *
 * @public
 */
export type HeuristicModel =
  | "first-touch"
  | "last-touch"
  | "last-non-direct"
  | "linear"
  | "position-based"
  | "time-decay"
  | "w-shaped";

const MODELS = [
  "first-touch",
  "last-touch",
  "last-non-direct",
  "linear",
  "position-based",
  "time-decay",
  "w-shaped",
] as const;

const nonNegativeWeight = z
  .number({ error: "must be a finite number" })
  .check(z.nonnegative({ error: "must be >= 0" }));

const optionsSchema = optionsObject({
  model: z.enum(MODELS, {
    error: `must be one of ${MODELS.map((m) => `"${m}"`).join(", ")}`,
  }),
  separator: z.optional(separatorSchema()),
  per: z.optional(z.enum(["touch", "channel"], { error: 'must be "touch" or "channel"' })),
  directChannels: z.optional(
    z.array(z.string({ error: "must be a string" }), { error: "must be an array of channel names" }),
  ),
  positionWeights: z.optional(
    z
      .tuple([nonNegativeWeight, nonNegativeWeight, nonNegativeWeight], {
        error: "must be [first, middle, last], three numbers >= 0",
      })
      .check(z.refine((w) => sumsToOne(w), { error: "must sum to 1" })),
  ),
  twoTouchRule: z.optional(
    z.enum(["renormalize", "split-middle"], { error: 'must be "renormalize" or "split-middle"' }),
  ),
  halfLifeDays: z.optional(z.number({ error: "must be a finite number" }).check(z.positive({ error: "must be > 0" }))),
  decayBucketDays: z.optional(
    z.number({ error: "must be a finite number" }).check(z.positive({ error: "must be > 0" })),
  ),
  milestoneWeights: z.optional(
    z
      .tuple([nonNegativeWeight, nonNegativeWeight, nonNegativeWeight, nonNegativeWeight], {
        error: "must be [first, leadCreation, opportunityCreation, rest], four numbers >= 0",
      })
      .check(z.refine((w) => sumsToOne(w), { error: "must sum to 1" })),
  ),
});

/**
 * Options of {@link heuristicAttribution}. Options that do not apply to the chosen model are
 * accepted and ignored (so one options object can drive several models).
 *
 * @public
 */
export interface HeuristicAttributionOptions {
  /** The model. */
  readonly model: HeuristicModel;
  /**
   * Separator of string paths (any length; names are trimmed).
   * @defaultValue `">"`
   */
  readonly separator?: string;
  /**
   * `"linear"`: equal credit per touch (a repeated channel earns more; ChannelAttribution's
   * `linear_touch`) or per distinct channel (identical to Zhao's simplified Shapley value).
   * @defaultValue `"touch"`
   */
  readonly per?: "touch" | "channel";
  /**
   * `"last-non-direct"`: channel names treated as direct traffic (exact, case-sensitive match).
   * @defaultValue `["Direct"]`
   */
  readonly directChannels?: readonly string[];
  /**
   * `"position-based"`: weights of the first touch, all middle touches together and the last touch;
   * non-negative, summing to 1.
   * @defaultValue `[0.4, 0.2, 0.4]`
   */
  readonly positionWeights?: readonly [number, number, number];
  /**
   * `"position-based"` with exactly two touches: `"renormalize"` gives first/(first + last) and
   * last/(first + last) (eeghor/mta); `"split-middle"` adds half the middle weight to each end (DP6).
   * Both give 50/50 with the default weights.
   * @defaultValue `"renormalize"`
   */
  readonly twoTouchRule?: "renormalize" | "split-middle";
  /**
   * `"time-decay"`: half-life in days; a touch `Δt` before the conversion weighs `2^(−Δt/halfLife)`.
   * @defaultValue `7`
   */
  readonly halfLifeDays?: number;
  /**
   * `"time-decay"`: when set, ages are rounded down to whole buckets of this many days before
   * decaying (DP6's step variant: `decayBucketDays = halfLifeDays = 7` gives weights `0.5^⌊Δt/7⌋`).
   * @defaultValue `undefined` (continuous decay)
   */
  readonly decayBucketDays?: number;
  /**
   * `"w-shaped"`: weights of the first touch, the lead-creation touch, the opportunity-creation touch
   * and all remaining touches together; non-negative, summing to 1.
   * @defaultValue `[0.3, 0.3, 0.3, 0.1]`
   */
  readonly milestoneWeights?: readonly [number, number, number, number];
}

/**
 * Result of {@link heuristicAttribution}: the shared fields plus the settings the model used.
 *
 * @public
 */
export interface HeuristicAttributionResult extends AttributionResult {
  readonly model: HeuristicModel;
  /** `"linear"` only. */
  readonly per?: "touch" | "channel";
  /** `"last-non-direct"` only. */
  readonly directChannels?: readonly string[];
  /** `"position-based"` only. */
  readonly positionWeights?: readonly [number, number, number];
  /** `"position-based"` only. */
  readonly twoTouchRule?: "renormalize" | "split-middle";
  /** `"time-decay"` only. */
  readonly halfLifeDays?: number;
  /** `"time-decay"` with buckets only. */
  readonly decayBucketDays?: number;
  /** `"w-shaped"` only. */
  readonly milestoneWeights?: readonly [number, number, number, number];
}

const DAY_MS = 86_400_000;

/**
 * Rule-based multi-touch attribution: first touch, last touch, last non-direct, linear,
 * position-based (U-shaped), time decay and W-shaped.
 *
 * @remarks
 * Each converting path p = (c₁, …, c_L) with y conversions and value V gets a credit vector w(p)
 * over its touches summing to 1; a channel earns the sum over its touches:
 *
 * ```math
 * \text{conversions}_c = \sum_p y_p \sum_{i:\,c_i = c} w_i(p),\qquad
 * \text{value}_c = \sum_p V_p \sum_{i:\,c_i = c} w_i(p)
 * ```
 *
 * Models and their conventions (touches are counted as given: no de-duplication of repeats):
 * - `"first-touch"`: w₁ = 1. `"last-touch"`: w_L = 1.
 * - `"last-non-direct"`: all credit to the last touch whose channel is not in `directChannels`; a
 *   path of direct touches only keeps its last (direct) touch (DP6 `attribution_last_click_non`). No
 *   lookback window is applied.
 * - `"linear"`: `per: "touch"` gives w_i = 1/L (a channel touched twice earns twice);
 *   `per: "channel"` gives 1/|set(p)| to each distinct channel, which is exactly Zhao et al.'s
 *   simplified Shapley value (see {@link shapleyAttribution}).
 * - `"position-based"` with weights (f, m, l): L = 1 → 1; L = 2 → `twoTouchRule`; L ≥ 3 → f to the
 *   first touch, l to the last, m/(L − 2) to each middle touch (Google's 40/20/40 by default).
 * - `"time-decay"`: w_i ∝ 2^(−Δt_i/H), Δt_i the time from touch i to the conversion (the
 *   `conversionTime` of the journey, else its last touch), H = `halfLifeDays` (Google's 7-day
 *   half-life); with `decayBucketDays` = B the age is ⌊Δt_i/B⌋·B. Every converting journey must
 *   carry `times`.
 * - `"w-shaped"`: weights (f, a, o, r) go to the first touch, the lead-creation touch and the
 *   opportunity-creation touch (merged when they coincide) and r is split evenly over the other
 *   touches. Policy when no other touch exists (e.g. L ≤ 3 with distinct milestones): the milestone
 *   weights are renormalised to sum to 1. Every converting journey must carry `milestones`.
 *
 * Method: one pass over the (aggregated) paths; O(Σ L) time, memory proportional to the number of
 * distinct paths. Rows with zero conversions contribute nothing. With no conversions at all every
 * credit is 0 and `notes` says so. Credits are returned for every channel in order of first
 * appearance. Conforms to the heuristic outputs of R ChannelAttribution `heuristic_models`
 * (first, last, linear per touch) and to the eeghor/mta and DP6 conventions cited above; fixtures
 * (published worked examples T1–T5, DP6) in `test/fixtures/attribution/published.json`.
 *
 * @reference Anderl, Eva, Ingo Becker, Florian von Wangenheim, and Jan Hendrik Schumann. 2016.
 * "Mapping the Customer Journey: Lessons Learned from Graph-Based Online Attribution Modeling."
 * _International Journal of Research in Marketing_ 33 (3): 457–474. doi:10.1016/j.ijresmar.2016.03.001
 * @reference Zhao, Kaifeng, Seyed Hanif Mahboobi, and Saeed R. Bagheri. 2018. "Shapley Value Methods
 * for Attribution Modeling in Online Advertising." arXiv:1804.05327. doi:10.48550/arXiv.1804.05327
 *
 * @param journeys - Journeys or aggregated path rows (see {@link Journey}).
 * @param options - The model and its settings (see {@link HeuristicAttributionOptions}).
 * @returns A {@link HeuristicAttributionResult}.
 * @throws {@link InvalidArgumentError} for an unknown model, bad option values (weights that do not
 * sum to 1, a non-positive half-life), a bad journey row (naming the row and field), or a converting
 * journey without the `times` (`"time-decay"`) or `milestones` (`"w-shaped"`) its model needs.
 *
 * @example
 * ```ts
 * // eeghor/mta test journeys
 * const journeys = [
 *   { path: "direct", conversions: 2, nulls: 1 },
 *   { path: "search > email", conversions: 3, nulls: 2 },
 *   { path: "search > social > email", conversions: 5, nulls: 4 },
 * ];
 * heuristicAttribution(journeys, { model: "position-based" }).channels;
 * // [{ channel: "direct", conversions: 2, … }, { channel: "search", conversions: 3.5, … },
 * //  { channel: "email", conversions: 3.5, … }, { channel: "social", conversions: 1, … }]
 * heuristicAttribution(journeys, { model: "linear", per: "channel" }).channels[1]?.conversions; // ≈ 3.1667
 * ```
 * @see {@link markovAttribution}, {@link shapleyAttribution}, {@link compareAttributionModels}
 * @since 0.1.0
 * @public
 */
export function heuristicAttribution(
  journeys: readonly Journey[],
  options: HeuristicAttributionOptions,
): HeuristicAttributionResult {
  const o = parseOptions("heuristicAttribution", optionsSchema, options);
  const model = o.model;
  const needsRows = model === "time-decay" || model === "w-shaped";
  const table = normalizeJourneys("heuristicAttribution", journeys, {
    separator: o.separator ?? ">",
    aggregate: !needsRows,
  });
  return runHeuristic(table, { ...o, model });
}

/**
 * Runs a heuristic model on an already normalised table (shared with `compareAttributionModels`).
 *
 * @internal
 */
export function runHeuristic(
  table: JourneyTable,
  o: Parsed<HeuristicAttributionOptions> & { readonly model: HeuristicModel },
  functionName = "heuristicAttribution",
): HeuristicAttributionResult {
  const model = o.model;
  const nChannels = table.channels.length;
  const credit = new Float64Array(nChannels);
  const valueCredit = new Float64Array(nChannels);
  const { pathOffsets, pathChannels, conversions, values } = table;
  let maxLength = 1;
  for (let r = 0; r < table.rowCount; r++) maxLength = Math.max(maxLength, pathOffsets[r + 1]! - pathOffsets[r]!);
  const w = new Float64Array(maxLength);
  const seen = new Int32Array(nChannels).fill(-1);

  const per = o.per ?? "touch";
  const directChannels = o.directChannels ?? ["Direct"];
  const isDirect = new Uint8Array(nChannels);
  for (const name of directChannels) {
    const id = table.channelIds.get(name.trim());
    if (id !== undefined) isDirect[id] = 1;
  }
  const positionWeights = o.positionWeights ?? [0.4, 0.2, 0.4];
  const twoTouchRule = o.twoTouchRule ?? "renormalize";
  const halfLifeDays = o.halfLifeDays ?? 7;
  const bucketDays = o.decayBucketDays;
  const milestoneWeights = o.milestoneWeights ?? [0.3, 0.3, 0.3, 0.1];

  const issues: { path: PropertyKey[]; message: string }[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const y = conversions[r]!;
    if (y === 0) continue;
    const start = pathOffsets[r]!;
    const L = pathOffsets[r + 1]! - start;
    w.fill(0, 0, L);
    switch (model) {
      case "first-touch":
        w[0] = 1;
        break;
      case "last-touch":
        w[L - 1] = 1;
        break;
      case "last-non-direct": {
        let i = L - 1;
        while (i > 0 && isDirect[pathChannels[start + i]!] === 1) i--;
        // i = 0 here means the first touch is non-direct or every touch is direct: in the latter case
        // the rule keeps the last (direct) touch.
        if (i === 0 && isDirect[pathChannels[start]!] === 1) i = L - 1;
        w[i] = 1;
        break;
      }
      case "linear":
        if (per === "touch") w.fill(1 / L, 0, L);
        else {
          let distinct = 0;
          for (let i = 0; i < L; i++) {
            const c = pathChannels[start + i]!;
            if (seen[c] !== r) {
              seen[c] = r;
              distinct++;
              w[i] = 1;
            }
          }
          for (let i = 0; i < L; i++) w[i] = w[i]! / distinct;
        }
        break;
      case "position-based": {
        const [f, m, l] = positionWeights;
        if (L === 1) w[0] = 1;
        else if (L === 2) {
          if (twoTouchRule === "split-middle") {
            w[0] = f + m / 2;
            w[1] = l + m / 2;
          } else if (f + l > 0) {
            w[0] = f / (f + l);
            w[1] = l / (f + l);
          } else {
            w[0] = 0.5;
            w[1] = 0.5;
          }
        } else {
          w[0] = f;
          w[L - 1] = l;
          for (let i = 1; i < L - 1; i++) w[i] = m / (L - 2);
        }
        break;
      }
      case "time-decay": {
        if (table.hasTimes[r] !== 1) {
          issues.push({ path: ["journeys", r, "times"], message: 'required by model "time-decay"' });
          continue;
        }
        const ct = table.conversionTimes[r]!;
        const end = Number.isNaN(ct) ? table.times[start + L - 1]! : ct;
        const halfLife = halfLifeDays * DAY_MS;
        let minAge = Number.POSITIVE_INFINITY;
        for (let i = 0; i < L; i++) {
          let age = Math.max(0, end - table.times[start + i]!);
          if (bucketDays !== undefined) age = Math.floor(age / (bucketDays * DAY_MS)) * bucketDays * DAY_MS;
          w[i] = age;
          if (age < minAge) minAge = age;
        }
        // Ages relative to the youngest touch: no underflow however old the journey.
        let sum = 0;
        for (let i = 0; i < L; i++) {
          w[i] = 2 ** (-(w[i]! - minAge) / halfLife);
          sum += w[i]!;
        }
        for (let i = 0; i < L; i++) w[i] = w[i]! / sum;
        break;
      }
      case "w-shaped": {
        const lead = table.milestones[2 * r]!;
        const opportunity = table.milestones[2 * r + 1]!;
        if (lead < 0) {
          issues.push({ path: ["journeys", r, "milestones"], message: 'required by model "w-shaped"' });
          continue;
        }
        wShapedWeights(w, L, lead, opportunity, milestoneWeights);
        break;
      }
    }
    const v = values[r]!;
    for (let i = 0; i < L; i++) {
      const wi = w[i]!;
      if (wi === 0) continue;
      const c = pathChannels[start + i]!;
      credit[c] = credit[c]! + y * wi;
      valueCredit[c] = valueCredit[c]! + v * wi;
    }
  }
  if (issues.length > 0) throwRowIssues(functionName, issues);

  const base = baseResult(model, describe(o), table, channelCredits(table, credit, valueCredit), []);
  switch (model) {
    case "linear":
      return { ...base, model, per };
    case "last-non-direct":
      return { ...base, model, directChannels: [...directChannels] };
    case "position-based":
      return { ...base, model, positionWeights: [...positionWeights], twoTouchRule };
    case "time-decay":
      return bucketDays === undefined
        ? { ...base, model, halfLifeDays }
        : { ...base, model, halfLifeDays, decayBucketDays: bucketDays };
    case "w-shaped":
      return { ...base, model, milestoneWeights: [...milestoneWeights] };
    default:
      return { ...base, model };
  }
}

function wShapedWeights(
  w: Float64Array,
  L: number,
  lead: number,
  opportunity: number,
  [f, a, o, rest]: readonly [number, number, number, number],
): void {
  w[0] = w[0]! + f;
  w[lead] = w[lead]! + a;
  w[opportunity] = w[opportunity]! + o;
  let others = 0;
  for (let i = 0; i < L; i++) if (i !== 0 && i !== lead && i !== opportunity) others++;
  if (others > 0) {
    for (let i = 0; i < L; i++) if (i !== 0 && i !== lead && i !== opportunity) w[i] = rest / others;
    return;
  }
  const milestoneSum = f + a + o;
  if (milestoneSum > 0) {
    for (let i = 0; i < L; i++) w[i] = w[i]! / milestoneSum;
    return;
  }
  // All weight was on "rest" and there is no other touch: split evenly over the milestone touches.
  const touches = new Set([0, lead, opportunity]);
  for (const i of touches) w[i] = 1 / touches.size;
}

function describe(o: Parsed<HeuristicAttributionOptions> & { readonly model: HeuristicModel }): string {
  switch (o.model) {
    case "first-touch":
      return "First-touch attribution (all credit to the first touch)";
    case "last-touch":
      return "Last-touch attribution (all credit to the last touch)";
    case "last-non-direct":
      return "Last non-direct touch attribution (direct touches skipped unless the path is all direct)";
    case "linear":
      return (o.per ?? "touch") === "touch"
        ? "Linear attribution (equal credit per touch)"
        : "Linear attribution (equal credit per distinct channel; equals simplified Shapley)";
    case "position-based":
      return "Position-based (U-shaped) attribution";
    case "time-decay":
      return "Time-decay attribution (exponential, half-life in days)";
    case "w-shaped":
      return "W-shaped attribution (first touch, lead creation, opportunity creation)";
  }
}

/** Validates heuristic options nested at `prefix` (for `compareAttributionModels`). @internal */
export function checkHeuristicOptions(
  value: unknown,
  prefix: readonly PropertyKey[],
): Checked<Parsed<HeuristicAttributionOptions> & { readonly model: HeuristicModel }> {
  return checkAt(optionsSchema, value, prefix);
}

/** The heuristic model names. @internal */
export const HEURISTIC_MODELS: readonly HeuristicModel[] = MODELS;
