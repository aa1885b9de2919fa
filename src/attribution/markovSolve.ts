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
import { type SweepOrder, sweepOrder } from "./sweepOrder.js";

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

/** Relative accuracy of P − P₋c (and 𝒱 − 𝒱₋c) certified by the iterative solver's error bound. */
const REMOVAL_TOLERANCE = 1e-13;
/** Absolute floor of that bound, relative to P (𝒱): a removal effect is then exact to 1e-16. */
const FLOOR = 1e-16;
/** Relative L1 change per sweep below which the full-chain solves stop (error about 1e-15 relative). */
const FULL_TOLERANCE = 1e-15;
const GS_MAX_SWEEPS = 200_000;
/**
 * A removal solve computes δ·r and δ·rv (its targets) once its bound is within this factor of the
 * provisional target (from P and 𝒱): early enough to steer the extrapolation, late enough to be accurate.
 */
const PROVISIONAL = 1e4;
/** Channels solved together by the iterative solver (the sweep below is unrolled for exactly 8). */
const LANES = 8;

/** Rates of successive sweeps must agree to this fraction of 1 − rate before an extrapolation. */
const RATE_AGREEMENT = 0.01;
/**
 * No extrapolation at rates below this: removing 99 % of a mode that decays this fast saves fewer
 * than two sweeps, about the cost of the extrapolation.
 */
const MIN_RATE = 0.1;
/** No extrapolation at rates above this (the factor λ/(1 − λ) would amplify errors in λ too much). */
const MAX_RATE = 0.99;

/**
 * Extrapolation of Gauss–Seidel sweeps past their dominant eigenvalue, per lane (vector Aitken).
 * For x = b + x·Q with Q ≥ 0 the sweep's iteration matrix is nonnegative, so its dominant
 * eigenvalue λ is real (Perron–Frobenius) and, once the other modes have died out, the change Δ of
 * a sweep shrinks by λ per sweep; x + Δ·λ/(1 − λ) then removes that mode. λ is the ratio of the
 * change norms of successive sweeps; a lane is extrapolated when three successive rates agree to
 * {@link RATE_AGREEMENT}·(1 − λ) (then the mode left is about 1 % of what it was), or two agree
 * with the rate of its previous extrapolation. Values are interleaved by lane (`values[i·lanes + b]`).
 * Callers stop only on a plain sweep's change, so extrapolation never affects what is certified.
 *
 * @internal
 */
export class Extrapolation {
  /** Change norm of the last recorded sweep, per lane (NaN after an extrapolation). */
  private readonly norm: Float64Array;
  /** Ratio of the last two norms and the one before, per lane. */
  private readonly rate: Float64Array;
  private readonly previousRate: Float64Array;
  /** The rate used by the lane's last extrapolation (NaN if none). */
  private readonly used: Float64Array;
  private readonly factor: Float64Array;
  /** Lanes that {@link due} chose. */
  private readonly wanted: Uint8Array;
  /** Change norm of a lane's extrapolating sweep until the next sweep is recorded (else NaN). */
  private readonly before: Float64Array;
  /** Lanes whose last extrapolation made the next change larger: never again. */
  private readonly off: Uint8Array;

  constructor(private readonly lanes: number) {
    this.norm = new Float64Array(lanes);
    this.rate = new Float64Array(lanes);
    this.previousRate = new Float64Array(lanes);
    this.used = new Float64Array(lanes);
    this.factor = new Float64Array(lanes);
    this.wanted = new Uint8Array(lanes);
    this.before = new Float64Array(lanes);
    this.off = new Uint8Array(lanes);
    this.reset();
  }

  /** Forgets all rates (for a new solve of the same size). */
  reset(): void {
    this.norm.fill(Number.NaN);
    this.rate.fill(Number.NaN);
    this.previousRate.fill(Number.NaN);
    this.used.fill(Number.NaN);
    this.before.fill(Number.NaN);
    this.factor.fill(0);
    this.off.fill(0);
  }

  /** Records the change norms of a plain sweep; returns false (the sweep is not extrapolated). */
  record(norms: ArrayLike<number>): false {
    for (let b = 0; b < this.lanes; b++) {
      const d = norms[b]!;
      if (d > this.before[b]!) this.off[b] = 1;
      this.before[b] = Number.NaN;
      this.previousRate[b] = this.rate[b]!;
      this.rate[b] = d / this.norm[b]!;
      this.norm[b] = d;
    }
    return false;
  }

  /**
   * Whether the next sweep should extrapolate: some lane above its target (`norms` of the last
   * sweep) has a settled rate and would need more than two further plain sweeps.
   */
  due(norms: ArrayLike<number>, targets: ArrayLike<number>): boolean {
    let any = false;
    for (let b = 0; b < this.lanes; b++) {
      const r = this.rate[b]!;
      this.wanted[b] = norms[b]! * r * r > targets[b]! && this.settled(r, b) ? 1 : 0;
      if (this.wanted[b] === 1) any = true;
    }
    return any;
  }

  /** The last rate of lane b (NaN when unknown). */
  rateOf(b: number): number {
    return this.rate[b]!;
  }

  /**
   * After the sweep that {@link due} asked for (`previous`: the values before it; `norms`: its
   * change norms): moves each chosen lane whose rate held by Δ·λ/(1 − λ), Δ = values − previous.
   * Returns whether any lane moved; `moved(b)` tells which (their norms then certify nothing).
   */
  apply(values: Float64Array, previous: Float64Array, norms: ArrayLike<number>): boolean {
    const { lanes, factor } = this;
    let any = false;
    for (let b = 0; b < lanes; b++) {
      const r = norms[b]! / this.norm[b]!;
      factor[b] = 0;
      if (
        this.wanted[b] === 1 &&
        r >= MIN_RATE &&
        r < MAX_RATE &&
        Math.abs(r - this.rate[b]!) <= RATE_AGREEMENT * (1 - r)
      ) {
        factor[b] = r / (1 - r);
        this.used[b] = r;
        any = true;
      }
    }
    this.record(norms);
    if (!any) return false;
    if (lanes === 8) {
      // Unrolled: this pass runs over all δ of a batch.
      const f0 = factor[0]!;
      const f1 = factor[1]!;
      const f2 = factor[2]!;
      const f3 = factor[3]!;
      const f4 = factor[4]!;
      const f5 = factor[5]!;
      const f6 = factor[6]!;
      const f7 = factor[7]!;
      for (let i = 0; i < values.length; i += 8) {
        values[i] = values[i]! + f0 * (values[i]! - previous[i]!);
        values[i + 1] = values[i + 1]! + f1 * (values[i + 1]! - previous[i + 1]!);
        values[i + 2] = values[i + 2]! + f2 * (values[i + 2]! - previous[i + 2]!);
        values[i + 3] = values[i + 3]! + f3 * (values[i + 3]! - previous[i + 3]!);
        values[i + 4] = values[i + 4]! + f4 * (values[i + 4]! - previous[i + 4]!);
        values[i + 5] = values[i + 5]! + f5 * (values[i + 5]! - previous[i + 5]!);
        values[i + 6] = values[i + 6]! + f6 * (values[i + 6]! - previous[i + 6]!);
        values[i + 7] = values[i + 7]! + f7 * (values[i + 7]! - previous[i + 7]!);
      }
    } else {
      for (let i = 0; i < values.length; i += lanes) {
        for (let b = 0; b < lanes; b++) {
          const x = values[i + b]!;
          values[i + b] = x + factor[b]! * (x - previous[i + b]!);
        }
      }
    }
    // A moved lane's next change is not comparable with the ones before.
    for (let b = 0; b < lanes; b++) {
      if (factor[b] === 0) continue;
      this.before[b] = norms[b]!;
      this.norm[b] = Number.NaN;
      this.rate[b] = Number.NaN;
    }
    return true;
  }

  /** Whether lane b moved in the last {@link apply}. */
  moved(b: number): boolean {
    return this.factor[b] !== 0;
  }

  /** Whether rate r of lane b is settled enough to extrapolate with. */
  private settled(r: number, b: number): boolean {
    if (!(r >= MIN_RATE && r < MAX_RATE) || this.off[b] === 1) return false;
    const tolerance = RATE_AGREEMENT * (1 - r);
    return Math.abs(r - this.previousRate[b]!) <= tolerance || Math.abs(r - this.used[b]!) <= 2 * tolerance;
  }
}

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
  if (solver === "iterative") return iterativeRemovalEffects(g, channelCount);
  const n = g.stateCount;
  const { r, rv } = absorbingRates(g);
  const through = new Float64Array(channelCount);
  const valueThrough = new Float64Array(channelCount);
  if (g.order === 1) {
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

/**
 * The transitions in sweep order (positions of {@link sweepOrder}): by source for the backward
 * solves, by target (sources ascending) for the forward ones.
 */
interface SweepSystem {
  readonly n: number;
  readonly order: SweepOrder;
  readonly outOffsets: Int32Array;
  readonly outTarget: Int32Array;
  readonly outProb: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inSource: Int32Array;
  readonly inProb: Float64Array;
  /** Per position: its first in-edge from a source at or after `firstCyclic`. */
  readonly inCyclic: Int32Array;
  /** r and rv by position. */
  readonly r: Float64Array;
  readonly rv: Float64Array;
}

function sweepSystem(g: MarkovGraph): SweepSystem {
  const n = g.stateCount;
  const m = g.edgeTarget.length;
  // The in-edges by state serve the ordering, then their arrays are refilled by position.
  const inOffsets = new Int32Array(n + 1);
  const inSource = new Int32Array(m);
  const inProb = new Float64Array(m);
  const fill = new Int32Array(n);
  for (let e = 0; e < m; e++) inOffsets[g.edgeTarget[e]! + 1]!++;
  for (let i = 0; i < n; i++) inOffsets[i + 1] = inOffsets[i + 1]! + inOffsets[i]!;
  fill.set(inOffsets.subarray(0, n));
  for (let s = 0; s < n; s++) {
    for (let e = g.edgeOffsets[s]!; e < g.edgeOffsets[s + 1]!; e++) {
      const at = fill[g.edgeTarget[e]!]!++;
      inSource[at] = s;
      inProb[at] = g.edgeWeight[e]!;
    }
  }
  const order = sweepOrder(g.edgeOffsets, g.edgeTarget, g.edgeWeight, {
    offsets: inOffsets,
    sources: inSource,
    weights: inProb,
  });
  const { states, position } = order;
  const outOffsets = new Int32Array(n + 1);
  const outTarget = new Int32Array(m);
  const outProb = new Float64Array(m);
  const r = new Float64Array(n);
  const rv = new Float64Array(n);
  inOffsets.fill(0);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = states[i]!;
    const out = g.outWeight[s]!;
    if (out > 0) {
      r[i] = g.conversionWeight[s]! / out;
      rv[i] = g.endValue[s]! / out;
    }
    for (let e = g.edgeOffsets[s]!; e < g.edgeOffsets[s + 1]!; e++) {
      const t = position[g.edgeTarget[e]!]!;
      outTarget[k] = t;
      outProb[k++] = out > 0 ? g.edgeWeight[e]! / out : 0;
      inOffsets[t + 1]!++;
    }
    outOffsets[i + 1] = k;
  }
  for (let i = 0; i < n; i++) inOffsets[i + 1] = inOffsets[i + 1]! + inOffsets[i]!;
  fill.set(inOffsets.subarray(0, n));
  for (let i = 0; i < n; i++) {
    for (let e = outOffsets[i]!; e < outOffsets[i + 1]!; e++) {
      const at = fill[outTarget[e]!]!++;
      inSource[at] = i;
      inProb[at] = outProb[e]!;
    }
  }
  // `fill` becomes inCyclic.
  const inCyclic = fill;
  for (let i = 0; i < n; i++) {
    let e = inOffsets[i]!;
    while (e < inOffsets[i + 1]! && inSource[e]! < order.firstCyclic) e++;
    inCyclic[i] = e;
  }
  return { n, order, outOffsets, outTarget, outProb, inOffsets, inSource, inProb, inCyclic, r, rv };
}

function notConverged(): never {
  throw new StatsError(
    "NOT_CONVERGED",
    `markovAttribution: Gauss–Seidel did not converge in ${GS_MAX_SWEEPS} sweeps (use solver "dense")`,
  );
}

/** L1 change and total of the last pass of a full-chain solve. */
interface SweepNorms {
  change: number;
  total: number;
}

/**
 * Sweeps the cyclic `core` of a full-chain solve (one extrapolation lane) until the relative L1 change of a plain
 * sweep is below {@link FULL_TOLERANCE}; `norms` holds the last pass's change and total. Returns the sweeps.
 */
function sweepCore(core: Float64Array, sweep: () => void, norms: SweepNorms): number {
  const previous = new Float64Array(core.length);
  const ext = new Extrapolation(1);
  for (let sweeps = 1; sweeps <= GS_MAX_SWEEPS; sweeps++) {
    const extrapolate = ext.due([norms.change], [FULL_TOLERANCE * norms.total]);
    if (extrapolate) previous.set(core);
    sweep();
    if (extrapolate ? ext.apply(core, previous, [norms.change]) : ext.record([norms.change])) continue;
    if (norms.change <= FULL_TOLERANCE * norms.total) return sweeps;
  }
  return notConverged();
}

/**
 * Visits x = e_start + x·Q of the full chain, by position: one pass over everything, sweeps of the
 * cyclic part (extrapolated by {@link Extrapolation}) until the relative L1 change of a plain sweep
 * is below {@link FULL_TOLERANCE}, one pass over the tail.
 */
function fullVisits(sys: SweepSystem, startPosition: number): { x: Float64Array; sweeps: number } {
  const { n, inOffsets, inSource, inProb } = sys;
  const { firstCyclic, lastCyclic } = sys.order;
  const x = new Float64Array(n);
  const norms: SweepNorms = { change: 0, total: 0 };
  const pass = (from: number, to: number): void => {
    let change = 0;
    let total = 0;
    for (let t = from; t < to; t++) {
      let a = t === startPosition ? 1 : 0;
      for (let e = inOffsets[t]!; e < inOffsets[t + 1]!; e++) a += x[inSource[e]!]! * inProb[e]!;
      change += Math.abs(a - x[t]!);
      total += a;
      x[t] = a;
    }
    norms.change = change;
    norms.total = total;
  };
  pass(0, n);
  let sweeps = 1;
  if (firstCyclic < lastCyclic) {
    sweeps += sweepCore(x.subarray(firstCyclic, lastCyclic), () => pass(firstCyclic, lastCyclic), norms);
    pass(lastCyclic, n);
  }
  return { x, sweeps };
}

/**
 * Absorption probabilities h = r + Q·h and hv = rv + Q·hv of the full chain, by position (backward
 * sweeps, the mirror of {@link fullVisits}), interleaved: h(s) at 2s, hv(s) at 2s + 1 (one
 * extrapolation lane: h and hv share the iteration matrix).
 */
function absorption(sys: SweepSystem): { hh: Float64Array; sweeps: number } {
  const { n, outOffsets, outTarget, outProb, r, rv } = sys;
  const { firstCyclic, lastCyclic } = sys.order;
  const hh = new Float64Array(2 * n);
  const norms: SweepNorms = { change: 0, total: 0 };
  const pass = (from: number, to: number): void => {
    let change = 0;
    let total = 0;
    for (let s = to - 1; s >= from; s--) {
      let a = r[s]!;
      let av = rv[s]!;
      for (let e = outOffsets[s]!; e < outOffsets[s + 1]!; e++) {
        const t = outTarget[e]! << 1;
        const q = outProb[e]!;
        a += q * hh[t]!;
        av += q * hh[t + 1]!;
      }
      change += Math.abs(a - hh[2 * s]!) + Math.abs(av - hh[2 * s + 1]!);
      total += a + av;
      hh[2 * s] = a;
      hh[2 * s + 1] = av;
    }
    norms.change = change;
    norms.total = total;
  };
  pass(0, n);
  let sweeps = 1;
  if (firstCyclic < lastCyclic) {
    sweeps += sweepCore(hh.subarray(2 * firstCyclic, 2 * lastCyclic), () => pass(firstCyclic, lastCyclic), norms);
    pass(0, firstCyclic);
  }
  return { hh, sweeps };
}

/**
 * Removal effects by Gauss–Seidel. With x the visits of the full chain and C the states containing
 * c, δ = x − x₋c equals x on C and solves δ(t) = Σ_s δ(s)·Q(s, t) elsewhere, and P − P₋c = δ·r; δ
 * starts at 0 off C. After a sweep (change Δ) the residual at t is Σ_{s ≥ t} Δ(s)·Q(s, t) (sources
 * updated after t), and the error of δ·r is the residual times the absorption probabilities of the
 * chain without c, which are at most h. So |error| ≤ Σ_s |Δ(s)|·β(s) with
 * β(s) = Σ_{t ≤ s} Q(s, t)·h(t); a solve stops when that bound is below {@link REMOVAL_TOLERANCE} of
 * δ·r (likewise for the value with hv). The bound holds after any plain sweep, whatever δ it
 * started from, so {@link Extrapolation} may move δ between sweeps (22 sweeps per batch become
 * about 13 on 1M synthetic rows, order 3, 100 channels). Once the bounds are within
 * {@link PROVISIONAL} of their targets, δ·r and δ·rv replace P and 𝒱 in the targets, so the
 * extrapolation aims at the right accuracy. Over-relaxation (ω = 1.05) saved a quarter of the
 * sweeps but cost as much per sweep.
 */
function iterativeRemovalEffects(g: MarkovGraph, channelCount: number): RemovalSolution {
  const sys = sweepSystem(g);
  const { n, r, rv, outOffsets, outTarget, outProb } = sys;
  const { position, firstCyclic, lastCyclic } = sys.order;
  const full = fullVisits(sys, position[0]!);
  const base = full.x;
  const { hh, sweeps: hSweeps } = absorption(sys);
  let maxSweeps = Math.max(full.sweeps, hSweeps);
  const p = dot(base, r);
  const v = dot(base, rv);
  // β and βv: weight of the back edges (t ≤ s) in the error bound.
  const beta = new Float64Array(n);
  const betaV = new Float64Array(n);
  for (let s = firstCyclic; s < lastCyclic; s++) {
    for (let e = outOffsets[s]!; e < outOffsets[s + 1]!; e++) {
      const t = outTarget[e]!;
      if (t > s) continue;
      beta[s] = beta[s]! + outProb[e]! * hh[2 * t]!;
      betaV[s] = betaV[s]! + outProb[e]! * hh[2 * t + 1]!;
    }
  }
  const through = new Float64Array(channelCount);
  const valueThrough = new Float64Array(channelCount);
  const lanes: Lanes = {
    X: new Float64Array(n * LANES),
    inflow: new Float64Array((lastCyclic - firstCyclic) * LANES),
    dropped: new Uint8Array(n),
    base,
    beta,
    betaV,
    bound: new Float64Array(2 * LANES),
  };
  const { X, inflow, dropped, bound } = lanes;
  const { inOffsets, inSource, inProb, inCyclic } = sys;
  const floorP = FLOOR * p;
  const floorV = FLOOR * v;
  const target = new Float64Array(2 * LANES);
  const lastBound = new Float64Array(2 * LANES);
  const throughs = new Float64Array(2 * LANES);
  const fixedThroughs = new Float64Array(2 * LANES);
  const core = X.subarray(firstCyclic * LANES, lastCyclic * LANES);
  const ext = new Extrapolation(LANES);
  const previous = new Float64Array(core.length);

  /** Adds Σ δ·r and Σ δ·rv over positions [from, to) to `out` (lanes, then lanes for the value). */
  const addThroughs = (from: number, to: number, out: Float64Array): void => {
    for (let i = from; i < to; i++) {
      const ri = r[i]!;
      const rvi = rv[i]!;
      if (ri === 0 && rvi === 0) continue;
      const at = i * LANES;
      for (let b = 0; b < LANES; b++) {
        const d = X[at + b]!;
        out[b] = out[b]! + d * ri;
        out[LANES + b] = out[LANES + b]! + d * rvi;
      }
    }
  };

  /** Solves channels c0 .. c0 + width − 1 and returns the number of sweeps. */
  const solveBatch = (c0: number, width: number): number => {
    dropped.fill(0);
    X.fill(0);
    let firstC = n;
    for (let b = 0; b < width; b++) {
      for (const s of g.statesOfChannel[c0 + b]!) {
        const i = position[s]!;
        dropped[i] = dropped[i]! | (1 << b);
        X[i * LANES + b] = base[i]!;
        if (i < firstC) firstC = i;
      }
    }
    // Positions before min(firstC, firstCyclic) cannot be reached from C; those up to firstCyclic are
    // exact after one pass, those from lastCyclic on are filled once the cyclic part has converged.
    const from = Math.min(firstC, firstCyclic);
    sweepLanes(sys, lanes, from, firstCyclic, MEASURE_NONE);
    fixedThroughs.fill(0);
    addThroughs(from, firstCyclic, fixedThroughs);
    // What flows into the cyclic part from before it is fixed from now on.
    inflow.fill(0);
    for (let t = firstCyclic; t < lastCyclic; t++) {
      const at = (t - firstCyclic) * LANES;
      for (let e = inOffsets[t]!; e < inCyclic[t]!; e++) {
        const f = inSource[e]! * LANES;
        const q = inProb[e]!;
        for (let b = 0; b < LANES; b++) inflow[at + b] = inflow[at + b]! + X[f + b]! * q;
      }
    }
    // Until a check computes δ·r and δ·rv, P and 𝒱 stand in for them (they are larger).
    for (let b = 0; b < LANES; b++) {
      target[b] = b < width ? REMOVAL_TOLERANCE * p + floorP : Number.POSITIVE_INFINITY;
      target[LANES + b] = b < width ? REMOVAL_TOLERANCE * v + floorV : Number.POSITIVE_INFINITY;
    }
    ext.reset();
    sweepLanes(sys, lanes, firstCyclic, lastCyclic, MEASURE_CONVERSION);
    ext.record(bound);
    let extrapolated = false;
    let provisional = true;
    for (let sweeps = 1; ; sweeps++) {
      let ready = true;
      let near = true;
      for (let b = 0; b < 2 * LANES; b++) if (bound[b]! > target[b]!) ready = false;
      for (let b = 0; b < LANES; b++) if (bound[b]! > PROVISIONAL * target[b]!) near = false;
      if (ready || (provisional && near)) {
        // δ·r and δ·rv give the targets; once the bounds meet them, the solve is done.
        provisional = false;
        lastBound.set(bound);
        sweepLanes(sys, lanes, lastCyclic, n, MEASURE_NONE);
        throughs.set(fixedThroughs);
        addThroughs(firstCyclic, n, throughs);
        let done = true;
        for (let b = 0; b < width; b++) {
          through[c0 + b] = throughs[b]!;
          valueThrough[c0 + b] = throughs[LANES + b]!;
          target[b] = REMOVAL_TOLERANCE * throughs[b]! + floorP;
          target[LANES + b] = REMOVAL_TOLERANCE * throughs[LANES + b]! + floorV;
          if (lastBound[b]! > target[b]! || lastBound[LANES + b]! > target[LANES + b]!) done = false;
        }
        if (done) return sweeps;
      }
      if (sweeps >= GS_MAX_SWEEPS) notConverged();
      // The value bounds are measured only when the next sweep may finish.
      let last = true;
      if (!extrapolated) {
        for (let b = 0; b < width; b++) {
          if (!(bound[b]! <= target[b]! || bound[b]! * ext.rateOf(b) <= target[b]!)) last = false;
        }
      }
      const extrapolate = ext.due(bound, target);
      if (extrapolate) previous.set(core);
      sweepLanes(sys, lanes, firstCyclic, lastCyclic, last && !extrapolate ? MEASURE_BOTH : MEASURE_CONVERSION);
      extrapolated = extrapolate ? ext.apply(core, previous, bound) : ext.record(bound);
      if (extrapolated) {
        for (let b = 0; b < LANES; b++) {
          if (!ext.moved(b)) continue;
          bound[b] = Number.POSITIVE_INFINITY;
          bound[LANES + b] = Number.POSITIVE_INFINITY;
        }
      }
    }
  };

  for (let c0 = 0; c0 < channelCount; c0 += LANES) {
    const sweeps = solveBatch(c0, Math.min(LANES, channelCount - c0));
    if (sweeps > maxSweeps) maxSweeps = sweeps;
  }
  return {
    conversionProbability: p,
    expectedValue: v,
    conversionThrough: through,
    valueThrough,
    solver: "iterative",
    iterations: maxSweeps,
  };
}

/** Which error bounds a sweep accumulates: none, Σ|Δ|·β only, or also Σ|Δ|·βv. */
type Measure = 0 | 1 | 2;
const MEASURE_NONE = 0;
const MEASURE_CONVERSION = 1;
const MEASURE_BOTH = 2;

/** The state of one batch of {@link LANES} removal solves. */
interface Lanes {
  /** δ of lane b at position i: `X[i·LANES + b]` (one cache line per position). */
  readonly X: Float64Array;
  /** Σ δ(s)·Q(s, t) over the sources s before `firstCyclic`, for t in the cyclic part. */
  readonly inflow: Float64Array;
  /** Bit b set when the position's state contains the channel of lane b. */
  readonly dropped: Uint8Array;
  readonly base: Float64Array;
  readonly beta: Float64Array;
  readonly betaV: Float64Array;
  /** Out: Σ |Δ|·β per lane, then Σ |Δ|·βv per lane, of the last sweep. */
  readonly bound: Float64Array;
}

/**
 * One Gauss–Seidel sweep of the eight lanes over positions [from, to), accumulating the error
 * bounds that `measure` asks for (the others are set to +∞).
 */
function sweepLanes(sys: SweepSystem, lanes: Lanes, from: number, to: number, measure: Measure): void {
  const { inOffsets, inSource, inProb, inCyclic } = sys;
  const { firstCyclic, lastCyclic } = sys.order;
  const { X, inflow, dropped, base, beta, betaV, bound } = lanes;
  let e0 = 0;
  let e1 = 0;
  let e2 = 0;
  let e3 = 0;
  let e4 = 0;
  let e5 = 0;
  let e6 = 0;
  let e7 = 0;
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let v4 = 0;
  let v5 = 0;
  let v6 = 0;
  let v7 = 0;
  for (let t = from; t < to; t++) {
    // The eight lanes unrolled by hand: V8 keeps them in registers.
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    let e = inOffsets[t]!;
    if (t >= firstCyclic && t < lastCyclic) {
      const k = (t - firstCyclic) << 3;
      a0 = inflow[k]!;
      a1 = inflow[k + 1]!;
      a2 = inflow[k + 2]!;
      a3 = inflow[k + 3]!;
      a4 = inflow[k + 4]!;
      a5 = inflow[k + 5]!;
      a6 = inflow[k + 6]!;
      a7 = inflow[k + 7]!;
      e = inCyclic[t]!;
    }
    const end = inOffsets[t + 1]!;
    for (; e < end; e++) {
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
    const mask = dropped[t]!;
    if (mask !== 0) {
      // δ is fixed at the full-chain visits on the removed states.
      const x = base[t]!;
      if (mask & 1) a0 = x;
      if (mask & 2) a1 = x;
      if (mask & 4) a2 = x;
      if (mask & 8) a3 = x;
      if (mask & 16) a4 = x;
      if (mask & 32) a5 = x;
      if (mask & 64) a6 = x;
      if (mask & 128) a7 = x;
    }
    const at = t << 3;
    const w = measure !== MEASURE_NONE ? beta[t]! : 0;
    if (w !== 0) {
      const d0 = Math.abs(a0 - X[at]!);
      const d1 = Math.abs(a1 - X[at + 1]!);
      const d2 = Math.abs(a2 - X[at + 2]!);
      const d3 = Math.abs(a3 - X[at + 3]!);
      const d4 = Math.abs(a4 - X[at + 4]!);
      const d5 = Math.abs(a5 - X[at + 5]!);
      const d6 = Math.abs(a6 - X[at + 6]!);
      const d7 = Math.abs(a7 - X[at + 7]!);
      e0 += d0 * w;
      e1 += d1 * w;
      e2 += d2 * w;
      e3 += d3 * w;
      e4 += d4 * w;
      e5 += d5 * w;
      e6 += d6 * w;
      e7 += d7 * w;
      if (measure === MEASURE_BOTH) {
        const wv = betaV[t]!;
        v0 += d0 * wv;
        v1 += d1 * wv;
        v2 += d2 * wv;
        v3 += d3 * wv;
        v4 += d4 * wv;
        v5 += d5 * wv;
        v6 += d6 * wv;
        v7 += d7 * wv;
      }
    }
    X[at] = a0;
    X[at + 1] = a1;
    X[at + 2] = a2;
    X[at + 3] = a3;
    X[at + 4] = a4;
    X[at + 5] = a5;
    X[at + 6] = a6;
    X[at + 7] = a7;
  }
  if (measure === MEASURE_NONE) {
    bound.fill(Number.POSITIVE_INFINITY);
    return;
  }
  bound[0] = e0;
  bound[1] = e1;
  bound[2] = e2;
  bound[3] = e3;
  bound[4] = e4;
  bound[5] = e5;
  bound[6] = e6;
  bound[7] = e7;
  bound[8] = v0;
  bound[9] = v1;
  bound[10] = v2;
  bound[11] = v3;
  bound[12] = v4;
  bound[13] = v5;
  bound[14] = v6;
  bound[15] = v7;
  if (measure === MEASURE_CONVERSION) bound.fill(Number.POSITIVE_INFINITY, LANES);
}
