import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/internal/prng.js";

describe("createRandom(seed)", () => {
  it("is reproducible from its seed and differs between nearby seeds", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it("draws uniforms in [0, 1) with the right mean and variance", () => {
    const r = createRandom(7);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      sumSq += u * u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const mean = sum / n;
    // Standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(2e-3);
  });

  it("draws every residue of nextInt about equally often", () => {
    const r = createRandom(11);
    const counts = new Array(6).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[r.nextInt(6)]++;
    // Chi-square with 5 df: 20.5 is its 0.999 quantile.
    const chi = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi).toBeLessThan(20.5);
  });

  it("draws standard normal deviates", () => {
    const r = createRandom(3);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
});
