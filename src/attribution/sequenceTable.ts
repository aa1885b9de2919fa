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
  /** Open addressing, two ints per slot: id (−1 when empty) and hash, so a probe reads one cache line. */
  private slots: Int32Array = emptySlots(1024);

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
    const mask = (slots.length >> 1) - 1;
    const items = this.items.data;
    const offsets = this.offsets.data;
    const len = to - from;
    let slot = h & mask;
    for (;;) {
      const id = slots[2 * slot]!;
      if (id < 0) break;
      if (slots[2 * slot + 1] === h) {
        const start = offsets[id]!;
        if (offsets[id + 1]! - start === len) {
          let same = true;
          for (let i = 0; i < len; i++) {
            if (items[start + i] !== source[from + i]) {
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
    for (let i = from; i < to; i++) this.items.push(source[i]!);
    this.offsets.push(this.items.length);
    slots[2 * slot] = id;
    slots[2 * slot + 1] = h;
    if (4 * (id + 1) > slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = emptySlots(old.length);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k]! < 0) continue;
      let slot = old[k + 1]! & mask;
      while (slots[2 * slot]! >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[k]!;
      slots[2 * slot + 1] = old[k + 1]!;
    }
    this.slots = slots;
  }
}

/** A slot array of `2·capacity` ints, all empty. */
function emptySlots(capacity: number): Int32Array {
  const slots = new Int32Array(2 * capacity);
  for (let k = 0; k < slots.length; k += 2) slots[k] = -1;
  return slots;
}

/**
 * Interns exact integers (0 ≤ key ≤ 2^53 − 1), giving each distinct key a dense id in order of first
 * insertion.
 *
 * @internal
 */
export class NumberTable {
  /** Open addressing, two doubles per slot: key and id (−1 when empty), so a probe reads one cache line. */
  private slots: Float64Array = emptyNumberSlots(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of `key`, adding it when new. */
  intern(key: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hashNumber(key) & mask;
    for (;;) {
      const id = slots[2 * slot + 1]!;
      if (id < 0) break;
      if (slots[2 * slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    slots[2 * slot] = key;
    slots[2 * slot + 1] = id;
    if (4 * this.count > slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = emptyNumberSlots(old.length);
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1]! < 0) continue;
      let slot = hashNumber(old[k]!) & mask;
      while (slots[2 * slot + 1]! >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[k]!;
      slots[2 * slot + 1] = old[k + 1]!;
    }
    this.slots = slots;
  }
}

function emptyNumberSlots(capacity: number): Float64Array {
  const slots = new Float64Array(2 * capacity);
  for (let k = 1; k < slots.length; k += 2) slots[k] = -1;
  return slots;
}

/** Mixes the low and high 32 bits of an exact integer. */
function hashNumber(key: number): number {
  let h = Math.imul(key >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
