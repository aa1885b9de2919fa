/**
 * Growable typed arrays and a hash table interning integer sequences (paths, Markov states,
 * transitions) without building string keys: the hot loops over millions of journeys stay free of
 * per-row allocations.
 *
 * @internal
 * @packageDocumentation
 */

/** A growable Float64Array. @internal */
export class FloatBuffer {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  /** A right-sized view of the contents (no copy: stop pushing once taken). */
  toArray(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A growable Int32Array. @internal */
export class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  /** A right-sized view of the contents (no copy: stop pushing once taken). */
  toArray(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Interns sequences of non-negative integers, giving each distinct sequence a dense id (0, 1, …) in
 * order of first insertion.
 *
 * @internal
 */
export class SequenceTable {
  /** Concatenated sequences; sequence k is `items[offsets[k] .. offsets[k + 1])`. */
  readonly items: IntBuffer = new IntBuffer();
  readonly offsets: IntBuffer = new IntBuffer();
  private slots: Int32Array = new Int32Array(1024).fill(-1);
  private hashes: IntBuffer = new IntBuffer();

  constructor() {
    this.offsets.push(0);
  }

  /** Number of distinct sequences. */
  get size(): number {
    return this.offsets.length - 1;
  }

  /** The id of `source[from .. to)`, adding it when new. */
  intern(source: ArrayLike<number>, from: number, to: number): number {
    let h = (to - from) | 0;
    for (let i = from; i < to; i++) {
      h = Math.imul(h ^ source[i]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
    h ^= h >>> 16;
    const slots = this.slots;
    const mask = slots.length - 1;
    const items = this.items;
    const offsets = this.offsets.data;
    const len = to - from;
    let slot = h & mask;
    for (;;) {
      const id = slots[slot]!;
      if (id < 0) break;
      if (this.hashes.data[id] === h) {
        const start = offsets[id]!;
        if (offsets[id + 1]! - start === len) {
          let same = true;
          for (let i = 0; i < len; i++) {
            if (items.data[start + i] !== source[from + i]) {
              same = false;
              break;
            }
          }
          if (same) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size;
    for (let i = from; i < to; i++) items.push(source[i]!);
    this.offsets.push(items.length);
    this.hashes.push(h);
    slots[slot] = id;
    if (2 * (id + 1) > slots.length) this.grow();
    return id;
  }

  /** Id of the pair (a, b), adding it when new. */
  internPair(a: number, b: number): number {
    this.pair[0] = a;
    this.pair[1] = b;
    return this.intern(this.pair, 0, 2);
  }
  private readonly pair: Int32Array = new Int32Array(2);

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    const hashes = this.hashes.data;
    for (let id = 0; id < this.size; id++) {
      let slot = hashes[id]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
