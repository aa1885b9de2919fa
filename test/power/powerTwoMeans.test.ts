import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

describe("powerTwoMeans conformance", () => {
  testPlanningFixtures("power/twoMeans", "powerTwoMeans", powerTwoMeans);
});

describe("powerTwoMeans published values", () => {
  test("documented example / R1: power.t.test(n = 20, delta = 1, strict = TRUE) = 0.8689530277245856", () => {
    const r = powerTwoMeans({ mde: 1, sd: 1, nControl: 20 });
    expectClose(r.power, 0.8689530277245856, { atol: 1e-9 }, "strict");
    expectClose(r.power, 0.86895, { atol: 5e-6 }, "documented");
    // The reference's 0.8689528 is strict = FALSE; the far region adds 2.3e-7.
    expectClose(r.power, 0.8689528, { atol: 5e-7 }, "R1");
  });

  test("M3-M6: statsmodels TTestIndPower (= pwr.t.test)", () => {
    const at = (d: number, n: number, alternative: "two-sided" | "greater" = "two-sided") =>
      powerTwoMeans({ mde: d, sd: 1, nControl: n, alternative }).power;
    expectClose(at(1, 30), 0.967708258242517, { atol: 5e-9 }, "M3");
    expectClose(at(0.1, 20), 0.06095912465411235, { atol: 5e-9 }, "M4");
    expectClose(at(1, 30, "greater"), 0.985459690251624, { atol: 5e-9 }, "M5");
    expectClose(at(0.01, 30, "greater"), 0.0540740302835667, { atol: 5e-9 }, "M6");
  });

  test("M7: pwr.t2n.test(d = 0.1, n1 = 20, n2 = 30): two-sided and greater", () => {
    const at = (alternative: "two-sided" | "greater") =>
      powerTwoMeans({ mde: 0.1, sd: 1, nControl: 20, nTreatment: 30, alternative }).power;
    expectClose(at("two-sided"), 0.0633081832564667, { atol: 5e-9 }, "two-sided");
    expectClose(at("greater"), 0.09623589080917805, { atol: 5e-9 }, "greater");
  });

  test("R10: pwr.t2n.test(d = 0.6, n1 = 90, n2 = 60, greater) = 0.9737262", () => {
    const r = powerTwoMeans({ mde: 0.6, sd: 1, nControl: 90, nTreatment: 60, alternative: "greater" });
    expectClose(r.power, 0.9737262, { atol: 5e-8 }, "power");
  });

  test("M1 for means: NormalIndPower().power(0.3, 80, 0.05) = 0.475100870572638 (test z)", () => {
    const r = powerTwoMeans({ mde: 0.3, sd: 1, nControl: 80, test: "z" });
    expectClose(r.power, 0.475100870572638, { rtol: 1e-13 }, "power");
  });
});

describe("powerTwoMeans: GrowthBook's relative-lift test", () => {
  test("G21: mean 10, sd sqrt(3909.9997749994377), +5 %, 400,000 users in 3 variations: power 0.52144", () => {
    const r = powerTwoMeans({
      sd: Math.sqrt(3909.9997749994377),
      baselineMean: 10,
      mde: 0.05,
      mdeType: "relative",
      nControl: 133_333, // GrowthBook uses 400,000 / 3 = 133,333.3 per arm
      test: "z-relative",
    });
    expectClose(r.power, 0.52144, { atol: 5e-6 }, "power");
    expect(r.method).toMatch(/relative lift/);
  });

  test("needs a non-zero baselineMean", () => {
    const error = thrown(() => powerTwoMeans({ sd: 1, mde: 0.1, nControl: 100, test: "z-relative" }));
    expect(error.message).toContain('powerTwoMeans: baselineMean: is needed when test is "z-relative"');
    const zero = thrown(() => powerTwoMeans({ sd: 1, mde: 0.1, nControl: 100, test: "z-relative", baselineMean: 0 }));
    expect(zero.message).toContain('baselineMean: must be non-zero when test is "z-relative"');
  });
});

describe("powerTwoMeans behaviour", () => {
  test("power is symmetric in the effect's sign for two-sided tests, and less mirrors greater", () => {
    const up = powerTwoMeans({ mde: 0.4, sd: 1, nControl: 40, nTreatment: 25 });
    const down = powerTwoMeans({ mde: -0.4, sd: 1, nControl: 40, nTreatment: 25 });
    expect(down.power).toBe(up.power);
    const g = powerTwoMeans({ mde: 0.4, sd: 1, nControl: 40, alternative: "greater" });
    const l = powerTwoMeans({ mde: -0.4, sd: 1, nControl: 40, alternative: "less" });
    expectClose(l.power, g.power, { rtol: 1e-13 }, "mirror");
  });

  test("a huge sample: 1e9 per arm, effect 1e-4 sd", () => {
    const t = powerTwoMeans({ mde: 1e-4, sd: 1, nControl: 1e9 });
    const z = powerTwoMeans({ mde: 1e-4, sd: 1, nControl: 1e9, test: "z" });
    // ncp = 1e-4 sqrt(1e9 / 2) = 2.2360679...; with 2e9 - 2 df the t-test is the z-test to ~1e-9.
    expectClose(z.power, 0.6087794845, { atol: 1e-9 }, "z");
    expectClose(t.power, z.power, { atol: 1e-8 }, "t");
  });
});

describe("powerTwoMeans rejects bad input", () => {
  const ok = { mde: 1, sd: 1, nControl: 10 };
  test.each([
    [{ ...ok, nControl: 1 }, "nControl: must be >= 2 for a t-test"],
    [{ ...ok, nTreatment: 1 }, "nTreatment: must give nTreatment >= 2 for a t-test"],
    [{ ...ok, allocationRatio: 0.1 }, "allocationRatio: must give nTreatment >= 2 for a t-test"],
    [{ ...ok, nControl: 10.5 }, "nControl: must be an integer"],
    [{ ...ok, nControl: -1 }, "nControl: must be >= 1"],
    [{ ...ok, nTreatment: 10, allocationRatio: 1 }, "allocationRatio: give nTreatment or allocationRatio, not both"],
    [{ ...ok, power: 0.8 }, "power: is not an option"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => powerTwoMeans(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`powerTwoMeans: ${message}`);
  });

  test("a z-test accepts one unit per arm", () => {
    expect(powerTwoMeans({ mde: 1, sd: 1, nControl: 1, test: "z" }).power).toBeGreaterThan(0.05);
  });
});
