import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { alphaSpending } from "../../src/sequential/alphaSpending.js";
import type { AlphaSpendingOptions } from "../../src/sequential/index.js";

const family: fc.Arbitrary<AlphaSpendingOptions> = fc.oneof(
  fc.constant({ family: "obrien-fleming" as const }),
  fc.constant({ family: "pocock" as const }),
  fc.double({ min: 0.1, max: 6, noNaN: true }).map((rho) => ({ family: "kim-demets" as const, parameter: rho })),
  fc.double({ min: -10, max: 10, noNaN: true }).map((g) => ({ family: "hwang-shih-decani" as const, parameter: g })),
  fc.double({ min: 1.5, max: 5, noNaN: true }).map((c) => ({ family: "haybittle-peto" as const, parameter: c })),
);
const alpha = fc.double({ min: 1e-4, max: 0.5, noNaN: true });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe("alphaSpending (laws)", () => {
  test.prop([family, alpha])("spends 0 at t = 0 and alpha at t = 1", (f, a) => {
    expect(alphaSpending(0, { ...f, alpha: a })).toBe(0);
    expect(alphaSpending(1, { ...f, alpha: a })).toBe(a);
  });

  test.prop([family, alpha, fraction, fraction])("is non-decreasing in t and within [0, alpha]", (f, a, s, t) => {
    const [lo, hi] = s <= t ? [s, t] : [t, s];
    const [x, y] = alphaSpending([lo, hi], { ...f, alpha: a });
    expect(x!).toBeGreaterThanOrEqual(0);
    expect(y!).toBeLessThanOrEqual(a * (1 + 1e-15));
    expect(y!).toBeGreaterThanOrEqual(x! * (1 - 1e-14));
  });
});
