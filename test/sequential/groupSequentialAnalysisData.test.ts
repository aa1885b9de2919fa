import { describe, expect, test } from "vitest";
import { InvalidArgumentError, isStatsError } from "../../src/errors.js";
import { type GroupSequentialDataLook, groupSequentialAnalysis } from "../../src/sequential/groupSequentialAnalysis.js";
import {
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
} from "../../src/sequential/groupSequentialDesign.js";
import { expectClose, type Tolerance } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface DataCase {
  readonly name: string;
  readonly kind: "means" | "rates";
  readonly design: GroupSequentialDesignOptions;
  readonly plannedSampleSize: { readonly control: number; readonly treatment: number };
  readonly looks: GroupSequentialDataLook[];
  readonly expected: {
    readonly informationRates: string[];
    readonly zStatistics: string[];
    readonly criticalValues: string[];
    readonly repeatedPValues: string[];
    readonly rciLower?: string[];
    readonly rciUpper?: string[];
    readonly final: null | {
      readonly look: number;
      readonly pValue: string;
      readonly lower?: string;
      readonly upper?: string;
      readonly medianUnbiasedEstimate?: string;
    };
  };
}

describe("groupSequentialAnalysis with looks of data conforms to rpact getAnalysisResults(getDataset)", () => {
  const fixture = loadFixture<DataCase>("sequential/groupSequentialAnalysis/rpact/dataLooks.json");
  const meta = fixture.meta as typeof fixture.meta & {
    readonly criticalValueTolerance: Tolerance;
    readonly statisticTolerance: Tolerance;
  };
  for (const c of fixture.cases) {
    test(c.name, () => {
      const design = groupSequentialDesign(c.design);
      const r = groupSequentialAnalysis(design, { looks: c.looks, plannedSampleSize: c.plannedSampleSize });
      expect(r.informationSource).toBe("observed");
      const e = c.expected;
      const tol = meta.tolerance;
      e.zStatistics.forEach((zText, i) => {
        const look = r.looks[i]!;
        expectClose(look.informationRate, num(e.informationRates[i]!), { rtol: 1e-14 }, `t ${i + 1}`);
        expectClose(look.zStatistic, num(zText), meta.statisticTolerance, `z ${i + 1}`);
        expectClose(look.criticalValue, num(e.criticalValues[i]!), meta.criticalValueTolerance, `c ${i + 1}`);
        expectClose(look.repeatedPValue, num(e.repeatedPValues[i]!), tol, `repeated p ${i + 1}`);
        expectClose(look.estimate!, look.zStatistic * look.standardError!, { rtol: 1e-15 }, "estimate = Z·SE");
        if (e.rciLower !== undefined) {
          expectClose(look.repeatedConfidenceInterval!.lower, num(e.rciLower[i]!), tol, `RCI lower ${i + 1}`);
          expectClose(look.repeatedConfidenceInterval!.upper, num(e.rciUpper![i]!), tol, `RCI upper ${i + 1}`);
        }
      });
      const f = e.final;
      if (f === null) {
        expect(r.final).toBeUndefined();
      } else {
        expect(r.final!.look).toBe(f.look);
        expectClose(r.final!.pValue, num(f.pValue), tol, "final p");
        if (f.lower !== undefined) {
          expectClose(r.final!.confidenceInterval!.lower, num(f.lower), tol, "final lower");
          expectClose(r.final!.confidenceInterval!.upper, num(f.upper!), tol, "final upper");
          expectClose(r.final!.medianUnbiasedEstimate!, num(f.medianUnbiasedEstimate!), tol, "MUE");
        }
      }
    });
  }
});

describe("groupSequentialAnalysis with looks of data", () => {
  const design = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });
  const rateLooks: GroupSequentialDataLook[] = [
    { control: { visitors: 1000, conversions: 100 }, treatment: { visitors: 1000, conversions: 120 } },
    { control: { visitors: 2000, conversions: 200 }, treatment: { visitors: 2000, conversions: 250 } },
  ];

  test("documented example", () => {
    const r = groupSequentialAnalysis(design, {
      looks: rateLooks,
      plannedSampleSize: { control: 3000, treatment: 3000 },
    });
    expect(r.informationSource).toBe("observed");
    expect(r.looks.map((l) => l.informationRate)).toEqual([1 / 3, 2 / 3]);
    expectClose(r.looks[0]!.zStatistic, 1.4293008498232314, { rtol: 1e-12 }, "z1");
    expectClose(r.looks[1]!.standardError!, Math.sqrt(0.1125 * 0.8875 * (2 / 2000)), { rtol: 1e-14 }, "SE2");
    expect(r.looks.map((l) => l.decision)).toEqual(["continue", "continue"]);
    expectClose(r.looks[1]!.criticalValue, design.criticalValues[1]!, { rtol: 1e-12 }, "planned information");
  });

  test("the pooled z statistics of proportions and means", () => {
    const p = groupSequentialAnalysis(design, { looks: rateLooks.slice(0, 1) });
    const pooled = 220 / 2000;
    expectClose(p.looks[0]!.zStatistic, 0.02 / Math.sqrt(pooled * (1 - pooled) * (2 / 1000)), { rtol: 1e-14 }, "z");
    expect(p.informationSource).toBe("planned");
    const m = groupSequentialAnalysis(design, {
      looks: [{ control: { n: 10, mean: 1, sd: 2 }, treatment: { n: 20, mean: 2, sd: 1 } }],
    });
    const sp2 = (9 * 4 + 19 * 1) / 28;
    expectClose(m.looks[0]!.zStatistic, 1 / Math.sqrt(sp2 * (1 / 10 + 1 / 20)), { rtol: 1e-14 }, "means z");
  });

  test("looks of data give the same analysis as their z statistics and standard errors", () => {
    const fromData = groupSequentialAnalysis(design, { looks: rateLooks, informationRates: [0.3, 0.65] });
    const fromZ = groupSequentialAnalysis(design, {
      zStatistics: fromData.looks.map((l) => l.zStatistic),
      standardErrors: fromData.looks.map((l) => l.standardError!),
      informationRates: [0.3, 0.65],
    });
    expect(fromData.informationSource).toBe("given");
    expect(fromData.looks).toEqual(fromZ.looks);
  });

  test("unequal allocation: information rates from h(nC, nT) = nC·nT/(nC + nT)", () => {
    const r = groupSequentialAnalysis(design, {
      looks: [{ control: { n: 50, mean: 0, sd: 1 }, treatment: { n: 150, mean: 0.1, sd: 1 } }],
      plannedSampleSize: { control: 100, treatment: 200 },
    });
    expectClose(r.looks[0]!.informationRate, 7500 / 200 / (20000 / 300), { rtol: 1e-15 }, "t");
  });

  test("degenerate data throw DEGENERATE_DATA", () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        if (isStatsError(error)) return `${error.code}: ${error.message}`;
        throw error;
      }
      throw new Error("did not throw");
    };
    expect(
      code(() =>
        groupSequentialAnalysis(design, {
          looks: [{ control: { visitors: 10, conversions: 0 }, treatment: { visitors: 10, conversions: 0 } }],
        }),
      ),
    ).toBe(
      "DEGENERATE_DATA: groupSequentialAnalysis: look 1: no unit converted in either arm, so the z statistic is undefined",
    );
    expect(
      code(() =>
        groupSequentialAnalysis(design, {
          looks: [{ control: { n: 5, mean: 1, sd: 0 }, treatment: { n: 5, mean: 2, sd: 0 } }],
        }),
      ),
    ).toBe("DEGENERATE_DATA: groupSequentialAnalysis: look 1: both arms have standard deviation 0");
    expect(
      code(() =>
        groupSequentialAnalysis(design, {
          looks: [{ control: { n: 1, mean: 1, sd: 0 }, treatment: { n: 1, mean: 2, sd: 0 } }],
        }),
      ),
    ).toBe("DEGENERATE_DATA: groupSequentialAnalysis: look 1: the pooled variance needs at least 3 units");
  });

  const bad = (o: unknown): string => {
    try {
      groupSequentialAnalysis(design, o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };

  test("rejects bad looks and option combinations", () => {
    expect(bad({})).toBe("groupSequentialAnalysis: options.zStatistics: give exactly one of zStatistics and looks");
    expect(bad({ zStatistics: [1], looks: rateLooks })).toBe(
      "groupSequentialAnalysis: options.looks: give exactly one of zStatistics and looks",
    );
    expect(bad({ looks: rateLooks, standardErrors: [1, 1] })).toBe(
      "groupSequentialAnalysis: options.standardErrors: are computed from the looks; give them only with zStatistics",
    );
    expect(bad({ zStatistics: [1], plannedSampleSize: { control: 10, treatment: 10 } })).toBe(
      "groupSequentialAnalysis: options.plannedSampleSize: is used with looks of data; give informationRates with zStatistics",
    );
    expect(
      bad({ looks: rateLooks, informationRates: [0.3, 0.6], plannedSampleSize: { control: 10, treatment: 10 } }),
    ).toBe("groupSequentialAnalysis: options.plannedSampleSize: cannot be combined with informationRates");
    expect(bad({ looks: [rateLooks[1], rateLooks[0]] })).toBe(
      "groupSequentialAnalysis: options.looks.1: cumulative sizes must not decrease and must grow from the previous look",
    );
    expect(bad({ looks: [{ control: { visitors: 10, conversions: 1 }, treatment: { n: 10, mean: 1, sd: 1 } }] })).toBe(
      "groupSequentialAnalysis: options.looks.0.treatment: must be proportions like the control arm of look 1",
    );
    expect(
      bad({ looks: [{ control: { visitors: 10, conversions: 11 }, treatment: { visitors: 10, conversions: 1 } }] }),
    ).toContain("options.looks.0.control");
    expect(bad({ looks: [{ control: { foo: 1 }, treatment: { visitors: 10, conversions: 1 } }] })).toBe(
      "groupSequentialAnalysis: options.looks.0.control: must be cumulative proportions { visitors, conversions } or means { n, mean, sd }",
    );
    expect(bad({ looks: rateLooks, informationRates: [0.5] })).toBe(
      "groupSequentialAnalysis: options.informationRates: must have one entry per look",
    );
  });
});
