import { describe, expect, test } from "vitest";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { mdeTwoProportions } from "../../src/power/mdeTwoProportions.js";
import { type PowerByWeekMetric, powerByWeek } from "../../src/power/powerByWeek.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { expectClose } from "../helpers/expectClose.js";
import { g22Metrics, thrown } from "./planningFixtures.js";

const g22 = { weeklyUnits: 4500, treatmentArms: 2, weeks: 9, alpha: 0.05, metrics: g22Metrics } as const;

// Interleaved per week as GrowthBook's test flattens them: [ctr week 1, revenue week 1, ctr week 2, …].
const powerSolution = [
  0.073, 0.17053, 0.0965, 0.29389, 0.1204, 0.41122, 0.14458, 0.51749, 0.16895, 0.61037, 0.19342, 0.68938, 0.21791,
  0.75513, 0.24235, 0.80886, 0.26666, 0.85213,
];
const mdeSolution = [
  0.36767, 1.26769, 0.24505, 0.71941, 0.19525, 0.54299, 0.16673, 0.4506, 0.14774, 0.39208, 0.13394, 0.35099, 0.12336,
  0.32018, 0.11491, 0.29603, 0.10796, 0.27647,
];
const sequentialPowerSolution = [
  0.05936, 0.09832, 0.06912, 0.14992, 0.07849, 0.19972, 0.08761, 0.24784, 0.09657, 0.29426, 0.10541, 0.33888, 0.11415,
  0.38165, 0.12282, 0.42249, 0.13142, 0.46136,
];
const sequentialMdeSolution = [
  0.65545, 4.33868, 0.4112, 1.51846, 0.32394, 1.04943, 0.27607, 0.84084, 0.24484, 0.71862, 0.22241, 0.63663, 0.20532,
  0.577, 0.19172, 0.53123, 0.18058, 0.49473,
];

function flatten(rows: ReturnType<typeof powerByWeek>["byWeek"], field: "power" | "mde"): number[] {
  return rows.flatMap((row) => row.metrics.map((cell) => cell[field] as number));
}

/**
 * GrowthBook's MDE: the closed-form root of the one-region equation (z_{1−α/2} + z_power)·SE(δ) = δ for the relative
 * lift, SE² = σ²/(nμ²) + σ²(1 + δ)²/(nμ²) (M/z inflation folded into σ² when sequential).
 */
function oneRegionMde(variance: number, mean: number, n: number, inflation: number): number {
  const z = 1.959963984540054 + 0.8416212335729143;
  const sigma2 = (variance * inflation * inflation) / n;
  const a = 1 - (z * z * sigma2) / (mean * mean);
  const c = mean * mean - z * z * sigma2;
  return ((2 * mean + Math.sqrt(4 * mean * mean - 4 * a * c)) / (2 * a) - mean) / mean;
}

describe("powerByWeek: GrowthBook case G22", () => {
  test("documented example / fixed horizon: every power to GrowthBook's 5 decimals; revenue is powered in week 8, the CTR never", () => {
    const r = powerByWeek(g22);
    expect(r.byWeek.map((row) => row.nControl)).toEqual([1500, 3000, 4500, 6000, 7500, 9000, 10500, 12000, 13500]);
    expect(r.byWeek.every((row) => row.nTreatment === row.nControl && row.nTotal === 3 * row.nControl)).toBe(true);
    const powers = flatten(r.byWeek, "power");
    for (const [i, p] of powers.entries()) expectClose(p, powerSolution[i] as number, { atol: 5e-6 }, `power ${i}`);
    expect(r.metrics.map((m) => m.weeksToPower)).toEqual([null, 8]);
    expect(r.weeksToPower).toBeNull();
    expect(r.note).toBe(
      "4500 units a week over 3 arms; click_through_rate does not reach 80 % power within 9 weeks; revenue reaches 80 % power in week 8",
    );
  });

  test("fixed horizon MDEs: exact two-region solves, GrowthBook's one-region closed form to its 5 decimals", () => {
    const r = powerByWeek(g22);
    const mdes = flatten(r.byWeek, "mde");
    mdes.forEach((mde, i) => {
      const week = Math.floor(i / 2) + 1;
      const variance = i % 2 === 0 ? 0.09 : 0.5;
      const closed = oneRegionMde(variance, 0.1, 1500 * week, 1);
      // GrowthBook prints the closed form; ours adds the far rejection region Φ(−z − λ), so it is a little smaller.
      expectClose(closed, mdeSolution[i] as number, { atol: 5e-6 }, `closed form ${i}`);
      expect(mde).toBeLessThanOrEqual(closed);
      expectClose(mde, mdeSolution[i] as number, { atol: 3e-5 }, `mde ${i}`);
    });
  });

  test("always-valid (sequential, N* = 5,000): powers to 5 decimals, and no metric is powered within 9 weeks", () => {
    const metrics = g22Metrics.map((m) => ({ ...m, alwaysValid: { tuningSampleSize: 5000 } }));
    const r = powerByWeek({ ...g22, metrics });
    const powers = flatten(r.byWeek, "power");
    for (const [i, p] of powers.entries()) {
      expectClose(p, sequentialPowerSolution[i] as number, { atol: 5e-6 }, `power ${i}`);
    }
    expect(r.metrics.map((m) => m.weeksToPower)).toEqual([null, null]);
    const mdes = flatten(r.byWeek, "mde");
    mdes.forEach((mde, i) => {
      expect(mde).toBeGreaterThan(powerByWeek(g22).byWeek[Math.floor(i / 2)]?.metrics[i % 2]?.mde as number);
      expectClose(mde, sequentialMdeSolution[i] as number, { atol: 3e-5 }, `sequential mde ${i}`);
    });
    expect(r.metrics[0]?.method).toMatch(/always-valid/);
  });
});

describe("powerByWeek behaviour", () => {
  test("each cell is the area's planner at the week's sizes (proportions and means, unequal allocation)", () => {
    const metrics: PowerByWeekMetric[] = [
      { name: "signup", kind: "proportions", baselineRate: 0.04, mde: 0.1 },
      { name: "minutes", kind: "means", sd: 12, mde: -0.5, varianceReduction: 0.3 },
    ];
    const r = powerByWeek({ weeklyUnits: 7001, allocationRatio: 2, weeks: 4, metrics, alpha: 0.1 });
    r.byWeek.forEach((row, w) => {
      const total = (w + 1) * 7001;
      expect(row.nControl).toBe(Math.floor(total / 3));
      expect(row.nTreatment).toBe(Math.floor((2 * total) / 3));
      const sizes = { nControl: row.nControl, nTreatment: row.nTreatment, alpha: 0.1 };
      const p = powerTwoProportions({ baselineRate: 0.04, mde: 0.1, ...sizes });
      const m = powerTwoMeans({ sd: 12, mde: -0.5, varianceReduction: 0.3, ...sizes });
      expect(row.metrics[0]?.power).toBe(p.power);
      expect(row.metrics[1]?.power).toBe(m.power);
      expect(row.metrics[0]?.mde).toBe(mdeTwoProportions({ baselineRate: 0.04, ...sizes }).mde);
      expect(row.metrics[1]?.mde).toBe(
        mdeTwoMeans({ sd: 12, varianceReduction: 0.3, direction: "decrease", ...sizes }).mde,
      );
    });
    expect(r.metrics.map((m) => m.kind)).toEqual(["proportions", "means"]);
    expect(r.metrics.map((m) => m.mdeType)).toEqual(["relative", "absolute"]);
    expect(r.byWeek[1]?.metrics[1]?.mde).toBeLessThan(0);
  });

  test("trafficShare scales the weekly units; the default is 8 weeks at 80 % power", () => {
    const metrics: PowerByWeekMetric[] = [{ name: "cr", kind: "proportions", baselineRate: 0.1, mde: 0.2 }];
    const half = powerByWeek({ weeklyUnits: 2000, trafficShare: 0.5, metrics });
    const full = powerByWeek({ weeklyUnits: 1000, metrics });
    expect(half.byWeek).toEqual(full.byWeek);
    expect(full.byWeek).toHaveLength(8);
    expect(full.power).toBe(0.8);
    // sampleSizeTwoProportions needs 3,841 per arm: week 8 has 4,000.
    expect(full.metrics[0]?.weeksToPower).toBe(8);
    expect(full.weeksToPower).toBe(8);
  });

  test("a week too small for any effect reports mde null, later weeks a number", () => {
    const metrics: PowerByWeekMetric[] = [
      { name: "aov", kind: "means", baselineMean: 1, sd: 40, mde: 0.5, mdeType: "relative", test: "z-relative" },
    ];
    // The relative-lift test needs n > σ²(z_a + z_b)²/μ² ≈ 12,557 per arm before any lift reaches 80 %.
    const r = powerByWeek({ weeklyUnits: 10_000, weeks: 4, metrics });
    const mdes = r.byWeek.map((row) => row.metrics[0]?.mde);
    expect(mdes.slice(0, 2)).toEqual([null, null]);
    expect(mdes[2]).toBeGreaterThan(0);
    expect(mdes[3]).toBeLessThan(mdes[2] as number);
  });

  test("a one-unit-per-week experiment is too small for a t-test's first week", () => {
    const error = thrown(() => powerByWeek({ weeklyUnits: 2, metrics: [{ name: "m", kind: "means", sd: 1, mde: 1 }] }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe("powerByWeek: weeklyUnits: too few units per arm in week 1 for the test of m");
  });
});

describe("powerByWeek: bad input", () => {
  const metric: PowerByWeekMetric = { name: "cr", kind: "proportions", baselineRate: 0.1, mde: 0.2 };

  test("top-level options are validated and named", () => {
    const cases: Array<[unknown, string]> = [
      [{ weeklyUnits: 0, metrics: [metric] }, "weeklyUnits"],
      [{ weeklyUnits: Number.NaN, metrics: [metric] }, "weeklyUnits"],
      [{ weeklyUnits: 100, weeks: 0, metrics: [metric] }, "weeks"],
      [{ weeklyUnits: 100, weeks: 2.5, metrics: [metric] }, "weeks"],
      [{ weeklyUnits: 100, weeks: 521, metrics: [metric] }, "weeks: must be <= 520"],
      [{ weeklyUnits: 100, trafficShare: 1.5, metrics: [metric] }, "trafficShare: must be <= 1"],
      [{ weeklyUnits: 100, power: 1, metrics: [metric] }, "power"],
      [{ weeklyUnits: 100, metrics: [] }, "metrics: must list at least one metric"],
      [{ weeklyUnits: 100, metrics: "cr" }, "metrics: must be an array of metrics"],
      [{ weeklyUnits: 100, metrics: [metric], users: 5 }, "users: is not an option"],
      [
        { weeklyUnits: 100, metrics: [{ ...metric, kind: "ratio" }] },
        'metrics.0.kind: must be "proportions" or "means"',
      ],
      [{ weeklyUnits: 100, metrics: [{ ...metric, name: "" }] }, "metrics.0.name: must be a non-empty string"],
      [{ weeklyUnits: 100, metrics: [metric, metric] }, 'metrics.1.name: "cr" is used twice'],
      [{ weeklyUnits: 100, metrics: [{ ...metric, alpha: 0.1 }] }, "metrics.0.alpha: is set for the whole experiment"],
      [{ weeklyUnits: 100, metrics: [{ ...metric, nControl: 10 }] }, "metrics.0.nControl: is filled in week by week"],
      [{ weeklyUnits: 100, metrics: [{ ...metric, baselineRate: 2 }] }, "metrics.0.baselineRate"],
      [{ weeklyUnits: 100, metrics: [{ ...metric, mde: 0 }] }, "metrics.0.mde: must be non-zero"],
      [{ weeklyUnits: 100, metrics: [{ ...metric, colour: "red" }] }, "metrics.0.colour: is not an option"],
      [{ weeklyUnits: 0.5, metrics: [metric] }, "weeklyUnits: enrols less than one unit per arm in the first week"],
    ];
    for (const [options, message] of cases) {
      const error = thrown(() => powerByWeek(options as never));
      expect(error, message).toBeInstanceOf(InvalidArgumentError);
      expect(error.message.startsWith("powerByWeek: "), message).toBe(true);
      expect(error.message, message).toContain(message);
    }
  });

  test("an impossible metric is NO_SOLUTION naming the metric", () => {
    const error = thrown(() => powerByWeek({ weeklyUnits: 1000, metrics: [{ ...metric, mde: 10 }] }));
    expect(error).toBeInstanceOf(StatsError);
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^powerByWeek: metrics\.0 \(cr\): /);
  });
});
