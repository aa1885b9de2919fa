/**
 * Group sequential boundaries with the observed z path, as a Vega-Lite specification.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { parseArguments } from "../../internal/validate.js";
import type { GroupSequentialAnalysisResult } from "../../sequential/groupSequentialAnalysis.js";
import type { GroupSequentialDesign } from "../../sequential/groupSequentialDesign.js";
import { baseSpec, type ChartOptions, chartOptionsShape, type VegaLiteSpec } from "./spec.js";

const NAME = "sequentialBoundariesChart";

/** Numbers, infinite ones included (an infinite critical value means no bound at that look). */
const numbers = z.array(
  z.custom<number>((v) => typeof v === "number" && !Number.isNaN(v), { error: "must be a number" }),
  { error: "must be an array of numbers" },
);

const schema = z.object({
  design: z.object(
    {
      informationRates: numbers,
      criticalValues: numbers,
      sided: z.union([z.literal(1), z.literal(2)], { error: "must be 1 or 2" }),
      futilityBounds: z.optional(numbers),
    },
    { error: "must be a result of groupSequentialDesign" },
  ),
  analysis: z.optional(
    z.object(
      {
        looks: z.array(
          z.object(
            {
              informationRate: z.number({ error: "must be a number" }),
              zStatistic: z.number({ error: "must be a number" }),
            },
            { error: "must be a look of groupSequentialAnalysis" },
          ),
          { error: "must be an array of looks" },
        ),
      },
      { error: "must be a result of groupSequentialAnalysis" },
    ),
  ),
  options: z.strictObject(chartOptionsShape(), { error: "must be an options object" }),
});

/** One plotted point. */
interface BoundaryPoint {
  readonly series: string;
  readonly look: number;
  readonly informationRate: number;
  readonly z: number;
}

const EFFICACY = "Efficacy bound";
const LOWER = "Lower efficacy bound";
const FUTILITY = "Futility bound";
const OBSERVED = "Observed z";

/**
 * A Vega-Lite v6 chart of a group sequential design's boundaries on the z scale against the
 * information fraction, with the observed z statistics of an analysis.
 *
 * @remarks
 * Method: formatting only. Efficacy bounds are the design's `criticalValues` at its planned
 * `informationRates` (two-sided designs also draw their mirror image, the lower bound −c_k); an
 * infinite bound (no stopping at that look) is left out. Futility bounds are drawn when the design has
 * them. With `analysis`, its looks' `zStatistic` are drawn at the information fractions actually
 * observed. Stop for efficacy when the observed path crosses the efficacy line.
 *
 * @param design - A {@link GroupSequentialDesign}.
 * @param analysis - A {@link GroupSequentialAnalysisResult} of that design (optional).
 * @param options - See {@link ChartOptions}.
 * @returns A {@link VegaLiteSpec}.
 * @throws `InvalidArgumentError` when `design`, `analysis` or an option does not have the
 * expected shape.
 *
 * @example
 * ```ts
 * const design = groupSequentialDesign({ kMax: 3 });
 * const analysis = groupSequentialAnalysis(design, { zStatistics: [1.2, 2.6] });
 * const spec = sequentialBoundariesChart(design, analysis, { title: "Interim looks" });
 * spec.title; // "Interim looks"
 * ```
 * @since 0.1.0
 * @public
 */
export function sequentialBoundariesChart(
  design: GroupSequentialDesign,
  analysis?: GroupSequentialAnalysisResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  parseArguments(NAME, schema, { design, analysis, options });
  const values: BoundaryPoint[] = [];
  design.criticalValues.forEach((c, i) => {
    const t = design.informationRates[i];
    if (t === undefined || !Number.isFinite(c)) return;
    values.push({ series: EFFICACY, look: i + 1, informationRate: t, z: c });
    if (design.sided === 2) values.push({ series: LOWER, look: i + 1, informationRate: t, z: -c });
  });
  design.futilityBounds?.forEach((f, i) => {
    const t = design.informationRates[i];
    if (t !== undefined && Number.isFinite(f)) values.push({ series: FUTILITY, look: i + 1, informationRate: t, z: f });
  });
  for (const l of analysis?.looks ?? []) {
    if (Number.isFinite(l.zStatistic)) {
      values.push({ series: OBSERVED, look: l.look, informationRate: l.informationRate, z: l.zStatistic });
    }
  }
  const present = [EFFICACY, LOWER, FUTILITY, OBSERVED].filter((s) => values.some((v) => v.series === s));
  const colors: Record<string, string> = {
    [EFFICACY]: "#d62728",
    [LOWER]: "#d62728",
    [FUTILITY]: "#7f7f7f",
    [OBSERVED]: "#1f77b4",
  };
  return {
    ...baseSpec(options, "Group sequential boundaries and the observed z statistics"),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: {
        field: "informationRate",
        type: "quantitative",
        title: "Information fraction",
        scale: { domain: [0, 1] },
        axis: { format: ".0%" },
      },
      y: { field: "z", type: "quantitative", title: "z statistic" },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        legend: { labelLimit: 240 },
        scale: { domain: present, range: present.map((s) => colors[s] ?? "black") },
      },
      detail: { field: "series", type: "nominal" },
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: present, range: present.map((s) => (s === OBSERVED ? [1, 0] : [6, 3])) },
      },
      tooltip: [
        { field: "series", type: "nominal", title: "Series" },
        { field: "look", type: "ordinal", title: "Look" },
        { field: "informationRate", type: "quantitative", title: "Information", format: ".1%" },
        { field: "z", type: "quantitative", title: "z", format: ".3f" },
      ],
    },
  };
}
