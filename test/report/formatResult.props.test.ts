import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { bayesianProportions } from "../../src/bayesian/bayesianProportions.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { display, formatResult, jupyterDisplay, type ReportableResult } from "../../src/report/index.js";
import { compareMeans } from "../../src/significance/compareMeans.js";
import { compareProportions } from "../../src/significance/compareProportions.js";

const arm = fc
  .integer({ min: 20, max: 1_000_000 })
  .chain((visitors) =>
    fc.record({ visitors: fc.constant(visitors), conversions: fc.integer({ min: 1, max: visitors - 1 }) }),
  );
const alternative = fc.constantFrom("two-sided" as const, "less" as const, "greater" as const);

function expectClean(result: ReportableResult): void {
  const bundle = display(result)[jupyterDisplay]();
  for (const text of Object.values(bundle)) {
    expect(text).not.toMatch(/NaN|undefined|null|\[object/);
    expect(text.endsWith("\n")).toBe(true);
  }
  const html = bundle["text/html"];
  expect(html.match(/<table>/g)?.length ?? 0).toBe(html.match(/<\/table>/g)?.length ?? 0);
  expect(html.match(/<tr>/g)?.length ?? 0).toBe(html.match(/<\/tr>/g)?.length ?? 0);
}

describe("formatResult (laws)", () => {
  test.prop([arm, arm, alternative, fc.constantFrom(0.8, 0.9, 0.95, 0.99)])(
    "a compareProportions readout never prints NaN and quotes the p-value",
    (c, t, alt, level) => {
      const r = compareProportions(c, t, { alternative: alt, confidenceLevel: level });
      expectClean(r);
      const summary = formatResult(r).split("\n")[3] ?? "";
      expect(summary).toMatch(/^Treatment converts .* \(.*, \d+(\.\d+)? % CI .* to .*\), p (=|<|>) /);
    },
  );

  test.prop([arm, arm], { numRuns: 10 })("a bayesianProportions readout never prints NaN", (c, t) => {
    expectClean(bayesianProportions(c, t));
  });

  const summary = fc.record({
    n: fc.integer({ min: 2, max: 100000 }),
    mean: fc.double({ min: 1, max: 1000, noNaN: true }),
    sd: fc.double({ min: 0.01, max: 100, noNaN: true }),
  });
  test.prop([summary, summary])("a compareMeans readout never prints NaN", (c, t) => {
    expectClean(compareMeans(c, t));
  });

  test.prop([fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.double({ min: 0.02, max: 1, noNaN: true })])(
    "a sample-size readout quotes the rounded sizes exactly",
    (baselineRate, mde) => {
      const plan = sampleSizeTwoProportions({ baselineRate, mde });
      expectClean(plan);
      const text = formatResult(plan);
      expect(text).toContain(` ${plan.nControl.toLocaleString("en-US")} visitors per arm`);
      expect(text).toMatch(new RegExp(`Total units +${plan.nTotal.toLocaleString("en-US")}\n`));
    },
  );

  const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0 && !s.includes(">"));
  test.prop([fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (s) => s.trim() })])(
    "channel names never escape the HTML cell and each gets one Markdown row",
    (names) => {
      const r = heuristicAttribution([{ path: names, conversions: 3, nulls: 1 }], { model: "linear" });
      expectClean(r);
      const html = formatResult(r, { format: "html" });
      expect(html.match(/<td /g)?.length).toBe(r.channels.length * 3);
      const md = formatResult(r, { format: "markdown" }).split("\n");
      const rows = md.filter((l) => l.startsWith("| ") && !l.startsWith("| Channel") && !l.includes(":--"));
      expect(rows).toHaveLength(r.channels.length);
      for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    },
  );
});
