/**
 * The Armitage–McPherson–Rowe recursion for the joint distribution of group sequential Z statistics,
 * on per-stage Gauss–Legendre rules (the engine behind the group sequential designs and analyses).
 *
 * @remarks
 * With information fractions t_k (t_K = 1 for a design) and drift δ (the mean of Z_K), the score
 * S_k = Z_k√t_k has independent increments N(δΔ_k, Δ_k), Δ_k = t_k − t_{k−1}. The sub-density of Z_k
 * on paths still running is
 *
 *   f_1(z) = φ(z − δ√t_1),
 *   f_k(z) = ∫_{C_{k−1}} f_{k−1}(u) (√t_k/√Δ_k) φ((z√t_k − u√t_{k−1} − δΔ_k)/√Δ_k) du,
 *
 * and the probability of stopping above b at look k is ∫ f_{k−1}(u) Q((b√t_k − u√t_{k−1} − δΔ_k)/√Δ_k) du
 * with Q the upper normal tail (computed directly). Every integrand is analytic on each piece of the
 * continuation region, so a Gauss–Legendre rule per piece converges geometrically; the number of nodes
 * grows with the width of the piece over the narrowest kernel it must resolve (Anderson's gsDesign
 * Gauss–Legendre option, gsDesign PR #323). Paths more than 9 SD from the mean of Z_k carry < 1e−18 and
 * are dropped. Two nodes per kernel SD (plus 8) reproduce a 6-fold finer rule to ~1e−15 in probability.
 *
 * @reference Armitage, P., C. K. McPherson, and B. C. Rowe. 1969. "Repeated Significance Tests on Accumulating
 * Data." _Journal of the Royal Statistical Society. Series A_ 132 (2): 235–44. doi:10.2307/2343787
 * @reference Jennison, Christopher, and Bruce W. Turnbull. 2000. _Group Sequential Methods with Applications to
 * Clinical Trials_. Chapman & Hall/CRC. Chap. 19. doi:10.1201/9781584888581
 *
 * @packageDocumentation
 */
import { normalCdf, normalSf } from "../distributions/normal.js";
import { gaussLegendreRule } from "../internal/quadrature.js";

const INV_SQRT_2PI = 0.3989422804014327;
/** Half-width, in SDs of Z_k, of the range that carries the sub-density. */
const RANGE = 9;
/** Nodes per piece: BASE + PER_SD × width / kernel SD, capped. */
const NODES_BASE = 8;
const NODES_PER_SD = 2;
const NODES_MAX = 1500;

/** The looks: information fractions and derived constants. @internal */
export interface Looks {
  readonly t: Float64Array;
  readonly sqrtT: Float64Array;
  /** Δ_k = t_k − t_{k−1} (Δ_1 = t_1). */
  readonly delta: Float64Array;
  readonly sqrtDelta: Float64Array;
}

/** @internal */
export function makeLooks(t: readonly number[]): Looks {
  const k = t.length;
  const tt = new Float64Array(k);
  const sqrtT = new Float64Array(k);
  const delta = new Float64Array(k);
  const sqrtDelta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    tt[i] = t[i]!;
    sqrtT[i] = Math.sqrt(t[i]!);
    delta[i] = t[i]! - (i === 0 ? 0 : t[i - 1]!);
    sqrtDelta[i] = Math.sqrt(delta[i]!);
  }
  return { t: tt, sqrtT, delta, sqrtDelta };
}

/** The sub-density of Z_k on its continuation region: nodes and weight × density. @internal */
export interface StageDensity {
  /** Look index (0-based) the density belongs to. */
  readonly stage: number;
  readonly z: Float64Array;
  readonly h: Float64Array;
}

/** A continuation region: sorted disjoint intervals (lo, hi). @internal */
export type Region = readonly (readonly [number, number])[];

/** SD (in Z_k units) of the narrowest kernel a stage-k rule must resolve. */
function kernelScale(looks: Looks, k: number): number {
  const inward = k === 0 ? 1 : looks.sqrtDelta[k]! / looks.sqrtT[k]!;
  const outward = k + 1 < looks.t.length ? looks.sqrtDelta[k + 1]! / looks.sqrtT[k]! : 1;
  return Math.min(inward, outward, 1);
}

/** Gauss–Legendre nodes and weights covering `region` ∩ [mean − RANGE, mean + RANGE]. */
function regionRule(region: Region, mean: number, scale: number): { z: Float64Array; w: Float64Array } {
  const pieces: [number, number, number][] = [];
  let total = 0;
  for (const [lo0, hi0] of region) {
    const lo = Math.max(lo0, mean - RANGE);
    const hi = Math.min(hi0, mean + RANGE);
    if (!(hi > lo)) continue;
    const n = Math.min(NODES_MAX, Math.ceil(NODES_BASE + (NODES_PER_SD * (hi - lo)) / scale));
    pieces.push([lo, hi, n]);
    total += n;
  }
  const z = new Float64Array(total);
  const w = new Float64Array(total);
  let offset = 0;
  for (const [lo, hi, n] of pieces) {
    const rule = gaussLegendreRule(n);
    const mid = 0.5 * (lo + hi);
    const half = 0.5 * (hi - lo);
    for (let i = 0; i < n; i++) {
      z[offset + i] = mid + half * rule.nodes[i]!;
      w[offset + i] = half * rule.weights[i]!;
    }
    offset += n;
  }
  return { z, w };
}

/**
 * The sub-density at look `k` on `region`, from the previous stage's density (`undefined` at look 0).
 *
 * @internal
 */
export function stageDensity(
  looks: Looks,
  k: number,
  drift: number,
  region: Region,
  previous: StageDensity | undefined,
): StageDensity {
  const mean = drift * looks.sqrtT[k]!;
  const { z, w } = regionRule(region, mean, kernelScale(looks, k));
  const h = new Float64Array(z.length);
  if (previous === undefined) {
    for (let i = 0; i < z.length; i++) {
      const d = z[i]! - mean;
      h[i] = w[i]! * INV_SQRT_2PI * Math.exp(-0.5 * d * d);
    }
    return { stage: k, z, h };
  }
  const sqrtT = looks.sqrtT[k]!;
  const sqrtTPrev = looks.sqrtT[k - 1]!;
  const sqrtDelta = looks.sqrtDelta[k]!;
  const shift = drift * looks.delta[k]!;
  const factor = (sqrtT / sqrtDelta) * INV_SQRT_2PI;
  const inv = 1 / sqrtDelta;
  const pz = previous.z;
  const ph = previous.h;
  const m = pz.length;
  // Means of the increment given each previous node, in units of the increment SD.
  const centres = new Float64Array(m);
  for (let j = 0; j < m; j++) centres[j] = (pz[j]! * sqrtTPrev + shift) * inv;
  for (let i = 0; i < z.length; i++) {
    const x = z[i]! * sqrtT * inv;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const d = x - centres[j]!;
      sum += ph[j]! * Math.exp(-0.5 * d * d);
    }
    h[i] = w[i]! * factor * sum;
  }
  return { stage: k, z, h };
}

/**
 * P(still running before look k, Z_k ≥ b) under `drift`; `previous` is the look k − 1 density
 * (`undefined` at look 0).
 *
 * @internal
 */
export function probabilityAbove(
  looks: Looks,
  k: number,
  drift: number,
  b: number,
  previous: StageDensity | undefined,
): number {
  if (b === Number.POSITIVE_INFINITY) return 0;
  if (previous === undefined) return normalSf(b - drift * looks.sqrtT[k]!);
  const bs = b * looks.sqrtT[k]!;
  const sqrtTPrev = looks.sqrtT[k - 1]!;
  const shift = drift * looks.delta[k]!;
  const inv = 1 / looks.sqrtDelta[k]!;
  const pz = previous.z;
  const ph = previous.h;
  let sum = 0;
  for (let j = 0; j < pz.length; j++) sum += ph[j]! * normalSf((bs - pz[j]! * sqrtTPrev - shift) * inv);
  return sum;
}

/**
 * P(still running before look k, Z_k ≤ a) under `drift`.
 *
 * @internal
 */
export function probabilityBelow(
  looks: Looks,
  k: number,
  drift: number,
  a: number,
  previous: StageDensity | undefined,
): number {
  if (a === Number.NEGATIVE_INFINITY) return 0;
  if (previous === undefined) return normalCdf(a - drift * looks.sqrtT[k]!);
  const as = a * looks.sqrtT[k]!;
  const sqrtTPrev = looks.sqrtT[k - 1]!;
  const shift = drift * looks.delta[k]!;
  const inv = 1 / looks.sqrtDelta[k]!;
  const pz = previous.z;
  const ph = previous.h;
  let sum = 0;
  for (let j = 0; j < pz.length; j++) sum += ph[j]! * normalCdf((as - pz[j]! * sqrtTPrev - shift) * inv);
  return sum;
}

/**
 * Boundaries of a design at each look. Upper efficacy `upper[k]` (reject when Z_k ≥ upper[k]; +∞: no
 * bound). Two-sided designs also reject when Z_k ≤ −upper[k]. `futility[k]`: one-sided, stop when
 * Z_k < futility[k] (−∞: none); two-sided, stop when |Z_k| < futility[k] (0 or less: none).
 *
 * @internal
 */
export interface Boundaries {
  readonly sided: 1 | 2;
  readonly upper: readonly number[];
  readonly futility?: readonly number[] | undefined;
}

/** The continuation region at look k (before the last look). @internal */
export function continuationRegion(bounds: Boundaries, k: number): Region {
  const u = bounds.upper[k]!;
  const f = bounds.futility?.[k];
  if (bounds.sided === 1) return [[f ?? Number.NEGATIVE_INFINITY, u]];
  if (f === undefined || !(f > 0)) return [[-u, u]];
  if (!(f < u)) return [];
  return [
    [-u, -f],
    [f, u],
  ];
}

/** Stage-wise crossing probabilities of a design under one drift. @internal */
export interface CrossingProbabilities {
  /** P(stop at look k by crossing the upper efficacy bound). */
  readonly upper: Float64Array;
  /** P(stop at look k by crossing the lower efficacy bound) (two-sided designs; else 0). */
  readonly lower: Float64Array;
  /** P(stop at look k for futility) (0 at the last look, where not rejecting is accepting). */
  readonly futility: Float64Array;
}

/**
 * Crossing probabilities of `bounds` under `drift`, looks 0..count − 1 (all looks by default).
 *
 * @internal
 */
export function crossingProbabilities(
  looks: Looks,
  bounds: Boundaries,
  drift: number,
  count: number = looks.t.length,
): CrossingProbabilities {
  const upper = new Float64Array(count);
  const lower = new Float64Array(count);
  const futility = new Float64Array(count);
  let previous: StageDensity | undefined;
  const last = looks.t.length - 1;
  for (let k = 0; k < count; k++) {
    const u = bounds.upper[k]!;
    upper[k] = probabilityAbove(looks, k, drift, u, previous);
    if (bounds.sided === 2) lower[k] = probabilityBelow(looks, k, drift, -u, previous);
    if (k === last) break;
    futility[k] = futilityProbability(looks, bounds, k, drift, previous);
    if (k + 1 < count) previous = stageDensity(looks, k, drift, continuationRegion(bounds, k), previous);
  }
  return { upper, lower, futility };
}

function futilityProbability(
  looks: Looks,
  bounds: Boundaries,
  k: number,
  drift: number,
  previous: StageDensity | undefined,
): number {
  const f = bounds.futility?.[k];
  if (f === undefined) return 0;
  if (bounds.sided === 1) return probabilityBelow(looks, k, drift, Math.min(f, bounds.upper[k]!), previous);
  if (!(f > 0)) return 0;
  const g = Math.min(f, bounds.upper[k]!);
  return probabilityBelow(looks, k, drift, g, previous) - probabilityBelow(looks, k, drift, -g, previous);
}
