import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

/** A treatment rate whose Cohen's h against `p1` is `h`. */
const rateWithH = (p1: number, h: number): number => Math.sin(Math.asin(Math.sqrt(p1)) + h / 2) ** 2;

describe("powerTwoProportions conformance", () => {
  testPlanningFixtures("power/twoProportions", "powerTwoProportions", powerTwoProportions);
});

describe("powerTwoProportions published values", () => {
  test("documented example / R4: power.prop.test(n = 50, p1 = .5, p2 = .75, strict = TRUE) = 0.7401672", () => {
    const r = powerTwoProportions({ baselineRate: 0.5, mde: 0.25, mdeType: "absolute", nControl: 50 });
    expectClose(r.power, 0.740167193453611, { rtol: 1e-13 }, "power");
    expectClose(r.power, 0.7401672, { atol: 5e-8 }, "R4");
    expect(r.nTotal).toBe(100);
  });

  test("M19: power_proportions_2indep(-0.014, 0.015, 550) = 0.7415600", () => {
    const r = powerTwoProportions({ baselineRate: 0.015, mde: -0.014, mdeType: "absolute", nControl: 550 });
    expectClose(r.power, 0.74156, { atol: 5e-8 }, "power");
  });

  test("M20: power_proportions_2indep(-0.1, 0.2, 154, ratio = 2) = 0.7995659211532175", () => {
    const r = powerTwoProportions({
      baselineRate: 0.2,
      mde: -0.1,
      mdeType: "absolute",
      nControl: 308,
      nTreatment: 154,
    });
    expectClose(r.power, 0.7995659211532175, { rtol: 1e-13 }, "power");
    expect(r.allocationRatio).toBe(0.5);
  });

  test("M1/M2: pwr.2p.test(h = 0.3, n = 80) = 0.475100870572638; h = 0.01 in three directions", () => {
    const at = (h: number, alternative: "two-sided" | "greater" | "less") =>
      powerTwoProportions({
        baselineRate: 0.4,
        mde: rateWithH(0.4, h) - 0.4,
        mdeType: "absolute",
        nControl: 80,
        method: "arcsine",
        alternative,
      }).power;
    expectClose(at(0.3, "two-sided"), 0.475100870572638, { rtol: 1e-12 }, "M1");
    expectClose(at(0.01, "two-sided"), 0.05045832927039234, { rtol: 1e-12 }, "M2 two-sided");
    expectClose(at(0.01, "greater"), 0.056869534873146124, { rtol: 1e-12 }, "M2 greater");
    expectClose(at(0.01, "less"), 0.0438089705093578, { rtol: 1e-12 }, "M2 less");
  });

  test("R6: pwr.2p.test(h = ES.h(0.65, 0.45), n = 50) = 0.5256827", () => {
    const r = powerTwoProportions({
      baselineRate: 0.45,
      mde: 0.2,
      mdeType: "absolute",
      nControl: 50,
      method: "arcsine",
    });
    expectClose(r.power, 0.5256827, { atol: 5e-8 }, "power");
  });

  test("R7: pwr.2p2n.test(h = 0.3, n1 = 80, n2 = 245, greater) = 0.7532924", () => {
    const r = powerTwoProportions({
      baselineRate: 0.3,
      mde: rateWithH(0.3, 0.3) - 0.3,
      mdeType: "absolute",
      nControl: 80,
      nTreatment: 245,
      method: "arcsine",
      alternative: "greater",
    });
    expectClose(r.power, 0.7532924, { atol: 5e-8 }, "power");
  });
});

describe("powerTwoProportions behaviour", () => {
  test("nTreatment defaults to nControl * allocationRatio, unrounded", () => {
    const r = powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 1000, allocationRatio: 1.5 });
    expect(r.nTreatment).toBe(1500);
    expect(r.nTotal).toBe(2500);
    const s = powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 1001, allocationRatio: 0.5 });
    expect(s.nTreatment).toBe(500.5);
  });

  test("an effect against a one-sided alternative has power below alpha", () => {
    const r = powerTwoProportions({ baselineRate: 0.1, mde: 0.1, nControl: 5000, alternative: "less" });
    expect(r.power).toBeLessThan(0.05);
    expect(r.power).toBeGreaterThanOrEqual(0);
  });

  test("huge samples and tiny rates: 1e-5 baseline, 1e9 per arm", () => {
    const r = powerTwoProportions({ baselineRate: 1e-5, mde: 0.05, nControl: 1e9 });
    expect(r.power).toBeGreaterThan(0.5);
    expect(r.power).toBeLessThanOrEqual(1);
  });

  test("the continuity correction lowers power", () => {
    const base = { baselineRate: 0.2, mde: 0.25, nControl: 500 };
    const plain = powerTwoProportions(base).power;
    const corrected = powerTwoProportions({ ...base, continuityCorrection: true }).power;
    expect(corrected).toBeLessThan(plain);
  });

  test("Evan Miller's two-sided power counts one region: it equals the one-sided power at alpha/2", () => {
    const base = { baselineRate: 0.2, mde: 0.05, mdeType: "absolute", nControl: 900, method: "evan-miller" } as const;
    const two = powerTwoProportions(base).power;
    const one = powerTwoProportions({ ...base, alternative: "greater", alpha: 0.025 }).power;
    expect(two).toBe(one);
  });
});

describe("powerTwoProportions rejects bad input", () => {
  const ok = { baselineRate: 0.1, mde: 0.1, nControl: 100 };
  test.each([
    [{ ...ok, nControl: 100.5 }, "nControl: must be an integer"],
    [{ ...ok, nControl: 0 }, "nControl: must be >= 1"],
    [{ ...ok, nControl: -5 }, "nControl: must be >= 1"],
    [{ ...ok, nControl: Number.POSITIVE_INFINITY }, "nControl: must be a finite number"],
    [{ ...ok, nTreatment: 2.5 }, "nTreatment: must be an integer"],
    [{ ...ok, nTreatment: 50, allocationRatio: 0.5 }, "allocationRatio: give nTreatment or allocationRatio, not both"],
    [{ ...ok, power: 0.8 }, "power: is not an option"],
    [{ baselineRate: 0.1, mde: 0.1 }, "nControl: must be a finite number"],
    [{ ...ok, baselineRate: -0.1 }, "baselineRate: must be > 0"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => powerTwoProportions(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`powerTwoProportions: ${message}`);
  });

  test("an effect outside (0, 1) is NO_SOLUTION", () => {
    const error = thrown(() => powerTwoProportions({ baselineRate: 0.9, mde: 0.2, nControl: 10 }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^powerTwoProportions: .*outside \(0, 1\)/);
  });
});
