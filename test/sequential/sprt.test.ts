import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { sprt } from "../../src/sequential/sprt.js";
import { expectClose } from "../helpers/expectClose.js";

describe("sprt", () => {
  test("gsDesign binomialSPRT defaults: x >= 1.159408 + 0.128067 n, x <= -0.970708 + 0.128067 n", () => {
    const r = sprt({ p0: 0.05, p1: 0.25, alpha: 0.1, beta: 0.15, successes: 0, trials: 0 });
    expectClose(r.rejectionBoundary.intercept, 1.159408, { atol: 5e-7 }, "upper intercept");
    expectClose(r.acceptanceBoundary.intercept, -0.970708, { atol: 5e-7 }, "lower intercept");
    expectClose(r.rejectionBoundary.slope, 0.128067, { atol: 5e-7 }, "slope");
    expectClose(r.upperThreshold, Math.log(0.85 / 0.1), { rtol: 1e-15 }, "A");
    expectClose(r.lowerThreshold, Math.log(0.15 / 0.9), { rtol: 1e-15 }, "B");
    expect(r.decision).toBe("continue");
  });

  test("documented example", () => {
    const r = sprt({ p0: 0.05, p1: 0.25, alpha: 0.1, beta: 0.15, successes: [1, 4], trials: [10, 20] });
    expectClose(r.rejectionBoundary.intercept, 1.1594, { atol: 5e-5 }, "intercept");
    expectClose(r.rejectionBoundary.slope, 0.12807, { atol: 5e-6 }, "slope");
    expect(r.decision).toBe("reject");
    expect(r.stoppedAtLook).toBe(2);
    expect(r.looks.map((l) => l.decision)).toEqual(["continue", "reject"]);
  });

  test("the log-likelihood ratio crosses A exactly where successes cross the rejection line", () => {
    const r = sprt({ p0: 0.1, p1: 0.2, successes: 0, trials: 0 });
    for (const n of [10, 50, 200]) {
      const x = r.rejectionBoundary.intercept + r.rejectionBoundary.slope * n;
      const up = sprt({ p0: 0.1, p1: 0.2, successes: Math.ceil(x), trials: n });
      const down = sprt({ p0: 0.1, p1: 0.2, successes: Math.ceil(x) - 1, trials: n });
      if (Math.ceil(x) <= n) expect(up.looks[0]!.decision).toBe("reject");
      expect(down.looks[0]!.decision).not.toBe("reject");
    }
  });

  test("accepts H0 at the lower threshold; p1 < p0 flips the direction", () => {
    expect(sprt({ p0: 0.2, p1: 0.4, successes: 0, trials: 30 }).decision).toBe("accept");
    expect(sprt({ p0: 0.4, p1: 0.2, successes: 0, trials: 30 }).decision).toBe("reject");
  });

  const bad = (o: unknown): string => {
    try {
      sprt(o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };

  test("rejects bad input", () => {
    expect(bad({ p0: 0.1, p1: 0.1, successes: 0, trials: 1 })).toBe("sprt: options.p1: must differ from p0");
    expect(bad({ p0: 0, p1: 0.1, successes: 0, trials: 1 })).toBe("sprt: options.p0: must be > 0");
    expect(bad({ p0: 0.1, p1: 0.2, alpha: 0.6, beta: 0.5, successes: 0, trials: 1 })).toBe(
      "sprt: options.beta: alpha + beta must be < 1",
    );
    expect(bad({ p0: 0.1, p1: 0.2, successes: 5, trials: 4 })).toBe(
      "sprt: options.successes: must be <= trials at every look",
    );
    expect(bad({ p0: 0.1, p1: 0.2, successes: [1, 0], trials: [5, 10] })).toBe(
      "sprt: options.trials: must be cumulative (non-decreasing)",
    );
    expect(bad({ p0: 0.1, p1: 0.2, successes: [1], trials: 5 })).toBe(
      "sprt: options.successes: must have the same shape as trials",
    );
    expect(bad({ p0: 0.1, p1: 0.2, successes: 1.5, trials: 5 })).toContain("sprt: options.successes");
  });
});
