import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { EdgeTable } from "../../src/attribution/markovGraph.js";

describe("EdgeTable", () => {
  test.prop([fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 5000 })])(
    "dense ids in order of first appearance (through several doublings)",
    (pairs) => {
      const table = new EdgeTable();
      const seen = new Map<string, number>();
      for (const [a, b] of pairs) {
        const key = `${a},${b}`;
        if (!seen.has(key)) seen.set(key, seen.size);
        expect(table.intern(a, b)).toBe(seen.get(key));
      }
    },
  );

  test("large state ids (an order-k graph of millions of states)", () => {
    const table = new EdgeTable();
    const big = 2 ** 31 - 2;
    expect(table.intern(big, 0)).toBe(0);
    expect(table.intern(0, big)).toBe(1);
    expect(table.intern(big, big)).toBe(2);
    expect(table.intern(big, 0)).toBe(0);
  });
});
