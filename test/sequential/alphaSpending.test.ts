import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { alphaSpending } from "../../src/sequential/alphaSpending.js";
import type { SpendingFamily } from "../../src/sequential/spending.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface SpendingCase {
  readonly t: string;
  readonly family: SpendingFamily;
  readonly alpha: string;
  readonly parameter?: string;
  readonly expected: string;
}

describe("alphaSpending conformance (mpmath, 50 digits)", () => {
  const fixture = loadFixture<SpendingCase>("sequential/alphaSpending/mpmath/spending.json");
  test(`${fixture.cases.length} cases within the stated tolerance`, () => {
    const failures: string[] = [];
    for (const c of fixture.cases) {
      const t = num(c.t);
      const options =
        c.parameter === undefined
          ? { family: c.family, alpha: num(c.alpha) }
          : { family: c.family, alpha: num(c.alpha), parameter: num(c.parameter) };
      // O'Brien–Fleming at t <= 0.01: condition number z²/t up to ~1e3 (see meta.notes).
      const tol = c.family === "obrien-fleming" && t <= 0.01 ? { rtol: 1e-11, atol: 1e-300 } : fixture.meta.tolerance;
      try {
        expectClose(
          alphaSpending(t, options),
          num(c.expected),
          tol,
          `${c.family}(${c.parameter ?? ""}) t=${c.t} α=${c.alpha}`,
        );
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("alphaSpending", () => {
  test("documented example", () => {
    expectClose(alphaSpending(0.5, { family: "obrien-fleming", alpha: 0.025 }), 0.0015253, { atol: 5e-8 }, "OF");
    const p = alphaSpending([0.5, 1], { family: "pocock", alpha: 0.025 });
    expectClose(p[0]!, 0.015503, { atol: 5e-7 }, "pocock 0.5");
    expect(p[1]).toBe(0.025);
    expectClose(alphaSpending(0.5, { family: "hwang-shih-decani", parameter: -4, alpha: 0.025 }), 0.0029801, {
      atol: 5e-8,
    });
  });

  test("rpact alphaSpent of asKD(2), K = 5 (reference table)", () => {
    const v = alphaSpending([0.2, 0.4, 0.6, 0.8, 1], { family: "kim-demets", parameter: 2 });
    [0.001, 0.004, 0.009, 0.016, 0.025].forEach((e, i) => {
      expectClose(v[i]!, e, { rtol: 1e-14 }, `t${i}`);
    });
  });

  test("alpha defaults to 0.025 and arrays map element-wise", () => {
    expect(alphaSpending(1, { family: "pocock" })).toBe(0.025);
    expect(alphaSpending([0, 1], { family: "obrien-fleming" })).toEqual([0, 0.025]);
  });

  test("the O'Brien–Fleming tail keeps relative accuracy at t = 0.1 (not 1 − Φ)", () => {
    // 2(1 − Φ(z_{0.9875}/√0.1)) = 1.361251489229885e−12 (mpmath, 50 digits); the naive 1 − Φ form gives
    // 1.36136e−12 and rpact 3.3.4 reports 1.3612444504929e−12.
    expectClose(alphaSpending(0.1, { family: "obrien-fleming" }), 1.361251489229885e-12, { rtol: 1e-11 });
  });

  test("hwang-shih-decani with gamma = 0 is linear", () => {
    expect(alphaSpending(0.3, { family: "hwang-shih-decani", parameter: 0, alpha: 0.05 })).toBeCloseTo(0.015, 15);
  });

  test("haybittle-peto spends the tail beyond the interim bound before t = 1", () => {
    expectClose(alphaSpending(0.5, { family: "haybittle-peto" }), 0.0013498980316301035, { rtol: 1e-14 });
    expectClose(alphaSpending(0.5, { family: "haybittle-peto", parameter: 2.5 }), 0.0062096653257761331, {
      rtol: 1e-14,
    });
    expect(alphaSpending(0.5, { family: "haybittle-peto", parameter: 1, alpha: 0.025 })).toBe(0.025);
  });

  const bad = (t: unknown, o: unknown): InvalidArgumentError => {
    try {
      alphaSpending(t as number, o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return error as InvalidArgumentError;
    }
    throw new Error("did not throw");
  };

  test("rejects t outside [0, 1]", () => {
    expect(bad(1.5, { family: "pocock" }).message).toBe("alphaSpending: t: must be <= 1");
    expect(bad([0.5, -0.1], { family: "pocock" }).message).toContain("alphaSpending: t");
    expect(bad(Number.NaN, { family: "pocock" }).message).toContain("alphaSpending: t");
    expect(bad("0.5", { family: "pocock" }).message).toBe(
      "alphaSpending: t: must be a number in [0, 1] or an array of such numbers",
    );
  });

  test("rejects alpha outside (0, 0.5]", () => {
    expect(bad(0.5, { family: "pocock", alpha: 0 }).message).toBe("alphaSpending: options.alpha: must be > 0");
    expect(bad(0.5, { family: "pocock", alpha: 0.6 }).message).toBe("alphaSpending: options.alpha: must be <= 0.5");
  });

  test("rejects an unknown family", () => {
    expect(bad(0.5, { family: "lan-demets" }).message).toBe(
      'alphaSpending: options.family: must be one of "obrien-fleming", "pocock", "kim-demets", "hwang-shih-decani", "haybittle-peto"',
    );
  });

  test("rejects a missing, out-of-range or unused parameter", () => {
    expect(bad(0.5, { family: "kim-demets" }).message).toBe(
      'alphaSpending: options.parameter: is required for family "kim-demets"',
    );
    expect(bad(0.5, { family: "hwang-shih-decani" }).message).toBe(
      'alphaSpending: options.parameter: is required for family "hwang-shih-decani"',
    );
    expect(bad(0.5, { family: "kim-demets", parameter: 0 }).message).toBe(
      'alphaSpending: options.parameter: must be > 0 for family "kim-demets"',
    );
    expect(bad(0.5, { family: "haybittle-peto", parameter: -3 }).message).toBe(
      'alphaSpending: options.parameter: must be > 0 for family "haybittle-peto"',
    );
    expect(bad(0.5, { family: "pocock", parameter: 1 }).message).toBe(
      'alphaSpending: options.parameter: is not used by family "pocock"',
    );
  });

  test("rejects unknown option keys and names every bad field at once", () => {
    expect(bad(0.5, { family: "pocock", rho: 2 }).message).toContain("alphaSpending: options");
    const e = bad(2, { family: "pocock", alpha: 1 });
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["t", "options.alpha"]);
  });
});
