import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import * as vega from "vega";
import * as vl from "vega-lite";
import { describe, expect, it } from "vitest";
import { compareAttributionModels } from "../../src/attribution/compareAttributionModels.js";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import { bayesianProportions } from "../../src/bayesian/bayesianProportions.js";
import { betaPdf } from "../../src/distributions/beta.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import {
  attributionChart,
  posteriorDensityChart,
  powerCurveChart,
  sequentialBoundariesChart,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "../../src/report/index.js";
import { groupSequentialAnalysis } from "../../src/sequential/groupSequentialAnalysis.js";
import { groupSequentialDesign } from "../../src/sequential/groupSequentialDesign.js";

const schemaPath = fileURLToPath(new URL("../../node_modules/vega-lite/build/vega-lite-schema.json", import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false });
const validate = ajv.compile(schema);

function expectValid(spec: VegaLiteSpec): void {
  const ok = validate(JSON.parse(JSON.stringify(spec)));
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
  expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
  // Plain JSON: survives a round trip unchanged (no Infinity, no functions).
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
}

async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

const journeys = [
  { path: "Search > Email", conversions: 10, nulls: 5, value: 500 },
  { path: "Social", conversions: 3, nulls: 20, value: 90 },
  { path: ["<script>alert(1)</script>", "Search"], conversions: 2, nulls: 2, value: 40 },
];

function powerPoints(): { sampleSize: number; power: number; series: string }[] {
  const points: { sampleSize: number; power: number; series: string }[] = [];
  for (const mde of [0.05, 0.1]) {
    for (const n of [5000, 10000, 20000, 40000, 80000]) {
      const { power } = powerTwoProportions({ baselineRate: 0.05, mde, nControl: n });
      points.push({ sampleSize: n, power, series: `MDE +${mde * 100} %` });
    }
  }
  return points;
}

function densityCurves(): { label: string; points: { x: number; density: number }[] }[] {
  const r = bayesianProportions({ visitors: 1000, conversions: 50 }, { visitors: 1000, conversions: 65 });
  const grid = Array.from({ length: 81 }, (_, i) => 0.02 + (0.08 * i) / 80);
  const curve = (label: string, a: { alpha: number; beta: number }) => ({
    label,
    points: grid.map((x) => ({ x, density: betaPdf(x, a.alpha, a.beta) })),
  });
  return [curve("Control", r.control.posterior), curve("Treatment", r.treatment.posterior)];
}

describe("the schema validator", () => {
  it("rejects a specification Vega-Lite would reject", () => {
    expect(validate({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "lines" })).toBe(false);
    expect(
      validate({ $schema: VEGA_LITE_SCHEMA, data: { values: [] }, mark: "line", encoding: { x: { type: "numeric" } } }),
    ).toBe(false);
  });
});

describe("chart specifications validate against the Vega-Lite v6 schema and render to SVG", () => {
  it("powerCurveChart(points, { targetPower, plannedSampleSize })", async () => {
    const spec = powerCurveChart(powerPoints(), { targetPower: 0.8, plannedSampleSize: 31234, title: "Power" });
    expectValid(spec);
    expect(spec.title).toBe("Power");
    const values = (spec.data as { values: { sampleSize: number }[] }).values;
    expect(values).toHaveLength(10);
    expect(values.map((v) => v.sampleSize)).toEqual([...values.map((v) => v.sampleSize)].sort((a, b) => a - b));
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("<path");
    expect(svg).toContain(">MDE +5 %</text>");
  });

  it("powerCurveChart(points) without series has no colour channel", () => {
    const spec = powerCurveChart([
      { sampleSize: 100, power: 0.1 },
      { sampleSize: 200, power: 0.3 },
    ]);
    expectValid(spec);
    const layer = (spec.layer as { encoding: Record<string, unknown> }[])[0];
    expect(layer?.encoding["color"]).toBeUndefined();
  });

  it("sequentialBoundariesChart(design, analysis) draws bounds and the observed z path", async () => {
    const design = groupSequentialDesign({ kMax: 4 });
    const analysis = groupSequentialAnalysis(design, { zStatistics: [0.8, 1.9, 2.6] });
    const spec = sequentialBoundariesChart(design, analysis, { title: "Interim looks" });
    expectValid(spec);
    const values = (spec.data as { values: { series: string; z: number }[] }).values;
    expect(values.filter((v) => v.series === "Efficacy bound").map((v) => v.z)).toEqual([...design.criticalValues]);
    expect(values.filter((v) => v.series === "Observed z").map((v) => v.z)).toEqual([0.8, 1.9, 2.6]);
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(">Observed z</text>");
    expect(svg).toContain(">Efficacy bound</text>");
  });

  it("sequentialBoundariesChart draws the lower bound of two-sided designs and futility bounds", () => {
    const twoSided = sequentialBoundariesChart(groupSequentialDesign({ kMax: 3, sided: 2, alpha: 0.05 }));
    expectValid(twoSided);
    const v2 = (twoSided.data as { values: { series: string; z: number }[] }).values;
    const upper = v2.filter((v) => v.series === "Efficacy bound").map((v) => v.z);
    expect(v2.filter((v) => v.series === "Lower efficacy bound").map((v) => v.z)).toEqual(upper.map((z) => -z));

    const withFutility = groupSequentialDesign({ kMax: 3, futility: { family: "pocock" } });
    const spec = sequentialBoundariesChart(withFutility);
    expectValid(spec);
    const v = (spec.data as { values: { series: string }[] }).values;
    expect(v.filter((p) => p.series === "Futility bound")).toHaveLength(withFutility.futilityBounds?.length ?? -1);
  });

  it("sequentialBoundariesChart leaves out infinite bounds (Haybittle–Peto has none at the first look)", () => {
    const design = {
      ...groupSequentialDesign({ kMax: 2 }),
      criticalValues: [Number.POSITIVE_INFINITY, 1.96],
    };
    const spec = sequentialBoundariesChart(design);
    expectValid(spec);
    expect((spec.data as { values: unknown[] }).values).toHaveLength(1);
  });

  it("posteriorDensityChart(curves) shades one area per arm", async () => {
    const spec = posteriorDensityChart(densityCurves(), { title: "Posterior" });
    expectValid(spec);
    expect((spec.data as { values: unknown[] }).values).toHaveLength(162);
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(">Treatment</text>");
  });

  it("attributionChart(comparison) groups bars by channel, one colour per model", async () => {
    const comparison = compareAttributionModels(journeys, ["first-touch", "linear", "markov"]);
    const spec = attributionChart(comparison, { title: "Attribution" });
    expectValid(spec);
    const values = (spec.data as { values: { channel: string; model: string; amount: number }[] }).values;
    expect(values).toHaveLength(comparison.channels.length * 3);
    expect(values[0]).toEqual({
      channel: "Search",
      model: "first-touch",
      amount: comparison.channels[0]?.conversions[0],
    });
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    // The channel name is data: it reaches the SVG escaped, never as markup.
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain(">markov</text>");
  });

  it("attributionChart(results, { measure }) takes attribution results", () => {
    const linear = heuristicAttribution(journeys, { model: "linear" });
    const markov = markovAttribution(journeys);
    for (const measure of ["conversions", "share", "value"] as const) {
      const spec = attributionChart([linear, markov], { measure });
      expectValid(spec);
      const values = (spec.data as { values: { model: string; amount: number }[] }).values;
      expect(values.filter((v) => v.model === "markov").map((v) => v.amount)).toEqual(
        markov.channels.map((c) => c[measure]),
      );
    }
    expectValid(attributionChart(linear));
  });
});

describe("chart specifications reject bad input, naming the function and the field", () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "powerCurveChart points",
      () => powerCurveChart([{ sampleSize: 1, power: 0.5 }]),
      /^powerCurveChart: points: must have at least 2 points/,
    ],
    [
      "powerCurveChart power",
      () =>
        powerCurveChart([
          { sampleSize: 1, power: 0.5 },
          { sampleSize: 2, power: 1.5 },
        ]),
      /^powerCurveChart: points\.1\.power: must be <= 1/,
    ],
    [
      "powerCurveChart options",
      () =>
        powerCurveChart(
          [
            { sampleSize: 1, power: 0.5 },
            { sampleSize: 2, power: 0.6 },
          ],
          { targetPower: 2, width: -1 },
        ),
      /^powerCurveChart: .*options\.width: must be > 0.*options\.targetPower: must be <= 1|^powerCurveChart: .*options\.targetPower: must be <= 1.*options\.width: must be > 0/,
    ],
    [
      "sequentialBoundariesChart design",
      () => sequentialBoundariesChart({} as never),
      /^sequentialBoundariesChart: design\.\w+: /,
    ],
    [
      "posteriorDensityChart labels",
      () =>
        posteriorDensityChart([
          {
            label: "A",
            points: [
              { x: 0, density: 1 },
              { x: 1, density: 1 },
            ],
          },
          {
            label: "A",
            points: [
              { x: 0, density: 1 },
              { x: 1, density: 1 },
            ],
          },
        ]),
      /^posteriorDensityChart: curves: must have distinct labels/,
    ],
    [
      "posteriorDensityChart density",
      () =>
        posteriorDensityChart([
          {
            label: "A",
            points: [
              { x: 0, density: -1 },
              { x: 1, density: 1 },
            ],
          },
        ]),
      /^posteriorDensityChart: curves\.0\.points\.0\.density: must be >= 0/,
    ],
    [
      "attributionChart measure",
      () => attributionChart(heuristicAttribution(journeys, { model: "linear" }), { measure: "revenue" as never }),
      /^attributionChart: options\.measure: must be "conversions", "share" or "value"/,
    ],
    ["attributionChart input", () => attributionChart(42 as never), /^attributionChart: input: /],
  ];
  it.each(cases)("%s", (_, run, message) => {
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(message);
  });
});

describe("chart documented examples", () => {
  it("powerCurveChart", () => {
    const sizes = [5000, 10000, 20000, 30000, 40000];
    const points = sizes.map((n) => ({
      sampleSize: n,
      power: powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: n }).power,
    }));
    const spec = powerCurveChart(points, { targetPower: 0.8 });
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
  });
  it("sequentialBoundariesChart", () => {
    const design = groupSequentialDesign({ kMax: 3 });
    const analysis = groupSequentialAnalysis(design, { zStatistics: [1.2, 2.6] });
    const spec = sequentialBoundariesChart(design, analysis, { title: "Interim looks" });
    expect(spec.title).toBe("Interim looks");
  });
  it("posteriorDensityChart", () => {
    const r = bayesianProportions({ visitors: 1000, conversions: 50 }, { visitors: 1000, conversions: 65 });
    const grid = Array.from({ length: 101 }, (_, i) => 0.02 + (0.08 * i) / 100);
    const curve = (label: string, a: { alpha: number; beta: number }) => ({
      label,
      points: grid.map((x) => ({ x, density: betaPdf(x, a.alpha, a.beta) })),
    });
    const spec = posteriorDensityChart([
      curve("Control", r.control.posterior),
      curve("Treatment", r.treatment.posterior),
    ]);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
  });
  it("attributionChart", () => {
    const journeys = [
      { path: "Search > Email", conversions: 10, nulls: 5 },
      { path: "Social", conversions: 3, nulls: 20 },
    ];
    const spec = attributionChart(compareAttributionModels(journeys, ["first-touch", "linear", "markov"]));
    expect((spec.data as { values: unknown[] }).values.length).toBe(9);
  });
});
