import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { groupSequentialDesign } from "../../src/sequential/groupSequentialDesign.js";
import { expectClose } from "../helpers/expectClose.js";

// Designs are built once (a few milliseconds each); the properties sample plans around them.
const designs = [
  groupSequentialDesign({ kMax: 3 }),
  groupSequentialDesign({ kMax: 4, alpha: 0.05, sided: 2, spending: { family: "pocock" } }),
  groupSequentialDesign({ kMax: 5, classical: "obrien-fleming" }),
  groupSequentialDesign({ kMax: 3, power: 0.9, futility: { family: "kim-demets", parameter: 2 } }),
];
const design = fc.constantFrom(...designs);
const rate = fc.double({ min: 0.01, max: 0.6, noNaN: true });
const lift = fc.double({ min: 0.05, max: 0.5, noNaN: true });
const sign = fc.constantFrom(1, -1);
const ratio = fc.double({ min: 0.25, max: 4, noNaN: true });
const arms = fc.integer({ min: 1, max: 3 });

describe("sequential sample sizes (laws)", () => {
  test.prop([design, rate, lift, sign, ratio, arms])(
    "max = ⌈fixed × IF⌉ ≥ fixed, looks grow to the max, E[N] ≤ max total",
    (d, p1, e, s, r, k) => {
      const plan = sampleSizeTwoProportions({
        baselineRate: p1,
        mde: s * e,
        allocationRatio: r,
        treatmentArms: k,
        sequential: d,
      });
      const q = plan.sequential!;
      expect(q.inflationFactor).toBeGreaterThanOrEqual(1);
      expect(q.nControlMax).toBeGreaterThanOrEqual(plan.nControl);
      expectClose(q.nControlMaxExact, plan.nControlExact * d.inflationFactor, { rtol: 1e-15 }, "max");
      expect(q.nControlMax - q.nControlMaxExact).toBeLessThan(1);
      expect(q.nControlMax).toBeGreaterThanOrEqual(q.nControlMaxExact * (1 - 1e-12));
      for (let i = 1; i < q.looks.length; i++)
        expect(q.looks[i]!.nTotal).toBeGreaterThanOrEqual(q.looks[i - 1]!.nTotal);
      expect(q.looks.at(-1)!.nTotal).toBe(q.nTotalMax);
      for (const v of [q.expectedTotal.h0, q.expectedTotal.h1, q.expectedTotal.halfway]) {
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThanOrEqual(q.nControlMaxExact + k * q.nTreatmentMaxExact + 1e-9);
      }
      expect(plan.alternative === "two-sided").toBe(d.sided === 2);
    },
  );

  test.prop([design, fc.double({ min: 0.05, max: 3, noNaN: true }), sign])(
    "means: the z-test maximum scales as 1/δ² like the fixed size",
    (d, delta, s) => {
      const a = sampleSizeTwoMeans({ sd: 1, mde: s * delta, test: "z", sequential: d });
      const b = sampleSizeTwoMeans({ sd: 1, mde: (s * delta) / 2, test: "z", sequential: d });
      expectClose(b.sequential!.nControlMaxExact, 4 * a.sequential!.nControlMaxExact, { rtol: 1e-9 }, "1/δ²");
    },
  );
});
