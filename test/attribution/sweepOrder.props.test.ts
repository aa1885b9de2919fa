import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { NumberTable, SequenceTable } from "../../src/attribution/sequenceTable.js";
import { sweepOrder } from "../../src/attribution/sweepOrder.js";

/** A random weighted digraph in CSR form (edges of each source sorted by target, no duplicates). */
const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), {
      maxLength: 3 * n,
      selector: ([a, b]) => a * n + b,
    })
    .chain((pairs) =>
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: pairs.length, maxLength: pairs.length }).map((w) => {
        const edges = pairs.map(([a, b], i) => ({ a, b, w: w[i]! })).sort((x, y) => x.a - y.a || x.b - y.b);
        const offsets = new Int32Array(n + 1);
        for (const e of edges) offsets[e.a + 1]!++;
        for (let s = 0; s < n; s++) offsets[s + 1] = offsets[s + 1]! + offsets[s]!;
        return {
          n,
          offsets,
          targets: Int32Array.from(edges, (e) => e.b),
          weights: Float64Array.from(edges, (e) => e.w),
        };
      }),
    ),
);

/** reach[a][b]: b is reachable from a by a path of one or more edges. */
function reachability(n: number, offsets: Int32Array, targets: Int32Array): boolean[][] {
  const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let a = 0; a < n; a++) {
    const stack = [a];
    while (stack.length > 0) {
      const s = stack.pop()!;
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        const t = targets[e]!;
        if (!reach[a]![t]) {
          reach[a]![t] = true;
          stack.push(t);
        }
      }
    }
  }
  return reach;
}

describe("sweepOrder", () => {
  test.prop([graphArb])(
    "a permutation; components contiguous and in topological order; cyclic states in [firstCyclic, lastCyclic)",
    ({ n, offsets, targets, weights }) => {
      const o = sweepOrder(offsets, targets, weights);
      expect([...o.states].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (let i = 0; i < n; i++) expect(o.position[o.states[i]!]).toBe(i);
      const reach = reachability(n, offsets, targets);
      const together = (a: number, b: number): boolean => a === b || (reach[a]![b]! && reach[b]![a]!);
      for (let s = 0; s < n; s++) {
        for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
          const t = targets[e]!;
          // An edge points backward only inside a component.
          if (o.position[t]! <= o.position[s]!) expect(together(s, t)).toBe(true);
        }
        // A component occupies consecutive positions.
        for (let t = 0; t < n; t++) {
          if (!together(s, t)) continue;
          const [lo, hi] = [Math.min(o.position[s]!, o.position[t]!), Math.max(o.position[s]!, o.position[t]!)];
          for (let i = lo; i <= hi; i++) expect(together(s, o.states[i]!)).toBe(true);
        }
        const cyclic = reach[s]![s]!;
        const i = o.position[s]!;
        if (cyclic) expect(i >= o.firstCyclic && i < o.lastCyclic).toBe(true);
      }
      if (o.firstCyclic === n) expect(o.lastCyclic).toBe(n);
      else {
        expect(reach[o.states[o.firstCyclic]!]![o.states[o.firstCyclic]!]).toBe(true);
        expect(reach[o.states[o.lastCyclic - 1]!]![o.states[o.lastCyclic - 1]!]).toBe(true);
      }
    },
  );

  test.prop([graphArb])("the same order when the caller passes the in-edges", ({ n, offsets, targets, weights }) => {
    const inOffsets = new Int32Array(n + 1);
    for (const t of targets) inOffsets[t + 1]!++;
    for (let s = 0; s < n; s++) inOffsets[s + 1] = inOffsets[s + 1]! + inOffsets[s]!;
    const fill = inOffsets.slice(0, n);
    const sources = new Int32Array(targets.length);
    const inWeights = new Float64Array(targets.length);
    for (let s = 0; s < n; s++) {
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        const at = fill[targets[e]!]!++;
        sources[at] = s;
        inWeights[at] = weights[e]!;
      }
    }
    const a = sweepOrder(offsets, targets, weights);
    const b = sweepOrder(offsets, targets, weights, { offsets: inOffsets, sources, weights: inWeights });
    expect(Array.from(b.states)).toEqual(Array.from(a.states));
    expect([b.firstCyclic, b.lastCyclic]).toEqual([a.firstCyclic, a.lastCyclic]);
  });

  test.prop([fc.integer({ min: 2, max: 30 })])("a weighted cycle is cut at its lightest edge", (n) => {
    // Cycle 0 → 1 → … → n−1 → 0 with weight 10 except the light edge k → k+1.
    const k = n >> 1;
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => i);
    const targets = Int32Array.from({ length: n }, (_, s) => (s + 1) % n);
    const weights = Float64Array.from({ length: n }, (_, s) => (s === k ? 1 : 10));
    const o = sweepOrder(offsets, targets, weights);
    for (let s = 0; s < n; s++) {
      const backward = o.position[(s + 1) % n]! < o.position[s]!;
      expect(backward).toBe(s === k);
    }
  });
});

describe("NumberTable and SequenceTable", () => {
  test.prop([
    fc.array(
      fc.integer({ min: 0, max: 40 }).map((x) => x * 2 ** 40 + (x % 7)),
      { maxLength: 3000 },
    ),
  ])("NumberTable: dense ids in order of first appearance", (keys) => {
    const table = new NumberTable();
    const seen = new Map<number, number>();
    for (const key of keys) {
      if (!seen.has(key)) seen.set(key, seen.size);
      expect(table.intern(key)).toBe(seen.get(key));
    }
    expect(table.size).toBe(seen.size);
  });

  test.prop([fc.array(fc.array(fc.nat(5), { maxLength: 4 }), { maxLength: 3000 })])(
    "SequenceTable: dense ids in order of first appearance, contents kept",
    (sequences) => {
      const table = new SequenceTable();
      const seen = new Map<string, number>();
      for (const seq of sequences) {
        const key = seq.join(",");
        if (!seen.has(key)) seen.set(key, seen.size);
        expect(table.intern(seq, 0, seq.length)).toBe(seen.get(key));
      }
      expect(table.size).toBe(seen.size);
      for (const [key, id] of seen) {
        const items = Array.from(table.items.data.subarray(table.offsets.data[id]!, table.offsets.data[id + 1]!));
        expect(items.join(",")).toBe(key);
      }
    },
  );
});
