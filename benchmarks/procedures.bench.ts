/**
 * Public procedures beside their peers on the same inputs: `compareMeans` beside simple-statistics'
 * `tTestTwoSample` with a jstat p-value and beside a hand-written Welch test on @stdlib's t CDF; the
 * validation-only cost of a sample beside the arithmetic it guards; `compareProportions` beside a jstat
 * z-test; `sampleSizeTwoProportions` beside the textbook normal-approximation formula.
 *
 * Inputs are built outside the timed callbacks from a seeded generator and rotated through a pool; every
 * result is folded into a sink checked for finiteness, so the engine cannot drop the work. Speed is compared
 * as a ratio (peer time / our time: > 1 means we are faster). Trend data, not a gate: no timing assertions.
 *
 * The peers do less than the public calls: simple-statistics returns only Student's t (no df, p-value or
 * interval), the hand formulas skip validation, intervals and relative lifts, and the hand sample size is
 * the closed form where ours solves R's `power.prop.test(strict = TRUE)` equation.
 *
 * @stdlib/stats-ttest2 (stdlib's own two-sample t-test) is not installed; until it is, stdlib takes part
 * through its t CDF (`@stdlib/stats-base-dists-t-cdf`) under a hand-written Welch statistic.
 *
 * Run: npx vitest bench --run benchmarks/procedures.bench.ts
 */
import { createRequire } from "node:module";
import stdlibTCdf from "@stdlib/stats-base-dists-t-cdf";
import { tTestTwoSample } from "simple-statistics";
import { bench, describe } from "vitest";
import { sampleMoments } from "../src/internal/moments.js";
import { createRandom } from "../src/internal/prng.js";
import { isFiniteSample } from "../src/internal/validate.js";
import { sampleSizeTwoProportions } from "../src/power/sampleSizeTwoProportions.js";
import { compareMeans } from "../src/significance/compareMeans.js";
import { compareProportions } from "../src/significance/compareProportions.js";

interface JStatLike {
  studentt: { cdf(x: number, df: number): number };
  normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
}
// jstat ships no types: load it through require and give it the shape used here.
const jStatModule = createRequire(import.meta.url)("jstat") as { jStat?: JStatLike } & JStatLike;
const jStat: JStatLike = jStatModule.jStat ?? jStatModule;

const state = { sink: 0 };
const check = (x: number): void => {
  if (!Number.isFinite(x)) throw new Error("non-finite benchmark result");
  state.sink += x;
};

interface ArmPair {
  readonly controlArray: number[];
  readonly treatmentArray: number[];
  readonly control: Float64Array;
  readonly treatment: Float64Array;
}

/** `poolSize` pairs of arms of `n` log-normal-ish revenue values (treatment mean 1 % higher), seeded. */
function armPool(n: number, poolSize: number, seed: number): ArmPair[] {
  const random = createRandom(seed);
  const pool: ArmPair[] = [];
  for (let k = 0; k < poolSize; k++) {
    const control = new Float64Array(n);
    const treatment = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      control[i] = Math.exp(1 + 0.5 * random.nextNormal());
      treatment[i] = Math.exp(1.01 + 0.5 * random.nextNormal());
    }
    pool.push({ control, treatment, controlArray: Array.from(control), treatmentArray: Array.from(treatment) });
  }
  return pool;
}

/** Welch's test written out with one mean/variance pass per arm and @stdlib's t CDF for the p-value. */
function handWelch(control: Float64Array, treatment: Float64Array): number {
  const moments = (x: Float64Array): [number, number] => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i]!;
    const mean = sum / x.length;
    let ss = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i]! - mean;
      ss += d * d;
    }
    return [mean, ss / (x.length - 1)];
  };
  const [mc, vc] = moments(control);
  const [mt, vt] = moments(treatment);
  const wc = vc / control.length;
  const wt = vt / treatment.length;
  const t = (mt - mc) / Math.sqrt(wc + wt);
  const df = (wc + wt) ** 2 / ((wc * wc) / (control.length - 1) + (wt * wt) / (treatment.length - 1));
  return 2 * stdlibTCdf(-Math.abs(t), df);
}

/** simple-statistics' pooled t with a two-sided p-value from jstat's t CDF (the peers' Student test). */
function simpleStatisticsStudent(control: number[], treatment: number[]): number {
  const t = tTestTwoSample(treatment, control, 0);
  if (t === null) throw new Error("empty sample");
  return 2 * jStat.studentt.cdf(-Math.abs(t), control.length + treatment.length - 2);
}

const SIZES = [100, 10_000, 1_000_000] as const;

for (const n of SIZES) {
  const pool = armPool(n, n >= 1_000_000 ? 2 : 16, 20_261_129 + n);
  let i = 0;
  const next = (): ArmPair => pool[i++ % pool.length]!;
  describe(`two-sample t-test, ${n} observations per arm`, () => {
    bench("ours: compareMeans Welch, Float64Array", () => {
      const p = next();
      check(compareMeans(p.control, p.treatment).pValue);
    });
    bench("ours: compareMeans Welch, number[]", () => {
      const p = next();
      check(compareMeans(p.controlArray, p.treatmentArray).pValue);
    });
    bench("ours: compareMeans Student, number[]", () => {
      const p = next();
      check(compareMeans(p.controlArray, p.treatmentArray, { equalVariance: true }).pValue);
    });
    bench("peer: simple-statistics tTestTwoSample + jstat t CDF (Student), number[]", () => {
      const p = next();
      check(simpleStatisticsStudent(p.controlArray, p.treatmentArray));
    });
    bench("peer: hand Welch + @stdlib t CDF, Float64Array", () => {
      const p = next();
      check(handWelch(p.control, p.treatment));
    });
  });
}

describe("validation beside arithmetic, 1e6 observations (one arm)", () => {
  const pool = armPool(1_000_000, 2, 7);
  let i = 0;
  const next = (): ArmPair => pool[i++ % pool.length]!;
  bench("arithmetic: sampleMoments, Float64Array", () => {
    check(sampleMoments(next().control).variance);
  });
  bench("arithmetic: sampleMoments, number[]", () => {
    check(sampleMoments(next().controlArray).variance);
  });
  bench("validation: isFiniteSample, Float64Array", () => {
    check(isFiniteSample(next().control, 2) ? 1 : 0);
  });
  bench("validation: isFiniteSample, number[]", () => {
    check(isFiniteSample(next().controlArray, 2) ? 1 : 0);
  });
});

describe("two proportions", () => {
  const random = createRandom(42);
  const pool = Array.from({ length: 64 }, () => {
    const visitors = 10_000 + random.nextInt(90_000);
    return {
      control: { visitors, conversions: Math.round(visitors * (0.1 + 0.01 * random.next())) },
      treatment: { visitors, conversions: Math.round(visitors * (0.105 + 0.01 * random.next())) },
    };
  });
  let i = 0;
  bench("ours: compareProportions (pooled z, Wald and delta intervals)", () => {
    const p = pool[i++ % pool.length]!;
    check(compareProportions(p.control, p.treatment).pValue);
  });
  bench("peer: pooled z-test by hand + jstat normal CDF", () => {
    const p = pool[i++ % pool.length]!;
    const pc = p.control.conversions / p.control.visitors;
    const pt = p.treatment.conversions / p.treatment.visitors;
    const pooled = (p.control.conversions + p.treatment.conversions) / (p.control.visitors + p.treatment.visitors);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / p.control.visitors + 1 / p.treatment.visitors));
    check(2 * jStat.normal.cdf(-Math.abs((pt - pc) / se), 0, 1));
  });
});

describe("sample size, two proportions", () => {
  const random = createRandom(43);
  const pool = Array.from({ length: 64 }, () => ({
    baselineRate: 0.02 + 0.2 * random.next(),
    mde: 0.05 + 0.2 * random.next(),
  }));
  let i = 0;
  bench("ours: sampleSizeTwoProportions (R power.prop.test, strict)", () => {
    check(sampleSizeTwoProportions(pool[i++ % pool.length]!).nControlExact);
  });
  bench("peer: closed-form normal approximation + jstat normal quantile", () => {
    const { baselineRate: p1, mde } = pool[i++ % pool.length]!;
    const p2 = p1 * (1 + mde);
    const zAlpha = jStat.normal.inv(0.975, 0, 1);
    const zBeta = jStat.normal.inv(0.8, 0, 1);
    const pBar = (p1 + p2) / 2;
    const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    check((root * root) / ((p2 - p1) * (p2 - p1)));
  });
});
