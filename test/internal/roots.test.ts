import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { brentRoot, expandingBrentRoot } from "../../src/internal/roots.js";

describe("brentRoot(f, a, b)", () => {
  it("finds cos(x) = x to full precision", () => {
    const r = brentRoot((x) => Math.cos(x) - x, 0, 1);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.abs(r.root - 0.7390851332151607)).toBeLessThanOrEqual(2e-16);
  });

  it("returns an endpoint that is already a root", () => {
    expect(brentRoot((x) => x - 2, 2, 5)).toEqual({ ok: true, root: 2, iterations: 0 });
  });

  it("reports a missing sign change instead of guessing", () => {
    expect(brentRoot((x) => x * x + 1, -1, 1)).toEqual({ ok: false, reason: "no-bracket", iterations: 0 });
  });

  it("reports non-convergence when the iteration cap is hit", () => {
    const r = brentRoot((x) => x ** 3 - 2, 0, 10, { maxIterations: 2 });
    expect(r).toMatchObject({ ok: false, reason: "not-converged" });
  });

  test.prop([fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })])(
    "solves a monotone cubic for any root and scale",
    (root, scale) => {
      const f = (x: number) => scale * (x - root) * ((x - root) ** 2 + 1);
      const r = brentRoot(f, root - 10 - Math.abs(root), root + 7 + Math.abs(root));
      expect(r.ok).toBe(true);
      if (r.ok) expect(Math.abs(r.root - root)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(root)));
    },
  );
});

describe("expandingBrentRoot(f, a, b, options)", () => {
  it("widens the start interval until it brackets the root", () => {
    const r = expandingBrentRoot((x) => x - 12345.678, 0, 1);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.root).toBeCloseTo(12345.678, 9);
  });

  it("approaches a finite limit geometrically without crossing it", () => {
    const seen: number[] = [];
    const r = expandingBrentRoot(
      (x) => {
        seen.push(x);
        return Math.log(x) + 40;
      },
      1,
      2,
      { lowerLimit: 0 },
    );
    expect(seen.every((x) => x > 0)).toBe(true);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.abs(r.root / Math.exp(-40) - 1)).toBeLessThan(1e-12);
  });

  it("gives up with no-bracket when f never changes sign", () => {
    expect(expandingBrentRoot((x) => x * x + 1, 0, 1, { maxExpansions: 20 })).toMatchObject({
      ok: false,
      reason: "no-bracket",
    });
  });
});
