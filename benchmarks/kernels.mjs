// Accuracy and speed of every kernel beside jstat, simple-statistics and @stdlib, on the same inputs.
//
// Inputs are the committed mpmath fixtures (test/fixtures/distributions); accuracy is the relative error
// against them (absolute error where the reference is below 1e-300), speed is the time per call measured
// in interleaved rounds in one process, reported as a ratio (peer time / our time: > 1 means we are faster).
//
// Usage: npm run bench:kernels   (builds first; add --markdown for the table in docs/numerics.md)
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as distributions from "../dist/distributions/index.js";

const ours = new Map(Object.entries(distributions));

const require = createRequire(import.meta.url);
const jStat = require("jstat");
const ss = require("simple-statistics");
const sd = (name) => require(`@stdlib/${name}`);
const stdlib = {
  normalCdf: sd("stats-base-dists-normal-cdf"),
  normalQuantile: sd("stats-base-dists-normal-quantile"),
  tCdf: sd("stats-base-dists-t-cdf"),
  tQuantile: sd("stats-base-dists-t-quantile"),
  chisqCdf: sd("stats-base-dists-chisquare-cdf"),
  chisqQuantile: sd("stats-base-dists-chisquare-quantile"),
  betaCdf: sd("stats-base-dists-beta-cdf"),
  betaQuantile: sd("stats-base-dists-beta-quantile"),
  binomCdf: sd("stats-base-dists-binomial-cdf"),
  binomPmf: sd("stats-base-dists-binomial-pmf"),
  gammaCdf: sd("stats-base-dists-gamma-cdf"),
  fCdf: sd("stats-base-dists-f-cdf"),
  erf: sd("math-base-special-erf"),
  erfc: sd("math-base-special-erfc"),
  erfinv: sd("math-base-special-erfinv"),
  gammaln: sd("math-base-special-gammaln"),
  betainc: sd("math-base-special-betainc"),
  gammainc: sd("math-base-special-gammainc"),
};

// Each kernel with its peers. "1 - cdf" marks a peer that has no upper tail of its own.
const kernels = {
  normalCdf: {
    jstat: (x, m = 0, s = 1) => jStat.normal.cdf(x, m, s),
    "simple-statistics": (x, m = 0, s = 1) => ss.cumulativeStdNormalProbability((x - m) / s),
    "@stdlib": (x, m = 0, s = 1) => stdlib.normalCdf(x, m, s),
  },
  normalSf: {
    "jstat (1 - cdf)": (x, m = 0, s = 1) => 1 - jStat.normal.cdf(x, m, s),
    "@stdlib (1 - cdf)": (x, m = 0, s = 1) => 1 - stdlib.normalCdf(x, m, s),
  },
  normalQuantile: {
    jstat: (p, m = 0, s = 1) => jStat.normal.inv(p, m, s),
    "simple-statistics": (p, m = 0, s = 1) => m + s * ss.probit(p),
    "@stdlib": (p, m = 0, s = 1) => stdlib.normalQuantile(p, m, s),
  },
  erf: { jstat: (x) => jStat.erf(x), "simple-statistics": (x) => ss.errorFunction(x), "@stdlib": (x) => stdlib.erf(x) },
  erfc: { jstat: (x) => jStat.erfc(x), "@stdlib": (x) => stdlib.erfc(x) },
  erfInv: { "simple-statistics": (x) => ss.inverseErrorFunction(x), "@stdlib": (x) => stdlib.erfinv(x) },
  lnGamma: {
    jstat: (x) => jStat.gammaln(x),
    "simple-statistics": (x) => ss.gammaln(x),
    "@stdlib": (x) => stdlib.gammaln(x),
  },
  lnBeta: { jstat: (a, b) => jStat.betaln(a, b) },
  studentTCdf: { jstat: (t, df) => jStat.studentt.cdf(t, df), "@stdlib": (t, df) => stdlib.tCdf(t, df) },
  studentTSf: {
    "jstat (1 - cdf)": (t, df) => 1 - jStat.studentt.cdf(t, df),
    "@stdlib (1 - cdf)": (t, df) => 1 - stdlib.tCdf(t, df),
  },
  studentTQuantile: { jstat: (p, df) => jStat.studentt.inv(p, df), "@stdlib": (p, df) => stdlib.tQuantile(p, df) },
  chiSquareCdf: { jstat: (x, k) => jStat.chisquare.cdf(x, k), "@stdlib": (x, k) => stdlib.chisqCdf(x, k) },
  chiSquareSf: {
    "jstat (1 - cdf)": (x, k) => 1 - jStat.chisquare.cdf(x, k),
    "@stdlib (1 - cdf)": (x, k) => 1 - stdlib.chisqCdf(x, k),
  },
  chiSquareQuantile: { jstat: (p, k) => jStat.chisquare.inv(p, k), "@stdlib": (p, k) => stdlib.chisqQuantile(p, k) },
  regularizedGammaP: { jstat: (a, x) => jStat.lowRegGamma(a, x), "@stdlib": (a, x) => stdlib.gammainc(x, a) },
  regularizedGammaQ: {
    "jstat (1 - P)": (a, x) => 1 - jStat.lowRegGamma(a, x),
    "@stdlib": (a, x) => stdlib.gammainc(x, a, true, true),
  },
  gammaCdf: {
    jstat: (x, shape, rate = 1) => jStat.gamma.cdf(x, shape, 1 / rate),
    "@stdlib": (x, shape, rate = 1) => stdlib.gammaCdf(x, shape, rate),
  },
  gammaSf: { "@stdlib (1 - cdf)": (x, shape, rate = 1) => 1 - stdlib.gammaCdf(x, shape, rate) },
  regularizedBeta: { jstat: (x, a, b) => jStat.ibeta(x, a, b), "@stdlib": (x, a, b) => stdlib.betainc(x, a, b) },
  betaCdf: { jstat: (x, a, b) => jStat.beta.cdf(x, a, b), "@stdlib": (x, a, b) => stdlib.betaCdf(x, a, b) },
  betaSf: {
    "jstat (1 - cdf)": (x, a, b) => 1 - jStat.beta.cdf(x, a, b),
    "@stdlib (upper)": (x, a, b) => stdlib.betainc(x, a, b, true, true),
  },
  betaQuantile: { jstat: (p, a, b) => jStat.beta.inv(p, a, b), "@stdlib": (p, a, b) => stdlib.betaQuantile(p, a, b) },
  fCdf: { jstat: (x, d1, d2) => jStat.centralF.cdf(x, d1, d2), "@stdlib": (x, d1, d2) => stdlib.fCdf(x, d1, d2) },
  fSf: { "@stdlib (1 - cdf)": (x, d1, d2) => 1 - stdlib.fCdf(x, d1, d2) },
  noncentralTCdf: { jstat: (t, df, ncp) => jStat.noncentralt.cdf(t, df, ncp) },
  noncentralTSf: { "jstat (1 - cdf)": (t, df, ncp) => 1 - jStat.noncentralt.cdf(t, df, ncp) },
  binomialPmf: { jstat: (k, n, p) => jStat.binomial.pdf(k, n, p), "@stdlib": (k, n, p) => stdlib.binomPmf(k, n, p) },
  binomialCdf: { jstat: (k, n, p) => jStat.binomial.cdf(k, n, p), "@stdlib": (k, n, p) => stdlib.binomCdf(k, n, p) },
  binomialSf: { "@stdlib (1 - cdf)": (k, n, p) => 1 - stdlib.binomCdf(k, n, p) },
  hypergeometricPmf: { jstat: (x, m, n, k) => jStat.hypgeom.pdf(x, m + n, m, k) },
};

const fixturesDir = new URL("../test/fixtures/distributions/", import.meta.url).pathname;

function loadCases() {
  const byFunction = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) {
        const { meta, cases } = JSON.parse(readFileSync(full, "utf8"));
        if (!meta.function) continue;
        const list = byFunction.get(meta.function) ?? [];
        for (const c of cases) list.push({ args: c.args.map(Number), expected: Number(c.expected) });
        byFunction.set(meta.function, list);
      }
    }
  };
  walk(fixturesDir);
  return byFunction;
}

function error(actual, expected) {
  if (Object.is(actual, expected)) return 0;
  if (!Number.isFinite(actual) && !Number.isFinite(expected))
    return Number.isNaN(actual) !== Number.isNaN(expected) ? Infinity : 0;
  if (Number.isNaN(actual) || !Number.isFinite(actual)) return Infinity;
  // Below 1e-300 only absolute accuracy is asked for: within 1e-300 counts as exact, anything else as wrong.
  if (Math.abs(expected) < 1e-300) return Math.abs(actual - expected) <= 1e-300 ? 0 : 1;
  return Math.abs(actual - expected) / Math.abs(expected);
}

function accuracy(fn, cases) {
  const errors = [];
  for (const c of cases) {
    let y;
    try {
      y = fn(...c.args);
    } catch {
      y = Number.NaN;
    }
    errors.push(error(y, c.expected));
  }
  errors.sort((a, b) => a - b);
  return { max: errors[errors.length - 1], median: errors[Math.floor(errors.length / 2)] };
}

// Median time per call over interleaved rounds; every result feeds a sink so nothing is optimised away.
function timeAll(fns, cases, rounds = 9) {
  const args = cases.map((c) => c.args);
  const perCall = fns.map(() => []);
  let sink = 0;
  const budgetMs = 40;
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => {
      let calls = 0;
      const start = performance.now();
      let elapsed = 0;
      do {
        for (let j = 0; j < args.length; j++) {
          const y = fn(...args[j]);
          if (!Number.isNaN(y)) sink += y;
        }
        calls += args.length;
        elapsed = performance.now() - start;
      } while (elapsed < budgetMs / rounds);
      perCall[i].push((elapsed * 1e6) / calls);
    });
  }
  if (sink === 0.123456789) console.log(sink);
  return perCall.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

const fmtErr = (e) => (e === 0 ? "0" : e === Infinity ? "∞ (NaN/Inf)" : e.toExponential(1));
const markdown = process.argv.includes("--markdown");
const cases = loadCases();
const rows = [];
for (const [name, peers] of Object.entries(kernels)) {
  const list = cases.get(name);
  const fn = ours.get(name);
  if (!list || !fn) {
    console.error(`skipped ${name}: ${!fn ? "not exported" : "no fixtures"}`);
    continue;
  }
  const entries = [["experiment-stats", fn], ...Object.entries(peers)];
  const times = timeAll(
    entries.map(([, f]) => f),
    list,
  );
  entries.forEach(([lib, f], i) => {
    const acc = accuracy(f, list);
    rows.push({
      kernel: name,
      library: lib,
      points: list.length,
      maxError: fmtErr(acc.max),
      medianError: fmtErr(acc.median),
      nsPerCall: times[i].toFixed(0),
      ratio: i === 0 ? "1" : (times[i] / times[0]).toFixed(2),
    });
  });
}

if (markdown) {
  console.log("| kernel | library | points | max rel. error | median rel. error | ns/call | peer time / ours |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.kernel} | ${r.library} | ${r.points} | ${r.maxError} | ${r.medianError} | ${r.nsPerCall} | ${r.ratio} |`,
    );
  }
} else {
  console.table(rows);
}
