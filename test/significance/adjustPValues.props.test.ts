import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { adjustPValues } from "../../src/significance/adjustPValues.js";

const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 });
const method = fc.constantFrom(
  "bonferroni" as const,
  "holm" as const,
  "hochberg" as const,
  "hommel" as const,
  "benjamini-hochberg" as const,
  "benjamini-yekutieli" as const,
  "sidak" as const,
  "holm-sidak" as const,
);

describe("adjustPValues (laws)", () => {
  test.prop([pValues, method])("adjusted p-values lie in [p, 1]", (p, m) => {
    const a = adjustPValues(p, m).adjustedPValues;
    a.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(p[i]! * (1 - 1e-15));
      expect(v).toBeLessThanOrEqual(1);
    });
  });
  test.prop([pValues, method])("the adjustment preserves the order of the p-values", (p, m) => {
    const a = adjustPValues(p, m).adjustedPValues;
    for (let i = 0; i < p.length; i++)
      for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(a[i]!).toBeLessThanOrEqual(a[j]!);
  });
  test.prop([pValues, method, fc.integer({ min: 0, max: 2 ** 31 - 1 })])(
    "permuting the input permutes the output (input order is kept)",
    (p, m, seed) => {
      const order = p.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 104729) - ((b * 7919 + seed) % 104729));
      const a = adjustPValues(p, m).adjustedPValues;
      const b = adjustPValues(
        order.map((i) => p[i]!),
        m,
      ).adjustedPValues;
      order.forEach((i, k) => {
        expect(b[k]).toBe(a[i]);
      });
    },
  );
  test.prop([pValues])("power ordering: Hommel <= Hochberg <= Holm <= Bonferroni, BH <= BY", (p) => {
    const get = (m: Parameters<typeof adjustPValues>[1]) => adjustPValues(p, m).adjustedPValues;
    const [hommel, hochberg, holm, bonferroni, bh, by] = [
      get("hommel"),
      get("hochberg"),
      get("holm"),
      get("bonferroni"),
      get("BH"),
      get("BY"),
    ];
    p.forEach((_, i) => {
      expect(hommel[i]!).toBeLessThanOrEqual(hochberg[i]! * (1 + 1e-14));
      expect(hochberg[i]!).toBeLessThanOrEqual(holm[i]! * (1 + 1e-14));
      expect(holm[i]!).toBeLessThanOrEqual(bonferroni[i]! * (1 + 1e-14));
      expect(bh[i]!).toBeLessThanOrEqual(by[i]! * (1 + 1e-14));
    });
  });
});
