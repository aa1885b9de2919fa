// Public procedures beside their peers, timed in interleaved rounds in one process so that load on a shared
// machine hits every contender alike (the vitest bench in procedures.bench.ts runs them one after another).
//
// Speed is reported as a ratio, time / our time (for a peer: > 1 means we are faster): the median over rounds
// of the per-round ratio. Inputs come from a seeded generator and are built before timing; every result feeds
// a sink. Peers: @stdlib/stats-ttest2 and simple-statistics' tTestTwoSample (+ jstat t CDF) for compareMeans;
// simple-statistics' wilcoxonRankSum (rank sum only) for mannWhitneyUTest (no @stdlib Mann–Whitney is installed).
//
// Validation: compareMeans and bayesianMeans check a raw sample's values inside the moments pass, so the
// public call on both arms is set beside the same moments arithmetic without checks ("arithmetic only", a
// copy below): (public − arithmetic only) / arithmetic only bounds the validation overhead from above (it also
// holds options parsing and the t quantile and survival function, a few microseconds, and whatever the
// library's moments functions cost beyond these local copies); the same copy with the typeof check folded in
// measures the check itself.
//
// Usage: npm run build && node benchmarks/procedures.mjs
//   or, without writing dist/: bundle this file with esbuild, resolving ../dist/<area>/index.js to
//   src/<area>/index.ts, and run the bundle (see the report of issue 4).
import ttest2 from "@stdlib/stats-ttest2";
import jStatModule from "jstat";
import { tTestTwoSample, wilcoxonRankSum } from "simple-statistics";
import { bayesianMeans } from "../dist/bayesian/index.js";
import { sampleSizeTwoProportions } from "../dist/power/index.js";
import { compareMeans, compareProportions, mannWhitneyUTest } from "../dist/significance/index.js";

const jStat = jStatModule.jStat ?? jStatModule;

// mulberry32 + Box–Muller: a fixed seed gives the same inputs on every run.
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

function armPool(n, poolSize, seed) {
  const g = generator(seed);
  return Array.from({ length: poolSize }, () => {
    const control = new Float64Array(n);
    const treatment = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      control[i] = Math.exp(1 + 0.5 * g.normal());
      treatment[i] = Math.exp(1.01 + 0.5 * g.normal());
    }
    return { control, treatment, controlArray: Array.from(control), treatmentArray: Array.from(treatment) };
  });
}

// The arithmetic of the library's sampleMoments without its checks: Neumaier's compensated mean, then the
// corrected two-pass variance (the baseline of the validation overhead). One copy per array kind, so that
// each stays monomorphic (a shared copy would be slowed by seeing both kinds and flatter the library).
function uncheckedMomentsArray(values) {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let mean = (sum + compensation) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  return Math.max(0, (squares - (deviations * deviations) / n) / (n - 1));
}

// uncheckedMomentsArray with the library's check folded in (a typeof test per element in the first pass):
// beside it, the cost of the check itself, free of differences between the library's functions and these copies.
function checkedMomentsArray(values) {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number") return Number.NaN;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let mean = (sum + compensation) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  return Math.max(0, (squares - (deviations * deviations) / n) / (n - 1));
}

function uncheckedMomentsFloat64(values) {
  const n = values.length;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  let mean = (sum + compensation) / n;
  let deviations = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    deviations += d;
    squares += d * d;
  }
  mean += deviations / n;
  return Math.max(0, (squares - (deviations * deviations) / n) / (n - 1));
}

function simpleStatisticsStudent(control, treatment) {
  const t = tTestTwoSample(treatment, control, 0);
  return 2 * jStat.studentt.cdf(-Math.abs(t), control.length + treatment.length - 2);
}

let sink = 0;
const fold = (x) => {
  if (!Number.isFinite(x)) throw new Error("non-finite benchmark result");
  sink += x;
};

// Per round, each contender runs for budgetMs; returns the median time per call and per-round times.
function timeRounds(contenders, rounds, budgetMs) {
  const perRound = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    contenders.forEach(([, fn], i) => {
      // One untimed call first, so that no contender pays for the previous one's inputs leaving the cache.
      fold(fn(round));
      let calls = 0;
      const start = performance.now();
      let elapsed = 0;
      do {
        fold(fn(calls));
        calls++;
        elapsed = performance.now() - start;
      } while (elapsed < budgetMs);
      perRound[i].push(elapsed / calls);
    });
  }
  return perRound;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function report(title, contenders, { rounds = 9, budgetMs = 60, ours = 0 } = {}) {
  // One untimed round to let the engine optimise every contender.
  timeRounds(contenders, 1, budgetMs / 2);
  const perRound = timeRounds(contenders, rounds, budgetMs);
  console.log(`\n${title}`);
  // A contender [name, fn, base] is compared with contender `base` instead of `ours`.
  contenders.forEach(([name, , base = ours], i) => {
    const ms = median(perRound[i]);
    const ratio = median(perRound[i].map((t, r) => t / perRound[base][r]));
    const to = base === ours ? "ours" : `#${base}`;
    console.log(
      `  #${i} ${name.padEnd(72)} ${(ms * 1000).toFixed(2).padStart(12)} µs/call   ratio to ${to} ${ratio.toFixed(3)}`,
    );
  });
}

for (const n of [100, 10_000, 1_000_000]) {
  const pool = armPool(n, n >= 1_000_000 ? 2 : 16, 20_261_129 + n);
  const at = (k) => pool[k % pool.length];
  report(
    `two-sample t-test, ${n} observations per arm (ratio: time / compareMeans Welch on number[])`,
    [
      ["ours: compareMeans Welch, number[]", (k) => compareMeans(at(k).controlArray, at(k).treatmentArray).pValue],
      ["ours: compareMeans Welch, Float64Array", (k) => compareMeans(at(k).control, at(k).treatment).pValue],
      [
        "ours: compareMeans Student, number[]",
        (k) => compareMeans(at(k).controlArray, at(k).treatmentArray, { equalVariance: true }).pValue,
      ],
      // ttest2(x, y) tests mean(x) − mean(y): treatment first, as compareMeans reports treatment − control.
      ["peer: @stdlib/stats-ttest2 Welch, number[]", (k) => ttest2(at(k).treatmentArray, at(k).controlArray).pValue],
      ["peer: @stdlib/stats-ttest2 Welch, Float64Array", (k) => ttest2(at(k).treatment, at(k).control).pValue],
      [
        "peer: @stdlib/stats-ttest2 Student, number[]",
        (k) => ttest2(at(k).treatmentArray, at(k).controlArray, { variance: "equal" }).pValue,
      ],
      [
        "peer: simple-statistics tTestTwoSample + jstat t CDF (Student)",
        (k) => simpleStatisticsStudent(at(k).controlArray, at(k).treatmentArray),
      ],
    ],
    n >= 1_000_000 ? { rounds: 7, budgetMs: 150 } : {},
  );
}

for (const n of [10_000, 1_000_000]) {
  const pool = armPool(n, 2, 31_337 + n);
  const at = (k) => pool[k % pool.length];
  report(
    `Mann–Whitney U, ${n} observations per arm (ratio: time / mannWhitneyUTest on number[])`,
    [
      [
        "ours: mannWhitneyUTest (normal approx., Hodges–Lehmann + interval), number[]",
        (k) => mannWhitneyUTest(at(k).controlArray, at(k).treatmentArray).pValue,
      ],
      ["ours: mannWhitneyUTest, Float64Array", (k) => mannWhitneyUTest(at(k).control, at(k).treatment).pValue],
      [
        "peer: simple-statistics wilcoxonRankSum (rank sum only), number[]",
        (k) => wilcoxonRankSum(at(k).treatmentArray, at(k).controlArray),
      ],
    ],
    // A call on 1e6 + 1e6 values takes about a second: one call per contender and round.
    n >= 1_000_000 ? { rounds: 3, budgetMs: 0 } : { rounds: 7, budgetMs: 100 },
  );
}

{
  // One pair of arms: every contender reads the same 32 MB, so cache effects do not differ between them.
  const pool = armPool(1_000_000, 1, 7);
  const at = (k) => pool[k % pool.length];
  report(
    "validation beside arithmetic, 1e6 observations per arm (ratio: time / unchecked moments of both arms, number[] unless #1)",
    [
      [
        "arithmetic only: unchecked moments of both arms, number[]",
        (k) => uncheckedMomentsArray(at(k).controlArray) + uncheckedMomentsArray(at(k).treatmentArray),
      ],
      [
        "arithmetic only: unchecked moments of both arms, Float64Array",
        (k) => uncheckedMomentsFloat64(at(k).control) + uncheckedMomentsFloat64(at(k).treatment),
      ],
      [
        "same arithmetic with the typeof check folded in, number[]",
        (k) => checkedMomentsArray(at(k).controlArray) + checkedMomentsArray(at(k).treatmentArray),
      ],
      ["public: compareMeans Welch, number[]", (k) => compareMeans(at(k).controlArray, at(k).treatmentArray).pValue],
      ["public: compareMeans Welch, Float64Array", (k) => compareMeans(at(k).control, at(k).treatment).pValue, 1],
      ["public: bayesianMeans, number[]", (k) => bayesianMeans(at(k).controlArray, at(k).treatmentArray).chanceToWin],
      ["public: bayesianMeans, Float64Array", (k) => bayesianMeans(at(k).control, at(k).treatment).chanceToWin, 1],
    ],
    { rounds: 31, budgetMs: 60 },
  );
}

{
  const g = generator(42);
  const pool = Array.from({ length: 64 }, () => {
    const visitors = 10_000 + Math.floor(90_000 * g.next());
    return {
      control: { visitors, conversions: Math.round(visitors * (0.1 + 0.01 * g.next())) },
      treatment: { visitors, conversions: Math.round(visitors * (0.105 + 0.01 * g.next())) },
    };
  });
  const at = (k) => pool[k % pool.length];
  report("two proportions (ratio: time / compareProportions)", [
    [
      "ours: compareProportions (pooled z, Wald and delta intervals)",
      (k) => compareProportions(at(k).control, at(k).treatment).pValue,
    ],
    [
      "peer: pooled z-test by hand + jstat normal CDF",
      (k) => {
        const { control: c, treatment: t } = at(k);
        const pooled = (c.conversions + t.conversions) / (c.visitors + t.visitors);
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / c.visitors + 1 / t.visitors));
        return 2 * jStat.normal.cdf(-Math.abs((t.conversions / t.visitors - c.conversions / c.visitors) / se), 0, 1);
      },
    ],
  ]);
}

{
  const g = generator(43);
  const pool = Array.from({ length: 64 }, () => ({ baselineRate: 0.02 + 0.2 * g.next(), mde: 0.05 + 0.2 * g.next() }));
  const at = (k) => pool[k % pool.length];
  report("sample size, two proportions (ratio: time / sampleSizeTwoProportions)", [
    [
      "ours: sampleSizeTwoProportions (R power.prop.test, strict)",
      (k) => sampleSizeTwoProportions(at(k)).nControlExact,
    ],
    [
      "peer: closed-form normal approximation + jstat normal quantile",
      (k) => {
        const { baselineRate: p1, mde } = at(k);
        const p2 = p1 * (1 + mde);
        const pBar = (p1 + p2) / 2;
        const root =
          jStat.normal.inv(0.975, 0, 1) * Math.sqrt(2 * pBar * (1 - pBar)) +
          jStat.normal.inv(0.8, 0, 1) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (root * root) / ((p2 - p1) * (p2 - p1));
      },
    ],
  ]);
}

console.log(`\n(sink ${sink.toExponential(3)})`);
