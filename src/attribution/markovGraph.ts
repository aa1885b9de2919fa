/**
 * The Markov-chain graph of ChannelAttribution's semantics, built from a journey table: order-k
 * windows, consecutive duplicate states collapsed, `(start)`, `(conversion)` and `(null)` states,
 * edge weights y + n.
 *
 * @internal
 * @packageDocumentation
 */
import type { JourneyTable } from "./journeyTable.js";
import { FloatBuffer, IntBuffer, NumberTable, SequenceTable } from "./sequenceTable.js";

/** The transient part of the chain and its absorbing rates. State 0 is `(start)`. @internal */
export interface MarkovGraph {
  readonly order: number;
  /** Number of transient states (start + channel states). */
  readonly stateCount: number;
  /** Channel ids of each state (index 0, start, has none). */
  readonly stateChannels: readonly Int32Array[];
  /** Transient edges in CSR by source: `edgeTarget[edgeOffsets[s] .. edgeOffsets[s + 1])`. */
  readonly edgeOffsets: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Integer-exact summed weight of each edge. */
  readonly edgeWeight: Float64Array;
  /** Weight of s → (conversion) and s → (null). */
  readonly conversionWeight: Float64Array;
  readonly nullWeight: Float64Array;
  /** Σ value of the rows whose last state is s. */
  readonly endValue: Float64Array;
  /** Total out-weight of each state (0 for a state without outgoing weight). */
  readonly outWeight: Float64Array;
  /** For each channel id, the states containing it. */
  readonly statesOfChannel: readonly Int32Array[];
  /** Length (in collapsed states) of the longest path. */
  readonly maxPathStates: number;
}

/**
 * Builds the graph. Rows with y + n = 0 (n ignored without nulls) contribute nothing.
 *
 * @internal
 */
export function buildMarkovGraph(table: JourneyTable, order: number, includeNulls: boolean): MarkovGraph {
  // State s >= 1 is window s − 1; state 0 is (start).
  const windows = new WindowTable(table.pathChannels, table.channels.length, order);
  const edges = new EdgeTable();
  const edgeWeights = new FloatBuffer();
  // Each row's closing state (−1 for rows without weight); the per-state sums follow the loop, into
  // arrays of the final size (growing buffers would allocate twice that).
  const lastState = new Int32Array(table.rowCount).fill(-1);
  const { pathOffsets, conversions, nulls, values } = table;
  let maxPathStates = 0;

  const stateOf = (start: number, end: number): number => windows.intern(start, end) + 1;
  const addEdge = (a: number, b: number, w: number): void => {
    const e = edges.intern(a, b);
    if (e === edgeWeights.length) edgeWeights.push(w);
    else edgeWeights.data[e] = edgeWeights.data[e]! + w;
  };

  for (let r = 0; r < table.rowCount; r++) {
    const y = conversions[r]!;
    const n = includeNulls ? nulls[r]! : 0;
    const w = y + n;
    if (w === 0) continue;
    const start = pathOffsets[r]!;
    const L = pathOffsets[r + 1]! - start;
    let prev = 0;
    let states = 0;
    if (L <= order) {
      prev = stateOf(start, start + L);
      addEdge(0, prev, w);
      states = 1;
    } else {
      for (let i = 0; i + order <= L; i++) {
        const s = stateOf(start + i, start + i + order);
        if (s === prev) continue; // consecutive identical states collapse
        addEdge(prev, s, w);
        prev = s;
        states++;
      }
    }
    if (states > maxPathStates) maxPathStates = states;
    lastState[r] = prev;
  }

  const stateCount = windows.size + 1;
  const conversionWeight = new Float64Array(stateCount);
  const nullWeight = new Float64Array(stateCount);
  const endValue = new Float64Array(stateCount);
  for (let r = 0; r < table.rowCount; r++) {
    const s = lastState[r]!;
    if (s < 0) continue;
    conversionWeight[s] = conversionWeight[s]! + conversions[r]!;
    nullWeight[s] = nullWeight[s]! + (includeNulls ? nulls[r]! : 0);
    endValue[s] = endValue[s]! + values[r]!;
  }
  // The CSR straight from the table's slots (their order does not matter: rows are sorted below).
  const edgeCount = edgeWeights.length;
  const slots = edges.slots;
  const edgeOffsets = new Int32Array(stateCount + 1);
  for (let k = 0; k < slots.length; k += 3) if (slots[k + 2]! >= 0) edgeOffsets[slots[k]! + 1]!++;
  for (let s = 0; s < stateCount; s++) edgeOffsets[s + 1] = edgeOffsets[s + 1]! + edgeOffsets[s]!;
  const fill = edgeOffsets.slice(0, stateCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeWeight = new Float64Array(edgeCount);
  for (let k = 0; k < slots.length; k += 3) {
    const id = slots[k + 2]!;
    if (id < 0) continue;
    const at = fill[slots[k]!]!++;
    edgeTarget[at] = slots[k + 1]!;
    edgeWeight[at] = edgeWeights.data[id]!;
  }
  // Each state's edges in target order (deterministic output).
  for (let s = 0; s < stateCount; s++) sortEdges(edgeTarget, edgeWeight, edgeOffsets[s]!, edgeOffsets[s + 1]!);
  const outWeight = new Float64Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    let sum = conversionWeight[s]! + nullWeight[s]!;
    for (let e = edgeOffsets[s]!; e < edgeOffsets[s + 1]!; e++) sum += edgeWeight[e]!;
    outWeight[s] = sum;
  }
  const stateChannels: Int32Array[] = [new Int32Array(0)];
  for (let k = 0; k < windows.size; k++) stateChannels.push(windows.channelsOf(k));
  const lists: number[][] = table.channels.map(() => []);
  const mark = new Int32Array(table.channels.length).fill(-1);
  for (let s = 1; s < stateCount; s++) {
    for (const c of stateChannels[s]!) {
      if (mark[c] === s) continue;
      mark[c] = s;
      lists[c]!.push(s);
    }
  }
  return {
    order,
    stateCount,
    stateChannels,
    edgeOffsets,
    edgeTarget,
    edgeWeight,
    conversionWeight,
    nullWeight,
    endValue,
    outWeight,
    statesOfChannel: lists.map((l) => Int32Array.from(l)),
    maxPathStates,
  };
}

/**
 * Interns the windows (order-k states) of the paths. When every window fits one exact integer code
 * (base channelCount + 1, a digit per touch) the codes are interned in a numeric hash table;
 * otherwise the windows go through a {@link SequenceTable}.
 */
class WindowTable {
  private readonly codes: NumberTable | undefined;
  private readonly sequences: SequenceTable | undefined;
  /** Where each window was first seen in `source` (start, end). */
  private readonly spans = new IntBuffer();
  private readonly radix: number;

  constructor(
    private readonly source: Int32Array,
    channelCount: number,
    order: number,
  ) {
    this.radix = channelCount + 1;
    if (this.radix ** order <= Number.MAX_SAFE_INTEGER) this.codes = new NumberTable();
    else this.sequences = new SequenceTable();
  }

  get size(): number {
    return this.spans.length >> 1;
  }

  intern(start: number, end: number): number {
    let id: number;
    if (this.codes !== undefined) {
      let code = 0;
      for (let i = end - 1; i >= start; i--) code = code * this.radix + this.source[i]! + 1;
      id = this.codes.intern(code);
    } else {
      id = this.sequences!.intern(this.source, start, end);
    }
    if (id === this.size) {
      this.spans.push(start);
      this.spans.push(end);
    }
    return id;
  }

  /** A view of the window's channels (no copy). */
  channelsOf(id: number): Int32Array {
    return this.source.subarray(this.spans.data[2 * id]!, this.spans.data[2 * id + 1]!);
  }
}

/**
 * Interns transitions (a, b) between state ids, giving each a dense id in order of first insertion:
 * open addressing with both ends and the id in one slot (three ints), at most half full. That is a
 * quarter of the memory of a general numeric key table, which matters because every 64 MB of typed
 * arrays can trigger a full garbage collection of the caller's (possibly million-row) heap.
 *
 * @internal
 */
export class EdgeTable {
  /** Triples (a, b, id); id −1 marks an empty slot. */
  slots: Int32Array = emptyEdgeSlots(4096);
  private count = 0;

  intern(a: number, b: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let slot = edgeHash(a, b) & mask;
    for (;;) {
      const k = 3 * slot;
      const id = slots[k + 2]!;
      if (id < 0) break;
      if (slots[k] === a && slots[k + 1] === b) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    slots[3 * slot] = a;
    slots[3 * slot + 1] = b;
    slots[3 * slot + 2] = id;
    if (2 * this.count > mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = emptyEdgeSlots((2 * old.length) / 3);
    const mask = slots.length / 3 - 1;
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2]! < 0) continue;
      let slot = edgeHash(old[k]!, old[k + 1]!) & mask;
      while (slots[3 * slot + 2]! >= 0) slot = (slot + 1) & mask;
      slots[3 * slot] = old[k]!;
      slots[3 * slot + 1] = old[k + 1]!;
      slots[3 * slot + 2] = old[k + 2]!;
    }
    this.slots = slots;
  }
}

function edgeHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** `capacity` (a power of two) empty slots. */
function emptyEdgeSlots(capacity: number): Int32Array {
  const slots = new Int32Array(3 * capacity);
  for (let k = 2; k < slots.length; k += 3) slots[k] = -1;
  return slots;
}

/** Sorts one CSR row by target (insertion sort for short rows). */
function sortEdges(target: Int32Array, weight: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => target[a]! - target[b]!);
    const t = order.map((i) => target[i]!);
    const w = order.map((i) => weight[i]!);
    target.set(t, from);
    weight.set(w, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const t = target[i]!;
    const w = weight[i]!;
    let j = i - 1;
    while (j >= from && target[j]! > t) {
      target[j + 1] = target[j]!;
      weight[j + 1] = weight[j]!;
      j--;
    }
    target[j + 1] = t;
    weight[j + 1] = w;
  }
}
