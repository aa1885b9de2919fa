import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mdeTwoMeans } from "../../src/power/mdeTwoMeans.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import type { TwoMeansTest } from "../../src/power/types.js";
import { expectClose } from "../helpers/expectClose.js";

const sd = fc.double({ min: 0.1, max: 100, noNaN: true });
const d = fc.double({ min: 0.02, max: 2, noNaN: true });
const sign = fc.constantFrom(1, -1);
const alpha = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const target = fc.double({ min: 0.5, max: 0.99, noNaN: true });
const ratio = fc.double({ min: 0.2, max: 5, noNaN: true });
const n = fc.integer({ min: 4, max: 200_000 });
const sided = fc.constantFrom("two-sided" as const, "directional" as const);
const testKind = fc.constantFrom<TwoMeansTest>("t", "z", "z-relative");
/** Optional treatment sd (Welch) as a multiple of sd. */
const sdRatio = fc.option(fc.double({ min: 0.25, max: 4, noNaN: true }), { nil: undefined });

function design(s: number, effect: number, sgn: number, alt: "two-sided" | "directional", k: number | undefined) {
  const alternative = alt === "two-sided" ? ("two-sided" as const) : sgn > 0 ? ("greater" as const) : ("less" as const);
  // baselineMean far from zero (used by "z-relative" only), so effects stay well inside +-100 %.
  const baselineMean = 50 * s * (sgn > 0 ? 1 : -1) * (effect > 1 ? -1 : 1);
  return {
    sd: s,
    mde: sgn * effect * s,
    alternative,
    baselineMean,
    ...(k === undefined ? {} : { sdTreatment: k * s }),
  };
}

describe("powerTwoMeans (laws)", () => {
  test.prop([sd, d, sign, sided, sdRatio, n, ratio, alpha, testKind])(
    "power is in [alpha/sides, 1]",
    (s, e, sg, alt, k, nn, r, a, t) => {
      fc.pre(nn * r >= 2);
      const x = design(s, e, sg, alt, k);
      const { power } = powerTwoMeans({ ...x, nControl: nn, allocationRatio: r, alpha: a, test: t });
      expect(power).toBeLessThanOrEqual(1);
      expect(power).toBeGreaterThanOrEqual(a / (x.alternative === "two-sided" ? 2 : 1) - 1e-12);
    },
  );

  test.prop([sd, d, sign, sided, sdRatio, n, fc.integer({ min: 1, max: 50_000 }), alpha, testKind])(
    "power is non-decreasing in n",
    (s, e, sg, alt, k, nn, extra, a, t) => {
      const x = design(s, e, sg, alt, k);
      const at = (m: number) => powerTwoMeans({ ...x, nControl: m, alpha: a, test: t }).power;
      expect(at(nn + extra)).toBeGreaterThanOrEqual(at(nn) - 1e-12);
    },
  );

  test.prop([sd, d, d, sign, sided, sdRatio, n, alpha, testKind])(
    "power is non-decreasing in |effect| and in alpha",
    (s, e1, e2, sg, alt, k, nn, a, t) => {
      const hi = design(s, Math.max(e1, e2), sg, alt, k);
      const lo = { ...hi, mde: sg * Math.min(e1, e2) * s };
      const at = (x: typeof hi, level: number) => powerTwoMeans({ ...x, nControl: nn, alpha: level, test: t }).power;
      expect(at(hi, a)).toBeGreaterThanOrEqual(at(lo, a) - 1e-12);
      expect(at(hi, Math.min(0.5, 2 * a))).toBeGreaterThanOrEqual(at(hi, a) - 1e-12);
    },
  );
});

describe("sampleSizeTwoMeans (laws)", () => {
  test.prop([sd, d, sign, sided, sdRatio, ratio, alpha, target, testKind])(
    "ceil(n) reaches the target and ceil(n) - 1 does not",
    (s, e, sg, alt, k, r, a, pw, t) => {
      fc.pre(pw > a);
      const x = design(s, e, sg, alt, k);
      const plan = sampleSizeTwoMeans({ ...x, allocationRatio: r, alpha: a, power: pw, test: t });
      expect(plan.achievedPower).toBeGreaterThanOrEqual(pw - 1e-12);
      const at = (m: number) => powerTwoMeans({ ...x, nControl: m, allocationRatio: r, alpha: a, test: t }).power;
      const min = t === "t" ? 2 : 1;
      fc.pre(plan.nControl - 1 >= min && (plan.nControl - 1) * r >= min);
      expect(at(plan.nControl)).toBeGreaterThanOrEqual(pw - 1e-12);
      expect(at(plan.nControl - 1)).toBeLessThan(pw);
    },
  );

  test.prop([sd, d, sign, sided, alpha, target, fc.integer({ min: 2, max: 6 }), testKind])(
    "Bonferroni with k arms equals the single-arm answer at alpha / k",
    (s, e, sg, alt, a, pw, k, t) => {
      fc.pre(pw > a);
      const x = design(s, e, sg, alt, undefined);
      const many = sampleSizeTwoMeans({
        ...x,
        alpha: a,
        power: pw,
        test: t,
        treatmentArms: k,
        multipleComparison: "bonferroni",
      });
      const one = sampleSizeTwoMeans({ ...x, alpha: a / k, power: pw, test: t });
      expect(many.nControlExact).toBe(one.nControlExact);
      expect(many.nTotal).toBe(one.nControl + k * one.nTreatment);
    },
  );

  test.prop([sd, d, sign, sided, alpha, target, fc.double({ min: 0, max: 0.9, noNaN: true })])(
    "z-test: variance reduction f multiplies n by 1 - f",
    (s, e, sg, alt, a, pw, f) => {
      fc.pre(pw > a);
      const x = design(s, e, sg, alt, undefined);
      const plain = sampleSizeTwoMeans({ ...x, alpha: a, power: pw, test: "z" });
      const reduced = sampleSizeTwoMeans({ ...x, alpha: a, power: pw, test: "z", varianceReduction: f });
      expectClose(reduced.nControlExact, (1 - f) * plain.nControlExact, { rtol: 1e-10 }, "n");
    },
  );
});

describe("mdeTwoMeans (laws)", () => {
  test.prop([sd, fc.integer({ min: 5, max: 1_000_000 }), ratio, alpha, target, sign, sided, sdRatio, testKind])(
    "mde -> n -> mde: the sample size for the MDE is the sample it came from",
    (s, nn, r, a, pw, sg, alt, k, t) => {
      fc.pre(pw > a && nn * r >= 2);
      const x = design(s, 1, sg, alt, k);
      const { mde: _unused, ...rest } = x;
      let found: ReturnType<typeof mdeTwoMeans>;
      try {
        found = mdeTwoMeans({
          ...rest,
          nControl: nn,
          allocationRatio: r,
          alpha: a,
          power: pw,
          test: t,
          direction: sg > 0 ? "increase" : "decrease",
        });
      } catch (error) {
        // Only the relative-lift test has samples too small for any effect.
        expect(t).toBe("z-relative");
        expect((error as { code?: string }).code).toBe("NO_SOLUTION");
        return;
      }
      expect(Math.sign(found.mde)).toBe(sg);
      const plan = sampleSizeTwoMeans({ ...rest, mde: found.mde, allocationRatio: r, alpha: a, power: pw, test: t });
      expectClose(plan.nControlExact, nn, { rtol: 1e-8 }, "n");
    },
  );
});
