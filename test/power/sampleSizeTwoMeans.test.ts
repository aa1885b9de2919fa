import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

describe("sampleSizeTwoMeans conformance", () => {
  testPlanningFixtures("power/twoMeans", "sampleSizeTwoMeans", sampleSizeTwoMeans);
});

describe("sampleSizeTwoMeans published values", () => {
  test("documented example / R2: power.t.test(power = .9, delta = 1, strict = TRUE, tol = 1e-12) n = 22.021088426373627", () => {
    // The reference's 22.02109557 is strict = FALSE (one region).
    const plan = sampleSizeTwoMeans({ mde: 1, sd: 1, power: 0.9 });
    expectClose(plan.nControlExact, 22.021088426373627, { rtol: 1e-9 }, "n");
    expectClose(plan.nControlExact, 22.021, { atol: 5e-4 }, "documented");
    expect(plan.nControl).toBe(23);
    expect(plan.nTotal).toBe(46);
  });

  test("R3: one-sided, n = 17.84712063", () => {
    const plan = sampleSizeTwoMeans({ mde: 1, sd: 1, power: 0.9, alternative: "greater" });
    expectClose(plan.nControlExact, 17.84712063, { atol: 5e-9 }, "n");
  });

  test("R5: pwr.t.test(d = 0.2, power = 0.8) n = 393.4057 (R: 393.40569602164885 at uniroot's default tol)", () => {
    const plan = sampleSizeTwoMeans({ mde: 0.2, sd: 1 });
    expectClose(plan.nControlExact, 393.4057, { atol: 5e-5 }, "n");
    // power.t.test(delta = 0.2, power = 0.8, strict = TRUE, tol = 1e-12)
    expectClose(plan.nControlExact, 393.40569501950336, { rtol: 1e-9 }, "n, tight");
  });

  test("a relative effect on a baseline mean; a z-test needs fewer units than a t-test", () => {
    const t = sampleSizeTwoMeans({ mde: 0.05, mdeType: "relative", baselineMean: -20, sd: 10 });
    expect(t.absoluteEffect).toBe(1);
    expect(t.relativeEffect).toBeCloseTo(0.05, 15);
    const z = sampleSizeTwoMeans({ mde: 0.05, mdeType: "relative", baselineMean: -20, sd: 10, test: "z" });
    expect(z.nControlExact).toBeLessThan(t.nControlExact);
    const one = sampleSizeTwoMeans({ mde: 1, sd: 10, test: "z", alternative: "greater" });
    // One-sided z: the closed form 2 sd^2 (z_{1-a} + z_b)^2 / delta^2 is exact.
    expectClose(one.nControlExact, 2 * 100 * (1.6448536269514722 + 0.8416212335729143) ** 2, { rtol: 1e-11 }, "z");
  });
});

describe("sampleSizeTwoMeans behaviour", () => {
  test("rounded sizes reach the target; one fewer does not; at least 2 per arm", () => {
    const plan = sampleSizeTwoMeans({ mde: 3, sd: 1, power: 0.9, allocationRatio: 0.5 });
    expect(plan.nControl).toBeGreaterThanOrEqual(2);
    expect(plan.nTreatment).toBeGreaterThanOrEqual(2);
    expect(plan.achievedPower).toBeGreaterThanOrEqual(0.9);
    const big = sampleSizeTwoMeans({ mde: 0.3, sd: 1, power: 0.85, allocationRatio: 2 });
    const at = (n: number) => powerTwoMeans({ mde: 0.3, sd: 1, nControl: n, allocationRatio: 2 }).power;
    expect(at(big.nControl)).toBeGreaterThanOrEqual(0.85);
    expect(at(big.nControl - 1)).toBeLessThan(0.85);
  });

  test("Welch (sdTreatment given) with equal sds and equal groups is Student's t", () => {
    const student = sampleSizeTwoMeans({ mde: 0.5, sd: 2 });
    const welch = sampleSizeTwoMeans({ mde: 0.5, sd: 2, sdTreatment: 2 });
    expectClose(welch.nControlExact, student.nControlExact, { rtol: 1e-10 }, "n");
    expect(welch.method).toMatch(/Welch/);
    expect(student.method).not.toMatch(/Welch/);
  });

  test("huge samples: an effect of 1e-4 sd", () => {
    const plan = sampleSizeTwoMeans({ mde: 1e-4, sd: 1, alternative: "greater" });
    // With ~1e9 df the t-test is the z-test: n = 2 (z_{1-a} + z_b)^2 / 1e-8 to ~1e-9.
    expectClose(plan.nControlExact, 2 * (1.6448536269514722 + 0.8416212335729143) ** 2 * 1e8, { rtol: 1e-8 }, "n");
  });

  test("echoes the design", () => {
    const plan = sampleSizeTwoMeans({ mde: 2, sd: 10, baselineMean: 50 });
    expect(plan).toMatchObject({ sd: 10, sdTreatment: 10, baselineMean: 50, mde: 2, mdeType: "absolute", test: "t" });
    expect(plan.relativeEffect).toBeCloseTo(0.04, 15);
    expect(plan.standardizedEffect).toBeCloseTo(0.2, 15);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    const bare = sampleSizeTwoMeans({ mde: 2, sd: 10 });
    expect("baselineMean" in bare).toBe(false);
    expect("relativeEffect" in bare).toBe(false);
  });
});

describe("sampleSizeTwoMeans rejects bad input", () => {
  const ok = { mde: 1, sd: 2 };
  test.each([
    [{ ...ok, sd: 0 }, "sd: must be > 0"],
    [{ ...ok, sd: Number.NaN }, "sd: must be a finite number"],
    [{ ...ok, sdTreatment: -1 }, "sdTreatment: must be > 0"],
    [{ ...ok, mde: 0 }, "mde: must be non-zero"],
    [{ ...ok, test: "welch" }, 'test: must be "t", "z" or "z-relative"'],
    [{ ...ok, mdeType: "relative" }, 'baselineMean: is needed when mdeType is "relative"'],
    [{ ...ok, mdeType: "relative", baselineMean: 0 }, 'baselineMean: must be non-zero when mdeType is "relative"'],
    [{ ...ok, baselineMean: Number.POSITIVE_INFINITY }, "baselineMean: must be a finite number"],
    [{ ...ok, alpha: 0 }, "alpha: must be > 0"],
    [{ ...ok, power: 1.5 }, "power: must be < 1"],
    [{ ...ok, delta: 1 }, "delta: is not an option"],
    [{ mde: 1 }, "sd: must be a finite number"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => sampleSizeTwoMeans(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`sampleSizeTwoMeans: ${message}`);
  });

  test.each([
    [{ mde: 1, sd: 1, alternative: "less" }, /contradicts the alternative "less"/],
    [{ mde: -1, sd: 1, alternative: "greater" }, /contradicts the alternative "greater"/],
    [{ mde: 1, sd: 1, power: 0.05 }, /must exceed the level/],
    [{ mde: 1, sd: 1, power: 0.02, alpha: 0.1, treatmentArms: 4, multipleComparison: "bonferroni" }, /must exceed/],
  ])("%o is NO_SOLUTION", (options, message) => {
    const error = thrown(() => sampleSizeTwoMeans(options as never));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^sampleSizeTwoMeans: /);
    expect(error.message).toMatch(message);
  });
});
