import { describe, expect, test } from "vitest";
import { normalQuantile } from "../../src/distributions/normal.js";
import { InvalidArgumentError, StatsError } from "../../src/errors.js";
import {
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
} from "../../src/sequential/groupSequentialDesign.js";
import { crossingProbabilities, makeLooks } from "../../src/sequential/recursion.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

describe("groupSequentialDesign", () => {
  test("documented example", () => {
    const d = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });
    [3.7103, 2.5114, 1.993].forEach((c, k) => {
      expectClose(d.criticalValues[k]!, c, { atol: 5e-5 }, `c${k + 1}`);
    });
    expectClose(d.inflationFactor, 1.0128, { atol: 5e-5 }, "IF");
    expectClose(d.expectedSampleSize.h1, 0.86557, { atol: 5e-6 }, "ASN");
    expect(d.method).toBe("group sequential design, alpha spending (O'Brien–Fleming type)");
    expect(d.informationRates).toEqual([1 / 3, 2 / 3, 1]);
  });

  test("defaults: 3 looks, O'Brien–Fleming spending, one-sided 0.025, power 0.8", () => {
    const d = groupSequentialDesign();
    expect(d).toMatchObject({ kMax: 3, alpha: 0.025, sided: 1, power: 0.8, spending: { family: "obrien-fleming" } });
    expect(d.futilityBounds).toBeUndefined();
  });

  test("attained alpha equals the spend within 1e-12 (independent recursion)", () => {
    for (const o of [
      { kMax: 5, spending: { family: "pocock" } },
      { kMax: 10, spending: { family: "obrien-fleming" } },
      { kMax: 4, sided: 2, alpha: 0.05, spending: { family: "hwang-shih-decani", parameter: -4 } },
      { kMax: 6, classical: "wang-tsiatis", deltaWT: 0.25 },
    ] as GroupSequentialDesignOptions[]) {
      const d = groupSequentialDesign(o);
      const p = crossingProbabilities(makeLooks(d.informationRates), { sided: d.sided, upper: d.criticalValues }, 0);
      const total = p.upper.reduce((a, b) => a + b, 0) + p.lower.reduce((a, b) => a + b, 0);
      expectClose(total, d.alpha, { atol: 1e-12 }, JSON.stringify(o));
    }
  });

  test("one look is the fixed-sample test", () => {
    const d = groupSequentialDesign({ kMax: 1, alpha: 0.025 });
    expectClose(d.criticalValues[0]!, 1.959963984540054, { ulps: 4 }, "c");
    expectClose(d.inflationFactor, 1, { rtol: 1e-10 }, "IF");
    expectClose(d.expectedSampleSize.h0, 1, { rtol: 1e-10 }, "ASN");
    const two = groupSequentialDesign({ kMax: 1, alpha: 0.05, sided: 2, classical: "pocock" });
    expectClose(two.criticalValues[0]!, 1.959963984540054, { rtol: 1e-12 }, "two-sided c");
  });

  test("naive peeking at ±1.96 (Armitage, McPherson & Rowe 1969)", () => {
    // Two-sided P0(ever |Z_k| >= 1.96), K = 2, 4, 10, 20 equally spaced: 0.0831, 0.1262, 0.1934, 0.2479 as
    // printed (gsDesign test.Deming.gsProb, its r = 18 grid); the converged value at K = 10 is 0.19334.
    for (const [k, expected] of [
      [2, 0.0831],
      [4, 0.1262],
      [10, 0.1934],
      [20, 0.2479],
    ] as const) {
      const t = Array.from({ length: k }, (_, i) => (i + 1) / k);
      const p = crossingProbabilities(makeLooks(t), { sided: 2, upper: t.map(() => 1.96) }, 0);
      const total = p.upper.reduce((a, b) => a + b, 0) + p.lower.reduce((a, b) => a + b, 0);
      expectClose(total, expected, { atol: 1e-4 }, `K=${k}`);
    }
  });

  test("binding vs non-binding futility (rpact asOF, K = 3, beta spending asOF)", () => {
    const nb = groupSequentialDesign({ kMax: 3, futility: { family: "obrien-fleming" } });
    const b = groupSequentialDesign({ kMax: 3, futility: { family: "obrien-fleming", binding: true } });
    [3.7103, 2.5114, 1.993].forEach((c, k) => {
      expectClose(nb.criticalValues[k]!, c, { atol: 5e-5 }, `nb c${k + 1}`);
    });
    [3.7103, 2.5111, 1.9309].forEach((c, k) => {
      expectClose(b.criticalValues[k]!, c, { atol: 5e-5 }, `b c${k + 1}`);
    });
    [-0.2361, 1.1704].forEach((c, k) => {
      expectClose(nb.futilityBounds![k]!, c, { atol: 5e-5 }, `nb f${k + 1}`);
    });
    [-0.27, 1.1225].forEach((c, k) => {
      expectClose(b.futilityBounds![k]!, c, { atol: 5e-5 }, `b f${k + 1}`);
    });
    expectClose(nb.inflationFactor, 1.1043, { atol: 5e-5 }, "nb IF");
    expectClose(b.inflationFactor, 1.0608, { atol: 5e-5 }, "b IF");
    expect(nb.futility).toEqual({ family: "obrien-fleming", binding: false });
    expectClose(nb.powerByLook[2]!, 0.8, { atol: 1e-10 }, "power");
  });

  test("two-sided futility: inner region |Z| < a_k where the one-sided design at alpha/2 has one (rpact)", () => {
    // sequential.md §16.2: K = 3 asOF + bsOF, two-sided 0.05, β = 0.2: futility NA, 1.1150; IF 1.0770;
    // cumulative power 0.0211, 0.4457, 0.8000.
    const d = groupSequentialDesign({ kMax: 3, alpha: 0.05, sided: 2, futility: { family: "obrien-fleming" } });
    expect(d.futilityBounds![0]).toBe(0);
    expectClose(d.futilityBounds![1]!, 1.115, { atol: 5e-5 }, "a2");
    expectClose(d.inflationFactor, 1.077, { atol: 5e-5 }, "IF");
    [0.0211, 0.4457, 0.8].forEach((p, k) => {
      expectClose(d.powerByLook[k]!, p, { atol: 5e-5 }, `power ${k + 1}`);
    });
    expect(d.betaSpent![0]).toBe(0);
    expectClose(d.betaSpent![2]!, 0.2, { rtol: 1e-14 }, "beta");
  });

  test("Haybittle–Peto: interim bounds 3, also as a spending family with another interim bound", () => {
    const d = groupSequentialDesign({ kMax: 3, classical: "haybittle-peto" });
    expect(d.criticalValues.slice(0, 2)).toEqual([3, 3]);
    expectClose(d.criticalValues[2]!, 1.9750976318378508, { atol: 1e-6 }, "final (rpact)");
    const s = groupSequentialDesign({ kMax: 3, spending: { family: "haybittle-peto", parameter: 3 } });
    expect(s.criticalValues).toEqual(d.criticalValues);
    const e = groupSequentialDesign({ kMax: 2, spending: { family: "haybittle-peto", parameter: 2.5 } });
    expect(e.criticalValues[0]).toBe(2.5);
  });

  test("Haybittle–Peto interim bounds that spend more than alpha have no solution", () => {
    const run = () =>
      groupSequentialDesign({ kMax: 4, alpha: 0.01, spending: { family: "haybittle-peto", parameter: 2 } });
    expect(run).toThrow(StatsError);
    expect(run).toThrow("groupSequentialDesign: the interim bounds alone spend more than alpha");
  });

  const bad = (o: unknown): InvalidArgumentError => {
    try {
      groupSequentialDesign(o as GroupSequentialDesignOptions);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return error as InvalidArgumentError;
    }
    throw new Error("did not throw");
  };

  test("rejects information rates that are not increasing in (0, 1] or do not end at 1", () => {
    expect(bad({ informationRates: [0.5, 0.4, 1] }).message).toBe(
      "groupSequentialDesign: options.informationRates: must be strictly increasing",
    );
    expect(bad({ informationRates: [0, 0.5, 1] }).message).toBe(
      "groupSequentialDesign: options.informationRates.0: must be > 0",
    );
    expect(bad({ informationRates: [0.5, 1.2] }).message).toContain("options.informationRates.1: must be <= 1");
    expect(bad({ informationRates: [0.5, 0.8] }).message).toBe(
      "groupSequentialDesign: options.informationRates: must end at 1 (the planned maximum information)",
    );
    expect(bad({ kMax: 2, informationRates: [0.5, 0.8, 1] }).message).toBe(
      "groupSequentialDesign: options.informationRates: must have kMax = 2 entries",
    );
  });

  test("rejects alpha outside (0, 0.5], kMax > 20, unknown families and missing parameters", () => {
    expect(bad({ alpha: 0 }).message).toBe("groupSequentialDesign: options.alpha: must be > 0");
    expect(bad({ alpha: 0.6 }).message).toBe("groupSequentialDesign: options.alpha: must be <= 0.5");
    expect(bad({ kMax: 21 }).message).toBe("groupSequentialDesign: options.kMax: must be <= 20");
    expect(bad({ kMax: 2.5 }).message).toBe("groupSequentialDesign: options.kMax: must be an integer");
    expect(bad({ spending: { family: "lan-demets" } }).message).toContain(
      'groupSequentialDesign: options.spending.family: must be one of "obrien-fleming"',
    );
    expect(bad({ spending: { family: "kim-demets" } }).message).toBe(
      'groupSequentialDesign: options.spending.parameter: is required for family "kim-demets"',
    );
    expect(bad({ futility: { family: "hwang-shih-decani" } }).message).toBe(
      'groupSequentialDesign: options.futility.parameter: is required for family "hwang-shih-decani"',
    );
    expect(bad({ classical: "triangular" }).message).toContain(
      "groupSequentialDesign: options.classical: must be one of",
    );
  });

  test("rejects conflicting options", () => {
    expect(bad({ classical: "pocock", spending: { family: "pocock" } }).message).toBe(
      "groupSequentialDesign: options.classical: cannot be combined with spending",
    );
    expect(bad({ classical: "wang-tsiatis" }).message).toBe(
      'groupSequentialDesign: options.deltaWT: is required for classical "wang-tsiatis"',
    );
    expect(bad({ deltaWT: 0.2 }).message).toBe(
      'groupSequentialDesign: options.deltaWT: is only used by classical "wang-tsiatis"',
    );
    expect(bad({ classical: "pocock", futility: { family: "pocock" } }).message).toContain(
      "options.futility: needs an alpha-spending design",
    );
    expect(bad({ sided: 3 }).message).toBe("groupSequentialDesign: options.sided: must be 1 or 2");
    expect(bad({ power: 0.01 }).message).toBe("groupSequentialDesign: options.power: must exceed the one-sided alpha");
    expect(bad({ kmax: 3 }).message).toContain("groupSequentialDesign: options");
  });
});

describe("groupSequentialDesign vs mpmath (two looks, exact 1-D integral)", () => {
  interface TwoLookCase {
    readonly family: GroupSequentialDesignOptions["spending"] extends infer S
      ? S extends { family: infer F }
        ? F
        : never
      : never;
    readonly parameter?: number;
    readonly sided: 1 | 2;
    readonly alpha: number;
    readonly informationRates: readonly number[];
    readonly expected: { readonly c1: string; readonly c2: string };
  }
  const fixture = loadFixture<TwoLookCase>("sequential/groupSequentialDesign/mpmath/twoLooks.json");
  for (const c of fixture.cases) {
    test(`${c.family}${c.parameter ?? ""} sided ${c.sided} alpha ${c.alpha} t = ${c.informationRates.join(", ")}`, () => {
      const spending = c.parameter === undefined ? { family: c.family } : { family: c.family, parameter: c.parameter };
      const d = groupSequentialDesign({
        informationRates: c.informationRates,
        sided: c.sided,
        alpha: c.alpha,
        spending,
      });
      expectClose(d.criticalValues[0]!, num(c.expected.c1), fixture.meta.tolerance, "c1");
      expectClose(d.criticalValues[1]!, num(c.expected.c2), fixture.meta.tolerance, "c2");
    });
  }
});

describe("groupSequentialDesign vs Jennison & Turnbull tables (gsDesign test-base.R; x100 ratios to 1 decimal)", () => {
  // [options, IF, E[N] θ = 0, θ = δ/2, θ = δ, c_K]
  const rows: [GroupSequentialDesignOptions, number, number, number, number, number][] = [
    [{ kMax: 5, sided: 2, alpha: 0.05, power: 0.8, classical: "obrien-fleming" }, 102.8, 102.1, 97.9, 81.8, 2.04],
    [{ kMax: 20, sided: 2, alpha: 0.05, power: 0.9, classical: "obrien-fleming" }, 104.5, 103.4, 95.5, 70.3, 2.126],
    [{ kMax: 4, sided: 2, alpha: 0.05, power: 0.8, classical: "pocock" }, 120.2, 117.5, 108.8, 80.5, 2.361],
    [{ kMax: 15, sided: 2, alpha: 0.05, power: 0.9, classical: "pocock" }, 130.5, 126.4, 111.2, 66.4, 2.626],
    [
      { kMax: 3, sided: 2, alpha: 0.05, power: 0.8, spending: { family: "kim-demets", parameter: 1 } },
      111.7,
      109.9,
      103.4,
      81.2,
      2.2,
    ],
    [
      { kMax: 10, sided: 2, alpha: 0.05, power: 0.8, spending: { family: "kim-demets", parameter: 2 } },
      108.1,
      106.6,
      99.7,
      76.2,
      2.174,
    ],
    [
      { kMax: 9, sided: 2, alpha: 0.05, power: 0.9, classical: "wang-tsiatis", deltaWT: 0.1 },
      104.8,
      103.7,
      95.8,
      70.3,
      2.113,
    ],
    [
      { kMax: 6, sided: 2, alpha: 0.05, power: 0.8, classical: "wang-tsiatis", deltaWT: 0.25 },
      107.7,
      106.3,
      99.9,
      77.8,
      2.154,
    ],
    [
      { kMax: 7, sided: 2, alpha: 0.05, power: 0.8, classical: "wang-tsiatis", deltaWT: 0.4 },
      115.9,
      113.5,
      105.0,
      77.1,
      2.313,
    ],
    [
      {
        kMax: 5,
        alpha: 0.05,
        power: 0.95,
        spending: { family: "kim-demets", parameter: 2 },
        futility: { family: "kim-demets", parameter: 2, binding: true },
      },
      110.1,
      63.4,
      80.3,
      63.4,
      1.726,
    ],
    [
      {
        kMax: 3,
        alpha: 0.05,
        power: 0.9,
        spending: { family: "kim-demets", parameter: 2 },
        futility: { family: "kim-demets", parameter: 2, binding: true },
      },
      107.2,
      68.1,
      83.9,
      73.8,
      1.702,
    ],
    [
      {
        kMax: 15,
        alpha: 0.05,
        power: 0.8,
        spending: { family: "kim-demets", parameter: 3 },
        futility: { family: "kim-demets", parameter: 3, binding: true },
      },
      106.9,
      62.2,
      77.3,
      73.0,
      1.721,
    ],
  ];
  for (const [o, inflation, h0, half, h1, cK] of rows) {
    test(JSON.stringify(o), () => {
      const d = groupSequentialDesign(o);
      expectClose(100 * d.inflationFactor, inflation, { atol: 0.05 }, "IF");
      expectClose(100 * d.expectedSampleSize.h0, h0, { atol: 0.05 }, "E[N] θ=0");
      expectClose(100 * d.expectedSampleSize.halfway, half, { atol: 0.05 }, "E[N] θ=δ/2");
      expectClose(100 * d.expectedSampleSize.h1, h1, { atol: 0.05 }, "E[N] θ=δ");
      expectClose(d.criticalValues[d.kMax - 1]!, cK, { atol: 5e-4 }, "c_K");
    });
  }
});

describe("groupSequentialDesign inflation factor", () => {
  test("equals drift² over the fixed-design drift²", () => {
    const d = groupSequentialDesign({ kMax: 4, spending: { family: "pocock" }, power: 0.9 });
    const fixed = -normalQuantile(0.025) - normalQuantile(0.1);
    expectClose(d.inflationFactor, (d.drift / fixed) ** 2, { rtol: 1e-14 }, "IF");
    expectClose(d.inflationFactor, 1.1776, { atol: 5e-5 }, "rpact asP K = 4, β = 0.1");
  });
});

describe("groupSequentialDesign regressions", () => {
  test("binding futility where a large drift leaves no alpha to spend still finds the drift (fast-check seed -1995826480)", () => {
    const informationRates = [0.8880637953221933, 1];
    const d = groupSequentialDesign({
      informationRates,
      sided: 2,
      alpha: 0.5,
      spending: { family: "obrien-fleming" },
      futility: { family: "obrien-fleming", binding: true },
      power: 0.6,
    });
    const p = crossingProbabilities(
      makeLooks(informationRates),
      { sided: 2, upper: d.criticalValues, futility: d.futilityBounds },
      0,
    );
    expectClose(p.upper[0]! + p.upper[1]! + p.lower[0]! + p.lower[1]!, 0.5, { rtol: 1e-9 }, "attained alpha");
  });
});
