import { describe, expect, test } from "vitest";
import { normalizeJourneys } from "../../src/attribution/journeyTable.js";
import { buildMarkovGraph } from "../../src/attribution/markovGraph.js";
import { Extrapolation, solveRemovalEffects } from "../../src/attribution/markovSolve.js";
import type { Journey } from "../../src/attribution/types.js";
import { createRandom } from "../../src/internal/prng.js";
import { expectClose } from "../helpers/expectClose.js";

/**
 * Iterates x ← M·x + c for a diagonal M (one lane per entry of `lanes`, modes interleaved as the
 * solver interleaves lanes) the way the solver does, until every change norm is below `tolerance`.
 */
function iterate(
  diagonals: readonly (readonly number[])[],
  extrapolate: boolean,
  tolerance = 1e-14,
): { x: Float64Array; sweeps: number; fixed: Float64Array } {
  const lanes = diagonals.length;
  const modes = diagonals[0]!.length;
  const x = new Float64Array(lanes * modes);
  const c = new Float64Array(lanes * modes);
  const fixed = new Float64Array(lanes * modes);
  for (let k = 0; k < modes; k++) {
    for (let b = 0; b < lanes; b++) {
      const m = diagonals[b]![k]!;
      c[k * lanes + b] = 1 + k;
      fixed[k * lanes + b] = (1 + k) / (1 - m);
    }
  }
  const norms = new Float64Array(lanes);
  const targets = new Float64Array(lanes).fill(tolerance);
  const previous = new Float64Array(x.length);
  const ext = new Extrapolation(lanes);
  const sweep = (): void => {
    norms.fill(0);
    for (let k = 0; k < modes; k++) {
      for (let b = 0; b < lanes; b++) {
        const i = k * lanes + b;
        const a = diagonals[b]![k]! * x[i]! + c[i]!;
        norms[b] = norms[b]! + Math.abs(a - x[i]!);
        x[i] = a;
      }
    }
  };
  let sweeps = 0;
  for (;;) {
    if (++sweeps > 1000) throw new Error("no convergence");
    const due = extrapolate && ext.due(norms, targets);
    if (due) previous.set(x);
    sweep();
    if (due ? ext.apply(x, previous, norms) : ext.record(norms)) continue;
    if (norms.every((d) => d <= tolerance)) return { x, sweeps, fixed };
  }
}

describe("Extrapolation", () => {
  test("removes a dominant mode: far fewer sweeps to the same fixed point", () => {
    const plain = iterate([[0.6, 0.05]], false);
    const fast = iterate([[0.6, 0.05]], true);
    for (let i = 0; i < fast.x.length; i++) expectClose(fast.x[i]!, fast.fixed[i]!, { rtol: 1e-13 });
    expect(plain.sweeps).toBeGreaterThan(60);
    expect(fast.sweeps).toBeLessThan(plain.sweeps / 2);
  });

  test("lanes with different rates are extrapolated independently", () => {
    const fast = iterate(
      [
        [0.8, 0.1],
        [0.3, 0.02],
        [0.05, 0.01],
      ],
      true,
    );
    for (let i = 0; i < fast.x.length; i++) expectClose(fast.x[i]!, fast.fixed[i]!, { rtol: 1e-13 });
    expect(fast.sweeps).toBeLessThan(iterate([[0.8, 0.1]], false).sweeps / 2);
  });

  test("a lane whose extrapolation made things worse is left to plain sweeps", () => {
    // A negative eigenvalue (impossible for the solver's nonnegative sweeps): the norm ratio 0.5 is
    // steady but the extrapolation moves the wrong way; the lane is then switched off.
    const r = iterate([[-0.5, 0.01]], true);
    for (let i = 0; i < r.x.length; i++) expectClose(r.x[i]!, r.fixed[i]!, { rtol: 1e-13 });
    expect(r.sweeps).toBeLessThan(iterate([[-0.5, 0.01]], false).sweeps + 6);
  });

  test("no extrapolation while the rate is unsettled or above the limit", () => {
    const ext = new Extrapolation(1);
    const targets = [1e-12];
    for (const d of [1, 0.5, 0.3, 0.2]) ext.record([d]); // rates 0.5, 0.6, 0.67
    expect(ext.due([0.2], targets)).toBe(false);
    const slow = new Extrapolation(1);
    for (const d of [1, 0.995, 0.990025]) slow.record([d]); // rate 0.995 twice
    expect(slow.due([0.990025], targets)).toBe(false);
    const near = new Extrapolation(1);
    for (const d of [1, 0.5, 0.25]) near.record([d]);
    expect(near.due([0.25], [0.1])).toBe(false); // two plain sweeps reach the target
    expect(near.due([0.25], [0.01])).toBe(true);
  });
});

/** Seeded journeys over `channels` channels with a sticky random successor (long cyclic paths). */
function journeys(rows: number, channels: number, seed: number): Journey[] {
  const random = createRandom(seed);
  const out: Journey[] = [];
  for (let r = 0; r < rows; r++) {
    let c = random.nextInt(channels);
    const path = [`c${c}`];
    while (random.next() > 0.2 && path.length < 30) {
      c = random.next() < 0.6 ? (c + 1 + random.nextInt(2)) % channels : random.nextInt(channels);
      path.push(`c${c}`);
    }
    const converted = random.next() < 0.1 + (0.5 * c) / channels;
    out.push({ path, conversions: converted ? 1 : 0, nulls: converted ? 0 : 1, value: converted ? 1 + c : 0 });
  }
  return out;
}

describe("solveRemovalEffects: iterative (extrapolated Gauss–Seidel) against dense LU", () => {
  for (const [channels, order, seed] of [
    [6, 3, 1],
    [9, 2, 2],
    [5, 4, 3],
  ] as const) {
    test(`${channels} channels, order ${order}`, () => {
      const table = normalizeJourneys("test", journeys(3000, channels, seed), { separator: ">", aggregate: true });
      const g = buildMarkovGraph(table, order, true);
      expect(g.stateCount).toBeGreaterThan(40);
      const dense = solveRemovalEffects(g, table.channels.length, "dense");
      const iterative = solveRemovalEffects(g, table.channels.length, "iterative");
      expect(iterative.iterations).toBeGreaterThan(5); // enough sweeps for the rates to settle
      expectClose(iterative.conversionProbability, dense.conversionProbability, { rtol: 1e-13 });
      expectClose(iterative.expectedValue, dense.expectedValue, { rtol: 1e-13 });
      for (let c = 0; c < table.channels.length; c++) {
        expectClose(iterative.conversionThrough[c]!, dense.conversionThrough[c]!, { rtol: 1e-12, atol: 1e-15 });
        expectClose(iterative.valueThrough[c]!, dense.valueThrough[c]!, { rtol: 1e-12, atol: 1e-15 });
      }
    });
  }
});
