import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { compareProportions } from "../../src/significance/compareProportions.js";
import { expectClose } from "../helpers/expectClose.js";

/** An arm with 0 < conversions < visitors, so every test and the relative lift are defined. */
const arm = fc
  .integer({ min: 2, max: 2_000_000 })
  .chain((visitors) =>
    fc.record({ visitors: fc.constant(visitors), conversions: fc.integer({ min: 1, max: visitors - 1 }) }),
  );
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const testKind = fc.constantFrom("z-pooled" as const, "z-unpooled" as const, "yates" as const);
const intervalKind = fc.constantFrom("wald" as const, "newcombe" as const, "agresti-caffo" as const);
const relativeKind = fc.constantFrom("delta" as const, "fieller" as const, "log" as const);
const alternative = fc.constantFrom("two-sided" as const, "less" as const, "greater" as const);

describe("compareProportions (laws)", () => {
  test.prop([arm, arm, testKind, intervalKind, relativeKind, alternative, level])(
    "p-values are probabilities and intervals are ordered and carry their level",
    (c, t, kind, interval, relativeInterval, alt, lv) => {
      const r = compareProportions(c, t, {
        test: kind,
        interval,
        relativeInterval,
        alternative: alt,
        confidenceLevel: lv,
      });
      for (const p of [r.pValue, r.relativeLift.pValue]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      for (const ci of [r.difference.confidenceInterval, r.relativeLift.confidenceInterval]) {
        expect(ci.lower).toBeLessThanOrEqual(ci.upper);
        expect(ci.level).toBe(lv);
      }
      if (interval !== "agresti-caffo") {
        expect(r.difference.confidenceInterval.lower).toBeLessThanOrEqual(r.difference.estimate + 1e-15);
        expect(r.difference.confidenceInterval.upper).toBeGreaterThanOrEqual(r.difference.estimate - 1e-15);
      }
      expect(Number.isNaN(r.statistic) || Number.isNaN(r.relativeLift.estimate)).toBe(false);
    },
  );

  test.prop([arm, arm, testKind])(
    "swapping the arms negates the statistic and keeps the two-sided p-value",
    (c, t, kind) => {
      const a = compareProportions(c, t, { test: kind });
      const b = compareProportions(t, c, { test: kind });
      expectClose(b.statistic, -a.statistic, { rtol: 1e-12, atol: 1e-300 }, "statistic");
      expectClose(b.pValue, a.pValue, { rtol: 1e-12, atol: 1e-300 }, "p");
      expectClose(b.difference.estimate, -a.difference.estimate, { rtol: 1e-15, atol: 1e-300 }, "difference");
      expectClose(
        b.difference.confidenceInterval.lower,
        -a.difference.confidenceInterval.upper,
        { rtol: 1e-12, atol: 1e-15 },
        "CI",
      );
    },
  );

  test.prop([arm, arm, fc.constantFrom("z-pooled" as const, "z-unpooled" as const)])(
    "p_less + p_greater = 1 and p_two = 2·min(p_less, p_greater)",
    (c, t, kind) => {
      const less = compareProportions(c, t, { test: kind, alternative: "less" }).pValue;
      const greater = compareProportions(c, t, { test: kind, alternative: "greater" }).pValue;
      const two = compareProportions(c, t, { test: kind }).pValue;
      expectClose(less + greater, 1, { rtol: 1e-14 }, "sum");
      expectClose(two, Math.min(1, 2 * Math.min(less, greater)), { rtol: 1e-13, atol: 1e-300 }, "two-sided");
    },
  );

  test.prop([arm, arm, level])(
    "a null value at the one-sided Wald bound gives p = 1 − level (unpooled test)",
    (c, t, lv) => {
      const { lower } = compareProportions(c, t, { test: "z-unpooled", alternative: "greater", confidenceLevel: lv })
        .difference.confidenceInterval;
      fc.pre(lower > -1 + 1e-9);
      const r = compareProportions(c, t, { test: "z-unpooled", alternative: "greater", nullValue: lower });
      expectClose(r.pValue, 1 - lv, { rtol: 1e-9 }, "p at the bound");
    },
  );

  test.prop([arm, arm, intervalKind, relativeKind, level, level])(
    "a higher level never narrows an interval",
    (c, t, interval, rel, l1, l2) => {
      const lo = Math.min(l1, l2);
      const hi = Math.max(l1, l2);
      const a = compareProportions(c, t, { interval, relativeInterval: rel, confidenceLevel: lo });
      const b = compareProportions(c, t, { interval, relativeInterval: rel, confidenceLevel: hi });
      expect(b.difference.confidenceInterval.lower).toBeLessThanOrEqual(a.difference.confidenceInterval.lower + 1e-15);
      expect(b.difference.confidenceInterval.upper).toBeGreaterThanOrEqual(
        a.difference.confidenceInterval.upper - 1e-15,
      );
      expect(b.relativeLift.confidenceInterval.lower).toBeLessThanOrEqual(
        a.relativeLift.confidenceInterval.lower + 1e-12,
      );
      expect(b.relativeLift.confidenceInterval.upper).toBeGreaterThanOrEqual(
        a.relativeLift.confidenceInterval.upper - 1e-12,
      );
    },
  );

  test.prop([arm, arm, level])(
    "a bounded Fieller interval excludes lift 0 exactly when the unpooled test rejects",
    (c, t, lv) => {
      const r = compareProportions(c, t, { test: "z-unpooled", relativeInterval: "fieller", confidenceLevel: lv });
      // An unbounded set (two rays) is reported as the whole line, so the equivalence holds for bounded sets.
      fc.pre(r.relativeLift.bounded && Math.abs(r.pValue - (1 - lv)) > 1e-9);
      const ci = r.relativeLift.confidenceInterval;
      expect(ci.lower > 0 || ci.upper < 0).toBe(r.pValue < 1 - lv);
    },
  );

  test.prop([arm, arm])("Yates never gives a smaller p-value than the uncorrected pooled test", (c, t) => {
    const yates = compareProportions(c, t, { test: "yates" }).pValue;
    const plain = compareProportions(c, t, { test: "z-pooled" }).pValue;
    expect(yates).toBeGreaterThanOrEqual(plain);
  });
});
