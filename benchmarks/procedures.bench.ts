/**
 * Public procedures beside their peers on the same inputs: `compareMeans` beside @stdlib's `ttest2`
 * (`@stdlib/stats-ttest2`) and simple-statistics' `tTestTwoSample` with a jstat p-value; `mannWhitneyUTest`
 * beside simple-statistics' `wilcoxonRankSum` (no @stdlib Mann–Whitney / Wilcoxon rank-sum package is
 * installed); the cost of validating a sample beside the arithmetic it guards; `compareProportions` beside a
 * jstat z-test; `sampleSizeTwoProportions` beside the textbook normal-approximation formula.
 *
 * Inputs are built outside the timed callbacks from a seeded generator and rotated through a pool; every
 * result is folded into a sink checked for finiteness, so the engine cannot drop the work. Speed is compared
 * as a ratio (peer time / our time: > 1 means we are faster). Trend data, not a gate: no timing assertions.
 *
 * The peers do less than the public calls: @stdlib's `ttest2` gives t, df, p-value and the interval of the
 * difference but no relative lift (and validates only that its inputs are numeric arrays); simple-statistics
 * returns only Student's t (no df, p-value or interval) and only the rank sum W (no p-value, tie correction,
 * Hodges–Lehmann estimate or interval); the hand formulas skip validation, intervals and relative lifts,
 * and the hand sample size is the closed form where ours solves R's `power.prop.test(strict = TRUE)` equation.
 *
 * Validation: a raw sample's values are checked inside the moments pass (a `typeof` test per element of a
 * plain array in the compensated-sum loop; non-finite values show as non-finite moments), and the schema
 * checks only shape and length. "arithmetic only" is the same two-pass moments algorithm without those
 * checks, so (ours − arithmetic only) / arithmetic only is what validation costs.
 *
 * Run: npx vitest bench --run benchmarks/procedures.bench.ts
 */

import { createRequire } from "node:module";
import ttest2 from "@stdlib/stats-ttest2";
import { tTestTwoSample, wilcoxonRankSum } from "simple-statistics";
import { bench, describe } from "vitest";
import { bayesianMeans } from "../src/bayesian/bayesianMeans.js";
import { type MeanDataForms, meanArmSchema } from "../src/internal/meanArm.js";
import { type Moments, sampleMoments } from "../src/internal/moments.js";
import { createRandom } from "../src/internal/prng.js";
import { isFiniteSample } from "../src/internal/validate.js";
import { sampleSizeTwoProportions } from "../src/power/sampleSizeTwoProportions.js";
import { compareMeans } from "../src/significance/compareMeans.js";
import { compareProportions } from "../src/significance/compareProportions.js";
import { mannWhitneyUTest } from "../src/significance/mannWhitneyUTest.js";

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

/**
 * The arithmetic of `sampleMoments` without its checks (compensated mean, corrected two-pass variance): the
 * baseline that validation overhead is measured against. One copy per array kind keeps each loop
 * monomorphic; the compensated sum is written out for the same reason (`compensatedSum` sees both kinds).
 */
function uncheckedMomentsArray(values: readonly number[]): Moments {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let mean = (sum + compensation) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  return { n, mean, variance: Math.max(0, (squares - (deviations * deviations) / n) / (n - 1)) };
}

/** {@link uncheckedMomentsArray} for a Float64Array (a separate copy, see there). */
function uncheckedMomentsFloat64(values: Float64Array): Moments {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let mean = (sum + compensation) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  return { n, mean, variance: Math.max(0, (squares - (deviations * deviations) / n) / (n - 1)) };
}

/** simple-statistics' pooled t with a two-sided p-value from jstat's t CDF (the peers' Student test). */
function simpleStatisticsStudent(control: number[], treatment: number[]): number {
  const t = tTestTwoSample(treatment, control, 0);
  if (t === null) throw new Error("empty sample");
  return 2 * jStat.studentt.cdf(-Math.abs(t), control.length + treatment.length - 2);
}

for (const n of [100, 10_000, 1_000_000] as const) {
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
    // ttest2(x, y) tests mean(x) − mean(y): treatment first, as compareMeans reports treatment − control.
    bench("peer: @stdlib/stats-ttest2 Welch, Float64Array", () => {
      const p = next();
      check(ttest2(p.treatment, p.control).pValue);
    });
    bench("peer: @stdlib/stats-ttest2 Welch, number[]", () => {
      const p = next();
      check(ttest2(p.treatmentArray, p.controlArray).pValue);
    });
    bench("peer: @stdlib/stats-ttest2 Student, number[]", () => {
      const p = next();
      check(ttest2(p.treatmentArray, p.controlArray, { variance: "equal" }).pValue);
    });
    bench("peer: simple-statistics tTestTwoSample + jstat t CDF (Student), number[]", () => {
      const p = next();
      check(simpleStatisticsStudent(p.controlArray, p.treatmentArray));
    });
  });
}

for (const n of [10_000, 1_000_000] as const) {
  const pool = armPool(n, 2, 31_337 + n);
  let i = 0;
  const next = (): ArmPair => pool[i++ % pool.length]!;
  // A call on 1e6 + 1e6 values takes about a second: a few iterations, no time budget.
  const options = n >= 1_000_000 ? { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 } : {};
  describe(`Mann–Whitney U, ${n} observations per arm`, () => {
    bench(
      "ours: mannWhitneyUTest (normal approx., tie correction, Hodges–Lehmann + interval), number[]",
      () => {
        const p = next();
        check(mannWhitneyUTest(p.controlArray, p.treatmentArray).pValue);
      },
      options,
    );
    bench(
      "ours: mannWhitneyUTest, Float64Array",
      () => {
        const p = next();
        check(mannWhitneyUTest(p.control, p.treatment).pValue);
      },
      options,
    );
    bench(
      "peer: simple-statistics wilcoxonRankSum (rank sum only), number[]",
      () => {
        const p = next();
        check(wilcoxonRankSum(p.treatmentArray, p.controlArray));
      },
      options,
    );
    bench(
      "validation only: isFiniteSample of both arms (mannWhitneyUTest's schema), number[]",
      () => {
        const p = next();
        check(isFiniteSample(p.controlArray, 1) && isFiniteSample(p.treatmentArray, 1) ? 1 : 0);
      },
      options,
    );
  });
}

describe("validation beside arithmetic, 1e6 observations per arm", () => {
  const pool = armPool(1_000_000, 2, 7);
  let i = 0;
  const next = (): ArmPair => pool[i++ % pool.length]!;
  const forms: MeanDataForms = { message: "bad arm", covariate: true, proportion: false, finitenessFromMoments: true };
  // One arm: the moments pass with and without its checks, and the schema's own work.
  bench("arithmetic only: moments without checks, number[]", () => {
    check(uncheckedMomentsArray(next().controlArray).variance);
  });
  bench("arithmetic only: moments without checks, Float64Array", () => {
    check(uncheckedMomentsFloat64(next().control).variance);
  });
  bench("checked: sampleMoments (typeof folded in), number[]", () => {
    check(sampleMoments(next().controlArray).variance);
  });
  bench("checked: sampleMoments (finiteness from the moments), Float64Array", () => {
    check(sampleMoments(next().control).variance);
  });
  bench("validation only: arm schema (shape and length), number[]", () => {
    const a = next().controlArray;
    check(meanArmSchema(a, forms).safeParse(a).success ? 1 : 0);
  });
  bench("validation only: arm schema (shape and length), Float64Array", () => {
    const a = next().control;
    check(meanArmSchema(a, forms).safeParse(a).success ? 1 : 0);
  });
  bench("for reference: a separate isFiniteSample pass, number[]", () => {
    check(isFiniteSample(next().controlArray, 2) ? 1 : 0);
  });
  bench("for reference: a separate isFiniteSample pass, Float64Array", () => {
    check(isFiniteSample(next().control, 2) ? 1 : 0);
  });
  // Both arms through the public calls, beside the unchecked arithmetic of both arms.
  bench("public: compareMeans Welch, number[]", () => {
    const p = next();
    check(compareMeans(p.controlArray, p.treatmentArray).pValue);
  });
  bench("public: compareMeans Welch, Float64Array", () => {
    const p = next();
    check(compareMeans(p.control, p.treatment).pValue);
  });
  bench("public: bayesianMeans, number[]", () => {
    const p = next();
    check(bayesianMeans(p.controlArray, p.treatmentArray).chanceToWin);
  });
  bench("public: bayesianMeans, Float64Array", () => {
    const p = next();
    check(bayesianMeans(p.control, p.treatment).chanceToWin);
  });
  bench("arithmetic only: unchecked moments of both arms, number[]", () => {
    const p = next();
    check(uncheckedMomentsArray(p.controlArray).variance + uncheckedMomentsArray(p.treatmentArray).variance);
  });
  bench("arithmetic only: unchecked moments of both arms, Float64Array", () => {
    const p = next();
    check(uncheckedMomentsFloat64(p.control).variance + uncheckedMomentsFloat64(p.treatment).variance);
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
