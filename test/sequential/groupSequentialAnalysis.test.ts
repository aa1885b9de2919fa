import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { groupSequentialAnalysis } from "../../src/sequential/groupSequentialAnalysis.js";
import {
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
} from "../../src/sequential/groupSequentialDesign.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface AnalysisCase {
  readonly name: string;
  readonly design: GroupSequentialDesignOptions;
  readonly input: { readonly zStatistics: string[]; readonly estimates: string[]; readonly standardErrors: string[] };
  readonly expected: {
    readonly repeatedPValues: string[];
    readonly rciLower: string[];
    readonly rciUpper: string[];
    readonly final: null | {
      readonly look: number;
      readonly pValue: string;
      readonly lower: string;
      readonly upper: string;
      readonly medianUnbiasedEstimate: string;
    };
  };
}

describe("groupSequentialAnalysis conformance (rpact getAnalysisResults)", () => {
  const fixture = loadFixture<AnalysisCase>("sequential/groupSequentialAnalysis/rpact/means.json");
  for (const c of fixture.cases) {
    test(c.name, () => {
      const design = groupSequentialDesign(c.design);
      const r = groupSequentialAnalysis(design, {
        zStatistics: c.input.zStatistics.map(num),
        standardErrors: c.input.standardErrors.map(num),
      });
      const tol = fixture.meta.tolerance;
      c.expected.repeatedPValues.forEach((p, i) => {
        const look = r.looks[i]!;
        expectClose(look.repeatedPValue, num(p), tol, `repeated p ${i + 1}`);
        expectClose(look.repeatedConfidenceInterval!.lower, num(c.expected.rciLower[i]!), tol, `RCI lower ${i + 1}`);
        expectClose(look.repeatedConfidenceInterval!.upper, num(c.expected.rciUpper[i]!), tol, `RCI upper ${i + 1}`);
        expectClose(num(c.input.zStatistics[i]!) * num(c.input.standardErrors[i]!), num(c.input.estimates[i]!), {
          rtol: 1e-12,
        });
      });
      const f = c.expected.final;
      if (f === null) {
        expect(r.final).toBeUndefined();
      } else {
        expect(r.final!.look).toBe(f.look);
        expectClose(r.final!.pValue, num(f.pValue), tol, "final p");
        expectClose(r.final!.confidenceInterval!.lower, num(f.lower), tol, "final lower");
        expectClose(r.final!.confidenceInterval!.upper, num(f.upper), tol, "final upper");
        expectClose(r.final!.medianUnbiasedEstimate!, num(f.medianUnbiasedEstimate), tol, "MUE");
      }
    });
  }
});

describe("groupSequentialAnalysis", () => {
  const design = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });

  test("documented example", () => {
    const r = groupSequentialAnalysis(design, {
      zStatistics: [1.767767, 2.656197],
      standardErrors: [0.1414214, 0.09976669],
    });
    expect(r.decision).toBe("reject");
    expect(r.stoppedAtLook).toBe(2);
    expect(r.looks.map((l) => l.decision)).toEqual(["continue", "reject"]);
    expectClose(r.looks[1]!.repeatedPValue, 0.018668, { atol: 5e-7 }, "repeated p");
    expectClose(r.final!.pValue, 0.0039955, { atol: 5e-8 }, "final p");
    expectClose(r.final!.medianUnbiasedEstimate!, 0.26486, { atol: 5e-6 }, "MUE");
  });

  test("planned information reproduces the design's bounds; observed information recomputes them", () => {
    const r = groupSequentialAnalysis(design, { zStatistics: [1, 1.5] });
    expect(r.looks.map((l) => l.criticalValue)).toEqual(design.criticalValues.slice(0, 2));
    expect(r.decision).toBe("continue");
    expect(r.final).toBeUndefined();
    const observed = groupSequentialAnalysis(design, { zStatistics: [1, 1.5], informationRates: [0.4, 0.7] });
    const replanned = groupSequentialDesign({ informationRates: [0.4, 0.7, 1] });
    expectClose(observed.looks[1]!.criticalValue, replanned.criticalValues[1]!, { atol: 1e-12 }, "c2");
  });

  test("the last look spends all remaining alpha even if information fell short", () => {
    const r = groupSequentialAnalysis(design, { zStatistics: [0.5, 1, 1.8], informationRates: [0.3, 0.6, 0.9] });
    const replanned = groupSequentialDesign({ informationRates: [1 / 3, 2 / 3, 1] });
    expect(r.looks[2]!.criticalValue).not.toBe(replanned.criticalValues[2]);
    expect(r.decision).toBe("accept");
    expect(r.final!.look).toBe(3);
    expect(r.final!.pValue).toBeGreaterThan(0.025);
  });

  test("a one-look design gives the fixed-sample p-value and interval", () => {
    const one = groupSequentialDesign({ kMax: 1, alpha: 0.025 });
    const r = groupSequentialAnalysis(one, { zStatistics: [2.2], standardErrors: [0.1] });
    expectClose(r.final!.pValue, 0.013903447513498597, { rtol: 1e-9 }, "p");
    expectClose(r.looks[0]!.repeatedPValue, 0.013903447513498597, { rtol: 1e-9 }, "repeated p");
    expectClose(r.final!.confidenceInterval!.lower, 0.22 - 0.1959963984540054, { atol: 1e-10 }, "lower");
    expectClose(r.final!.medianUnbiasedEstimate!, 0.22, { atol: 1e-10 }, "MUE");
  });

  test("two-sided designs use |Z| and twice the smaller ordering tail", () => {
    const two = groupSequentialDesign({ kMax: 2, alpha: 0.05, sided: 2 });
    const up = groupSequentialAnalysis(two, { zStatistics: [1, 2.5] });
    const down = groupSequentialAnalysis(two, { zStatistics: [-1, -2.5] });
    expect(up.decision).toBe("reject");
    expect(down.decision).toBe("reject");
    expectClose(up.final!.pValue, down.final!.pValue, { rtol: 1e-12 }, "symmetric p");
    expectClose(up.looks[1]!.repeatedPValue, down.looks[1]!.repeatedPValue, { rtol: 1e-12 }, "repeated p");
  });

  test("repeated p-values are floored at 1e-15", () => {
    const r = groupSequentialAnalysis(design, { zStatistics: [15] });
    expect(r.looks[0]!.repeatedPValue).toBe(1e-15);
    expect(r.final!.pValue).toBeLessThan(1e-30);
  });

  test("two-sided futility stops on |Z| inside the inner region", () => {
    const d = groupSequentialDesign({ kMax: 3, alpha: 0.05, sided: 2, futility: { family: "obrien-fleming" } });
    const r = groupSequentialAnalysis(d, { zStatistics: [0.3, -0.5] });
    expect(r.looks.map((l) => l.decision)).toEqual(["continue", "futility"]);
    const s = groupSequentialAnalysis(d, { zStatistics: [0.3, -1.5] });
    expect(s.looks[1]!.decision).toBe("continue");
  });

  test("non-binding futility is advisory", () => {
    const d = groupSequentialDesign({ kMax: 3, futility: { family: "obrien-fleming" } });
    const r = groupSequentialAnalysis(d, { zStatistics: [-0.5] });
    expect(r.looks[0]!.decision).toBe("futility");
    expect(r.looks[0]!.futilityBound).toBe(d.futilityBounds![0]);
    expect(r.decision).toBe("continue");
  });

  const bad = (d: unknown, o: unknown): InvalidArgumentError => {
    try {
      groupSequentialAnalysis(d as never, o as never);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return error as InvalidArgumentError;
    }
    throw new Error("did not throw");
  };

  test("rejects bad input", () => {
    expect(bad({}, { zStatistics: [1] }).message).toBe(
      "groupSequentialAnalysis: design: must be a design returned by groupSequentialDesign",
    );
    expect(bad(design, { zStatistics: [1, 2, 3, 4] }).message).toBe(
      "groupSequentialAnalysis: options.zStatistics: must have at most kMax = 3 looks",
    );
    expect(bad(design, { zStatistics: [1, 2], informationRates: [0.5] }).message).toBe(
      "groupSequentialAnalysis: options.informationRates: must have one entry per z statistic",
    );
    expect(bad(design, { zStatistics: [1, 2], informationRates: [0.5, 0.4] }).message).toBe(
      "groupSequentialAnalysis: options.informationRates: must be strictly increasing",
    );
    expect(bad(design, { zStatistics: [] }).message).toBe(
      "groupSequentialAnalysis: options.zStatistics: must have at least one look",
    );
    expect(bad(design, { zStatistics: [1], standardErrors: [0] }).message).toBe(
      "groupSequentialAnalysis: options.standardErrors.0: must be > 0",
    );
  });
});
