import * as z from "zod/mini";
import { InvalidArgumentError, StatsError } from "../errors.js";
import { createRandom } from "../internal/prng.js";
import { baseResult, type JourneyTable, normalizeJourneys } from "./journeyTable.js";
import {
  type Checked,
  checkAt,
  optionsObject,
  type Parsed,
  parseOptions,
  seedSchema,
  separatorSchema,
} from "./schemas.js";
import type { AttributionResult, ChannelCredit, Journey } from "./types.js";

/** Most channels for exact enumeration (2^20 coalitions). */
const EXACT_LIMIT = 20;

const optionsSchema = optionsObject({
  method: z.optional(
    z.enum(["simplified", "ordered", "exact", "monte-carlo"], {
      error: 'must be "simplified", "ordered", "exact" or "monte-carlo"',
    }),
  ),
  valueFunction: z.optional(
    z.custom<ShapleyValueFunction>((v) => v === "conversions" || v === "conversion-rate" || typeof v === "function", {
      error: 'must be "conversions", "conversion-rate" or a function (coalition) => number',
    }),
  ),
  samples: z.optional(
    z
      .number({ error: "must be a finite number" })
      .check(
        z.int({ error: "must be an integer" }),
        z.gte(2, { error: "must be >= 2" }),
        z.lte(1e8, { error: "must be <= 1e8" }),
      ),
  ),
  seed: z.optional(seedSchema()),
  separator: z.optional(separatorSchema()),
});

/**
 * The cooperative game whose Shapley value is the credit: `"conversions"` (v(S) = conversions of
 * journeys using only channels in S), `"conversion-rate"` (v(S) = conversion rate of those
 * journeys) or a function of the coalition (channel names in order of first appearance) returning a
 * finite number.
 *
 * @public
 */
export type ShapleyValueFunction = "conversions" | "conversion-rate" | ((coalition: readonly string[]) => number);

/**
 * Options of {@link shapleyAttribution}.
 *
 * @public
 */
export interface ShapleyAttributionOptions {
  /**
   * `"simplified"`: Zhao et al.'s closed form for the conversions game, one pass. `"ordered"`: the
   * same split by touch position. `"exact"`: enumeration of every coalition (at most 20 channels).
   * `"monte-carlo"`: random permutations with standard errors.
   * @defaultValue `"simplified"` for the conversions game; otherwise `"exact"` up to 20 channels and
   * `"monte-carlo"` above
   */
  readonly method?: "simplified" | "ordered" | "exact" | "monte-carlo";
  /**
   * The game.
   * @defaultValue `"conversions"`
   */
  readonly valueFunction?: ShapleyValueFunction;
  /**
   * `"monte-carlo"`: number of random permutations (>= 2).
   * @defaultValue `1000`
   */
  readonly samples?: number;
  /**
   * `"monte-carlo"`: seed of the pseudo-random generator.
   * @defaultValue `0`
   */
  readonly seed?: number;
  /**
   * Separator of string paths.
   * @defaultValue `">"`
   */
  readonly separator?: string;
}

/**
 * Shapley credit of one channel.
 *
 * @public
 */
export interface ShapleyChannelCredit extends ChannelCredit {
  /** φ_c, the Shapley value in the units of the game (conversions, a rate, or the function's units). */
  readonly shapleyValue: number;
  /** `"monte-carlo"` only: standard error of `conversions` (sd of the marginal contributions / √samples, rescaled). */
  readonly conversionsStandardError?: number;
  /** `"ordered"` only: conversions credited at touch position 1, 2, … (sums to `conversions`). */
  readonly byPosition?: readonly number[];
}

/**
 * Result of {@link shapleyAttribution}.
 *
 * @public
 */
export interface ShapleyAttributionResult extends AttributionResult {
  readonly model: "shapley";
  readonly channels: readonly ShapleyChannelCredit[];
  /** The method used. */
  readonly shapleyMethod: "simplified" | "ordered" | "exact" | "monte-carlo";
  /** `"conversions"`, `"conversion-rate"` or `"custom"`. */
  readonly valueFunction: "conversions" | "conversion-rate" | "custom";
  /** v(N) − v(∅): what the Shapley values sum to. */
  readonly grandCoalitionValue: number;
  /** `"monte-carlo"` only. */
  readonly samples?: number;
  /** `"monte-carlo"` only: seed of the pseudo-random generator. */
  readonly seed?: number;
}

/**
 * Shapley-value attribution: each channel's average marginal contribution to a coalition game
 * defined on the journeys.
 *
 * @remarks
 * ```math
 * \varphi_i = \sum_{S \subseteq N\setminus\{i\}} \frac{|S|!\,(n-|S|-1)!}{n!}\,\bigl[v(S\cup\{i\}) - v(S)\bigr]
 * ```
 *
 * With R(T) the conversions of the journeys whose set of distinct channels is exactly T, the
 * conversions game v(S) = Σ_{T⊆S} R(T) has the closed form (Zhao et al.'s "simplified Shapley"):
 *
 * ```math
 * \varphi_i = \sum_{T \ni i} \frac{R(T)}{|T|}
 * ```
 *
 * which is linear attribution per distinct channel (`heuristicAttribution` with `per: "channel"`);
 * it is exact, efficient and never negative. `"ordered"` splits it by touch position:
 * φ_i^(j) = Σ y/(|T|·count_i(p)) over converting paths whose j-th touch is i, so Σ_j φ_i^(j) = φ_i.
 * Value credit for the conversions game uses V in place of y in the same closed form.
 *
 * `"conversion-rate"`: v(S) = Y(S)/(Y(S) + N(S)) over the journeys using only channels in S
 * (0 when there are none), so v(N) is the overall conversion rate; credits are φ_i/v(N) × Σy (and
 * × ΣV for value). This game, like most custom games, is neither monotone nor superadditive:
 * **channels can receive negative credit**, and shares can be negative. A custom function gets
 * the coalition as channel names; credits are φ_i/(v(N) − v(∅)) × Σy.
 *
 * Method: `"simplified"`/`"ordered"` in one pass, O(Σ L); `"exact"` evaluates v on all 2^n
 * coalitions (subset sums by a zeta transform for the built-in games) and sums n·2^(n−1) weighted
 * marginals, n ≤ 20; `"monte-carlo"` averages marginal contributions over `samples` uniformly
 * random permutations (Castro et al. 2009), unbiased, with standard error sd/√samples; for the
 * built-in games each permutation costs O(Σ|T| + n). Every channel seen (null-only ones included)
 * is a player. With no conversions every credit is 0 (noted). Fixtures: the DP6 worked game
 * (OS 7.666667, FB 8.166667, D 3.166667), eeghor's Shapley cases and Zhao's ordered toy, in
 * `test/attribution/shapleyAttribution.test.ts`.
 *
 * @reference Shapley, Lloyd S. 1953. "A Value for n-Person Games." In _Contributions to the Theory of
 * Games II_, edited by H. W. Kuhn and A. W. Tucker, 307–317. Princeton University Press.
 * doi:10.1515/9781400881970-018
 * @reference Zhao, Kaifeng, Seyed Hanif Mahboobi, and Saeed R. Bagheri. 2018. "Shapley Value Methods
 * for Attribution Modeling in Online Advertising." arXiv:1804.05327. doi:10.48550/arXiv.1804.05327
 * @reference Castro, Javier, Daniel Gómez, and Juan Tejada. 2009. "Polynomial Calculation of the
 * Shapley Value Based on Sampling." _Computers & Operations Research_ 36 (5): 1726–1730.
 * doi:10.1016/j.cor.2008.04.004
 *
 * @param journeys - Journeys or aggregated path rows (see {@link Journey}).
 * @param options - See {@link ShapleyAttributionOptions}.
 * @returns A {@link ShapleyAttributionResult}.
 * @throws {@link InvalidArgumentError} for a bad row or option, `"simplified"`/`"ordered"` with a
 * game other than conversions, `"exact"` with more than 20 channels, or a value function returning
 * a non-finite number.
 * @throws {@link StatsError} `"DEGENERATE_DATA"` if a custom game has v(N) = v(∅) while there are
 * conversions (credits cannot be scaled).
 *
 * @example
 * ```ts
 * const journeys = [
 *   { path: "a > b", conversions: 10 },
 *   { path: "b > a > b", conversions: 6 },
 *   { path: "a", conversions: 4 },
 * ];
 * shapleyAttribution(journeys).channels.map((c) => c.conversions); // [12, 8]
 * shapleyAttribution(journeys, { method: "ordered" }).channels.map((c) => c.byPosition);
 * // [[9, 3, 0], [1.5, 5, 1.5]]
 * ```
 * @see {@link heuristicAttribution}, {@link markovAttribution}
 * @since 0.1.0
 * @public
 */
export function shapleyAttribution(
  journeys: readonly Journey[],
  options: ShapleyAttributionOptions = {},
): ShapleyAttributionResult {
  const o = parseOptions("shapleyAttribution", optionsSchema, options);
  const table = normalizeJourneys("shapleyAttribution", journeys, { separator: o.separator ?? ">", aggregate: true });
  return runShapley(table, o);
}

/** Coalitions observed in the journeys: distinct channel sets with their summed y, n, V. */
interface Coalitions {
  /** Members of coalition k: `members[offsets[k] .. offsets[k + 1])`. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
  readonly y: Float64Array;
  readonly n: Float64Array;
  readonly v: Float64Array;
}

function observedCoalitions(table: JourneyTable): Coalitions {
  const index = new Map<string, number>();
  const offsets: number[] = [0];
  const members: number[] = [];
  const y: number[] = [];
  const n: number[] = [];
  const v: number[] = [];
  const set: number[] = [];
  const seen = new Int32Array(table.channels.length).fill(-1);
  for (let r = 0; r < table.rowCount; r++) {
    if (table.conversions[r]! + table.nulls[r]! === 0) continue;
    set.length = 0;
    for (let k = table.pathOffsets[r]!; k < table.pathOffsets[r + 1]!; k++) {
      const c = table.pathChannels[k]!;
      if (seen[c] !== r) {
        seen[c] = r;
        set.push(c);
      }
    }
    set.sort((a, b) => a - b);
    const key = set.join(",");
    let at = index.get(key);
    if (at === undefined) {
      at = y.length;
      index.set(key, at);
      for (const c of set) members.push(c);
      offsets.push(members.length);
      y.push(0);
      n.push(0);
      v.push(0);
    }
    y[at] = y[at]! + table.conversions[r]!;
    n[at] = n[at]! + table.nulls[r]!;
    v[at] = v[at]! + table.values[r]!;
  }
  return {
    offsets: Int32Array.from(offsets),
    members: Int32Array.from(members),
    y: Float64Array.from(y),
    n: Float64Array.from(n),
    v: Float64Array.from(v),
  };
}

/** φ_i = Σ_{T∋i} R(T)/|T| for the weights `w` (y or V). */
function simplified(co: Coalitions, w: Float64Array, channelCount: number): Float64Array {
  const phi = new Float64Array(channelCount);
  for (let k = 0; k < w.length; k++) {
    const a = co.offsets[k]!;
    const b = co.offsets[k + 1]!;
    const share = w[k]! / (b - a);
    for (let m = a; m < b; m++) phi[co.members[m]!] = phi[co.members[m]!]! + share;
  }
  return phi;
}

/**
 * Runs Shapley attribution on a normalised table (shared with `compareAttributionModels`).
 *
 * @internal
 */
export function runShapley(table: JourneyTable, o: Parsed<ShapleyAttributionOptions>): ShapleyAttributionResult {
  const fn = "shapleyAttribution";
  const game = o.valueFunction ?? "conversions";
  const gameName = typeof game === "function" ? "custom" : game;
  const C = table.channels.length;
  const method = o.method ?? (game === "conversions" ? "simplified" : C <= EXACT_LIMIT ? "exact" : "monte-carlo");
  if ((method === "simplified" || method === "ordered") && game !== "conversions") {
    throw new InvalidArgumentError(fn, [
      {
        path: ["options", "method"],
        message: `"${method}" requires valueFunction "conversions"`,
        code: "invalid_option",
      },
    ]);
  }
  if (method === "exact" && C > EXACT_LIMIT) {
    throw new InvalidArgumentError(fn, [
      {
        path: ["options", "method"],
        message: `"exact" enumerates 2^n coalitions and supports at most ${EXACT_LIMIT} channels (got ${C}); use "monte-carlo"`,
        code: "invalid_option",
      },
    ]);
  }
  const co = observedCoalitions(table);
  const totalY = table.totalConversions;
  const totalV = table.totalValue;
  const valuePhi = simplified(co, co.v, C);
  let phi: Float64Array;
  let grand: number;
  let se: Float64Array | undefined;
  let byPosition: Float64Array[] | undefined;
  const notes: string[] = [];

  if (method === "simplified" || method === "ordered") {
    phi = simplified(co, co.y, C);
    grand = totalY;
    if (method === "ordered") byPosition = orderedShapley(table);
  } else {
    const evaluate = gameEvaluator(fn, game, co, table.channels);
    if (method === "exact") {
      const values = evaluate.all(C);
      phi = exactShapley(values, C);
      grand = values[values.length - 1]! - values[0]!;
    } else {
      const samples = o.samples ?? 1000;
      const mc = monteCarloShapley(evaluate, co, C, samples, o.seed ?? 0);
      phi = mc.phi;
      se = mc.se;
      grand = mc.grand;
    }
  }
  if (game !== "conversions" && table.totalConversions > 0) {
    if (grand === 0) {
      throw new StatsError(
        "DEGENERATE_DATA",
        `${fn}: the value function gives v(N) = v(∅), so Shapley values cannot be scaled to conversions`,
      );
    }
    notes.push(
      "this game is not monotone: channels can receive negative credit; conversions = φ / (v(N) − v(∅)) × total conversions",
    );
  }
  const scaleY = game === "conversions" ? 1 : grand !== 0 ? totalY / grand : 0;
  const scaleV = grand !== 0 ? totalV / grand : 0;
  const channels: ShapleyChannelCredit[] = [];
  for (let c = 0; c < C; c++) {
    const conversions = phi[c]! * scaleY;
    let entry: ShapleyChannelCredit = {
      channel: table.channels[c]!,
      conversions,
      value: game === "conversions" ? valuePhi[c]! : phi[c]! * scaleV,
      share: totalY > 0 ? conversions / totalY : 0,
      shapleyValue: phi[c]!,
    };
    if (se !== undefined) entry = { ...entry, conversionsStandardError: se[c]! * Math.abs(scaleY) };
    if (byPosition !== undefined) entry = { ...entry, byPosition: Array.from(byPosition[c]!) };
    channels.push(entry);
  }
  const methodText = {
    simplified: "Shapley value attribution (Zhao et al. simplified closed form)",
    ordered: "Ordered Shapley value attribution (Zhao et al., by touch position)",
    exact: "Shapley value attribution (exact enumeration of coalitions)",
    "monte-carlo": "Shapley value attribution (Monte Carlo permutation sampling)",
  }[method];
  const base = baseResult("shapley", methodText, table, channels, notes);
  const result: ShapleyAttributionResult = {
    ...base,
    model: "shapley",
    channels,
    shapleyMethod: method,
    valueFunction: gameName,
    grandCoalitionValue: grand,
  };
  return method === "monte-carlo" ? { ...result, samples: o.samples ?? 1000, seed: o.seed ?? 0 } : result;
}

/** φ_i^(j): per channel, conversions credited at each touch position. */
function orderedShapley(table: JourneyTable): Float64Array[] {
  const C = table.channels.length;
  let maxL = 0;
  for (let r = 0; r < table.rowCount; r++) maxL = Math.max(maxL, table.pathOffsets[r + 1]! - table.pathOffsets[r]!);
  const out = Array.from({ length: C }, () => new Float64Array(maxL));
  const counts = new Int32Array(C);
  for (let r = 0; r < table.rowCount; r++) {
    const y = table.conversions[r]!;
    if (y === 0) continue;
    const a = table.pathOffsets[r]!;
    const b = table.pathOffsets[r + 1]!;
    let distinct = 0;
    for (let k = a; k < b; k++) if (counts[table.pathChannels[k]!]!++ === 0) distinct++;
    for (let k = a; k < b; k++) {
      const c = table.pathChannels[k]!;
      const row = out[c]!;
      row[k - a] = row[k - a]! + y / (distinct * counts[c]!);
    }
    for (let k = a; k < b; k++) counts[table.pathChannels[k]!] = 0;
  }
  return out;
}

interface GameEvaluator {
  /** v on every coalition, indexed by bitmask (n ≤ 20). */
  all(n: number): Float64Array;
  /** v of one coalition given as a membership mask array. */
  one(members: readonly number[]): number;
  readonly builtIn: "conversions" | "conversion-rate" | undefined;
}

function gameEvaluator(
  fn: string,
  game: ShapleyValueFunction,
  co: Coalitions,
  channels: readonly string[],
): GameEvaluator {
  if (typeof game === "function") {
    const call = (members: readonly number[]): number => {
      const names = members.map((c) => channels[c]!);
      const v = game(names);
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new InvalidArgumentError(fn, [
          {
            path: ["options", "valueFunction"],
            message: `returned ${String(v)} for [${names.map((x) => JSON.stringify(x)).join(", ")}]; it must return a finite number`,
            code: "invalid_value",
          },
        ]);
      }
      return v;
    };
    return {
      builtIn: undefined,
      one: call,
      all: (n) => {
        const size = 2 ** n;
        const values = new Float64Array(size);
        const members: number[] = [];
        for (let mask = 0; mask < size; mask++) {
          members.length = 0;
          for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(i);
          values[mask] = call(members);
        }
        return values;
      },
    };
  }
  const rate = game === "conversion-rate";
  return {
    builtIn: game,
    one: () => Number.NaN, // built-in games use the completion trick instead
    all: (n) => {
      const size = 2 ** n;
      const y = new Float64Array(size);
      const t = rate ? new Float64Array(size) : undefined;
      for (let k = 0; k < co.y.length; k++) {
        let mask = 0;
        for (let m = co.offsets[k]!; m < co.offsets[k + 1]!; m++) mask |= 1 << co.members[m]!;
        y[mask] = y[mask]! + co.y[k]!;
        if (t !== undefined) t[mask] = t[mask]! + co.y[k]! + co.n[k]!;
      }
      // Zeta transform: subset sums.
      for (let i = 0; i < n; i++) {
        const bit = 1 << i;
        for (let mask = 0; mask < size; mask++) {
          if (mask & bit) {
            y[mask] = y[mask]! + y[mask ^ bit]!;
            if (t !== undefined) t[mask] = t[mask]! + t[mask ^ bit]!;
          }
        }
      }
      if (t !== undefined) for (let mask = 0; mask < size; mask++) y[mask] = t[mask]! > 0 ? y[mask]! / t[mask]! : 0;
      return y;
    },
  };
}

function exactShapley(values: Float64Array, n: number): Float64Array {
  const phi = new Float64Array(n);
  // weight(s) = s!(n − s − 1)!/n! = 1/(n·C(n − 1, s)).
  const weight = new Float64Array(n);
  let binom = 1;
  for (let s = 0; s < n; s++) {
    weight[s] = 1 / (n * binom);
    binom = (binom * (n - 1 - s)) / (s + 1);
  }
  const size = values.length;
  for (let mask = 0; mask < size; mask++) {
    let s = 0;
    for (let m = mask; m !== 0; m &= m - 1) s++;
    if (s === n) continue;
    const w = weight[s]!;
    const base = values[mask]!;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i] = phi[i]! + w * (values[mask | bit]! - base);
    }
  }
  return phi;
}

function monteCarloShapley(
  evaluate: GameEvaluator,
  co: Coalitions,
  n: number,
  samples: number,
  seed: number,
): { phi: Float64Array; se: Float64Array; grand: number } {
  const random = createRandom(seed);
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const position = new Int32Array(n);
  const marginal = new Float64Array(n);
  const gainY = new Float64Array(n);
  const gainT = new Float64Array(n);
  const rate = evaluate.builtIn === "conversion-rate";
  let grand = 0;
  const prefix: number[] = [];
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = random.nextInt(i + 1);
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    for (let i = 0; i < n; i++) position[perm[i]!] = i;
    if (evaluate.builtIn !== undefined) {
      // A coalition T enters v at the step where its last member (in permutation order) joins.
      gainY.fill(0);
      gainT.fill(0);
      for (let k = 0; k < co.y.length; k++) {
        let last = -1;
        for (let m = co.offsets[k]!; m < co.offsets[k + 1]!; m++) last = Math.max(last, position[co.members[m]!]!);
        gainY[last] = gainY[last]! + co.y[k]!;
        gainT[last] = gainT[last]! + co.y[k]! + co.n[k]!;
      }
      let y = 0;
      let t = 0;
      let before = 0;
      for (let i = 0; i < n; i++) {
        y += gainY[i]!;
        t += gainT[i]!;
        const after = rate ? (t > 0 ? y / t : 0) : y;
        marginal[perm[i]!] = after - before;
        before = after;
      }
      grand = before;
    } else {
      prefix.length = 0;
      let before = evaluate.one(prefix);
      const empty = before;
      for (let i = 0; i < n; i++) {
        prefix.push(perm[i]!);
        // Coalitions are passed in channel order.
        const after = evaluate.one([...prefix].sort((a, b) => a - b));
        marginal[perm[i]!] = after - before;
        before = after;
      }
      grand = before - empty;
    }
    for (let i = 0; i < n; i++) {
      sum[i] = sum[i]! + marginal[i]!;
      sumSq[i] = sumSq[i]! + marginal[i]! ** 2;
    }
  }
  const phi = new Float64Array(n);
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mean = sum[i]! / samples;
    phi[i] = mean;
    const variance = Math.max(0, (sumSq[i]! - samples * mean * mean) / (samples - 1));
    se[i] = Math.sqrt(variance / samples);
  }
  return { phi, se, grand };
}

/** Validates Shapley options nested at `prefix` (for `compareAttributionModels`). @internal */
export function checkShapleyOptions(
  value: unknown,
  prefix: readonly PropertyKey[],
): Checked<Parsed<ShapleyAttributionOptions>> {
  return checkAt(optionsSchema, value, prefix);
}
