import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";
import { testPlanningFixtures, thrown } from "./planningFixtures.js";

describe("mdeTwoMeans conformance", () => {
  testPlanningFixtures("power/twoMeans", "mdeTwoMeans", mdeTwoMeans);
});

describe("mdeTwoMeans examples", () => {
  test("documented example: revenue per user, mean 10, sd 30, 5,000 per arm", () => {
    const r = mdeTwoMeans({ sd: 30, baselineMean: 10, mdeType: "relative", nControl: 5000 });
    expectClose(r.absoluteEffect, 1.6811, { atol: 5e-5 }, "delta");
    expectClose(r.mde, 0.16811, { atol: 5e-6 }, "mde");
    expect(r.mdeType).toBe("relative");
  });

  test("R1 inverted: at n = 20 and R1's power the MDE is delta = 1", () => {
    const r = mdeTwoMeans({ sd: 1, nControl: 20, power: 0.8689530277245856 });
    expectClose(r.mde, 1, { rtol: 1e-8 }, "delta");
  });

  test("z-test, one-sided: the closed form (z_{1-a} + z_b) SE", () => {
    const r = mdeTwoMeans({ sd: 2, nControl: 400, nTreatment: 100, test: "z", alternative: "greater", power: 0.9 });
    const se = Math.sqrt(4 / 400 + 4 / 100);
    expectClose(r.mde, (1.6448536269514722 + 1.2815515655446004) * se, { rtol: 1e-11 }, "mde");
  });

  test("direction and alternative set the sign", () => {
    expect(mdeTwoMeans({ sd: 1, nControl: 50, alternative: "less" }).mde).toBeLessThan(0);
    const down = mdeTwoMeans({ sd: 1, nControl: 50, direction: "decrease" });
    const up = mdeTwoMeans({ sd: 1, nControl: 50 });
    expect(down.mde).toBe(-up.mde);
  });
});

describe("mdeTwoMeans: GrowthBook's relative-lift test", () => {
  const g21 = { sd: Math.sqrt(3909.9997749994377), baselineMean: 10, mdeType: "relative", test: "z-relative" } as const;

  test("G21: the MDE at 80 % power with 133,333 per arm is 0.07027", () => {
    const r = mdeTwoMeans({ ...g21, nControl: 133_333 });
    expectClose(r.mde, 0.0702725, { atol: 5e-6 }, "mde");
  });

  test("GrowthBook's closed form is the one-region equation: alternative greater at alpha / 2", () => {
    const n = 133_333;
    const z = 1.959963984540054 + 0.8416212335729143; // z_{1-alpha/2} - z_{1-power}
    const sigma2 = 3909.9997749994377 / n;
    const a = 1 - (z * z * sigma2) / 100;
    const c = 100 - z * z * sigma2;
    const closed = ((20 + Math.sqrt(400 - 4 * a * c)) / (2 * a) - 10) / 10;
    const r = mdeTwoMeans({ ...g21, nControl: n, alternative: "greater", alpha: 0.025 });
    expectClose(r.mde, closed, { rtol: 1e-10 }, "mde");
  });

  test("too few users for any lift is NO_SOLUTION (GrowthBook: 'need to increase number of users')", () => {
    const error = thrown(() => mdeTwoMeans({ ...g21, nControl: 200 }));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(/^mdeTwoMeans: the samples are too small/);
  });

  test("a decrease stops at -100 %", () => {
    const r = mdeTwoMeans({ ...g21, nControl: 133_333, direction: "decrease" });
    expect(r.mde).toBeLessThan(0);
    expect(r.mde).toBeGreaterThan(-1);
    const tiny = thrown(() => mdeTwoMeans({ ...g21, nControl: 5, direction: "decrease" }));
    expect(tiny.code).toBe("NO_SOLUTION");
  });
});

describe("mdeTwoMeans rejects bad input and impossible requests", () => {
  test.each([
    [{ sd: 1, nControl: 50, mde: 1 }, "mde: is not an option"],
    [{ sd: 1, nControl: 50, mdeType: "relative" }, 'baselineMean: is needed when mdeType is "relative"'],
    [{ sd: 1, nControl: 1 }, "nControl: must be >= 2 for a t-test"],
    [{ sd: 1, nControl: 50, direction: "sideways" }, 'direction: must be "increase" or "decrease"'],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => mdeTwoMeans(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`mdeTwoMeans: ${message}`);
  });

  test.each([
    [{ sd: 1, nControl: 50, power: 0.05 }, /must exceed the level/],
    [{ sd: 1, nControl: 50, alternative: "greater", direction: "decrease" }, /contradicts/],
  ])("%o is NO_SOLUTION", (options, message) => {
    const error = thrown(() => mdeTwoMeans(options as never));
    expect(error.code).toBe("NO_SOLUTION");
    expect(error.message).toMatch(message);
  });
});
