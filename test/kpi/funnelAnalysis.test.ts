import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { type FunnelAnalysisOptions, type FunnelStage, funnelAnalysis } from "../../src/kpi/funnelAnalysis.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface Bound {
  lower: string;
  upper: string;
}
interface Case {
  name: string;
  input: { stages: FunnelStage[]; options: FunnelAnalysisOptions };
  expected: {
    funnels: { variant: string; step: Bound[]; cumulative: Bound[]; biggestDropOff: string }[];
    comparisons: { stage: string; variant: string; pValue: string; adjustedPValue: string }[];
  };
}

describe("funnelAnalysis conformance", () => {
  const fixture = loadFixture<Case>("kpi/funnelAnalysis/r/funnels.json");
  test(`matches ${fixture.meta.reference} (${fixture.cases.length} funnels)`, () => {
    const failures: string[] = [];
    const tol = fixture.meta.tolerance;
    for (const c of fixture.cases) {
      try {
        const r = funnelAnalysis(c.input.stages, c.input.options);
        expect(r.funnels).toHaveLength(c.expected.funnels.length);
        c.expected.funnels.forEach((f, v) => {
          const got = r.funnels[v]!;
          expect(got.variant ?? "control").toBe(f.variant);
          expect(got.biggestDropOff?.stage).toBe(f.biggestDropOff);
          f.step.forEach((b, j) => {
            if (j === 0) {
              expect(got.stages[0]!.stepConversion).toBeNull();
              return;
            }
            expectClose(
              got.stages[j]!.stepConversion!.confidenceInterval.lower,
              num(b.lower),
              tol,
              `${c.name} step ${j} lower`,
            );
            expectClose(
              got.stages[j]!.stepConversion!.confidenceInterval.upper,
              num(b.upper),
              tol,
              `${c.name} step ${j} upper`,
            );
          });
          f.cumulative.forEach((b, j) => {
            expectClose(
              got.stages[j]!.cumulativeConversion.confidenceInterval.lower,
              num(b.lower),
              tol,
              `${c.name} cum ${j} lower`,
            );
            expectClose(
              got.stages[j]!.cumulativeConversion.confidenceInterval.upper,
              num(b.upper),
              tol,
              `${c.name} cum ${j} upper`,
            );
          });
        });
        expect(r.comparisons).toHaveLength(c.expected.comparisons.length);
        c.expected.comparisons.forEach((e, m) => {
          const got = r.comparisons[m]!;
          expect([got.stage, got.variant]).toEqual([e.stage, e.variant]);
          expectClose(got.pValue ?? Number.NaN, num(e.pValue), { rtol: 1e-12, atol: 1e-300 }, `${c.name} p ${m}`);
          expectClose(
            got.adjustedPValue ?? Number.NaN,
            num(e.adjustedPValue),
            { rtol: 1e-12, atol: 1e-300 },
            `${c.name} adj ${m}`,
          );
        });
      } catch (error) {
        failures.push(`${c.name}: ${(error as Error).message}`);
      }
    }
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
  });
});

describe("funnelAnalysis documented example", () => {
  test("two variants, three stages", () => {
    const r = funnelAnalysis(
      [
        { name: "visit", count: { A: 10000, B: 10000 } },
        { name: "signup", count: { A: 1200, B: 1350 } },
        { name: "purchase", count: { A: 300, B: 310 } },
      ],
      { byVariant: true },
    );
    expect(r.funnels[0]!.biggestDropOff).toEqual({
      stage: "signup",
      previousStage: "visit",
      dropRate: 0.88,
      lost: 8800,
    });
    expectClose(r.comparisons[0]!.pValue ?? Number.NaN, 0.0014723, { atol: 5e-8 }, "p");
    expectClose(r.comparisons[0]!.adjustedPValue ?? Number.NaN, 0.0029447, { atol: 5e-8 }, "adjusted");
    expect(r.comparisons[0]!.significant).toBe(true);
    expect(r.comparisons[1]!.significant).toBe(false);
    expectClose(r.comparisons[1]!.pValue ?? Number.NaN, 0.22877, { atol: 5e-6 }, "purchase p");
    expect(r).toMatchObject({ control: "A", adjustment: "holm", alpha: 0.05, confidenceLevel: 0.95 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("funnelAnalysis edges", () => {
  test("a single funnel: no comparisons; a stage nobody reached ends the step conversions", () => {
    const r = funnelAnalysis([
      { name: "a", count: 100 },
      { name: "b", count: 0 },
      { name: "c", count: 0 },
    ]);
    expect(r.control).toBeNull();
    expect(r.comparisons).toEqual([]);
    expect(r.funnels[0]!.stages.map((s) => s.stepConversion?.estimate ?? null)).toEqual([null, 0, null]);
    expect(r.funnels[0]!.stages.map((s) => s.lost)).toEqual([0, 100, 0]);
    expect(r.funnels[0]!.biggestDropOff).toEqual({ stage: "b", previousStage: "a", dropRate: 1, lost: 100 });
    expect(funnelAnalysis([{ name: "only", count: 5 }]).funnels[0]!.biggestDropOff).toBeNull();
  });
  test("the control can be any variant and is listed first; degenerate steps carry a note", () => {
    const r = funnelAnalysis(
      [
        { name: "visit", count: { A: 100, B: 100, C: 100 } },
        { name: "buy", count: { A: 0, B: 0, C: 5 } },
      ],
      { byVariant: true, control: "B" },
    );
    expect(r.funnels.map((f) => f.variant)).toEqual(["B", "A", "C"]);
    expect(r.comparisons.map((c) => c.variant)).toEqual(["A", "C"]);
    expect(r.comparisons[0]).toMatchObject({ pValue: null, adjustedPValue: null, significant: false });
    expect(r.comparisons[0]!.note).toMatch(/^degenerate step/);
    // B has rate 0, so C's relative lift is undefined too: no test either
    expect(r.comparisons[1]!.pValue).toBeNull();
  });
});

describe("funnelAnalysis bad input", () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };
  test("stages and options", () => {
    expect(message(() => funnelAnalysis([]))).toBe("funnelAnalysis: stages: must have at least 1 stage");
    expect(message(() => funnelAnalysis([{ name: "", count: -1 }], { alpha: 2, adjustment: "tukey" } as never))).toBe(
      'funnelAnalysis: stages.0.name: must not be empty; stages.0.count: must be >= 0; options.alpha: must be < 1; options.adjustment: must be one of "bonferroni", "holm", "hochberg", "hommel", "benjamini-hochberg", "benjamini-yekutieli", "sidak", "holm-sidak", "BH", "BY", "fdr"',
    );
  });
  test("funnel shape", () => {
    expect(
      message(() =>
        funnelAnalysis([
          { name: "a", count: 10 },
          { name: "a", count: { x: 1 } },
        ]),
      ),
    ).toBe(
      'funnelAnalysis: stages.1.name: must be unique ("a" repeats); stages.1.count: must be a number (set byVariant: true for counts by variant)',
    );
    expect(
      message(() =>
        funnelAnalysis([
          { name: "a", count: 0 },
          { name: "b", count: 5 },
        ]),
      ),
    ).toBe("funnelAnalysis: stages.0.count: must be >= 1; stages.1.count: must be <= the previous stage's count");
    expect(
      message(() =>
        funnelAnalysis(
          [
            { name: "a", count: { A: 10, B: 10 } },
            { name: "b", count: { B: 5, A: 5 } },
          ],
          { byVariant: true, control: "Z" },
        ),
      ),
    ).toBe(
      "funnelAnalysis: stages.1.count: must have the variants of the first stage (A, B) in that order; options.control: must be one of the variants (A, B)",
    );
    expect(message(() => funnelAnalysis([{ name: "a", count: 10 }], { control: "A" }))).toBe(
      "funnelAnalysis: options.control: applies only with byVariant: true",
    );
    expect(
      message(() =>
        funnelAnalysis(
          [
            { name: "a", count: { A: 10, B: 10 } },
            { name: "b", count: { A: 5, B: 11 } },
          ],
          { byVariant: true },
        ),
      ),
    ).toBe("funnelAnalysis: stages.1.count: must be <= the previous stage's count (variant B)");
  });
});
