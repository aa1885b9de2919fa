import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { ChannelDictionary, SCAN_EMPTY_PATH } from "../../src/attribution/channelDictionary.js";

// Characters that matter to splitting and trimming: separators' pieces, ASCII and Unicode
// whitespace (trimmed by String.prototype.trim), the BOM, and ordinary letters in several scripts.
const pieces = [
  ">",
  "->",
  "-",
  " ",
  "\t",
  "\n",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "\u200b",
  "a",
  "B",
  "é",
  "ソ",
  "__proto__",
  "/",
];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((xs) => xs.join(""));
const separatorArb = fc.constantFrom(">", "->", " > ", "/", "\t");

/**
 * The reference semantics: split, trim, ids in order of first appearance; names before the first
 * empty one are interned (the caller throws for the row anyway).
 */
function reference(path: string, separator: string, seen: string[]): number[] | number {
  if (path === "") return SCAN_EMPTY_PATH;
  const ids: number[] = [];
  for (const raw of path.split(separator)) {
    const name = raw.trim();
    if (name === "") return -2 - ids.length;
    let id = seen.indexOf(name);
    if (id < 0) {
      id = seen.length;
      seen.push(name);
    }
    ids.push(id);
  }
  return ids;
}

describe("ChannelDictionary.scan", () => {
  test.prop([fc.array(textArb, { minLength: 1, maxLength: 6 }), separatorArb])(
    "equals split + trim with ids in order of first appearance",
    (paths, separator) => {
      const dictionary = new ChannelDictionary();
      const seen: string[] = [];
      for (const path of paths) {
        const expected = reference(path, separator, seen);
        const count = dictionary.scan(path, separator);
        expect(dictionary.names).toEqual(seen);
        if (typeof expected === "number") {
          expect(count).toBe(expected);
          continue;
        }
        expect(count).toBe(expected.length);
        expect(Array.from(dictionary.ids.subarray(0, count))).toEqual(expected);
        expect(dictionary.names).toEqual(seen);
      }
    },
  );

  test.prop([fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 300 })])(
    "array names and scanned names share ids (through table growth)",
    (names) => {
      const dictionary = new ChannelDictionary();
      for (const name of names) {
        const id = dictionary.idOf(name);
        const trimmed = name.trim();
        if (trimmed === "") {
          expect(id).toBe(-1);
          continue;
        }
        expect(dictionary.names[id]).toBe(trimmed);
        if (!trimmed.includes(">")) {
          expect(dictionary.scan(trimmed, ">")).toBe(1);
          expect(dictionary.ids[0]).toBe(id);
        }
      }
    },
  );
});
