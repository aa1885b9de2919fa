/**
 * Type tests for the report area (style guide §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  attributionChart,
  bayesianProportions,
  compareProportions,
  type Displayable,
  display,
  formatPercent,
  formatPValue,
  formatResult,
  groupSequentialAnalysis,
  groupSequentialDesign,
  heuristicAttribution,
  jupyterDisplay,
  type MimeBundle,
  posteriorDensityChart,
  powerCurveChart,
  type ReportableResult,
  type ReportFormat,
  type ResultKind,
  recognizeResult,
  sampleSizeTwoProportions,
  sequentialBoundariesChart,
  type VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "../../src/index.js";

const readout = compareProportions({ visitors: 100, conversions: 10 }, { visitors: 100, conversions: 12 });

describe("formatResult / display / recognizeResult", () => {
  test("signatures", () => {
    expectTypeOf<ReportFormat>().toEqualTypeOf<"text" | "markdown" | "html">();
    expectTypeOf(formatResult).returns.toEqualTypeOf<string>();
    expectTypeOf(formatResult(readout, { format: "markdown" })).toEqualTypeOf<string>();
    formatResult(sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1 }));
    formatResult(bayesianProportions({ visitors: 100, conversions: 10 }, { visitors: 100, conversions: 12 }));
    formatResult(groupSequentialDesign());
    expectTypeOf(display).parameter(0).toEqualTypeOf<ReportableResult>();
    expectTypeOf(display(readout)).toEqualTypeOf<Displayable>();
    expectTypeOf(display(readout)[jupyterDisplay]()).toEqualTypeOf<MimeBundle>();
    expectTypeOf<MimeBundle>().toEqualTypeOf<{
      readonly "text/plain": string;
      readonly "text/markdown": string;
      readonly "text/html": string;
    }>();
    expectTypeOf(recognizeResult).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(recognizeResult(readout)).toEqualTypeOf<ResultKind | undefined>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error unknown format
    formatResult(readout, { format: "latex" });
    // @ts-expect-error a string is not a result
    formatResult("p = 0.03");
    // @ts-expect-error input data is not a result
    display({ visitors: 100, conversions: 10 });
    // @ts-expect-error unknown option key
    formatResult(readout, { digits: 3 });
  });
});

describe("charts", () => {
  test("signatures", () => {
    expectTypeOf<typeof VEGA_LITE_SCHEMA>().toEqualTypeOf<"https://vega.github.io/schema/vega-lite/v6.json">();
    expectTypeOf<VegaLiteSpec["$schema"]>().toEqualTypeOf<string>();
    const journeys = [{ path: ["a", "b"], conversions: 1 }];
    expectTypeOf(attributionChart(heuristicAttribution(journeys, { model: "linear" }))).toEqualTypeOf<VegaLiteSpec>();
    attributionChart([heuristicAttribution(journeys, { model: "linear" })], {
      measure: "share",
      title: "t",
      width: 400,
    });
    posteriorDensityChart([{ label: "A", points: [{ x: 0.1, density: 3 }] }], { xTitle: "rate", percent: true });
    powerCurveChart([{ sampleSize: 100, power: 0.5, series: "a" }], { targetPower: 0.8, plannedSampleSize: 100 });
    const design = groupSequentialDesign({ kMax: 2 });
    expectTypeOf(
      sequentialBoundariesChart(design, groupSequentialAnalysis(design, { zStatistics: [1] }), { height: 200 }),
    ).toEqualTypeOf<VegaLiteSpec>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error unknown measure
    attributionChart(heuristicAttribution([], { model: "linear" }), { measure: "credit" });
    // @ts-expect-error power-curve points need a sample size and a power
    powerCurveChart([{ n: 100, power: 0.5 }]);
    // @ts-expect-error a readout is not a design
    sequentialBoundariesChart(readout);
  });
});

describe("number formatting", () => {
  test("signatures", () => {
    expectTypeOf(formatPValue).toEqualTypeOf<(p: number) => string>();
    expectTypeOf(formatPercent(0.1, { signed: true, decimals: 1 })).toEqualTypeOf<string>();
    // @ts-expect-error unknown option key
    formatPercent(0.1, { digits: 1 });
  });
});
