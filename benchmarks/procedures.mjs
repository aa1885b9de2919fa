// Public procedures beside their peers, timed in interleaved rounds in one process so that load on a shared
// machine hits every contender alike (the vitest bench in procedures.bench.ts runs them one after another).
//
// Speed is reported as a ratio, peer time / our time (> 1: we are faster): the median over rounds of the
// per-round ratio. Inputs come from a seeded generator and are built before timing; every result feeds a sink.
// The public call on a number[] validates every value; on a Float64Array compareMeans checks finiteness
// from the moments instead, so (number[] − Float64Array) / Float64Array bounds the validation overhead.
//
// Usage: npm run build && node benchmarks/procedures.mjs
import { createRequire } from "node:module";
import { sampleSizeTwoProportions } from "../dist/power/index.js";
import { compareMeans, compareProportions } from "../dist/significance/index.js";

const require = createRequire(import.meta.url);
const jStatModule = require("jstat");
const jStat = jStatModule.jStat ?? jStatModule;
const { tTestTwoSample } = require("simple-statistics");
const stdlibTCdf = require("@stdlib/stats-base-dists-t-cdf");

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

function handWelch(control, treatment) {
  const moments = (x) => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i];
    const mean = sum / x.length;
    let ss = 0;
    for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
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
  contenders.forEach(([name], i) => {
    const ms = median(perRound[i]);
    const ratio = median(perRound[i].map((t, r) => t / perRound[ours][r]));
    console.log(
      `  ${name.padEnd(64)} ${(ms * 1000).toFixed(2).padStart(12)} µs/call   ratio to ours ${ratio.toFixed(3)}`,
    );
  });
}

for (const n of [100, 10_000, 1_000_000]) {
  const pool = armPool(n, n >= 1_000_000 ? 2 : 16, 20_261_129 + n);
  const at = (k) => pool[k % pool.length];
  report(
    `two-sample t-test, ${n} observations per arm (ratio: time / compareMeans Welch on Float64Array)`,
    [
      ["ours: compareMeans Welch, Float64Array", (k) => compareMeans(at(k).control, at(k).treatment).pValue],
      [
        "ours: compareMeans Welch, number[] (validated)",
        (k) => compareMeans(at(k).controlArray, at(k).treatmentArray).pValue,
      ],
      [
        "ours: compareMeans Student, number[]",
        (k) => compareMeans(at(k).controlArray, at(k).treatmentArray, { equalVariance: true }).pValue,
      ],
      [
        "peer: simple-statistics tTestTwoSample + jstat t CDF (Student)",
        (k) => simpleStatisticsStudent(at(k).controlArray, at(k).treatmentArray),
      ],
      ["peer: hand Welch + @stdlib t CDF, Float64Array", (k) => handWelch(at(k).control, at(k).treatment)],
    ],
    n >= 1_000_000 ? { rounds: 7, budgetMs: 150 } : {},
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
