import * as z from "zod/mini";
import { baseResult, type JourneyTable, normalizeJourneys } from "./journeyTable.js";
import { buildMarkovGraph, type MarkovGraph } from "./markovGraph.js";
import { foldStandardError, SIMULATION_FOLDS, simulateRemovalEffects } from "./markovSimulate.js";
import { DENSE_LIMIT_HIGHER, DENSE_LIMIT_ORDER1, type MarkovSolver, solveRemovalEffects } from "./markovSolve.js";
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

const optionsSchema = optionsObject({
  order: z.optional(
    z
      .number({ error: "must be a finite number" })
      .check(
        z.int({ error: "must be an integer" }),
        z.gte(1, { error: "must be >= 1" }),
        z.lte(10, { error: "must be <= 10" }),
      ),
  ),
  includeNulls: z.optional(z.boolean({ error: "must be a boolean" })),
  method: z.optional(z.enum(["exact", "simulation"], { error: 'must be "exact" or "simulation"' })),
  solver: z.optional(z.enum(["auto", "dense", "iterative"], { error: 'must be "auto", "dense" or "iterative"' })),
  simulations: z.optional(
    z
      .number({ error: "must be a finite number" })
      .check(
        z.int({ error: "must be an integer" }),
        z.gte(100, { error: "must be >= 100" }),
        z.lte(1e9, { error: "must be <= 1e9" }),
      ),
  ),
  seed: z.optional(seedSchema()),
  maxSteps: z.optional(
    z.custom<number>((v) => typeof v === "number" && v >= 1, { error: "must be a number >= 1 (Infinity allowed)" }),
  ),
  separator: z.optional(separatorSchema()),
});

/**
 * Options of {@link markovAttribution}.
 *
 * @public
 */
export interface MarkovAttributionOptions {
  /**
   * Order k of the chain: states are windows of k consecutive touches (1 to 10).
   * @defaultValue `1`
   */
  readonly order?: number;
  /**
   * Use the `nulls` of each row (non-converting journeys). Without them P(conversion) = 1 and a
   * removal effect is the share of converting paths through the channel.
   * @defaultValue `true`
   */
  readonly includeNulls?: boolean;
  /**
   * `"exact"` (absorbing-chain linear algebra) or `"simulation"` (seeded random walks, with
   * standard errors).
   * @defaultValue `"exact"`
   */
  readonly method?: "exact" | "simulation";
  /**
   * Exact method only. `"dense"`: LU factorisation (order 1: one inverse for all channels; higher
   * orders: one factorisation per channel). `"iterative"`: one sparse Gauss–Seidel solve per channel,
   * eight channels per pass over the transitions, states ordered so that most transition weight
   * points forward, sweeps extrapolated past their slowest mode once its rate has settled; each
   * solve stops when a rigorous bound on the error of P − P₋c (and 𝒱 − 𝒱₋c), taken after a plain
   * sweep, is below 1e-13 of it (the full chain itself is solved to a relative change of 1e-15;
   * 1e-13 rather than 1e-12 keeps P₋c accurate to 1e-12 when it is much smaller than P). `"auto"`:
   * dense for order 1 up to 2,000 states and for higher orders up to 150 states, iterative above.
   * @defaultValue `"auto"`
   */
  readonly solver?: "auto" | "dense" | "iterative";
  /**
   * Simulation only: number of random walks (>= 100), split into 10 batches for the standard errors.
   * @defaultValue `100000`
   */
  readonly simulations?: number;
  /**
   * Simulation only: seed of the pseudo-random generator (integer in [0, 2^32)).
   * @defaultValue `0`
   */
  readonly seed?: number;
  /**
   * Simulation only: transitions after which a walk is stopped and counted as not converting
   * (`Infinity` allowed; the chain is absorbing, so walks end with probability 1).
   * @defaultValue `100000`
   */
  readonly maxSteps?: number;
  /**
   * Separator of string paths.
   * @defaultValue `">"`
   */
  readonly separator?: string;
}

/**
 * Markov credit of one channel.
 *
 * @public
 */
export interface MarkovChannelCredit extends ChannelCredit {
  /** RE_c = 1 − P₋c(conv)/P(conv): the share of conversions lost when the channel is removed. */
  readonly removalEffect: number;
  /** The same for the expected conversion value: 1 − 𝒱₋c/𝒱 (0 without value). */
  readonly valueRemovalEffect: number;
  /** P₋c(conv): conversion probability with the channel removed. */
  readonly conversionProbabilityWithout: number;
  /** Simulation only: standard error of `conversions` (batch means over 10 batches). */
  readonly conversionsStandardError?: number;
  /** Simulation only: standard error of `removalEffect`. */
  readonly removalEffectStandardError?: number;
}

/**
 * A state of the chain.
 *
 * @public
 */
export interface MarkovState {
  /** Display name: `"(start)"`, `"(conversion)"`, `"(null)"` or the channels joined by `" > "`. */
  readonly name: string;
  /** What the state is: the start, a window of channels, or one of the two absorbing states. */
  readonly kind: "start" | "channel" | "conversion" | "null";
  /** The window of channels (empty for the special states). */
  readonly channels: readonly string[];
}

/**
 * A transition of the chain (indices into `states`).
 *
 * @public
 */
export interface MarkovTransition {
  /** Index of the state the transition leaves, in `states`. */
  readonly from: number;
  /** Index of the state the transition enters, in `states`. */
  readonly to: number;
  /** Summed journey weight y + n over the paths using this transition. */
  readonly weight: number;
  /** p(from → to) = weight / Σ weights out of `from`. */
  readonly probability: number;
}

/**
 * Result of {@link markovAttribution}.
 *
 * @public
 */
export interface MarkovAttributionResult extends AttributionResult {
  readonly model: "markov";
  readonly channels: readonly MarkovChannelCredit[];
  /** Order of the chain: how many past channels a state remembers. */
  readonly order: number;
  /** Whether non-converting journeys entered the chain (leading to `(null)`). */
  readonly includeNulls: boolean;
  /** How removal effects were computed. */
  readonly estimation: "exact" | "simulation";
  /** P(conv): probability that a journey from `(start)` converts (Σy/(Σy + Σn) with nulls, 1 without). */
  readonly conversionProbability: number;
  /** 𝒱: expected conversion value per journey from `(start)`. */
  readonly expectedValue: number;
  /** States: index 0 `(start)`, then channel states in order of first appearance, then `(conversion)`, `(null)`. */
  readonly states: readonly MarkovState[];
  /** Every observed transition with its weight and probability. */
  readonly transitions: readonly MarkovTransition[];
  /** How the numbers were obtained. */
  readonly diagnostics: {
    /** `"dense"`, `"iterative"` or `"simulation"`. */
    readonly solver: "dense" | "iterative" | "simulation";
    /** Largest number of Gauss–Seidel sweeps (iterative solver). */
    readonly iterations?: number;
    /** Simulation: number of random walks. */
    readonly simulations?: number;
    /** Simulation: seed of the pseudo-random generator. */
    readonly seed?: number;
    /** Simulation: walks stopped at `maxSteps` before absorption. */
    readonly truncatedWalks?: number;
    /** Longest path, in collapsed states. */
    readonly longestPathStates: number;
  };
}

/**
 * Markov-chain (removal-effect) attribution of Anderl et al., computed exactly by absorbing-chain
 * linear algebra or, on request, by seeded simulation.
 *
 * @remarks
 * Graph (ChannelAttribution's semantics): the states of a path are its windows of k consecutive
 * touches (a path of L ≤ k touches is one state); consecutive identical states are collapsed (at
 * order 1 `A > A > B` becomes A → B); `(start)` → first state, state → state and last state →
 * `(conversion)`/`(null)` get weights y + n, y and n; p(a → b) = w(a, b)/Σ_b′ w(a, b′). With Q the
 * transient block and r(s) = p(s → conversion):
 *
 * ```math
 * N = (I - Q)^{-1},\quad P(\text{conv}) = \sum_s N_{\text{start},s}\, r(s),\quad
 * RE_c = 1 - \frac{P_{-c}(\text{conv})}{P(\text{conv})},\quad
 * \text{conversions}_c = \frac{RE_c}{\sum_j RE_j}\sum_p y_p
 * ```
 *
 * where P₋c redirects every transition into a state containing c to `(null)` (the lost mass is not
 * renormalised over the remaining transitions, and observed paths are not simply dropped). Value:
 * ν(s) = Σ V / Σ y over rows whose last state is s, 𝒱 = Σ_s N_{start,s} r(s) ν(s), RE^v_c = 1 − 𝒱₋c/𝒱
 * and value_c = RE^v_c/Σ_j RE^v_j · Σ V — value depends on the closing state, so it differs from
 * conversions × average order value.
 *
 * Method: at order 1 one LU factorisation gives every removal effect, since
 * P(visit c ∧ convert) = N[start, c]·h(c)/N[c, c] with h = N r; at higher orders one solve of
 * x = e_start + x Q₋c per channel (dense LU; on large graphs Gauss–Seidel on δ = x − x₋c, which is
 * zero upstream of the channel's states, with a certified error below 1e-13 relative, eight
 * channels sharing each sweep, strongly connected components in topological order, a
 * feedback-arc heuristic inside them and Aitken extrapolation of the sweeps). Cost: normalising the rows is one pass with no
 * per-row allocation (string paths are scanned in place, identical paths aggregated); the graph is
 * built from distinct paths, so memory grows with distinct paths and states, not rows. Removal effects lie in [0, 1]; a channel on every converting path has RE = 1; self-loops
 * do not change exact order-1 results. Simulation: `simulations` walks from `(start)` with
 * inverse-CDF sampling; RE_c = (#converting walks visiting c)/(#converting walks); standard errors by
 * batch means over 10 batches; walks longer than `maxSteps` count as not converting and are
 * reported. No conversions: every credit is 0 (noted); no nulls: noted, since P(conv) = 1 then.
 * Conforms to R ChannelAttribution `markov_model` graph semantics, with exact values instead of its
 * simulation; fixtures in `test/fixtures/attribution/` (published examples T1–T5 and randomized
 * cases solved by an independent mpmath dense solver, `generate.py`).
 *
 * @reference Anderl, Eva, Ingo Becker, Florian von Wangenheim, and Jan Hendrik Schumann. 2016.
 * "Mapping the Customer Journey: Lessons Learned from Graph-Based Online Attribution Modeling."
 * _International Journal of Research in Marketing_ 33 (3): 457–474. doi:10.1016/j.ijresmar.2016.03.001
 * @reference Kemeny, John G., and J. Laurie Snell. 1976. _Finite Markov Chains_. New York: Springer.
 * (Absorbing chains, fundamental matrix.)
 *
 * @param journeys - Journeys or aggregated path rows (see {@link Journey}); `nulls` are used unless
 * `includeNulls` is false.
 * @param options - See {@link MarkovAttributionOptions}.
 * @returns A {@link MarkovAttributionResult}.
 * @throws {@link InvalidArgumentError} for a bad journey row or option (order outside 1–10, …).
 * @throws {@link StatsError} `"NOT_CONVERGED"` if the iterative solver hits its sweep cap or too few
 * simulated walks convert.
 *
 * @example
 * ```ts
 * // AnalyzeCore's example (T1)
 * const r = markovAttribution([
 *   { path: "C1 > C2 > C3", conversions: 1 },
 *   { path: "C1", conversions: 0, nulls: 1 },
 *   { path: "C2 > C3", conversions: 0, nulls: 1 },
 * ]);
 * r.conversionProbability; // ≈ 0.33333
 * r.channels.map((c) => c.removalEffect); // ≈ [0.5, 1, 1]
 * r.channels.map((c) => c.conversions); // ≈ [0.2, 0.4, 0.4]
 * ```
 * @see {@link heuristicAttribution}, {@link shapleyAttribution}
 * @since 0.1.0
 * @public
 */
export function markovAttribution(
  journeys: readonly Journey[],
  options: MarkovAttributionOptions = {},
): MarkovAttributionResult {
  const o = parseOptions("markovAttribution", optionsSchema, options);
  const table = normalizeJourneys("markovAttribution", journeys, { separator: o.separator ?? ">", aggregate: true });
  return runMarkov(table, o);
}

/**
 * Runs the Markov model on a normalised table (shared with `compareAttributionModels`).
 *
 * @internal
 */
export function runMarkov(table: JourneyTable, o: Parsed<MarkovAttributionOptions>): MarkovAttributionResult {
  const order = o.order ?? 1;
  const includeNulls = o.includeNulls ?? true;
  const estimation = o.method ?? "exact";
  const graph = buildMarkovGraph(table, order, includeNulls);
  const C = table.channels.length;
  const notes: string[] = [];
  if (table.totalConversions > 0 && (!includeNulls || table.totalNulls === 0)) {
    notes.push(
      includeNulls
        ? "the journeys carry no nulls: P(conversion) = 1 and a removal effect is the share of converting paths through the channel"
        : "nulls ignored (includeNulls = false): P(conversion) = 1 and a removal effect is the share of converting paths through the channel",
    );
  }
  const removalEffect = new Float64Array(C);
  const valueRemovalEffect = new Float64Array(C);
  const pWithout = new Float64Array(C);
  let conversionProbability = 0;
  let expectedValue = 0;
  let diagnostics: MarkovAttributionResult["diagnostics"];
  let creditSe: Float64Array | undefined;
  let reSe: Float64Array | undefined;
  if (table.totalConversions === 0) {
    diagnostics = {
      solver: estimation === "simulation" ? "simulation" : "dense",
      longestPathStates: graph.maxPathStates,
    };
  } else if (estimation === "exact") {
    const solver = chooseSolver(graph, o.solver ?? "auto");
    const sol = solveRemovalEffects(graph, C, solver);
    conversionProbability = sol.conversionProbability;
    expectedValue = sol.expectedValue;
    for (let c = 0; c < C; c++) {
      removalEffect[c] = clampUnit(sol.conversionThrough[c]! / conversionProbability);
      valueRemovalEffect[c] = expectedValue > 0 ? clampUnit(sol.valueThrough[c]! / expectedValue) : 0;
      pWithout[c] = Math.max(0, conversionProbability - sol.conversionThrough[c]!);
    }
    diagnostics =
      solver === "iterative"
        ? { solver, iterations: sol.iterations, longestPathStates: graph.maxPathStates }
        : { solver, longestPathStates: graph.maxPathStates };
  } else {
    const walks = o.simulations ?? 100_000;
    const seed = o.seed ?? 0;
    const sim = simulateRemovalEffects(graph, C, table.totalConversions, walks, seed, o.maxSteps ?? 100_000);
    conversionProbability = sim.conversionProbability;
    expectedValue = sim.expectedValue;
    creditSe = new Float64Array(C);
    reSe = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      removalEffect[c] = clampUnit(sim.conversionThrough[c]! / conversionProbability);
      valueRemovalEffect[c] = expectedValue > 0 ? clampUnit(sim.valueThrough[c]! / expectedValue) : 0;
      pWithout[c] = Math.max(0, conversionProbability - sim.conversionThrough[c]!);
      creditSe[c] = foldStandardError(sim.foldCredits, c);
      reSe[c] = foldStandardError(sim.foldRemovalEffects, c);
    }
    if (sim.truncatedWalks > 0) {
      notes.push(`${sim.truncatedWalks} of ${walks} walks reached maxSteps and were counted as not converting`);
    }
    diagnostics = {
      solver: "simulation",
      simulations: walks,
      seed,
      truncatedWalks: sim.truncatedWalks,
      longestPathStates: graph.maxPathStates,
    };
    notes.push(`simulation: standard errors by batch means over ${SIMULATION_FOLDS} batches`);
  }

  let sumRe = 0;
  let sumReV = 0;
  for (let c = 0; c < C; c++) {
    sumRe += removalEffect[c]!;
    sumReV += valueRemovalEffect[c]!;
  }
  const channels: MarkovChannelCredit[] = [];
  for (let c = 0; c < C; c++) {
    const conversions = sumRe > 0 ? (removalEffect[c]! / sumRe) * table.totalConversions : 0;
    const value = sumReV > 0 ? (valueRemovalEffect[c]! / sumReV) * table.totalValue : 0;
    const entry: MarkovChannelCredit = {
      channel: table.channels[c]!,
      conversions,
      value,
      share: table.totalConversions > 0 ? conversions / table.totalConversions : 0,
      removalEffect: removalEffect[c]!,
      valueRemovalEffect: valueRemovalEffect[c]!,
      conversionProbabilityWithout: pWithout[c]!,
    };
    channels.push(
      creditSe !== undefined && reSe !== undefined
        ? { ...entry, conversionsStandardError: creditSe[c]!, removalEffectStandardError: reSe[c]! }
        : entry,
    );
  }
  const method =
    `Markov chain attribution, order ${order}, removal effects ` +
    (estimation === "exact" ? "computed exactly (absorbing chain)" : "estimated by simulation") +
    (includeNulls ? "" : ", nulls ignored");
  const base = baseResult("markov", method, table, channels, notes);
  const { states, transitions } = describeGraph(graph, table);
  return {
    ...base,
    model: "markov",
    channels,
    order,
    includeNulls,
    estimation,
    conversionProbability,
    expectedValue,
    states,
    transitions,
    diagnostics,
  };
}

function clampUnit(x: number): number {
  return Math.min(Math.max(x, 0), 1);
}

function chooseSolver(g: MarkovGraph, requested: "auto" | "dense" | "iterative"): MarkovSolver {
  if (requested !== "auto") return requested;
  const limit = g.order === 1 ? DENSE_LIMIT_ORDER1 : DENSE_LIMIT_HIGHER;
  return g.stateCount <= limit ? "dense" : "iterative";
}

function describeGraph(
  g: MarkovGraph,
  table: JourneyTable,
): { states: MarkovState[]; transitions: MarkovTransition[] } {
  const states: MarkovState[] = [{ name: "(start)", kind: "start", channels: [] }];
  for (let s = 1; s < g.stateCount; s++) {
    const ids = g.stateChannels[s]!;
    const channels: string[] = [];
    for (let i = 0; i < ids.length; i++) channels.push(table.channels[ids[i]!]!);
    states.push({ name: channels.join(" > "), kind: "channel", channels });
  }
  const conversion = states.length;
  states.push({ name: "(conversion)", kind: "conversion", channels: [] });
  const nullState = states.length;
  states.push({ name: "(null)", kind: "null", channels: [] });
  const transitions: MarkovTransition[] = [];
  for (let s = 0; s < g.stateCount; s++) {
    const out = g.outWeight[s]!;
    if (out === 0) continue;
    for (let e = g.edgeOffsets[s]!; e < g.edgeOffsets[s + 1]!; e++) {
      const w = g.edgeWeight[e]!;
      transitions.push({ from: s, to: g.edgeTarget[e]!, weight: w, probability: w / out });
    }
    const y = g.conversionWeight[s]!;
    if (y > 0) transitions.push({ from: s, to: conversion, weight: y, probability: y / out });
    const n = g.nullWeight[s]!;
    if (n > 0) transitions.push({ from: s, to: nullState, weight: n, probability: n / out });
  }
  return { states, transitions };
}

/** Validates Markov options nested at `prefix` (for `compareAttributionModels`). @internal */
export function checkMarkovOptions(
  value: unknown,
  prefix: readonly PropertyKey[],
): Checked<Parsed<MarkovAttributionOptions>> {
  return checkAt(optionsSchema, value, prefix);
}
