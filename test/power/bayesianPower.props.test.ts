import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";

const kind = fc.constantFrom("z" as const, "z-relative" as const);
const alternative = fc.constantFrom("two-sided" as const, "greater" as const, "less" as const);
const prior = fc.record({
  mean: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  variance: fc.double({ min: 1e-3, max: 10, noNaN: true }),
});
const n = fc.integer({ min: 200, max: 200_000 });
const target = fc.double({ min: 0.5, max: 0.95, noNaN: true });

function design(test: "z" | "z-relative", alt: "two-sided" | "greater" | "less", nControl: number) {
  return { sd: 3, baselineMean: 10, mdeType: "relative", test, alternative: alt, nControl } as const;
}

describe("Bayesian power laws", () => {
  test.prop([kind, alternative, prior, n, fc.double({ min: -0.5, max: 0.5, noNaN: true }).filter((x) => x !== 0)])(
    "power is a probability; two-sided is the sum of the one-sided regions at twice the level",
    (k, _alt, p, nControl, mde) => {
      const at = (alternative: "two-sided" | "greater" | "less", alpha: number): number =>
        powerTwoMeans({ ...design(k, alternative, nControl), alpha, mde, prior: p }).power;
      const two = at("two-sided", 0.1);
      expect(two).toBeGreaterThanOrEqual(0);
      expect(two).toBeLessThanOrEqual(1);
      expectClose(two, Math.min(1, at("greater", 0.05) + at("less", 0.05)), { atol: 1e-15, rtol: 1e-13 }, "regions");
    },
  );

  test.prop([kind, alternative, prior, n, target])(
    "the MDE has the target power and is the first effect that does",
    (k, alt, p, nControl, power) => {
      const base = design(k, alt, nControl);
      const direction = alt === "less" ? "decrease" : "increase";
      const r = mdeTwoMeans({ ...base, power, prior: p, direction });
      if (r.mde === 0) {
        expect(
          powerTwoMeans({ ...base, mde: direction === "increase" ? 1e-12 : -1e-12, prior: p }).power,
        ).toBeGreaterThanOrEqual(power - 1e-9);
        return;
      }
      expectClose(powerTwoMeans({ ...base, mde: r.mde, prior: p }).power, power, { atol: 1e-9 }, "round trip");
      // The scan brackets the first crossing within a factor 1.1: below it, a smaller effect stays under the target.
      expect(powerTwoMeans({ ...base, mde: r.mde / 1.1, prior: p }).power).toBeLessThan(power);
    },
  );
});
