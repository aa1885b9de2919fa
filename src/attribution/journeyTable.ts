/**
 * Normalisation of journey input into one compact table shared by every attribution model:
 * channel names interned in order of first appearance (a `Map`, never an object keyed by name),
 * paths as integer ids, identical paths optionally aggregated.
 *
 * @internal
 * @packageDocumentation
 */
import { type InputIssue, InvalidArgumentError } from "../errors.js";
import { ChannelDictionary, SCAN_EMPTY_PATH } from "./channelDictionary.js";
import { FloatBuffer, IntBuffer, SequenceTable } from "./sequenceTable.js";
import type { AttributionResult, ChannelCredit, Journey } from "./types.js";

/** Most issues listed in one error (a million bad rows would make a useless message). */
const MAX_ISSUES = 20;

/** The normalised journeys. @internal */
export interface JourneyTable {
  /** Channel names by id, in order of first appearance. */
  readonly channels: readonly string[];
  /** Channel name to id. */
  readonly channelIds: ReadonlyMap<string, number>;
  /** Number of (possibly aggregated) rows. */
  readonly rowCount: number;
  /** Row r's touches are `pathChannels[pathOffsets[r] .. pathOffsets[r + 1])`. */
  readonly pathOffsets: Int32Array;
  readonly pathChannels: Int32Array;
  readonly conversions: Float64Array;
  readonly values: Float64Array;
  readonly nulls: Float64Array;
  /** Touch times in ms (same layout as `pathChannels`; NaN for rows without times; empty when aggregated). */
  readonly times: Float64Array;
  /** Per row: whether it carried times (empty when aggregated). */
  readonly hasTimes: Uint8Array;
  /** Conversion time in ms per row (NaN when absent; empty when aggregated). */
  readonly conversionTimes: Float64Array;
  /** Per row: lead-creation and opportunity-creation touch indices (-1 when absent; empty when aggregated). */
  readonly milestones: Int32Array;
  readonly totalConversions: number;
  readonly totalValue: number;
  readonly totalNulls: number;
}

/** How to read the journeys. @internal */
export interface NormalizeOptions {
  readonly separator: string;
  /** Merge rows with identical paths (times and milestones are then dropped). */
  readonly aggregate: boolean;
}

/** Splits a path string on `separator` and trims each name (empty names are kept, and rejected later). */
export function splitPath(path: string, separator: string): string[] {
  const parts = path.split(separator);
  for (let i = 0; i < parts.length; i++) parts[i] = parts[i]!.trim();
  return parts;
}

function timeOf(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Validates and normalises `journeys`, throwing one {@link InvalidArgumentError} naming
 * `functionName`, the row and the field of every bad value (at most 20 listed).
 *
 * @internal
 */
export function normalizeJourneys(functionName: string, journeys: unknown, options: NormalizeOptions): JourneyTable {
  const issues: InputIssue[] = [];
  let issueCount = 0;
  const fail = (path: readonly PropertyKey[], message: string): void => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ path: ["journeys", ...path], message, code: "invalid_journey" });
  };
  if (!Array.isArray(journeys)) {
    throw new InvalidArgumentError(functionName, [
      { path: ["journeys"], message: "must be an array of journeys", code: "invalid_type" },
    ]);
  }
  const { separator, aggregate } = options;
  const dictionary = new ChannelDictionary();
  const channels = dictionary.names;
  const n = journeys.length;
  // Aggregated: paths live in the sequence table (row id = sequence id). Otherwise: plain buffers.
  const paths = aggregate ? new SequenceTable() : undefined;
  const pathChannels = new IntBuffer();
  const pathOffsets = new IntBuffer();
  pathOffsets.push(0);
  const conv = new FloatBuffer();
  const vals = new FloatBuffer();
  const nul = new FloatBuffer();
  const times = new FloatBuffer();
  const hasTimes = new IntBuffer();
  const convTimes = new FloatBuffer();
  const miles = new IntBuffer();
  let totalConversions = 0;
  let totalValue = 0;
  let totalNulls = 0;
  let rowTimes: number[] | undefined;

  for (let r = 0; r < n; r++) {
    const row: unknown = journeys[r];
    if (typeof row !== "object" || row === null) {
      fail([r], "must be an object { path, conversions, value?, nulls? }");
      continue;
    }
    const j = row as Journey;
    const before = issueCount;
    const y = j.conversions;
    const v = j.value === undefined ? 0 : j.value;
    const m = j.nulls === undefined ? 0 : j.nulls;
    if (!isCount(y)) fail([r, "conversions"], "must be a finite number >= 0");
    if (!isCount(v)) fail([r, "value"], "must be a finite number >= 0");
    else if (v > 0 && y === 0) fail([r, "value"], "must be 0 when conversions is 0");
    if (!isCount(m)) fail([r, "nulls"], "must be a finite number >= 0");
    // Path: a string is scanned in place (no split); an array is looked up name by name.
    const rawPath = j.path;
    let L = 0;
    let pathOk = true;
    if (typeof rawPath === "string") {
      L = dictionary.scan(rawPath, separator);
      if (L === SCAN_EMPTY_PATH) {
        fail([r, "path"], "must name at least one channel");
        pathOk = false;
      } else if (L < 0) {
        fail([r, "path", -2 - L], `empty channel name (check the separator "${separator}")`);
        pathOk = false;
      }
    } else if (Array.isArray(rawPath)) {
      L = rawPath.length;
      if (L === 0) {
        fail([r, "path"], "must name at least one channel");
        pathOk = false;
      } else {
        if (L > dictionary.ids.length) dictionary.ids = new Int32Array(2 * L);
        for (let i = 0; i < L; i++) {
          const raw: unknown = rawPath[i];
          if (typeof raw !== "string") {
            fail([r, "path", i], "must be a string");
            pathOk = false;
            break;
          }
          const id = dictionary.idOf(raw);
          if (id < 0) {
            fail([r, "path", i], "must not be empty");
            pathOk = false;
            break;
          }
          dictionary.ids[i] = id;
        }
      }
    } else {
      fail([r, "path"], "must be a string or an array of channel names");
      continue;
    }
    const ids = dictionary.ids;
    // Times.
    rowTimes = undefined;
    let convTime = Number.NaN;
    if (j.times !== undefined) {
      if (!Array.isArray(j.times)) fail([r, "times"], "must be an array of timestamps");
      else if (pathOk && j.times.length !== L) fail([r, "times"], `must have one timestamp per touch (${L})`);
      else if (pathOk) {
        rowTimes = [];
        for (let i = 0; i < L; i++) {
          const t = timeOf(j.times[i]);
          if (Number.isNaN(t)) {
            fail([r, "times", i], "must be a finite number (ms) or a valid Date");
            rowTimes = undefined;
            break;
          }
          rowTimes.push(t);
        }
      }
    }
    if (j.conversionTime !== undefined) {
      convTime = timeOf(j.conversionTime);
      if (Number.isNaN(convTime)) fail([r, "conversionTime"], "must be a finite number (ms) or a valid Date");
      else if (rowTimes?.some((t) => t > convTime)) {
        fail([r, "conversionTime"], "must not precede any touch time");
      }
    }
    let lead = -1;
    let opportunity = -1;
    if (j.milestones !== undefined) {
      const ms = j.milestones as unknown;
      if (typeof ms !== "object" || ms === null) {
        fail([r, "milestones"], "must be an object { leadCreation, opportunityCreation }");
      } else {
        const { leadCreation, opportunityCreation } = ms as { leadCreation: unknown; opportunityCreation: unknown };
        const okIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < L;
        if (!okIndex(leadCreation)) fail([r, "milestones", "leadCreation"], `must be a touch index in [0, ${L - 1}]`);
        if (!okIndex(opportunityCreation)) {
          fail([r, "milestones", "opportunityCreation"], `must be a touch index in [0, ${L - 1}]`);
        }
        if (okIndex(leadCreation) && okIndex(opportunityCreation)) {
          if (opportunityCreation < leadCreation) {
            fail([r, "milestones", "opportunityCreation"], "must be >= leadCreation");
          } else {
            lead = leadCreation;
            opportunity = opportunityCreation;
          }
        }
      }
    }
    if (issueCount > before || !pathOk || issueCount > 0) continue;
    totalConversions += y;
    totalValue += v;
    totalNulls += m;

    if (paths !== undefined) {
      const id = paths.intern(ids, 0, L);
      if (id < conv.length) {
        conv.data[id] = conv.data[id]! + y;
        vals.data[id] = vals.data[id]! + v;
        nul.data[id] = nul.data[id]! + m;
        continue;
      }
    } else {
      for (let i = 0; i < L; i++) pathChannels.push(ids[i]!);
      pathOffsets.push(pathChannels.length);
    }
    conv.push(y);
    vals.push(v);
    nul.push(m);
    if (paths !== undefined) continue; // aggregated rows keep no times or milestones
    convTimes.push(convTime);
    miles.push(lead);
    miles.push(opportunity);
    if (rowTimes !== undefined) {
      for (const t of rowTimes) times.push(t);
      hasTimes.push(1);
    } else {
      for (let i = 0; i < L; i++) times.push(Number.NaN);
      hasTimes.push(0);
    }
  }
  if (issueCount > 0) {
    if (issueCount > issues.length) {
      issues.push({ path: ["journeys"], message: `… and ${issueCount - issues.length} more issues`, code: "more" });
    }
    throw new InvalidArgumentError(functionName, issues);
  }
  return {
    channels,
    channelIds: trimmedIds(channels),
    rowCount: conv.length,
    pathOffsets: paths !== undefined ? paths.offsets.toArray() : pathOffsets.toArray(),
    pathChannels: paths !== undefined ? paths.items.toArray() : pathChannels.toArray(),
    conversions: conv.toArray(),
    values: vals.toArray(),
    nulls: nul.toArray(),
    times: paths !== undefined ? new Float64Array(0) : times.toArray(),
    hasTimes: Uint8Array.from(hasTimes.toArray()),
    conversionTimes: convTimes.toArray(),
    milestones: miles.toArray(),
    totalConversions,
    totalValue,
    totalNulls,
  };
}

/** Name-to-id map over the trimmed names only. */
function trimmedIds(channels: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let id = 0; id < channels.length; id++) map.set(channels[id]!, id);
  return map;
}

/**
 * Builds the `channels` array of a result from per-channel credit accumulators.
 *
 * @internal
 */
export function channelCredits(
  table: JourneyTable,
  conversions: ArrayLike<number>,
  values: ArrayLike<number>,
): ChannelCredit[] {
  const out: ChannelCredit[] = [];
  const total = table.totalConversions;
  for (let c = 0; c < table.channels.length; c++) {
    const y = conversions[c]!;
    out.push({ channel: table.channels[c]!, conversions: y, value: values[c]!, share: total > 0 ? y / total : 0 });
  }
  return out;
}

/** The note every model adds when the input has no conversions. @internal */
export const NO_CONVERSIONS_NOTE =
  "the journeys contain no conversions: every channel gets 0 credit (shares are reported as 0)";

/** The fields shared by every result. @internal */
export function baseResult(
  model: string,
  method: string,
  table: JourneyTable,
  channels: readonly ChannelCredit[],
  notes: readonly string[],
): AttributionResult {
  const allNotes = table.totalConversions === 0 ? [NO_CONVERSIONS_NOTE, ...notes] : [...notes];
  return {
    model,
    method,
    channels,
    totalConversions: table.totalConversions,
    totalValue: table.totalValue,
    notes: allNotes,
  };
}

/**
 * Throws the row issues a model found after normalisation (missing `times`, `milestones`), at most 20
 * listed.
 *
 * @internal
 */
export function throwRowIssues(
  functionName: string,
  issues: readonly { path: PropertyKey[]; message: string }[],
): never {
  const listed: InputIssue[] = issues.slice(0, MAX_ISSUES).map((i) => ({ ...i, code: "invalid_journey" }));
  if (issues.length > MAX_ISSUES) {
    listed.push({ path: ["journeys"], message: `… and ${issues.length - MAX_ISSUES} more issues`, code: "more" });
  }
  throw new InvalidArgumentError(functionName, listed);
}
