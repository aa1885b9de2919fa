import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { adjustPValues, type PValueAdjustmentName } from "../../src/significance/adjustPValues.js";
import { expectClose } from "../helpers/expectClose.js";
import { listFixtures, loadFixture, num } from "../helpers/fixtures.js";

interface Case {
  readonly name: string;
  readonly input: { pValues: number[]; method: PValueAdjustmentName };
  readonly expected: { adjusted: string[] };
}

describe("adjustPValues conformance", () => {
  for (const path of listFixtures("significance/adjustPValues")) {
    const fixture = loadFixture<Case>(path);
    test(`matches ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const r = adjustPValues(c.input.pValues, c.input.method);
        expect(r.adjustedPValues.length).toBe(c.input.pValues.length);
        r.adjustedPValues.forEach((v, i) => {
          try {
            expectClose(v, num(c.expected.adjusted[i]!), fixture.meta.tolerance, `${c.name}[${i}]`);
          } catch (error) {
            failures.push((error as Error).message);
          }
        });
      }
      expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    });
  }
});

describe("adjustPValues published cases", () => {
  const close = (actual: readonly number[], expected: readonly number[], atol: number) =>
    actual.forEach((v, i) => {
      expectClose(v, expected[i]!, { atol }, `[${i}]`);
    });

  test("GrowthBook G23 (Holm) and G24 (BH)", () => {
    close(
      adjustPValues([0.01, 0.04, 0.03, 0.005, 0.55, 0.6], "holm").adjustedPValues,
      [0.05, 0.12, 0.12, 0.03, 1, 1],
      1e-15,
    );
    close(
      adjustPValues([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138], "benjamini-hochberg").adjustedPValues,
      [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415],
      1e-15,
    );
  });
  test("stdlib J10 and R J11 (the reference file's values)", () => {
    close(
      adjustPValues([0.319, 0.201, 0.4, 0.374, 0.113], "holm").adjustedPValues,
      [0.957, 0.804, 0.957, 0.957, 0.565],
      1e-15,
    );
    close(adjustPValues([0.319, 0.201, 0.4, 0.374, 0.113], "BH").adjustedPValues, [0.4, 0.4, 0.4, 0.4, 0.4], 1e-15);
    const p = [0.008, 0.03, 0.123, 0.6, 0.2];
    close(adjustPValues(p, "BH").adjustedPValues, [0.04, 0.075, 0.205, 0.6, 0.25], 1e-15);
    close(adjustPValues(p, "bonferroni").adjustedPValues, [0.04, 0.15, 0.615, 1, 1], 1e-15);
    close(adjustPValues(p, "holm").adjustedPValues, [0.04, 0.12, 0.369, 0.6, 0.4], 1e-15);
    close(adjustPValues(p, "hochberg").adjustedPValues, [0.04, 0.12, 0.369, 0.6, 0.4], 1e-15);
    close(adjustPValues(p, "hommel").adjustedPValues, [0.04, 0.12, 0.3, 0.6, 0.4], 1e-15);
    close(adjustPValues(p, "BY").adjustedPValues, [0.09133, 0.1712, 0.4681, 1, 0.5708], 5e-5);
  });
});

describe("adjustPValues documented example and results", () => {
  test("documented example", () => {
    expect(
      adjustPValues([0.01, 0.04, 0.03, 0.005, 0.55, 0.6], "holm").adjustedPValues.map((v) => +v.toFixed(10)),
    ).toEqual([0.05, 0.12, 0.12, 0.03, 1, 1]);
    expect(adjustPValues([0.008, 0.03, 0.123, 0.6, 0.2], "BH").adjustedPValues.map((v) => +v.toFixed(10))).toEqual([
      0.04, 0.075, 0.205, 0.6, 0.25,
    ]);
  });
  test("aliases resolve to the same adjustment", () => {
    const p = [0.01, 0.2, 0.03];
    expect(adjustPValues(p, "fdr")).toEqual(adjustPValues(p, "benjamini-hochberg"));
    expect(adjustPValues(p, "BH").adjustment).toBe("benjamini-hochberg");
    expect(adjustPValues(p, "BY")).toEqual(adjustPValues(p, "benjamini-yekutieli"));
    expect(adjustPValues(p, "BY").method).toContain("Benjamini–Yekutieli");
  });
  test("a single p-value is returned unchanged by every method", () => {
    for (const m of ["bonferroni", "holm", "hochberg", "hommel", "BH", "BY", "sidak", "holm-sidak"] as const) {
      expect(adjustPValues([0.02], m).adjustedPValues).toEqual([0.02]);
    }
  });
  test("Float64Array input; tiny p-values keep their digits with Šidák", () => {
    const r = adjustPValues(Float64Array.from([1e-20, 0.5]), "sidak");
    expectClose(r.adjustedPValues[0]!, 2e-20, { rtol: 1e-15 }, "sidak");
  });
});

describe("adjustPValues bad input", () => {
  const rejects = (fn: () => unknown, ...fragments: string[]) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const message = (error as Error).message;
      expect(message.startsWith("adjustPValues: ")).toBe(true);
      for (const f of fragments) expect(message).toContain(f);
      return;
    }
    throw new Error("did not throw");
  };
  test("p-values outside [0, 1], NaN, non-numbers: every bad index named", () => {
    rejects(
      () => adjustPValues([0.1, 1.2, -0.1, Number.NaN], "holm"),
      "pValues.1: must be a number in [0, 1]",
      "pValues.2: must be a number in [0, 1]",
      "pValues.3: must be a number in [0, 1]",
    );
    rejects(() => adjustPValues([0.1, "0.2" as unknown as number], "holm"), "pValues.1: must be a number in [0, 1]");
  });
  test("empty or not an array", () => {
    rejects(() => adjustPValues([], "holm"), "pValues: must hold at least 1 p-value");
    rejects(() => adjustPValues(0.1 as unknown as number[], "holm"), "pValues: must be an array of p-values");
  });
  test("unknown method", () => {
    rejects(() => adjustPValues([0.1], "fwer" as "holm"), 'method: must be one of "bonferroni", "holm"');
  });
});
