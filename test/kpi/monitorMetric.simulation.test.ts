// Seeded Monte Carlo checks of monitorMetric: the in-control false-alarm rate is near its nominal value
// and injected shifts are detected at the rate (or after the run length) the theory gives.
import { describe, expect, test } from "vitest";
import { binomialPmf } from "../../src/distributions/binomial.js";
import { createRandom, type RandomSource } from "../../src/internal/prng.js";
import { monitorMetric } from "../../src/kpi/monitorMetric.js";
import { cusumRunLength, ewmaRunLength } from "../../src/kpi/runLength.js";

/** 3.29 standard errors: a 99.9 % normal band around the expectation. */
const Z = 3.29;

function normals(random: RandomSource, n: number, shift: number): number[] {
  return Array.from({ length: n }, () => shift + random.nextNormal());
}

/** Draws from a discrete law on 0..max by inversion of its cumulative table. */
function sampler(pmf: (k: number) => number, max: number, random: RandomSource): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k <= max; k++) {
    total += pmf(k);
    cumulative.push(total);
  }
  return () => {
    const u = random.next() * total;
    let k = 0;
    while (k < max && cumulative[k]! <= u) k++;
    return k;
  };
}

function poissonPmf(k: number, mean: number): number {
  let log = -mean + k * Math.log(mean);
  for (let i = 2; i <= k; i++) log -= Math.log(i);
  return Math.exp(log);
}

/** Run lengths between alarms (the chart restarts after each), and the run-length mean and its standard error. */
function runLengths(alarms: readonly number[]): { mean: number; standardError: number; count: number } {
  const gaps = alarms.map((a, i) => (i === 0 ? a + 1 : a - alarms[i - 1]!));
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 1);
  return { mean, standardError: Math.sqrt(variance / gaps.length), count: gaps.length };
}

describe("monitorMetric simulation: control charts", () => {
  const known = { mean: 0, sd: 1 };
  test.each([
    ["ewma", { method: "ewma", lambda: 0.2 }],
    ["cusum two-sided", { method: "cusum", referenceValue: 0.5 }],
    ["cusum one-sided", { method: "cusum", referenceValue: 0.5, alternative: "greater" }],
  ] as const)("%s: in-control alarms arrive at rate alpha", (_, chart) => {
    const alpha = 0.01;
    const points = 40_000;
    const r = monitorMetric(normals(createRandom(20261129), points, 0), { ...chart, baseline: known, alpha });
    // Renewal theory: alarms ≈ points/ARL0 with variance ≈ points·Var(RL)/ARL0³ ≈ points/ARL0 (RL ~ geometric).
    const expected = points * alpha;
    expect(Math.abs(r.alarms.length - expected)).toBeLessThan(Z * Math.sqrt(expected));
  });
  test("ewma: after a 1-sd shift the mean run length is the ARL at shift 1", () => {
    const r = monitorMetric(normals(createRandom(7), 4000, 1), { method: "ewma", baseline: known });
    const theory = ewmaRunLength(0.2, r.controlLimit ?? Number.NaN, 1); // ≈ 10.3 (spc::xewma.arl(0.2, L, 1, sided = "two"))
    const observed = runLengths(r.alarms);
    expect(observed.count).toBeGreaterThan(300);
    expect(Math.abs(observed.mean - theory)).toBeLessThan(Z * observed.standardError);
    expect(theory).toBeLessThan(12);
  });
  test("cusum: after a 1-sd upward shift the mean run length matches 1/(1/ARL⁺(1) + 1/ARL⁺(−1))", () => {
    const r = monitorMetric(normals(createRandom(8), 4000, 1), { method: "cusum", baseline: known });
    const h = r.controlLimit ?? Number.NaN;
    const theory = 1 / (1 / cusumRunLength(0.5, h, 1) + 1 / cusumRunLength(0.5, h, -1)); // ≈ 10.4
    const observed = runLengths(r.alarms);
    expect(r.points.filter((p) => p.status === "low")).toHaveLength(0);
    expect(Math.abs(observed.mean - theory)).toBeLessThan(Z * observed.standardError);
  });
  test("a baseline period estimated from 200 points keeps the rate near alpha", () => {
    const alpha = 0.01;
    const random = createRandom(99);
    const values = normals(random, 30_200, 0).map((v) => 50 + 4 * v);
    const r = monitorMetric(values, { method: "ewma", baseline: 200, alpha });
    const expected = 30_000 * alpha;
    // Estimation error of mean and sd widens the spread: allow twice the pure sampling band.
    expect(Math.abs(r.alarms.length - expected)).toBeLessThan(2 * Z * Math.sqrt(expected));
  });
});

describe("monitorMetric simulation: exact tests", () => {
  test("binomial: false-alarm rate = the exact size, at most alpha; a rate shift is detected at the exact power", () => {
    const n = 200;
    const alpha = 0.01;
    const random = createRandom(11);
    // R: x <- 0:200; rej <- sapply(x, function(k) binom.test(k, 200, 0.1)$p.value) <= 0.01
    //    sum(dbinom(x, 200, 0.1)[rej]) = 0.0088823858146226953; sum(dbinom(x, 200, 0.16)[rej]) = 0.52973492311542048
    const size = 0.0088823858146226953;
    const power = 0.52973492311542048;
    const draw = (p: number) => sampler((k) => binomialPmf(k, n, p), n, random);
    const inControl = draw(0.1);
    const shifted = draw(0.16);
    const m = 20_000;
    const series = [
      ...Array.from({ length: m }, () => ({ successes: inControl(), trials: n })),
      ...Array.from({ length: 2000 }, () => ({ successes: shifted(), trials: n })),
    ];
    const r = monitorMetric(series, { method: "binomial", baseline: { rate: 0.1 }, alpha });
    const falseAlarms = r.alarms.filter((i) => i < m).length;
    const detections = r.alarms.filter((i) => i >= m).length;
    expect(size).toBeLessThanOrEqual(alpha);
    expect(Math.abs(falseAlarms - m * size)).toBeLessThan(Z * Math.sqrt(m * size * (1 - size)));
    expect(Math.abs(detections - 2000 * power)).toBeLessThan(Z * Math.sqrt(2000 * power * (1 - power)));
    expect(r.points.slice(m).every((p) => p.status !== "low")).toBe(true);
  });
  test("poisson: false-alarm rate = the exact size; a jump in the count rate is detected at the exact power", () => {
    const alpha = 0.01;
    const random = createRandom(12);
    // R: x <- 0:200; rej <- sapply(x, function(k) poisson.test(k, 1, 20)$p.value) <= 0.01
    //    sum(dpois(x, 20)[rej]) = 0.0097228378468382226; sum(dpois(x, 32)[rej]) = 0.45317308979687698
    const size = 0.0097228378468382226;
    const power = 0.45317308979687698;
    const inControl = sampler((k) => poissonPmf(k, 20), 200, random);
    const shifted = sampler((k) => poissonPmf(k, 32), 200, random);
    const m = 20_000;
    const series = [
      ...Array.from({ length: m }, () => ({ count: inControl() })),
      ...Array.from({ length: 2000 }, () => ({ count: shifted() })),
    ];
    const r = monitorMetric(series, { method: "poisson", baseline: { rate: 20 }, alpha });
    const falseAlarms = r.alarms.filter((i) => i < m).length;
    const detections = r.alarms.filter((i) => i >= m).length;
    expect(Math.abs(falseAlarms - m * size)).toBeLessThan(Z * Math.sqrt(m * size * (1 - size)));
    expect(Math.abs(detections - 2000 * power)).toBeLessThan(Z * Math.sqrt(2000 * power * (1 - power)));
  });
});
