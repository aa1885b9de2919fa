/**
 * Exact absorbing-chain computation of Markov removal effects: one dense inverse at order 1, dense
 * or Gauss–Seidel solves per channel at higher orders.
 *
 * @internal
 * @packageDocumentation
 */
import { StatsError } from "../errors.js";
import { luFactor, luInverse, luSolveTransposed } from "./linearAlgebra.js";
import type { MarkovGraph } from "./markovGraph.js";

/** Which linear solver. @internal */
export type MarkovSolver = "dense" | "iterative";

/** Conversion probability and expected value with and without each channel. @internal */
export interface RemovalSolution {
  /** P(conversion) of the full chain. */
  readonly conversionProbability: number;
  /** Expected conversion value per journey of the full chain. */
  readonly expectedValue: number;
  /** P(walk visits a state containing c and converts) = P − P₋c, per channel id. */
  readonly conversionThrough: Float64Array;
  /** The same weighted by the conversion value ν of the closing state: 𝒱 − 𝒱₋c. */
  readonly valueThrough: Float64Array;
  readonly solver: MarkovSolver;
  /** Largest number of Gauss–Seidel sweeps over the solves (0 for dense). */
  readonly iterations: number;
}

/** Relative L1 change per sweep below which Gauss–Seidel stops. */
const GS_TOLERANCE = 1e-15;
const GS_MAX_SWEEPS = 200_000;

/** Dense solves up to this many transient states (order 1: one inverse; higher orders: one LU per channel). */
export const DENSE_LIMIT_ORDER1 = 2000;
export const DENSE_LIMIT_HIGHER = 150;

/** Probabilities r(s) = p(s → conversion) and rv(s) = r(s)·ν(s). */
function absorbingRates(g: MarkovGraph): { r: Float64Array; rv: Float64Array } {
  const n = g.stateCount;
  const r = new Float64Array(n);
  const rv = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const out = g.outWeight[s]!;
    if (out > 0) {
      r[s] = g.conversionWeight[s]! / out;
      rv[s] = g.endValue[s]! / out;
    }
  }
  return { r, rv };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/** I − Q with the columns of `removed` states zeroed in Q, row-major. */
function denseSystem(g: MarkovGraph, removed: Int32Array | undefined): Float64Array {
  const n = g.stateCount;
  const a = new Float64Array(n * n);
  const drop = new Uint8Array(n);
  if (removed !== undefined) for (const s of removed) drop[s] = 1;
  for (let s = 0; s < n; s++) {
    a[s * n + s] = 1;
    const out = g.outWeight[s]!;
    if (out === 0) continue;
    for (let e = g.edgeOffsets[s]!; e < g.edgeOffsets[s + 1]!; e++) {
      const t = g.edgeTarget[e]!;
      if (drop[t] === 1) continue;
      a[s * n + t] = a[s * n + t]! - g.edgeWeight[e]! / out;
    }
  }
  return a;
}

function singular(): never {
  throw new StatsError("DEGENERATE_DATA", "markovAttribution: the transition matrix I − Q is singular");
}

/**
 * Solves for every channel. `solver` chooses dense or iterative; order 1 dense uses one inverse:
 * RE_c = N[start, c]·h(c)/(N[c, c]·P).
 *
 * @internal
 */
export function solveRemovalEffects(g: MarkovGraph, channelCount: number, solver: MarkovSolver): RemovalSolution {
  const n = g.stateCount;
  const { r, rv } = absorbingRates(g);
  const through = new Float64Array(channelCount);
  const valueThrough = new Float64Array(channelCount);
  if (solver === "dense" && g.order === 1) {
    const f = luFactor(denseSystem(g, undefined), n) ?? singular();
    const inv = luInverse(f);
    let p = 0;
    let v = 0;
    for (let s = 0; s < n; s++) {
      p += inv[s]! * r[s]!;
      v += inv[s]! * rv[s]!;
    }
    for (let c = 0; c < channelCount; c++) {
      const states = g.statesOfChannel[c]!;
      if (states.length === 0) continue;
      const s = states[0]!;
      let h = 0;
      let hv = 0;
      const row = s * n;
      for (let t = 0; t < n; t++) {
        h += inv[row + t]! * r[t]!;
        hv += inv[row + t]! * rv[t]!;
      }
      const hit = inv[s]! / inv[row + s]!; // P(reach s from start)
      through[c] = hit * h;
      valueThrough[c] = hit * hv;
    }
    return {
      conversionProbability: p,
      expectedValue: v,
      conversionThrough: through,
      valueThrough,
      solver,
      iterations: 0,
    };
  }
  if (solver === "dense") {
    const visits = (removed: Int32Array | undefined): Float64Array => {
      const f = luFactor(denseSystem(g, removed), n) ?? singular();
      const x = new Float64Array(n);
      x[0] = 1;
      return luSolveTransposed(f, x);
    };
    const x = visits(undefined);
    const p = dot(x, r);
    const v = dot(x, rv);
    for (let c = 0; c < channelCount; c++) {
      const states = g.statesOfChannel[c]!;
      if (states.length === 0) continue;
      const xc = visits(states);
      through[c] = Math.max(0, p - dot(xc, r));
      valueThrough[c] = Math.max(0, v - dot(xc, rv));
    }
    return {
      conversionProbability: p,
      expectedValue: v,
      conversionThrough: through,
      valueThrough,
      solver,
      iterations: 0,
    };
  }
  // Gauss–Seidel on x = e_start + x·Q₋c, by target state (in-edges).
  const inOffsets = new Int32Array(n + 1);
  const edgeCount = g.edgeTarget.length;
  for (let e = 0; e < edgeCount; e++) inOffsets[g.edgeTarget[e]! + 1]!++;
  for (let s = 0; s < n; s++) inOffsets[s + 1] = inOffsets[s + 1]! + inOffsets[s]!;
  const fill = inOffsets.slice(0, n);
  const inSource = new Int32Array(edgeCount);
  const inProb = new Float64Array(edgeCount);
  for (let s = 0; s < n; s++) {
    const out = g.outWeight[s]!;
    for (let e = g.edgeOffsets[s]!; e < g.edgeOffsets[s + 1]!; e++) {
      const t = g.edgeTarget[e]!;
      const at = fill[t]!;
      fill[t] = at + 1;
      inSource[at] = s;
      inProb[at] = out > 0 ? g.edgeWeight[e]! / out : 0;
    }
  }
  const drop = new Uint8Array(n);
  const x = new Float64Array(n);
  // Warm start: visits of the full chain (zeroed on the removed states).
  const base = new Float64Array(n);
  let maxSweeps = 0;
  const visits = (removed: Int32Array | undefined): Float64Array => {
    drop.fill(0);
    x.set(base);
    if (removed !== undefined) {
      for (const s of removed) {
        drop[s] = 1;
        x[s] = 0;
      }
    }
    for (let sweep = 1; sweep <= GS_MAX_SWEEPS; sweep++) {
      let change = 0;
      let total = 0;
      for (let t = 0; t < n; t++) {
        if (drop[t] === 1) continue;
        let s = t === 0 ? 1 : 0;
        for (let e = inOffsets[t]!; e < inOffsets[t + 1]!; e++) s += x[inSource[e]!]! * inProb[e]!;
        change += Math.abs(s - x[t]!);
        total += s;
        x[t] = s;
      }
      if (change <= GS_TOLERANCE * total) {
        if (sweep > maxSweeps) maxSweeps = sweep;
        return x;
      }
    }
    throw new StatsError(
      "NOT_CONVERGED",
      `markovAttribution: Gauss–Seidel did not converge in ${GS_MAX_SWEEPS} sweeps (use solver "dense")`,
    );
  };
  visits(undefined);
  base.set(x);
  const p = dot(x, r);
  const v = dot(x, rv);
  for (let c = 0; c < channelCount; c++) {
    const states = g.statesOfChannel[c]!;
    if (states.length === 0) continue;
    visits(states);
    through[c] = Math.max(0, p - dot(x, r));
    valueThrough[c] = Math.max(0, v - dot(x, rv));
  }
  return {
    conversionProbability: p,
    expectedValue: v,
    conversionThrough: through,
    valueThrough,
    solver,
    iterations: maxSweeps,
  };
}
