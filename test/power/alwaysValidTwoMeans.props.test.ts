import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { expectClose } from "../helpers/expectClose.js";

const alpha = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const n = fc.integer({ min: 50, max: 200_000 });
const tuning = fc.double({ min: 100, max: 1_000_000, noNaN: true });
const effect = fc.double({ min: 0.001, max: 0.5, noNaN: true });
const target = fc.double({ min: 0.5, max: 0.95, noNaN: true });
const alternative = fc.constantFrom("two-sided" as const, "greater" as const);
const kind = fc.constantFrom("z" as const, "z-relative" as const);

function design(test: "z" | "z-relative", alt: "two-sided" | "greater", a: number, nControl: number) {
  return { sd: 3, baselineMean: 10, mdeType: "relative", test, alternative: alt, alpha: a, nControl } as const;
}

describe("alwaysValid laws", () => {
  test.prop([kind, alternative, alpha, n, tuning, effect])(
    "the sequential power is below the fixed-horizon power (M > z inflates the SE)",
    (k, alt, a, nControl, nStar, mde) => {
      const base = design(k, alt, a, nControl);
      const fixed = powerTwoMeans({ ...base, mde }).power;
      const seq = powerTwoMeans({ ...base, mde, alwaysValid: { tuningSampleSize: nStar } });
      expect(seq.alwaysValid?.seInflation).toBeGreaterThan(1);
      expect(seq.power).toBeLessThanOrEqual(fixed);
      if (fixed < 0.999_999) expect(seq.power).toBeLessThan(fixed);
    },
  );

  test.prop([kind, alternative, alpha, fc.integer({ min: 5000, max: 200_000 }), tuning, target])(
    "the sequential MDE is above the fixed-horizon MDE, and has the target sequential power",
    (k, alt, a, nControl, nStar, power) => {
      const base = design(k, alt, a, nControl);
      const alwaysValid = { tuningSampleSize: nStar };
      const fixed = mdeTwoMeans({ ...base, power }).mde;
      const seq = mdeTwoMeans({ ...base, power, alwaysValid }).mde;
      expect(seq).toBeGreaterThan(fixed);
      expectClose(powerTwoMeans({ ...base, mde: seq, alwaysValid }).power, power, { atol: 1e-9 }, "round trip");
    },
  );

  test.prop([kind, alternative, alpha, tuning, effect, target])(
    "sample size and power are inverses: the rounded size reaches the sequential power, one unit fewer does not",
    (k, alt, a, nStar, mde, power) => {
      const { nControl: _n, ...base } = design(k, alt, a, 1);
      const alwaysValid = { tuningSampleSize: nStar };
      const plan = sampleSizeTwoMeans({ ...base, mde, power, alwaysValid });
      const at = (nControl: number): number => powerTwoMeans({ ...base, mde, nControl, alwaysValid }).power;
      expectClose(at(plan.nControl), plan.achievedPower, { rtol: 1e-14 }, "achieved power");
      expect(plan.achievedPower).toBeGreaterThanOrEqual(power);
      if (plan.nControl > 1) expect(at(plan.nControl - 1)).toBeLessThan(power);
      expect(plan.nControl).toBeGreaterThanOrEqual(sampleSizeTwoMeans({ ...base, mde, power }).nControl);
    },
  );
});
