import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { experimentDuration } from "../../src/power/experimentDuration.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { thrown } from "./planningFixtures.js";

describe("experimentDuration", () => {
  test("documented example: 7,682 units at half of 1,000 a day is 16 days, 3 full weeks", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 });
    expect(plan.nTotal).toBe(7682);
    const d = experimentDuration({ sampleSize: plan, dailyUnits: 1000, trafficShare: 0.5 });
    expect(d).toMatchObject({
      totalUnits: 7682,
      dailyUnits: 1000,
      trafficShare: 0.5,
      unitsPerDay: 500,
      days: 16,
      weeks: 3,
    });
    expect(d.exactDays).toBeCloseTo(15.364, 12);
    expect(d.note).toBe("7682 units at 500 a day: 16 days, or 3 full weeks");
  });

  test("an exact multiple of a day is not rounded up: 7,000 units at 1,000 a day is 7 days, 1 week", () => {
    expect(experimentDuration({ totalUnits: 7000, dailyUnits: 1000 })).toMatchObject({ days: 7, weeks: 1 });
    // 0.1 · 3 = 0.30000000000000004: 3 units at 0.1 · 3 a day is still 10 days.
    expect(experimentDuration({ totalUnits: 3, dailyUnits: 3, trafficShare: 0.1 }).days).toBe(10);
  });

  test("a plan from sampleSizeTwoMeans works the same way, counting every arm", () => {
    const plan = sampleSizeTwoMeans({ mde: 1, sd: 10, treatmentArms: 2 });
    const d = experimentDuration({ sampleSize: plan, dailyUnits: 300 });
    expect(d.totalUnits).toBe(plan.nControl + 2 * plan.nTreatment);
    expect(d.days).toBe(Math.ceil(d.totalUnits / 300));
  });

  test("one day at least; large samples", () => {
    expect(experimentDuration({ totalUnits: 1, dailyUnits: 1e6 })).toMatchObject({ days: 1, weeks: 1 });
    expect(experimentDuration({ totalUnits: 4e10, dailyUnits: 1e6 }).days).toBe(40000);
  });

  test.each([
    [{ dailyUnits: 100 }, "totalUnits: give sampleSize or totalUnits"],
    [
      { totalUnits: 100, sampleSize: { nTotal: 100 }, dailyUnits: 100 },
      "totalUnits: give sampleSize or totalUnits, not both",
    ],
    [{ totalUnits: 10.5, dailyUnits: 100 }, "totalUnits: must be an integer"],
    [{ totalUnits: 0, dailyUnits: 100 }, "totalUnits: must be >= 1"],
    [{ totalUnits: 100, dailyUnits: 0 }, "dailyUnits: must be > 0"],
    [{ totalUnits: 100, dailyUnits: Number.NaN }, "dailyUnits: must be a finite number"],
    [{ totalUnits: 100, dailyUnits: 10, trafficShare: 1.5 }, "trafficShare: must be <= 1"],
    [{ totalUnits: 100, dailyUnits: 10, trafficShare: 0 }, "trafficShare: must be > 0"],
    [{ sampleSize: { n: 5 }, dailyUnits: 10 }, "sampleSize.nTotal: must be a finite number"],
    [{ sampleSize: 5, dailyUnits: 10 }, "sampleSize: must be a sample-size plan"],
    [{ totalUnits: 100, dailyUnits: 10, weeks: 2 }, "weeks: is not an option"],
  ])("%o -> %s", (options, message) => {
    const error = thrown(() => experimentDuration(options as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toContain(`experimentDuration: ${message}`);
  });
});

describe("experimentDuration (laws)", () => {
  propTest.prop([
    fc.integer({ min: 1, max: 1e9 }),
    fc.double({ min: 0.5, max: 1e7, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  ])(
    "days is the smallest whole number of days that enrols every unit; weeks cover the days",
    (total, daily, share) => {
      const d = experimentDuration({ totalUnits: total, dailyUnits: daily, trafficShare: share });
      expect(d.days).toBeGreaterThanOrEqual(1);
      expect(d.days * d.unitsPerDay).toBeGreaterThanOrEqual(total * (1 - 1e-12));
      expect((d.days - 1) * d.unitsPerDay).toBeLessThan(total);
      expect(d.weeks * 7).toBeGreaterThanOrEqual(d.days);
      expect((d.weeks - 1) * 7).toBeLessThan(d.days);
    },
  );
});
