import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { evanMillerSequentialTest } from "../../src/sequential/evanMillerSequentialTest.js";
import { expectClose } from "../helpers/expectClose.js";

describe("evanMillerSequentialTest", () => {
  test("smallest d with exact alpha <= 0.05: N = 100, 500, 1000, 5000 -> 20, 44, 62, 139", () => {
    for (const [n, d] of [
      [100, 20],
      [500, 44],
      [1000, 62],
      [5000, 139],
    ] as const) {
      const r = evanMillerSequentialTest({ maxConversions: n, treatmentConversions: 0, controlConversions: 0 });
      expect(r.threshold).toBe(d);
      expect(r.attainedAlpha).toBeLessThanOrEqual(0.05);
      const looser = evanMillerSequentialTest({
        maxConversions: n,
        threshold: d - 1,
        treatmentConversions: 0,
        controlConversions: 0,
      });
      expect(looser.attainedAlpha).toBeGreaterThan(0.05);
    }
  });

  test("power and alpha with d = ceil(2 sqrt N) (sequential.md §13.2)", () => {
    const a = evanMillerSequentialTest({
      maxConversions: 3000,
      threshold: 110,
      relativeLift: 0.1,
      treatmentConversions: 0,
      controlConversions: 0,
    });
    expectClose(a.attainedPower!, 0.795, { atol: 5e-4 }, "power δ = 0.1");
    expectClose(a.attainedAlpha, 0.045, { atol: 5e-4 }, "alpha N = 3000");
    const b = evanMillerSequentialTest({
      maxConversions: 1000,
      threshold: 64,
      relativeLift: 0.2,
      treatmentConversions: 0,
      controlConversions: 0,
    });
    expectClose(b.attainedPower!, 0.858, { atol: 5e-4 }, "power δ = 0.2");
    expectClose(b.attainedAlpha, 0.043, { atol: 5e-4 }, "alpha N = 1000");
  });

  test("exact alpha agrees with a direct random-walk computation (N = 200, d = 30)", () => {
    // Dynamic programming over the walk, absorbing at +d.
    const n = 200;
    const d = 30;
    let dist = new Map<number, number>([[0, 1]]);
    let absorbed = 0;
    for (let step = 0; step < n; step++) {
      const next = new Map<number, number>();
      for (const [x, p] of dist) {
        for (const y of [x + 1, x - 1]) {
          if (y >= d) absorbed += p / 2;
          else next.set(y, (next.get(y) ?? 0) + p / 2);
        }
      }
      dist = next;
    }
    const r = evanMillerSequentialTest({
      maxConversions: n,
      threshold: d,
      treatmentConversions: 0,
      controlConversions: 0,
    });
    expectClose(r.attainedAlpha, absorbed, { rtol: 1e-12 }, "alpha");
  });

  test("documented example and decisions", () => {
    const r = evanMillerSequentialTest({ maxConversions: 1000, treatmentConversions: 40, controlConversions: 20 });
    expect(r).toMatchObject({ threshold: 62, decision: "continue" });
    expectClose(r.attainedAlpha, 0.0497, { atol: 5e-4 }, "alpha");
    const design = evanMillerSequentialTest({ relativeLift: 0.2, power: 0.8 });
    expect(design).toMatchObject({ maxConversions: 821, threshold: 57 });
    expectClose(design.attainedPower!, 0.80121, { atol: 5e-6 }, "power");
    expect(design.attainedPower!).toBeGreaterThanOrEqual(0.8);
    expect(design.decision).toBeUndefined();
    expect(
      evanMillerSequentialTest({ maxConversions: 1000, treatmentConversions: 100, controlConversions: 38 }).decision,
    ).toBe("treatment wins");
    expect(
      evanMillerSequentialTest({ maxConversions: 100, treatmentConversions: 55, controlConversions: 45 }).decision,
    ).toBe("no winner");
  });

  const bad = (o: unknown): string => {
    try {
      evanMillerSequentialTest(o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };

  test("rejects bad input", () => {
    expect(bad({})).toBe("evanMillerSequentialTest: options.relativeLift: is required to design the test");
    expect(bad({ treatmentConversions: 3 })).toBe(
      "evanMillerSequentialTest: options.controlConversions: is required with treatmentConversions; options.maxConversions: is required for an analysis (or give relativeLift to design it)",
    );
    expect(bad({ relativeLift: 0.1, threshold: 5 })).toBe(
      "evanMillerSequentialTest: options.threshold: is only used with conversion counts",
    );
    expect(bad({ relativeLift: -0.1 })).toBe("evanMillerSequentialTest: options.relativeLift: must be > 0");
    expect(bad({ maxConversions: 10, threshold: 11, treatmentConversions: 0, controlConversions: 0 })).toBe(
      "evanMillerSequentialTest: options.threshold: must be <= maxConversions",
    );
    expect(bad({ maxConversions: 10.5, treatmentConversions: 0, controlConversions: 0 })).toBe(
      "evanMillerSequentialTest: options.maxConversions: must be an integer",
    );
  });
});
