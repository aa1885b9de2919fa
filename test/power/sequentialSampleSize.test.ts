import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import type { SequentialSampleSize } from "../../src/power/types.js";
import {
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
} from "../../src/sequential/groupSequentialDesign.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface SequentialSizeCase {
  readonly name: string;
  readonly fixedModel: "same" | "differs";
  readonly function: "sampleSizeTwoProportions" | "sampleSizeTwoMeans";
  readonly design: GroupSequentialDesignOptions;
  readonly plan: Readonly<Record<string, unknown>>;
  readonly expected: Readonly<Record<string, string | string[]>>;
}

type Sized = {
  readonly nControlExact: number;
  readonly nTreatmentExact: number;
  readonly sequential?: SequentialSampleSize;
};

function plan(c: SequentialSizeCase): Sized {
  const sequential = groupSequentialDesign(c.design);
  const options = { ...c.plan, sequential } as never;
  return c.function === "sampleSizeTwoMeans" ? sampleSizeTwoMeans(options) : sampleSizeTwoProportions(options);
}

describe("sequential sample sizes conform to rpact getSampleSizeRates / getSampleSizeMeans", () => {
  const fixture = loadFixture<SequentialSizeCase>("power/sequential/rpact/sampleSize.json");
  const meta = fixture.meta as typeof fixture.meta & { readonly differentFixedModelTolerance: { rtol: number } };
  for (const c of fixture.cases) {
    test(`${c.name} (${c.fixedModel === "same" ? "same fixed model" : "fixed models differ"})`, () => {
      const r = plan(c);
      const s = r.sequential!;
      const e = c.expected;
      const sizeTol = c.fixedModel === "same" ? meta.tolerance : meta.differentFixedModelTolerance;
      expectClose(s.inflationFactor, num(e["inflationFactor"] as string), meta.tolerance, "inflation factor");
      // rpact's group 1 is the treatment arm, group 2 the control.
      expectClose(r.nControlExact + r.nTreatmentExact, num(e["nFixed"] as string), sizeTol, "nFixed");
      expectClose(r.nTreatmentExact, num(e["nFixedTreatment"] as string), sizeTol, "nFixed treatment");
      const max = s.nControlMaxExact + s.nTreatmentMaxExact;
      expectClose(max, num(e["maxNumberOfSubjects"] as string), sizeTol, "max");
      expectClose(s.nTreatmentMaxExact, num(e["maxNumberOfSubjectsTreatment"] as string), sizeTol, "max treatment");
      expectClose(s.nControlMaxExact, num(e["maxNumberOfSubjectsControl"] as string), sizeTol, "max control");
      expectClose(s.expectedTotal.h0, num(e["expectedNumberOfSubjectsH0"] as string), sizeTol, "E[n] H0");
      expectClose(s.expectedTotal.halfway, num(e["expectedNumberOfSubjectsH01"] as string), sizeTol, "E[n] H0/1");
      expectClose(s.expectedTotal.h1, num(e["expectedNumberOfSubjectsH1"] as string), sizeTol, "E[n] H1");
      (e["numberOfSubjects"] as string[]).forEach((n, k) => {
        expectClose(max * s.informationRates[k]!, num(n), sizeTol, `look ${k + 1}`);
      });
      // The inflation arithmetic itself is exact whatever the fixed model: max = fixed × IF.
      expectClose(s.nControlMaxExact, r.nControlExact * s.inflationFactor, { rtol: 1e-15 }, "max = fixed × IF");
    });
  }
});

describe("sampleSizeTwoProportions / sampleSizeTwoMeans with a sequential design", () => {
  test("documented example (sampleSizeTwoProportions)", () => {
    const design = groupSequentialDesign({ kMax: 3, alpha: 0.025, spending: { family: "obrien-fleming" } });
    const p = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, sequential: design });
    expect(p.alternative).toBe("greater");
    expect(p.alpha).toBe(0.025);
    expect(p.nControl).toBe(3841);
    const s = p.sequential!;
    expectClose(s.inflationFactor, 1.0128, { atol: 5e-5 }, "IF");
    expect(s.nControlMax).toBe(3890);
    expect(s.nTotalMax).toBe(7780);
    expect(s.looks.map((l) => l.nControl)).toEqual([1297, 2594, 3890]);
    expectClose(s.expectedTotal.h1, 6649.04, { atol: 5e-3 }, "E[n] H1");
    expectClose(s.expectedTotal.h0, 7764.03, { atol: 5e-3 }, "E[n] H0");
  });

  test("documented example (sampleSizeTwoMeans)", () => {
    const design = groupSequentialDesign({
      kMax: 5,
      power: 0.9,
      spending: { family: "hwang-shih-decani", parameter: -4 },
    });
    const p = sampleSizeTwoMeans({ sd: 2, mde: 0.5, test: "z", sequential: design });
    expectClose(p.nControlExact, 336.2375, { atol: 5e-5 }, "fixed");
    expect(p.sequential!.nControlMax).toBe(345);
    expectClose(p.sequential!.expectedTotal.h1, 495.358, { atol: 5e-4 }, "E[n] H1");
  });

  test("a one-look design gives the fixed plan", () => {
    const one = groupSequentialDesign({ kMax: 1, alpha: 0.05, sided: 2 });
    const fixed = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 });
    const seq = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, sequential: one });
    expectClose(seq.sequential!.inflationFactor, 1, { rtol: 1e-10 }, "IF");
    expect(seq.nControl).toBe(fixed.nControl);
    expect(seq.sequential!.nControlMax).toBe(fixed.nControl);
    expectClose(seq.sequential!.expectedTotal.h1, fixed.nControlExact * 2, { rtol: 1e-10 }, "E[n]");
  });

  test("a one-sided design tests in the direction of the effect; k arms multiply the treatment sizes", () => {
    const design = groupSequentialDesign({ kMax: 2, alpha: 0.025 });
    const down = sampleSizeTwoMeans({ sd: 1, mde: -0.3, test: "z", sequential: design, treatmentArms: 2 });
    expect(down.alternative).toBe("less");
    const s = down.sequential!;
    expect(s.nTotalMax).toBe(s.nControlMax + 2 * s.nTreatmentMax);
    expect(s.looks[1]!.nTotal).toBe(s.nTotalMax);
    expectClose(s.expectedTotal.h1, down.nControlExact * 3 * design.expectedSampleSize.h1, { rtol: 1e-14 }, "E[n]");
  });

  test("without sequential nothing changes", () => {
    expect(sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 }).sequential).toBeUndefined();
    expect(sampleSizeTwoMeans({ sd: 1, mde: 0.5 }).sequential).toBeUndefined();
  });

  const bad = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as Error).message;
    }
    throw new Error("did not throw");
  };
  const oneSided = groupSequentialDesign({ kMax: 3, alpha: 0.025 });
  const twoSided = groupSequentialDesign({ kMax: 3, alpha: 0.05, sided: 2 });

  test("rejects a plan that disagrees with the design, naming the field", () => {
    expect(
      bad(() => sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, alpha: 0.05, sequential: oneSided })),
    ).toBe(
      "sampleSizeTwoProportions: alpha: 0.05 disagrees with the sequential design's alpha 0.025; omit it or make them equal",
    );
    expect(bad(() => sampleSizeTwoMeans({ sd: 1, mde: 0.5, power: 0.9, sequential: oneSided }))).toBe(
      "sampleSizeTwoMeans: power: 0.9 disagrees with the sequential design's power 0.8; omit it or make them equal",
    );
    expect(bad(() => sampleSizeTwoMeans({ sd: 1, mde: 0.5, alternative: "two-sided", sequential: oneSided }))).toBe(
      'sampleSizeTwoMeans: alternative: "two-sided" disagrees with the one-sided (sided 1) sequential design; use "greater" or "less" or omit it',
    );
    expect(
      bad(() =>
        sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, alternative: "greater", sequential: twoSided }),
      ),
    ).toBe(
      'sampleSizeTwoProportions: alternative: "greater" disagrees with the two-sided (sided 2) sequential design; use "two-sided" or omit it',
    );
    expect(
      bad(() =>
        sampleSizeTwoMeans({
          sd: 1,
          mde: 0.5,
          treatmentArms: 3,
          multipleComparison: "bonferroni",
          sequential: oneSided,
        }),
      ),
    ).toBe(
      'sampleSizeTwoMeans: multipleComparison: must be "none" with a sequential design: build the design at the level of one comparison (e.g. alpha / k)',
    );
    expect(bad(() => sampleSizeTwoMeans({ sd: 1, mde: 0.5, sequential: { kMax: 3 } as never }))).toBe(
      "sampleSizeTwoMeans: sequential: must be a design returned by groupSequentialDesign",
    );
  });

  test("several disagreements are reported together", () => {
    const message = bad(() =>
      sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2, alpha: 0.05, power: 0.9, sequential: oneSided }),
    );
    expect(message).toContain("alpha: 0.05 disagrees");
    expect(message).toContain("power: 0.9 disagrees");
  });
});
