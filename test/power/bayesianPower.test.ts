import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { powerByWeek } from "../../src/power/powerByWeek.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";
import { g22Metrics, thrown } from "./planningFixtures.js";

/** GrowthBook `powerEstBayesian` test (packages/shared/test/power.test.ts): mean 10, 400,000 users in 3 arms. */
const gb = { sd: Math.sqrt(3909.9997749994377), baselineMean: 10, nControl: 133_333, mdeType: "relative" } as const;
/** GrowthBook's relative prior N(0.05, 0.5476) on the lift; on the difference it is scaled by the mean 10. */
const relative = { ...gb, test: "z-relative", prior: { mean: 0.05, variance: 0.5476 } } as const;
const absolute = { ...gb, test: "z", prior: { mean: 0.5, variance: 54.76 } } as const;

/** GrowthBook's MDE is the first point of a 1e-5 grid whose power reaches the target: ours rounded up to it. */
function expectGridMde(ours: number, printed: number, label: string): void {
  expect(printed - ours, label).toBeGreaterThanOrEqual(-5e-6);
  expect(printed - ours, label).toBeLessThan(1e-5 + 5e-6);
}

describe("Bayesian power (prior): GrowthBook powerEstBayesian", () => {
  test("documented example: relative lift 0.07025 and absolute 0.06782 have power 0.800 (3 decimals)", () => {
    expectClose(powerTwoMeans({ ...relative, mde: 0.07024999999999991 }).power, 0.8, { atol: 5e-4 }, "relative");
    expectClose(powerTwoMeans({ ...absolute, mde: 0.06781974621178363 }).power, 0.8, { atol: 5e-4 }, "absolute");
  });

  test("the MDEs at 80 % are GrowthBook's 0.07025 and 0.06782 (its 1e-5 grid search rounds up)", () => {
    const rel = mdeTwoMeans(relative);
    expectGridMde(rel.mde, 0.07025, "relative");
    expectClose(powerTwoMeans({ ...relative, mde: rel.mde }).power, 0.8, { atol: 1e-9 }, "relative round trip");
    expectClose(mdeTwoMeans(absolute).mde, 0.06782, { atol: 5e-6 }, "absolute");
    expect(rel.method).toBe(
      "Bayesian power: the credible interval of the relative lift excludes 0 (normal prior N(0.05, 0.5476))",
    );
    expect(rel.prior).toEqual({ mean: 0.05, variance: 0.5476 });
  });
});

describe("Bayesian power: GrowthBook case G22 (Bayesian engine)", () => {
  const prior = { mean: 0.2, variance: 0.3 };
  const metrics = g22Metrics.map((m) => ({ ...m, prior }));
  const powerSolutionBayesian = [
    0.0752, 0.15127, 0.10103, 0.29358, 0.12581, 0.41893, 0.15048, 0.52858, 0.17516, 0.62241, 0.19984, 0.70103, 0.22446,
    0.7657, 0.24899, 0.81807, 0.27334, 0.8599,
  ];
  const mdeSolutionBayesian = [
    0.36259, 1.65287, 0.24173, 0.73248, 0.1929, 0.54036, 0.16492, 0.44561, 0.14626, 0.38687, 0.1327, 0.34604, 0.12228,
    0.3156, 0.11396, 0.29182, 0.10712, 0.27258,
  ];

  test("every power to 5 decimals, MDEs on GrowthBook's grid, revenue powered in week 8", () => {
    const r = powerByWeek({ weeklyUnits: 4500, treatmentArms: 2, weeks: 9, metrics });
    const cells = r.byWeek.flatMap((row) => row.metrics);
    for (const [i, cell] of cells.entries()) {
      expectClose(cell.power, powerSolutionBayesian[i] as number, { atol: 5e-6 }, `power ${i}`);
      expectGridMde(cell.mde as number, mdeSolutionBayesian[i] as number, `mde ${i}`);
    }
    expect(r.metrics.map((m) => m.weeksToPower)).toEqual([null, 8]);
  });
});

describe("Bayesian power: behaviour", () => {
  const design = { sd: 2, baselineMean: 10, nControl: 5000, test: "z" } as const;

  test("prior null is the frequentist z-test; a very wide prior tends to it", () => {
    const frequentist = powerTwoMeans({ ...design, mde: 0.1 }).power;
    expect(powerTwoMeans({ ...design, mde: 0.1, prior: null }).power).toBe(frequentist);
    const wide = powerTwoMeans({ ...design, mde: 0.1, prior: { mean: 0, variance: 1e12 } }).power;
    expectClose(wide, frequentist, { rtol: 1e-9 }, "wide prior");
  });

  test("a prior centred on zero shrinks: less power than the z-test; a one-sided test keeps one region", () => {
    const z = powerTwoMeans({ ...design, mde: 0.1 }).power;
    const shrunk = powerTwoMeans({ ...design, mde: 0.1, prior: { mean: 0, variance: 0.001 } }).power;
    expect(shrunk).toBeLessThan(z);
    const greater = powerTwoMeans({ ...design, mde: 0.1, alternative: "greater", prior: { mean: 0, variance: 0.01 } });
    const twoSided = powerTwoMeans({ ...design, mde: 0.1, alpha: 0.1, prior: { mean: 0, variance: 0.01 } });
    // Two-sided at 0.1 = one-sided at 0.05 plus the wrong-sign region, Φ(−(z·√(vP) + τ/√v)) ≈ 1e-5 here.
    const less = powerTwoMeans({ ...design, mde: 0.1, alternative: "less", prior: { mean: 0, variance: 0.01 } });
    expect(less.power).toBeGreaterThan(0);
    expectClose(twoSided.power, greater.power + less.power, { rtol: 1e-14 }, "regions");
  });

  test("a prior strong enough to decide alone gives MDE 0", () => {
    const r = mdeTwoMeans({ ...design, test: "z-relative", prior: { mean: 0.5, variance: 1e-4 } });
    expect(r.mde).toBe(0);
    expect(
      powerTwoMeans({ ...design, test: "z-relative", mde: 1e-9, prior: { mean: 0.5, variance: 1e-4 } }).power,
    ).toBeGreaterThan(0.8);
  });

  test("the MDE is the first effect reaching the power, also for a decrease", () => {
    const options = {
      ...design,
      test: "z-relative",
      mdeType: "relative",
      prior: { mean: 0.1, variance: 0.04 },
    } as const;
    for (const direction of ["increase", "decrease"] as const) {
      const r = mdeTwoMeans({ ...options, direction });
      expect(Math.sign(r.mde)).toBe(direction === "increase" ? 1 : -1);
      expectClose(powerTwoMeans({ ...options, mde: r.mde }).power, 0.8, { atol: 1e-9 }, direction);
      // Just below it, the power is below the target.
      expect(powerTwoMeans({ ...options, mde: r.mde * (1 - 1e-6) }).power).toBeLessThan(0.8);
    }
  });
});

describe("Bayesian power: bad input", () => {
  test("a t-test, alwaysValid, and malformed priors are rejected, naming prior", () => {
    const cases: Array<[() => unknown, string]> = [
      [
        () => powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, prior: { mean: 0, variance: 1 } }),
        'prior: needs test "z" or "z-relative"',
      ],
      [
        () =>
          mdeTwoMeans({
            sd: 1,
            nControl: 100,
            test: "z",
            alwaysValid: { tuningSampleSize: 5000 },
            prior: { mean: 0, variance: 1 },
          }),
        "prior: cannot be combined with alwaysValid",
      ],
      [
        () => powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, test: "z", prior: { mean: 0, variance: 0 } }),
        "prior.variance",
      ],
      [
        () => powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, test: "z", prior: { mean: Number.NaN, variance: 1 } }),
        "prior.mean",
      ],
      // @ts-expect-error a standard deviation is not a variance
      [() => powerTwoMeans({ sd: 1, mde: 0.2, nControl: 100, test: "z", prior: { mean: 0, sd: 1 } }), "prior"],
    ];
    for (const [f, message] of cases) {
      const error = thrown(f);
      expect(error, message).toBeInstanceOf(InvalidArgumentError);
      expect(error.message, message).toMatch(/^(powerTwoMeans|mdeTwoMeans): /);
      expect(error.message, message).toContain(message);
    }
  });
});
