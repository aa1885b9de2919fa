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
/** Channels solved together by the iterative solver (the sweep below is unrolled for exactly 8). */
const LANES = 8;

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
  // Removal solves, LANES channels at a time: the lanes share every pass over the in-edges, and
  // lane values of one state sit in one cache line.
  const X = new Float64Array(n * LANES);
  const dropped = new Uint8Array(n);
  const change = new Float64Array(LANES);
  const total = new Float64Array(LANES);
  for (let c0 = 0; c0 < channelCount; c0 += LANES) {
    const width = Math.min(LANES, channelCount - c0);
    dropped.fill(0);
    for (let b = 0; b < width; b++) for (const s of g.statesOfChannel[c0 + b]!) dropped[s] = dropped[s]! | (1 << b);
    for (let t = 0; t < n; t++) {
      const mask = dropped[t]!;
      for (let b = 0; b < LANES; b++) X[t * LANES + b] = (mask >> b) & 1 ? 0 : base[t]!;
    }
    let converged = false;
    for (let sweep = 1; sweep <= GS_MAX_SWEEPS; sweep++) {
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      let d4 = 0;
      let d5 = 0;
      let d6 = 0;
      let d7 = 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let t = 0; t < n; t++) {
        // The eight lanes unrolled by hand: V8 keeps them in registers.
        let a0 = t === 0 ? 1 : 0;
        let a1 = a0;
        let a2 = a0;
        let a3 = a0;
        let a4 = a0;
        let a5 = a0;
        let a6 = a0;
        let a7 = a0;
        const end = inOffsets[t + 1]!;
        for (let e = inOffsets[t]!; e < end; e++) {
          const f = inSource[e]! << 3;
          const q = inProb[e]!;
          a0 += X[f]! * q;
          a1 += X[f + 1]! * q;
          a2 += X[f + 2]! * q;
          a3 += X[f + 3]! * q;
          a4 += X[f + 4]! * q;
          a5 += X[f + 5]! * q;
          a6 += X[f + 6]! * q;
          a7 += X[f + 7]! * q;
        }
        const at = t << 3;
        const mask = dropped[t]!;
        if (mask !== 0) {
          if (mask & 1) a0 = 0;
          if (mask & 2) a1 = 0;
          if (mask & 4) a2 = 0;
          if (mask & 8) a3 = 0;
          if (mask & 16) a4 = 0;
          if (mask & 32) a5 = 0;
          if (mask & 64) a6 = 0;
          if (mask & 128) a7 = 0;
        }
        d0 += Math.abs(a0 - X[at]!);
        d1 += Math.abs(a1 - X[at + 1]!);
        d2 += Math.abs(a2 - X[at + 2]!);
        d3 += Math.abs(a3 - X[at + 3]!);
        d4 += Math.abs(a4 - X[at + 4]!);
        d5 += Math.abs(a5 - X[at + 5]!);
        d6 += Math.abs(a6 - X[at + 6]!);
        d7 += Math.abs(a7 - X[at + 7]!);
        s0 += a0;
        s1 += a1;
        s2 += a2;
        s3 += a3;
        s4 += a4;
        s5 += a5;
        s6 += a6;
        s7 += a7;
        X[at] = a0;
        X[at + 1] = a1;
        X[at + 2] = a2;
        X[at + 3] = a3;
        X[at + 4] = a4;
        X[at + 5] = a5;
        X[at + 6] = a6;
        X[at + 7] = a7;
      }
      change[0] = d0;
      change[1] = d1;
      change[2] = d2;
      change[3] = d3;
      change[4] = d4;
      change[5] = d5;
      change[6] = d6;
      change[7] = d7;
      total[0] = s0;
      total[1] = s1;
      total[2] = s2;
      total[3] = s3;
      total[4] = s4;
      total[5] = s5;
      total[6] = s6;
      total[7] = s7;
      converged = true;
      for (let b = 0; b < width; b++) if (change[b]! > GS_TOLERANCE * total[b]!) converged = false;
      if (converged) {
        if (sweep > maxSweeps) maxSweeps = sweep;
        break;
      }
    }
    if (!converged) {
      throw new StatsError(
        "NOT_CONVERGED",
        `markovAttribution: Gauss–Seidel did not converge in ${GS_MAX_SWEEPS} sweeps (use solver "dense")`,
      );
    }
    for (let b = 0; b < width; b++) {
      const c = c0 + b;
      if (g.statesOfChannel[c]!.length === 0) continue;
      let pc = 0;
      let vc = 0;
      for (let t = 0; t < n; t++) {
        const xt = X[t * LANES + b]!;
        pc += xt * r[t]!;
        vc += xt * rv[t]!;
      }
      through[c] = Math.max(0, p - pc);
      valueThrough[c] = Math.max(0, v - vc);
    }
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
