/**
 * Monte Carlo estimation of Markov removal effects from seeded random walks (for parity with
 * simulation-based tools; the exact solver is the default).
 *
 * @internal
 * @packageDocumentation
 */
import { StatsError } from "../errors.js";
import { createRandom } from "../internal/prng.js";
import type { MarkovGraph } from "./markovGraph.js";

/** Number of batches used for the standard errors. @internal */
export const SIMULATION_FOLDS = 10;

/** Estimates from the walks. @internal */
export interface SimulationEstimate {
  readonly conversionProbability: number;
  readonly expectedValue: number;
  /** Estimated P(visit c ∧ convert) and its value-weighted twin, per channel. */
  readonly conversionThrough: Float64Array;
  readonly valueThrough: Float64Array;
  /** Per fold (rows) and channel (columns): removal effect and normalised conversion credit. */
  readonly foldRemovalEffects: Float64Array[];
  readonly foldCredits: Float64Array[];
  readonly walks: number;
  readonly truncatedWalks: number;
}

/**
 * Runs `walks` random walks from `(start)` in `SIMULATION_FOLDS` equal batches. A walk that reaches
 * `maxSteps` transitions without absorption is counted as not converting (and reported).
 *
 * @internal
 */
export function simulateRemovalEffects(
  g: MarkovGraph,
  channelCount: number,
  totalConversions: number,
  walks: number,
  seed: number,
  maxSteps: number,
): SimulationEstimate {
  const random = createRandom(seed);
  const n = g.stateCount;
  // Cumulative out-weights per state: edges, then conversion, then null.
  const { edgeOffsets, edgeTarget, edgeWeight } = g;
  const cumulative = new Float64Array(edgeWeight.length);
  for (let s = 0; s < n; s++) {
    let acc = 0;
    for (let e = edgeOffsets[s]!; e < edgeOffsets[s + 1]!; e++) {
      acc += edgeWeight[e]!;
      cumulative[e] = acc;
    }
  }
  const nu = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const y = g.conversionWeight[s]!;
    if (y > 0) nu[s] = g.endValue[s]! / y;
  }
  const stamp = new Int32Array(channelCount).fill(-1);
  const visited: number[] = [];
  const through = new Float64Array(channelCount);
  const valueThrough = new Float64Array(channelCount);
  const foldRemovalEffects: Float64Array[] = [];
  const foldCredits: Float64Array[] = [];
  let totalConverted = 0;
  let totalValue = 0;
  let truncated = 0;
  let walk = 0;
  for (let fold = 0; fold < SIMULATION_FOLDS; fold++) {
    const end = Math.round(((fold + 1) * walks) / SIMULATION_FOLDS);
    const t = new Float64Array(channelCount);
    let converted = 0;
    for (; walk < end; walk++) {
      visited.length = 0;
      let s = 0;
      let outcome = 0; // 0 running, 1 conversion, 2 null
      for (let step = 0; step < maxSteps; step++) {
        const out = g.outWeight[s]!;
        if (out === 0) {
          outcome = 2;
          break;
        }
        const u = random.next() * out;
        const lo = edgeOffsets[s]!;
        const hi = edgeOffsets[s + 1]!;
        const edgeTotal = hi > lo ? cumulative[hi - 1]! : 0;
        if (u >= edgeTotal) {
          outcome = u - edgeTotal < g.conversionWeight[s]! ? 1 : 2;
          break;
        }
        // First edge whose cumulative weight exceeds u.
        let a = lo;
        let b = hi - 1;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (cumulative[mid]! > u) b = mid;
          else a = mid + 1;
        }
        s = edgeTarget[a]!;
        for (const c of g.stateChannels[s]!) {
          if (stamp[c] !== walk) {
            stamp[c] = walk;
            visited.push(c);
          }
        }
      }
      if (outcome === 0) truncated++;
      if (outcome !== 1) continue;
      converted++;
      totalValue += nu[s]!;
      for (const c of visited) {
        t[c] = t[c]! + 1;
        valueThrough[c] = valueThrough[c]! + nu[s]!;
      }
    }
    totalConverted += converted;
    let sumRe = 0;
    const re = new Float64Array(channelCount);
    for (let c = 0; c < channelCount; c++) {
      through[c] = through[c]! + t[c]!;
      re[c] = converted > 0 ? t[c]! / converted : 0;
      sumRe += re[c]!;
    }
    const credit = new Float64Array(channelCount);
    for (let c = 0; c < channelCount; c++) credit[c] = sumRe > 0 ? (re[c]! / sumRe) * totalConversions : 0;
    if (converted > 0) {
      foldRemovalEffects.push(re);
      foldCredits.push(credit);
    }
  }
  if (totalConverted === 0 || foldCredits.length < 2) {
    throw new StatsError(
      "NOT_CONVERGED",
      `markovAttribution: too few of the ${walks} simulated walks converted to estimate removal effects; increase simulations or use method "exact"`,
    );
  }
  for (let c = 0; c < channelCount; c++) {
    through[c] = through[c]! / walks;
    valueThrough[c] = valueThrough[c]! / walks;
  }
  return {
    conversionProbability: totalConverted / walks,
    expectedValue: totalValue / walks,
    conversionThrough: through,
    valueThrough,
    foldRemovalEffects,
    foldCredits,
    walks,
    truncatedWalks: truncated,
  };
}

/** Standard error of the mean of the fold estimates (batch means) for column c. @internal */
export function foldStandardError(folds: readonly Float64Array[], c: number): number {
  const k = folds.length;
  let mean = 0;
  for (const f of folds) mean += f[c]!;
  mean /= k;
  let ss = 0;
  for (const f of folds) ss += (f[c]! - mean) ** 2;
  return Math.sqrt(ss / (k - 1) / k);
}
