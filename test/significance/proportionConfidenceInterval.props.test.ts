import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { proportionConfidenceInterval } from "../../src/significance/proportionConfidenceInterval.js";
import { expectClose } from "../helpers/expectClose.js";

const data = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const method = fc.constantFrom(
  "wilson" as const,
  "agresti-coull" as const,
  "clopper-pearson" as const,
  "jeffreys" as const,
  "wald" as const,
);
const level = fc.double({ min: 0.5, max: 0.9999, noNaN: true });

describe("proportionConfidenceInterval (laws)", () => {
  test.prop([data, method, level])("bounds lie in [0, 1], are ordered and carry the level", ([x, n], m, lv) => {
    const { confidenceInterval: ci, estimate } = proportionConfidenceInterval(x, n, { method: m, confidenceLevel: lv });
    expect(ci.lower).toBeGreaterThanOrEqual(0);
    expect(ci.upper).toBeLessThanOrEqual(1);
    expect(ci.lower).toBeLessThanOrEqual(ci.upper);
    expect(ci.level).toBe(lv);
    if (m === "wilson" || m === "clopper-pearson" || m === "wald") {
      expect(ci.lower).toBeLessThanOrEqual(estimate + 1e-15);
      expect(ci.upper).toBeGreaterThanOrEqual(estimate - 1e-15);
    }
  });

  test.prop([data, method, level])(
    "relabelling successes and failures reflects the interval: CI(n − x) = 1 − CI(x)",
    ([x, n], m, lv) => {
      const a = proportionConfidenceInterval(x, n, { method: m, confidenceLevel: lv }).confidenceInterval;
      const b = proportionConfidenceInterval(n - x, n, { method: m, confidenceLevel: lv }).confidenceInterval;
      expectClose(b.lower, 1 - a.upper, { rtol: 1e-9, atol: 1e-12 }, "lower");
      expectClose(b.upper, 1 - a.lower, { rtol: 1e-9, atol: 1e-12 }, "upper");
    },
  );

  test.prop([data, method, level, level])("a higher level never narrows the interval", ([x, n], m, l1, l2) => {
    const a = proportionConfidenceInterval(x, n, { method: m, confidenceLevel: Math.min(l1, l2) }).confidenceInterval;
    const b = proportionConfidenceInterval(x, n, { method: m, confidenceLevel: Math.max(l1, l2) }).confidenceInterval;
    expect(b.lower).toBeLessThanOrEqual(a.lower + 1e-12);
    expect(b.upper).toBeGreaterThanOrEqual(a.upper - 1e-12);
  });

  test.prop([data, level])("the Clopper–Pearson interval contains the Jeffreys interval", ([x, n], lv) => {
    // Clopper–Pearson is conservative: it contains the Jeffreys interval (Brown, Cai and DasGupta 2001).
    const cp = proportionConfidenceInterval(x, n, {
      method: "clopper-pearson",
      confidenceLevel: lv,
    }).confidenceInterval;
    const j = proportionConfidenceInterval(x, n, { method: "jeffreys", confidenceLevel: lv }).confidenceInterval;
    expect(cp.lower).toBeLessThanOrEqual(j.lower + 1e-12);
    expect(cp.upper).toBeGreaterThanOrEqual(j.upper - 1e-12);
  });
});
