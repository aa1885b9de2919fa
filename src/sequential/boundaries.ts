/**
 * Boundary solvers of the group sequential designs: alpha-spending efficacy bounds, classical
 * (Wang–Tsiatis, Haybittle–Peto) bounds, beta-spending futility bounds, and the drift for a target power.
 *
 * @packageDocumentation
 */
import { normalQuantile } from "../distributions/normal.js";
import { StatsError } from "../errors.js";
import { brentRoot, expandingBrentRoot } from "../internal/roots.js";
import {
  type Boundaries,
  continuationRegion,
  crossingProbabilities,
  type Looks,
  probabilityAbove,
  probabilityBelow,
  type StageDensity,
  stageDensity,
} from "./recursion.js";

/** Spends below this are "no bound" (probability 0, bound +∞). */
const NO_SPEND = 1e-300;
/** Stage spends below this that no bound can attain (paths beyond the retained range) become "no bound". */
const UNREACHABLE_SPEND = 1e-15;
/** Absolute tolerance on Z-scale roots. */
const Z_TOLERANCE = 1e-13;

/** Root of an increasing function, searched from [a, b] outward within [lowerLimit, upperLimit]. */
function monotoneRoot(
  fn: string,
  f: (x: number) => number,
  a: number,
  b: number,
  lowerLimit: number,
  upperLimit: number,
): number {
  const r = expandingBrentRoot(f, a, b, { lowerLimit, upperLimit, absoluteTolerance: Z_TOLERANCE });
  if (!r.ok) {
    throw new StatsError(
      r.reason === "no-bracket" ? "NO_SOLUTION" : "NOT_CONVERGED",
      `${fn}: the boundary search ${r.reason === "no-bracket" ? "found no solution" : "did not converge"}`,
    );
  }
  return r.root;
}

/**
 * Efficacy bound at look k spending `target` under H0 (both tails for two-sided designs), given the
 * density of the previous look. `lowerLimit` is the futility bound (one-sided, binding) or 0 (two-sided).
 *
 * @internal
 */
export function solveEfficacyBound(
  fn: string,
  looks: Looks,
  k: number,
  sided: 1 | 2,
  target: number,
  previous: StageDensity | undefined,
  lowerLimit: number,
): number {
  if (!(target > NO_SPEND)) return Number.POSITIVE_INFINITY;
  const hi = -normalQuantile(target / sided);
  if (previous === undefined) return hi;
  let running = 0;
  for (let j = 0; j < previous.h.length; j++) running += previous.h[j]!;
  // Not enough paths left to spend the target on (possible only with binding futility): reject all.
  if (!(running > target)) return Number.NEGATIVE_INFINITY;
  const logTarget = Math.log(target);
  const f = (b: number): number => {
    const p =
      probabilityAbove(looks, k, 0, b, previous) + (sided === 2 ? probabilityBelow(looks, k, 0, -b, previous) : 0);
    return Math.log(p) - logTarget;
  };
  const lo = Math.max(hi - 0.5, lowerLimit);
  if (lo === hi) return hi;
  // The probability is decreasing in b; the root lies at or below hi (the unconditional quantile).
  const g = (b: number): number => -f(b);
  if (target < UNREACHABLE_SPEND) {
    // Spends this small may need paths beyond the retained ±9 SD range (probability < 1e-18): if no
    // bound attains them, spend nothing at this look (an error below the target itself).
    const r = expandingBrentRoot(g, lo, hi, { lowerLimit, upperLimit: hi + 1, absoluteTolerance: Z_TOLERANCE });
    return r.ok ? r.root : Number.POSITIVE_INFINITY;
  }
  // hi + 1 as the upper limit: when the earlier looks barely matter, rounding can put the root a hair above hi.
  return monotoneRoot(fn, g, lo, hi, lowerLimit, hi + 1);
}

/**
 * Efficacy bounds spending the increments of `cumulativeSpend` (total over both sides), under H0, with
 * optional binding futility bounds (one-sided: stop when Z_k < futility[k]).
 *
 * @internal
 */
export function spendingEfficacyBounds(
  fn: string,
  looks: Looks,
  sided: 1 | 2,
  cumulativeSpend: readonly number[],
  bindingFutility?: readonly number[],
  count: number = looks.t.length,
): number[] {
  const upper: number[] = [];
  let previous: StageDensity | undefined;
  for (let k = 0; k < count; k++) {
    const target = cumulativeSpend[k]! - (k === 0 ? 0 : cumulativeSpend[k - 1]!);
    const lowerLimit = sided === 2 ? 0 : Number.NEGATIVE_INFINITY;
    upper.push(solveEfficacyBound(fn, looks, k, sided, target, previous, lowerLimit));
    if (k + 1 < count) {
      const bounds: Boundaries = { sided, upper, futility: bindingFutility };
      previous = stageDensity(looks, k, 0, continuationRegion(bounds, k), previous);
    }
  }
  return upper;
}

/** Total type I error of a design (H0 crossing probability over all looks and both sides). @internal */
export function attainedAlpha(looks: Looks, bounds: Boundaries): number {
  const p = crossingProbabilities(looks, bounds, 0);
  let total = 0;
  for (let k = 0; k < p.upper.length; k++) total += p.upper[k]! + p.lower[k]!;
  return total;
}

/**
 * Wang–Tsiatis bounds C·t_k^(Δ − 1/2) with C solved so that the design's total type I error is alpha
 * (Δ = 0: O'Brien–Fleming; Δ = 1/2: Pocock).
 *
 * @internal
 */
export function wangTsiatisBounds(fn: string, looks: Looks, sided: 1 | 2, alpha: number, deltaWT: number): number[] {
  const shape = Array.from(looks.t, (t) => t ** (deltaWT - 0.5));
  const kMax = shape.length;
  // P(cross) is decreasing in C; one look at the nominal level brackets from below, Bonferroni from above.
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const s of shape) {
    lo = Math.min(lo, -normalQuantile(alpha / sided) / s);
    hi = Math.max(hi, -normalQuantile(alpha / (sided * kMax)) / s);
  }
  const f = (c: number): number => attainedAlpha(looks, { sided, upper: shape.map((s) => c * s) }) - alpha;
  const r = brentRoot(f, lo * (1 - 1e-9), hi * (1 + 1e-9), { absoluteTolerance: Z_TOLERANCE });
  if (!r.ok) throw new StatsError("NOT_CONVERGED", `${fn}: the Wang–Tsiatis constant search did not converge`);
  return shape.map((s) => r.root * s);
}

/**
 * Haybittle–Peto bounds: `interim` at every look before the last, the final bound solved so that the
 * total type I error is alpha.
 *
 * @internal
 */
export function haybittlePetoBounds(fn: string, looks: Looks, sided: 1 | 2, alpha: number, interim: number): number[] {
  const kMax = looks.t.length;
  const upper: number[] = [];
  let previous: StageDensity | undefined;
  let spent = 0;
  for (let k = 0; k < kMax - 1; k++) {
    upper.push(interim);
    spent +=
      probabilityAbove(looks, k, 0, interim, previous) +
      (sided === 2 ? probabilityBelow(looks, k, 0, -interim, previous) : 0);
    previous = stageDensity(looks, k, 0, continuationRegion({ sided, upper }, k), previous);
  }
  if (!(spent < alpha)) {
    throw new StatsError("NO_SOLUTION", `${fn}: the interim bounds alone spend more than alpha`);
  }
  upper.push(solveEfficacyBound(fn, looks, kMax - 1, sided, alpha - spent, previous, sided === 2 ? 0 : -Infinity));
  return upper;
}

/** Power: the probability of crossing an upper efficacy bound under `drift` (rpact's one-sided power). @internal */
export function upperCrossingProbability(looks: Looks, bounds: Boundaries, drift: number): number {
  const p = crossingProbabilities(looks, bounds, drift);
  let total = 0;
  for (let k = 0; k < p.upper.length; k++) total += p.upper[k]!;
  return total;
}

/**
 * The drift δ (mean of Z at the last look) at which the design rejects with probability `power`.
 *
 * @internal
 */
export function driftForPower(fn: string, looks: Looks, bounds: Boundaries, power: number, start: number): number {
  const f = (drift: number): number => upperCrossingProbability(looks, bounds, drift) - power;
  const r = expandingBrentRoot(f, start, start * 1.1, {
    lowerLimit: 0,
    absoluteTolerance: 1e-10,
  });
  if (!r.ok) throw new StatsError("NOT_CONVERGED", `${fn}: the search for the drift at the target power failed`);
  return r.root;
}

/** Result of a beta-spending design. @internal */
export interface BetaSpendingSolution {
  readonly upper: number[];
  readonly futility: number[];
  readonly drift: number;
}

/**
 * Design with futility bounds from beta spending (rpact's formulation): for a trial drift δ, futility
 * bounds solve P_δ(stop for futility by look k) = β(t_k) look by look; the drift is then solved so that
 * the last futility bound meets the last efficacy bound. Non-binding: the efficacy bounds are
 * `nonBindingEfficacy` (computed without futility). Binding: efficacy bounds are re-solved under H0 with
 * the futility bounds in place, inside the same forward pass. One-sided designs stop for futility when
 * Z_k < a_k; two-sided designs when |Z_k| < a_k, and looks flagged in `noFutility` get no futility region
 * (a_k = 0).
 *
 * @internal
 */
export function betaSpendingDesign(
  fn: string,
  looks: Looks,
  sided: 1 | 2,
  cumulativeAlpha: readonly number[],
  cumulativeBeta: readonly number[],
  binding: boolean,
  nonBindingEfficacy: readonly number[],
  start: number,
  noFutility?: readonly boolean[],
): BetaSpendingSolution {
  const kMax = looks.t.length;
  const forward = (drift: number): BetaSpendingPass =>
    betaSpendingPass(fn, looks, sided, cumulativeAlpha, cumulativeBeta, binding, nonBindingEfficacy, drift, {
      ...(noFutility === undefined ? {} : { noFutility }),
    });
  const r = expandingBrentRoot((d) => forward(d).gap, start * 0.95, start * 1.2, {
    lowerLimit: 0,
    absoluteTolerance: 1e-10,
  });
  if (!r.ok) throw new StatsError("NO_SOLUTION", `${fn}: no drift makes the beta-spending futility bounds meet`);
  const solved = forward(r.root);
  return { upper: solved.upper, futility: solved.futility.slice(0, kMax - 1), drift: r.root };
}

/** One forward pass of a beta-spending design under a trial drift. @internal */
export interface BetaSpendingPass {
  readonly upper: number[];
  readonly futility: number[];
  /** At the final look: its futility bound minus its efficacy bound (0 when the drift is right). */
  readonly gap: number;
}

/**
 * One forward pass of beta spending under a fixed `drift`: look by look, the efficacy bound (the given non-binding
 * bounds, or re-solved under H0 with the futility bounds in place when binding) and the futility bound spending
 * β(t_k) − β(t_{k−1}) under the drift. With `final` (default: the last of `looks` is the design's last look) the
 * last futility bound is left free and `gap` is its distance to the efficacy bound; otherwise every look is an
 * interim look (futility at most the efficacy bound). This is how futility bounds are re-derived for the
 * information actually observed (the drift, in units of the planned maximum information, stays the design's).
 *
 * @internal
 */
export function betaSpendingPass(
  fn: string,
  looks: Looks,
  sided: 1 | 2,
  cumulativeAlpha: readonly number[],
  cumulativeBeta: readonly number[],
  binding: boolean,
  nonBindingEfficacy: readonly number[],
  drift: number,
  options: { readonly noFutility?: readonly boolean[]; readonly final?: boolean } = {},
): BetaSpendingPass {
  const kMax = looks.t.length;
  const noFutility = options.noFutility;
  const final = options.final ?? true;
  const upper: number[] = [];
  const futility: number[] = [];
  let previous0: StageDensity | undefined;
  let previous1: StageDensity | undefined;
  for (let k = 0; k < kMax; k++) {
    const c = binding
      ? solveEfficacyBound(
          fn,
          looks,
          k,
          sided,
          cumulativeAlpha[k]! - (k === 0 ? 0 : cumulativeAlpha[k - 1]!),
          previous0,
          sided === 2 ? 0 : Number.NEGATIVE_INFINITY,
        )
      : nonBindingEfficacy[k]!;
    upper.push(c);
    const target = cumulativeBeta[k]! - (k === 0 ? 0 : cumulativeBeta[k - 1]!);
    // Binding futility left too few paths to spend alpha on: the drift is too large. The gap grows with the drift
    // so that a bracket search sees which side to move (a flat plateau made it expand the wrong way).
    if (c === Number.NEGATIVE_INFINITY) return { upper, futility, gap: 50 + drift };
    const last = final && k === kMax - 1;
    // The last futility bound is left free (the drift is solved so that it meets c_K).
    const ceiling = last ? Number.POSITIVE_INFINITY : c;
    const f =
      sided === 1
        ? solveFutilityBound(fn, looks, k, drift, target, previous1, ceiling)
        : !last && noFutility?.[k] === true
          ? 0
          : solveInnerFutilityBound(fn, looks, k, drift, target, previous1, ceiling);
    futility.push(f);
    if (last) return { upper, futility, gap: f - c };
    if (k === kMax - 1) return { upper, futility, gap: 0 };
    const bounds: Boundaries = { sided, upper, futility };
    const region = continuationRegion(bounds, k);
    if (binding) previous0 = stageDensity(looks, k, 0, region, previous0);
    previous1 = stageDensity(looks, k, drift, region, previous1);
  }
  throw new StatsError("NO_SOLUTION", `${fn}: a design needs at least one look`);
}

/**
 * Two-sided futility bound at look k: P_drift(still running, |Z_k| < f) = target, 0 ≤ f ≤ `ceiling`;
 * 0 (no futility region) for a zero target.
 */
function solveInnerFutilityBound(
  fn: string,
  looks: Looks,
  k: number,
  drift: number,
  target: number,
  previous: StageDensity | undefined,
  ceiling: number,
): number {
  if (!(target > NO_SPEND)) return 0;
  const mean = drift * looks.sqrtT[k]!;
  const top = Math.min(ceiling, Math.abs(mean) + 12);
  const f = (a: number): number =>
    probabilityBelow(looks, k, drift, a, previous) - probabilityBelow(looks, k, drift, -a, previous) - target;
  if (f(top) <= 0) return top;
  const r = brentRoot(f, 0, top, { absoluteTolerance: Z_TOLERANCE });
  if (!r.ok) throw new StatsError("NOT_CONVERGED", `${fn}: the futility bound search did not converge`);
  return r.root;
}

/**
 * rpact's two-sided beta spending (`betaAdjustment = TRUE`): looks before the first one whose one-sided
 * futility bound (at alpha/2) is positive spend no beta, and the rest of the spending function is rescaled
 * to still reach beta at the end.
 *
 * @internal
 */
export function adjustedBetaSpending(cumulativeBeta: readonly number[], oneSidedFutility: readonly number[]): number[] {
  const kMax = cumulativeBeta.length;
  const first = oneSidedFutility.findIndex((f) => f > 0);
  if (first <= 0) return [...cumulativeBeta];
  const base = cumulativeBeta[first - 1]!;
  const total = cumulativeBeta[kMax - 1]!;
  return cumulativeBeta.map((b, k) => (k < first ? 0 : ((b - base) / (total - base)) * total));
}

/**
 * Futility bound at look k: P_drift(still running, Z_k < f) = target, with f ≤ `ceiling` (the efficacy
 * bound); −∞ for a zero target.
 */
function solveFutilityBound(
  fn: string,
  looks: Looks,
  k: number,
  drift: number,
  target: number,
  previous: StageDensity | undefined,
  ceiling: number,
): number {
  if (!(target > NO_SPEND)) return Number.NEGATIVE_INFINITY;
  const mean = drift * looks.sqrtT[k]!;
  const lo = mean + normalQuantile(target);
  if (previous === undefined) return Math.min(lo, ceiling);
  const top = Math.min(ceiling, mean + 12);
  const logTarget = Math.log(target);
  const f = (a: number): number => Math.log(probabilityBelow(looks, k, drift, a, previous)) - logTarget;
  if (!(lo < top)) return top;
  if (f(top) <= 0) return top;
  // lo − 1 as the lower limit: rounding can put the root a hair below the unconditional quantile.
  return monotoneRoot(fn, f, lo, Math.min(lo + 0.5, top), lo - 1, top);
}
