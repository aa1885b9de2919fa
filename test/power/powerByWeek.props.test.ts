import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type PowerByWeekMetric, powerByWeek } from "../../src/power/powerByWeek.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";

const rate = fc.double({ min: 0.01, max: 0.5, noNaN: true });
const lift = fc.double({ min: 0.05, max: 0.5, noNaN: true });
const weekly = fc.integer({ min: 200, max: 50_000 });
const arms = fc.integer({ min: 1, max: 3 });
const alpha = fc.double({ min: 0.01, max: 0.2, noNaN: true });
const target = fc.double({ min: 0.5, max: 0.95, noNaN: true });

describe("powerByWeek laws", () => {
  test.prop([rate, lift, weekly, arms, alpha, target])(
    "power never falls and the MDE never grows from one week to the next",
    (baselineRate, mde, weeklyUnits, treatmentArms, a, power) => {
      const metrics: PowerByWeekMetric[] = [
        { name: "cr", kind: "proportions", baselineRate, mde },
        { name: "value", kind: "means", sd: 3, mde: 0.1 },
      ];
      const r = powerByWeek({ weeklyUnits, treatmentArms, alpha: a, power, weeks: 6, metrics });
      for (let w = 1; w < r.byWeek.length; w++) {
        for (let m = 0; m < metrics.length; m++) {
          const before = r.byWeek[w - 1]?.metrics[m];
          const after = r.byWeek[w]?.metrics[m];
          expect(after?.power).toBeGreaterThanOrEqual(before?.power as number);
          if (before?.mde != null) expect(after?.mde).toBeLessThanOrEqual(before.mde * (1 + 1e-10));
        }
      }
    },
  );

  test.prop([rate, lift, weekly, arms, target])(
    "the week a metric is powered is the first week with sampleSizeTwoProportions' nControl per arm",
    (baselineRate, mde, weeklyUnits, treatmentArms, power) => {
      const weeks = 30;
      const r = powerByWeek({
        weeklyUnits,
        treatmentArms,
        power,
        weeks,
        metrics: [{ name: "cr", kind: "proportions", baselineRate, mde }],
      });
      const needed = sampleSizeTwoProportions({ baselineRate, mde, power, treatmentArms }).nControl;
      const first = r.byWeek.find((row) => row.nControl >= needed)?.week ?? null;
      expect(r.metrics[0]?.weeksToPower).toBe(first);
      expect(r.weeksToPower).toBe(first);
      if (first !== null && first > 1) expect(r.byWeek[first - 2]?.metrics[0]?.power).toBeLessThan(power);
    },
  );
});
