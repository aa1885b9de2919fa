import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { mdeTwoProportions } from "../../src/power/mdeTwoProportions.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

describe("mdeTwoProportions conformance", () => {
  testPlanningFixtures("power/twoProportions", "mdeTwoProportions", mdeTwoProportions);
});

describe("mdeTwoProportions examples", () => {
  test("documented example: 5 % baseline, 10,000 per arm", () => {
    const r = mdeTwoProportions({ baselineRate: 0.05, nControl: 10_000 });
    expectClose(r.mde, 0.17986, { atol: 5e-6 }, "mde");
    expectClose(r.treatmentRate, 0.058993, { atol: 5e-7 }, "p2");
    expect(r.mdeType).toBe("relative");
    expectClose(r.relativeEffect, r.mde, { rtol: 1e-12 }, "relative");
    // R: power.prop.test(n = 10000, p1 = 0.05, power = 0.8, strict = TRUE, tol = 1e-12)$p2
    expectClose(r.treatmentRate, 0.0589930859063314, { rtol: 1e-10 }, "R p2");
  });

  test("R4 inverted: the MDE at n = 50 and the power of R4 is p2 = 0.75", () => {
    const r = mdeTwoProportions({ baselineRate: 0.5, nControl: 50, power: 0.740167193453611, mdeType: "absolute" });
    expectClose(r.mde, 0.25, { rtol: 1e-10 }, "mde");
  });

  test("a decrease is found for alternative less, or on request", () => {
    const less = mdeTwoProportions({ baselineRate: 0.3, nControl: 2000, alternative: "less" });
    expect(less.mde).toBeLessThan(0);
    expect(less.treatmentRate).toBeLessThan(0.3);
    const down = mdeTwoProportions({ baselineRate: 0.3, nControl: 2000, direction: "decrease" });
    const up = mdeTwoProportions({ baselineRate: 0.3, nControl: 2000 });
    expect(down.mde).toBeLessThan(0);
    // A decrease towards 0 has less variance than an increase of the same size, so it is smaller in magnitude.
    expect(Math.abs(down.mde)).toBeLessThan(up.mde);
    expectClose(
      powerTwoProportions({ baselineRate: 0.3, nControl: 2000, mde: down.mde }).power,
      0.8,
      { atol: 1e-12 },
      "power at the MDE",
    );
  });
});

describe("mdeTwoProportions rejects bad input and impossible requests", () => {
  test.each([
    [{ baselineRate: 0.1, nControl: 100, mde: 0.1 }, "mde: is not an option"],
    [{ baselineRate: 0.1, nControl: 100, direction: "up" }, 'direction: must be "increase" or "decrease"'],
    [{ baselineRate: 0.1, nControl: 1.5 }, "nControl: must be an integer"],
    [{ baselineRate: 0.1, nControl: 100, power: 1 }, "power: must be < 1"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => mdeTwoProportions(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`mdeTwoProportions: ${message}`);
  });

  test.each([
    [{ baselineRate: 0.1, nControl: 100, power: 0.04 }, /must exceed the level/],
    [{ baselineRate: 0.1, nControl: 100, alternative: "greater", direction: "decrease" }, /contradicts/],
    [{ baselineRate: 0.9, nControl: 5, power: 0.99 }, /samples are too small/],
  ])("%o is NO_SOLUTION", (options, message) => {
    const error = thrown(() => mdeTwoProportions(options as never));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^mdeTwoProportions: /);
    expect(error.message).toMatch(message);
  });
});
