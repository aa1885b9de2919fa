import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

describe("sampleSizeTwoProportions conformance", () => {
  testPlanningFixtures("power/twoProportions", "sampleSizeTwoProportions", sampleSizeTwoProportions);
});

describe("sampleSizeTwoProportions published values", () => {
  test("documented example: 10 % -> 12 % (R power.prop.test(strict = TRUE, tol = 1e-12) n = 3840.83817098038)", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 });
    expectClose(plan.nControlExact, 3840.83817098038, { rtol: 1e-11 }, "n");
    expect(plan.nControl).toBe(3841);
    expect(plan.nTreatment).toBe(3841);
    expect(plan.nTotal).toBe(7682);
    expectClose(plan.treatmentRate, 0.12, { rtol: 1e-15 }, "p2");
    expect(plan.achievedPower).toBeGreaterThanOrEqual(0.8);
  });

  test("R11: 0.10 vs 0.12: pwr.2p.test n = 3834.596, Evan Miller 3622.6", () => {
    // The reference's power.prop.test value 3840.847 is strict = FALSE (one region); strict = TRUE is 3840.838 (above).
    const base = { baselineRate: 0.1, mde: 0.02, mdeType: "absolute" } as const;
    expectClose(
      sampleSizeTwoProportions({ ...base, method: "arcsine" }).nControlExact,
      3834.596,
      { atol: 5e-4 },
      "pwr",
    );
    expectClose(
      sampleSizeTwoProportions({ ...base, method: "evan-miller" }).nControlExact,
      3622.6,
      { atol: 0.05 },
      "EM",
    );
  });

  test("E1-E3: Evan Miller's calculator (1,030 per variation for 20 % -> 25 %)", () => {
    const em = (baselineRate: number, mde: number) =>
      sampleSizeTwoProportions({ baselineRate, mde, mdeType: "absolute", method: "evan-miller" });
    const e1 = em(0.2, 0.05);
    expectClose(e1.nControlExact, 1030.22, { atol: 0.005 }, "E1");
    expect(Math.round(e1.nControlExact)).toBe(1030);
    expectClose(em(0.1, 0.01).nControlExact, 14312.9, { atol: 0.05 }, "E2");
    expect(Math.round(em(0.03, 0.003).nControlExact)).toBe(51486);
  });

  test("Evan Miller folds a baseline above 0.5: 80 % + 5 pp plans like 20 % + 5 pp", () => {
    const high = sampleSizeTwoProportions({ baselineRate: 0.8, mde: 0.05, mdeType: "absolute", method: "evan-miller" });
    const low = sampleSizeTwoProportions({ baselineRate: 0.2, mde: 0.05, mdeType: "absolute", method: "evan-miller" });
    expectClose(high.nControlExact, low.nControlExact, { rtol: 1e-12 }, "fold");
  });

  test("M16: power.prop.test(p1 = .5, p2 = .75, power = .9, strict = TRUE, tol = 1e-12) n = 76.7069161158174", () => {
    // The reference's 76.70692845 is the one-region value (strict = FALSE, statsmodels samplesize_..._onetail);
    // counting the far region too lowers n by 1.2e-5.
    const plan = sampleSizeTwoProportions({ baselineRate: 0.5, mde: 0.25, mdeType: "absolute", power: 0.9 });
    expectClose(plan.nControlExact, 76.7069161158174, { atol: 5e-13 }, "n");
    expect(plan.nControl).toBe(77);
  });

  test("M17: the one-sided (smaller) version: n = 62.33551", () => {
    const plan = sampleSizeTwoProportions({
      baselineRate: 0.75,
      mde: -0.25,
      mdeType: "absolute",
      power: 0.9,
      alternative: "less",
    });
    expectClose(plan.nControlExact, 62.33551, { atol: 5e-6 }, "n");
  });

  test("M18: power_proportions_2indep(-0.15, 0.65, 83.4373) = 0.5, so n at power 0.5 is 83.4373", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 0.65, mde: -0.15, mdeType: "absolute", power: 0.5 });
    expectClose(plan.nControlExact, 83.4373, { atol: 5e-5 }, "n");
  });
});

describe("sampleSizeTwoProportions behaviour", () => {
  test("rounded sizes reach the target and one fewer does not", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 0.03, mde: 0.1, power: 0.9, allocationRatio: 2.5 });
    const at = (n: number) =>
      powerTwoProportions({ baselineRate: 0.03, mde: 0.1, nControl: n, allocationRatio: 2.5 }).power;
    expect(plan.nTreatment).toBe(Math.ceil(2.5 * plan.nControlExact));
    expect(plan.achievedPower).toBeGreaterThanOrEqual(0.9);
    expect(at(plan.nControl)).toBeGreaterThanOrEqual(0.9);
    expect(at(plan.nControl - 1)).toBeLessThan(0.9);
  });

  test("k treatment arms: nTotal counts every arm; Bonferroni and Sidak levels are echoed", () => {
    const plan = sampleSizeTwoProportions({
      baselineRate: 0.1,
      mde: 0.1,
      treatmentArms: 3,
      multipleComparison: "bonferroni",
    });
    expect(plan.alphaPerComparison).toBeCloseTo(0.05 / 3, 15);
    expect(plan.nTotal).toBe(plan.nControl + 3 * plan.nTreatment);
    const sidak = sampleSizeTwoProportions({
      baselineRate: 0.1,
      mde: 0.1,
      treatmentArms: 3,
      multipleComparison: "sidak",
    });
    expectClose(sidak.alphaPerComparison, 1 - 0.95 ** (1 / 3), { rtol: 1e-14 }, "sidak");
    expect(sidak.nControl).toBeLessThan(plan.nControl);
    expect(plan.note).toContain("each of the 3 treatment arms");
  });

  test("variance reduction scales n by 1 - varianceReduction", () => {
    const base = sampleSizeTwoProportions({ baselineRate: 0.2, mde: 0.05 });
    const cuped = sampleSizeTwoProportions({ baselineRate: 0.2, mde: 0.05, varianceReduction: 0.3 });
    expectClose(cuped.nControlExact, 0.7 * base.nControlExact, { rtol: 1e-11 }, "n");
    expect(cuped.varianceReduction).toBe(0.3);
  });

  test("tiny rates and huge samples: 1e-5 baseline, +1 %", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 1e-5, mde: 0.01, power: 0.9, alternative: "greater" });
    expect(Number.isFinite(plan.nControlExact)).toBe(true);
    expect(plan.nControlExact).toBeGreaterThan(1e10);
    // One-sided: the closed form ((z_{1-a} sqrt(2 pbar qbar) + z_b sqrt(p1q1 + p2q2)) / D)^2 is exact.
    const p1 = 1e-5;
    const p2 = p1 * 1.01;
    const pb = (p1 + p2) / 2;
    const closed =
      ((1.6448536269514722 * Math.sqrt(2 * pb * (1 - pb)) +
        1.2815515655446004 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) /
        (p2 - p1)) **
      2;
    expectClose(plan.nControlExact, closed, { rtol: 1e-9 }, "n");
  });

  test("the result echoes the design and is JSON-serializable", () => {
    const plan = sampleSizeTwoProportions({
      baselineRate: 0.1,
      mde: 0.01,
      mdeType: "absolute",
      alternative: "greater",
    });
    expect(plan).toMatchObject({
      baselineRate: 0.1,
      mde: 0.01,
      mdeType: "absolute",
      alpha: 0.05,
      power: 0.8,
      alternative: "greater",
      allocationRatio: 1,
      model: "pooled",
      continuityCorrection: false,
      treatmentArms: 1,
      multipleComparison: "none",
      varianceReduction: 0,
    });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.method).toMatch(/pooled/);
    expect(plan.note).toMatch(/per arm/);
  });
});

describe("sampleSizeTwoProportions rejects bad input", () => {
  const ok = { baselineRate: 0.1, mde: 0.1 };
  test.each([
    [{ ...ok, baselineRate: 0 }, "baselineRate: must be > 0"],
    [{ ...ok, baselineRate: 1 }, "baselineRate: must be < 1"],
    [{ ...ok, baselineRate: Number.NaN }, "baselineRate: must be a finite number"],
    [{ ...ok, mde: 0 }, "mde: must be non-zero"],
    [{ ...ok, mde: Number.POSITIVE_INFINITY }, "mde: must be a finite number"],
    [{ ...ok, alpha: 1 }, "alpha: must be < 1"],
    [{ ...ok, power: 0 }, "power: must be > 0"],
    [{ ...ok, alternative: "two.sided" }, 'alternative: must be "two-sided", "less" or "greater"'],
    [{ ...ok, allocationRatio: 0 }, "allocationRatio: must be > 0"],
    [{ ...ok, treatmentArms: 1.5 }, "treatmentArms: must be an integer"],
    [{ ...ok, treatmentArms: 0 }, "treatmentArms: must be >= 1"],
    [{ ...ok, multipleComparison: "holm" }, 'multipleComparison: must be "none", "bonferroni" or "sidak"'],
    [{ ...ok, varianceReduction: 1 }, "varianceReduction: must be < 1"],
    [{ ...ok, varianceReduction: -0.1 }, "varianceReduction: must be >= 0"],
    [{ ...ok, mdeType: "percent" }, 'mdeType: must be "relative" or "absolute"'],
    [{ ...ok, method: "wald" }, 'method: must be "pooled", "unpooled", "arcsine" or "evan-miller"'],
    [{ ...ok, continuityCorrection: 1 }, "continuityCorrection: must be true or false"],
    [{ ...ok, method: "arcsine", continuityCorrection: true }, "continuityCorrection: is available for"],
    [{ ...ok, nControl: 100 }, "nControl: is not an option"],
    [{ mde: 0.1 }, "baselineRate: must be a finite number"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => sampleSizeTwoProportions(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain("sampleSizeTwoProportions: ");
    expect(error.message).toContain(message);
  });

  test("every bad field is named at once", () => {
    const error = thrown(() => sampleSizeTwoProportions({ baselineRate: 2, mde: 0, alpha: -1 } as never));
    for (const field of ["baselineRate: must be < 1", "mde: must be non-zero", "alpha: must be > 0"]) {
      expect(error.message).toContain(field);
    }
    expect((error as InvalidArgumentError).issues).toHaveLength(3);
  });

  test("not an object", () => {
    expect(thrown(() => sampleSizeTwoProportions(5 as never)).message).toBe(
      "sampleSizeTwoProportions: input: must be an options object",
    );
  });
});

describe("sampleSizeTwoProportions NO_SOLUTION", () => {
  test.each([
    [{ baselineRate: 0.6, mde: 0.8 }, /outside \(0, 1\)/],
    [{ baselineRate: 0.1, mde: -1 }, /outside \(0, 1\)/],
    [{ baselineRate: 0.1, mde: 0.1, alternative: "less" }, /contradicts the alternative "less"/],
    [{ baselineRate: 0.1, mde: -0.1, alternative: "greater" }, /contradicts the alternative "greater"/],
    [{ baselineRate: 0.1, mde: 0.1, power: 0.05 }, /must exceed the level/],
    [{ baselineRate: 0.1, mde: 0.1, power: 0.01, treatmentArms: 2, multipleComparison: "none" }, /must exceed/],
    [{ baselineRate: 0.7, mde: 0.31, mdeType: "absolute", method: "evan-miller" }, /outside \(0, 1\)/],
  ])("%o", (options, message) => {
    const error = thrown(() => sampleSizeTwoProportions(options as never));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^sampleSizeTwoProportions: /);
    expect(error.message).toMatch(message);
  });
});
