import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { mdeTwoProportions } from "../../src/power/mdeTwoProportions.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import type { TwoProportionsMethod } from "../../src/power/types.js";
import { expectClose } from "../helpers/expectClose.js";

const rate = fc.double({ min: 0.005, max: 0.95, noNaN: true });
const effect = fc.double({ min: 0.02, max: 0.6, noNaN: true });
const sign = fc.constantFrom(1, -1);
const alpha = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const target = fc.double({ min: 0.5, max: 0.99, noNaN: true });
const ratio = fc.double({ min: 0.2, max: 5, noNaN: true });
const n = fc.integer({ min: 2, max: 1_000_000 });
const alternative = fc.constantFrom("two-sided" as const, "directional" as const);
const method = fc.constantFrom<TwoProportionsMethod>("pooled", "unpooled", "arcsine", "evan-miller");
/** Methods and continuity correction together (the correction exists for pooled and unpooled only). */
const model = fc.oneof(
  method.map((m) => ({ method: m, continuityCorrection: false })),
  fc.constantFrom("pooled", "unpooled").map((m) => ({ method: m as TwoProportionsMethod, continuityCorrection: true })),
);

/** A valid relative effect on p1, with the alternative in its direction. */
function design(p1: number, e: number, s: number, alt: "two-sided" | "directional") {
  const mde = p1 * (1 + s * e) < 1 ? s * e : -e;
  const alternative = alt === "two-sided" ? ("two-sided" as const) : mde > 0 ? ("greater" as const) : ("less" as const);
  return { baselineRate: p1, mde, alternative };
}

describe("powerTwoProportions (laws)", () => {
  test.prop([rate, effect, sign, alternative, n, ratio, alpha, model])(
    "power is in [0, 1], and in [alpha/sides, 1] when SE0 = SE1 (unpooled, arcsine)",
    (p1, e, s, alt, nn, r, a, m) => {
      const d = design(p1, e, s, alt);
      const { power } = powerTwoProportions({ ...d, ...m, nControl: nn, allocationRatio: r, alpha: a });
      expect(power).toBeGreaterThanOrEqual(0);
      expect(power).toBeLessThanOrEqual(1);
      // Pooled: SE0 > SE1 can put the power of a tiny n·p design below alpha/2 (R power.prop.test agrees); the
      // continuity correction and Evan Miller's baseline-only SE0 can too.
      if (!m.continuityCorrection && (m.method === "unpooled" || m.method === "arcsine")) {
        expect(power).toBeGreaterThanOrEqual(a / (d.alternative === "two-sided" ? 2 : 1) - 1e-12);
      }
    },
  );

  test.prop([rate, effect, sign, alternative, n, fc.integer({ min: 1, max: 100_000 }), alpha, model])(
    "power is non-decreasing in n",
    (p1, e, s, alt, nn, extra, a, m) => {
      const d = design(p1, e, s, alt);
      const at = (k: number) => powerTwoProportions({ ...d, ...m, nControl: k, alpha: a }).power;
      expect(at(nn + extra)).toBeGreaterThanOrEqual(at(nn) - 1e-12);
    },
  );

  // Without continuity correction: with it, an effect below the correction (1/n1 + 1/n2)/2 moves power down.
  test.prop([rate, effect, effect, sign, alternative, n, alpha, method])(
    "power is non-decreasing in |effect|",
    (p1, e1, e2, s, alt, nn, a, m) => {
      const lo = Math.min(e1, e2);
      const hi = Math.max(e1, e2);
      const dHi = design(p1, hi, s, alt);
      const dLo = { ...dHi, mde: Math.sign(dHi.mde) * lo };
      const at = (d: typeof dHi) => powerTwoProportions({ ...d, method: m, nControl: nn, alpha: a }).power;
      expect(at(dHi)).toBeGreaterThanOrEqual(at(dLo) - 1e-12);
    },
  );

  test.prop([rate, effect, sign, alternative, n, alpha, alpha, model])(
    "power is non-decreasing in alpha",
    (p1, e, s, alt, nn, a1, a2, m) => {
      const d = design(p1, e, s, alt);
      const at = (a: number) => powerTwoProportions({ ...d, ...m, nControl: nn, alpha: a }).power;
      expect(at(Math.max(a1, a2))).toBeGreaterThanOrEqual(at(Math.min(a1, a2)) - 1e-12);
    },
  );

  test.prop([
    rate,
    effect,
    sign,
    n,
    ratio,
    alpha,
    fc.constantFrom<TwoProportionsMethod>("pooled", "unpooled", "arcsine"),
  ])(
    "relabelling success and failure: p1 -> p2 'greater' has the power of 1 - p1 -> 1 - p2 'less'",
    (p1, e, s, nn, r, a, m) => {
      const d = design(p1, e, s, "directional");
      const p2 = p1 * (1 + d.mde);
      const opts = { nControl: nn, allocationRatio: r, alpha: a, method: m, mdeType: "absolute" } as const;
      const there = powerTwoProportions({ ...opts, baselineRate: p1, mde: p2 - p1, alternative: d.alternative });
      const back = powerTwoProportions({
        ...opts,
        baselineRate: 1 - p1,
        mde: 1 - p2 - (1 - p1),
        alternative: d.alternative === "greater" ? "less" : "greater",
      });
      expectClose(back.power, there.power, { rtol: 1e-9, atol: 1e-13 }, "power");
    },
  );
});

describe("sampleSizeTwoProportions (laws)", () => {
  test.prop([rate, effect, sign, alternative, ratio, alpha, target, model])(
    "ceil(n) reaches the target and ceil(n) - 1 does not; the exact n solves the equation",
    (p1, e, s, alt, r, a, pw, m) => {
      const d = design(p1, e, s, alt);
      fc.pre(pw > a);
      const plan = sampleSizeTwoProportions({ ...d, ...m, allocationRatio: r, alpha: a, power: pw });
      const at = (k: number) => powerTwoProportions({ ...d, ...m, nControl: k, allocationRatio: r, alpha: a }).power;
      expect(plan.achievedPower).toBeGreaterThanOrEqual(pw - 1e-12);
      expect(at(plan.nControl)).toBeGreaterThanOrEqual(pw - 1e-12);
      if (plan.nControl > 1) expect(at(plan.nControl - 1)).toBeLessThan(pw);
    },
  );

  test.prop([rate, effect, sign, alternative, alpha, target, fc.integer({ min: 2, max: 6 }), method])(
    "Bonferroni with k arms equals the single-arm answer at alpha / k",
    (p1, e, s, alt, a, pw, k, m) => {
      const d = design(p1, e, s, alt);
      fc.pre(pw > a);
      const many = sampleSizeTwoProportions({
        ...d,
        method: m,
        alpha: a,
        power: pw,
        treatmentArms: k,
        multipleComparison: "bonferroni",
      });
      const one = sampleSizeTwoProportions({ ...d, method: m, alpha: a / k, power: pw });
      expect(many.nControlExact).toBe(one.nControlExact);
      expect(many.nTotal).toBe(one.nControl + k * one.nTreatment);
    },
  );

  test.prop([rate, effect, sign, alternative, alpha, target, fc.double({ min: 0, max: 0.9, noNaN: true }), method])(
    "variance reduction f multiplies n by 1 - f",
    (p1, e, s, alt, a, pw, f, m) => {
      const d = design(p1, e, s, alt);
      fc.pre(pw > a);
      const plain = sampleSizeTwoProportions({ ...d, method: m, alpha: a, power: pw });
      const reduced = sampleSizeTwoProportions({ ...d, method: m, alpha: a, power: pw, varianceReduction: f });
      expectClose(reduced.nControlExact, (1 - f) * plain.nControlExact, { rtol: 1e-10 }, "n");
    },
  );

  test.prop([rate, effect, effect, sign, alternative, alpha, target])(
    "required n is non-increasing in |effect| and non-decreasing in power",
    (p1, e1, e2, s, alt, a, pw) => {
      fc.pre(pw > a && pw < 0.985);
      const dHi = design(p1, Math.max(e1, e2), s, alt);
      const dLo = { ...dHi, mde: Math.sign(dHi.mde) * Math.min(e1, e2) };
      const at = (d: typeof dHi, p: number) => sampleSizeTwoProportions({ ...d, alpha: a, power: p }).nControlExact;
      expect(at(dHi, pw)).toBeLessThanOrEqual(at(dLo, pw) * (1 + 1e-10));
      expect(at(dHi, pw + 0.01)).toBeGreaterThanOrEqual(at(dHi, pw) * (1 - 1e-10));
    },
  );
});

describe("mdeTwoProportions (laws)", () => {
  test.prop([rate, fc.integer({ min: 200, max: 5_000_000 }), ratio, alpha, target, fc.constantFrom(1, -1), model])(
    "mde -> n -> mde: the sample size for the MDE is the sample it came from",
    (p1, nn, r, a, pw, s, m) => {
      fc.pre(pw > a);
      let found: ReturnType<typeof mdeTwoProportions>;
      try {
        found = mdeTwoProportions({
          ...m,
          baselineRate: p1,
          nControl: nn,
          allocationRatio: r,
          alpha: a,
          power: pw,
          direction: s > 0 ? "increase" : "decrease",
        });
      } catch (error) {
        expect((error as { code?: string }).code).toBe("NO_SOLUTION");
        return;
      }
      const plan = sampleSizeTwoProportions({
        ...m,
        baselineRate: p1,
        mde: found.mde,
        allocationRatio: r,
        alpha: a,
        power: pw,
      });
      expectClose(plan.nControlExact, nn, { rtol: 1e-8 }, "n");
      expect(Math.sign(found.mde)).toBe(s);
    },
  );
});
