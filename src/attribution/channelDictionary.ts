/**
 * Channel names interned in order of first appearance, and a scanner that turns a path string into
 * channel ids without splitting it: names are hashed from their character codes and verified in
 * place, so a million path strings cost no substring, array or `Map` lookup per touch.
 *
 * @internal
 * @packageDocumentation
 */

/** Whether `code` is removed by `String.prototype.trim` (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

/** Hash of `text[from .. to)` by character codes. */
function hashRange(text: string, from: number, to: number): number {
  let h = (to - from) | 0;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h;
}

/** Result codes of {@link ChannelDictionary.scan} (a non-negative result is the touch count). @internal */
export const SCAN_EMPTY_PATH = -1;

/**
 * Channel names by id (first appearance) with lookups by name and by path string.
 *
 * @internal
 */
export class ChannelDictionary {
  /** Names by id (trimmed). */
  readonly names: string[] = [];
  /** Scratch output of {@link scan}: the ids of the last scanned path. */
  ids: Int32Array = new Int32Array(64);
  private readonly byName = new Map<string, number>();
  private hashes: number[] = [];
  private slots: Int32Array = new Int32Array(256).fill(-1);

  /** The id of a name given as an array element (trimmed; untrimmed spellings remembered). -1 if empty. */
  idOf(raw: string): number {
    let id = this.byName.get(raw);
    if (id !== undefined) return id;
    const name = raw.trim();
    if (name === "") return -1;
    id = this.byName.get(name);
    if (id === undefined) id = this.add(name, hashRange(name, 0, name.length));
    if (name !== raw) this.byName.set(raw, id);
    return id;
  }

  /**
   * Splits `path` on `separator`, trims each name and writes the ids to {@link ids}. Returns the
   * number of touches, {@link SCAN_EMPTY_PATH} for an empty string, or −(2 + i) when name i is empty.
   */
  scan(path: string, separator: string): number {
    const n = path.length;
    if (n === 0) return SCAN_EMPTY_PATH;
    const sep0 = separator.charCodeAt(0);
    const sepLength = separator.length;
    let count = 0;
    let start = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && (path.charCodeAt(i) !== sep0 || (sepLength > 1 && !path.startsWith(separator, i)))) continue;
      let a = start;
      let b = i;
      while (a < b && isTrimmed(path.charCodeAt(a))) a++;
      while (b > a && isTrimmed(path.charCodeAt(b - 1))) b--;
      if (a === b) return -2 - count;
      if (count === this.ids.length) {
        const next = new Int32Array(2 * count);
        next.set(this.ids);
        this.ids = next;
      }
      this.ids[count++] = this.lookup(path, a, b);
      i += sepLength - 1;
      start = i + 1;
    }
    return count;
  }

  private lookup(text: string, a: number, b: number): number {
    const h = hashRange(text, a, b);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.hashes[id] === h) {
        const name = this.names[id]!;
        if (name.length === b - a && text.startsWith(name, a)) return id;
      }
      slot = (slot + 1) & mask;
    }
    return this.add(text.slice(a, b), h);
  }

  private add(name: string, h: number): number {
    const id = this.names.length;
    this.names.push(name);
    this.hashes.push(h);
    this.byName.set(name, id);
    if (2 * (id + 1) > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2).fill(-1);
      const mask = slots.length - 1;
      for (let k = 0; k <= id; k++) {
        let slot = this.hashes[k]! & mask;
        while (slots[slot]! >= 0) slot = (slot + 1) & mask;
        slots[slot] = k;
      }
      this.slots = slots;
    } else {
      const mask = this.slots.length - 1;
      let slot = h & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
    return id;
  }
}
