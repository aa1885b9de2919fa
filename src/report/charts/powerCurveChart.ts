/**
 * Power curve over sample size, as a Vega-Lite specification.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { finiteNumber, parseArguments, positiveNumber } from "../../internal/validate.js";
import { baseSpec, type ChartOptions, chartOptionsShape, type VegaLiteSpec } from "./spec.js";

const NAME = "powerCurveChart";

/**
 * One point of a power curve.
 *
 * @since 0.1.0
 * @public
 */
export interface PowerCurvePoint {
  /** Sample size (per arm, or however the caller counts; the axis title says which), > 0. */
  readonly sampleSize: number;
  /** Power at that size, in [0, 1]. */
  readonly power: number;
  /** Name of the curve the point belongs to, when several are drawn (e.g. `"MDE +5 %"`). */
  readonly series?: string;
}

/**
 * Options of {@link powerCurveChart}.
 *
 * @since 0.1.0
 * @public
 */
export interface PowerCurveChartOptions extends ChartOptions {
  /** Target power, drawn as a dashed horizontal rule (e.g. 0.8). */
  readonly targetPower?: number;
  /** Planned sample size, drawn as a vertical rule (e.g. a plan's `nControl`). */
  readonly plannedSampleSize?: number;
  /**
   * Title of the sample-size axis.
   * @defaultValue `"Units per arm"`
   */
  readonly sampleSizeTitle?: string;
}

const unitInterval = finiteNumber().check(z.gte(0, { error: "must be >= 0" }), z.lte(1, { error: "must be <= 1" }));

const schema = z.object({
  points: z
    .array(
      z.strictObject(
        {
          sampleSize: positiveNumber(),
          power: unitInterval,
          series: z.optional(z.string({ error: "must be a string" })),
        },
        { error: "must be a point { sampleSize, power, series? }" },
      ),
      { error: "must be an array of points" },
    )
    .check(z.minLength(2, { error: "must have at least 2 points" })),
  options: z.strictObject(
    {
      ...chartOptionsShape(),
      targetPower: z.optional(unitInterval),
      plannedSampleSize: z.optional(positiveNumber()),
      sampleSizeTitle: z.optional(z.string({ error: "must be a string" })),
    },
    { error: "must be an options object" },
  ),
});

/**
 * A Vega-Lite v6 line chart of power against sample size, with optional rules at the target power and
 * the planned size.
 *
 * @remarks
 * Method: formatting only. The chart takes the points of the curve, because computing power is the
 * planning functions' job: sample `powerTwoProportions` (or `powerTwoMeans`) at the sizes you want to
 * show and pass `{ sampleSize, power }` for each. Give points a `series` to draw several curves
 * (one per MDE or per method), coloured by series. Points are drawn in the order of `sampleSize`.
 *
 * @param points - At least two points `{ sampleSize, power, series? }`.
 * @param options - See {@link PowerCurveChartOptions}.
 * @returns A {@link VegaLiteSpec}.
 * @throws `InvalidArgumentError` when a point or an option breaks its rule.
 *
 * @example
 * ```ts
 * const sizes = [5000, 10000, 20000, 30000, 40000];
 * const points = sizes.map((n) => ({
 *   sampleSize: n,
 *   power: powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: n }).power,
 * }));
 * const spec = powerCurveChart(points, { targetPower: 0.8 });
 * spec.$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 * ```
 * @since 0.1.0
 * @public
 */
export function powerCurveChart(
  points: readonly PowerCurvePoint[],
  options: PowerCurveChartOptions = {},
): VegaLiteSpec {
  parseArguments(NAME, schema, { points, options });
  const series = points.some((p) => p.series !== undefined);
  const xTitle = options.sampleSizeTitle ?? "Units per arm";
  const encoding: Record<string, unknown> = {
    x: { field: "sampleSize", type: "quantitative", title: xTitle, axis: { format: ",d" } },
    y: { field: "power", type: "quantitative", title: "Power", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
    tooltip: [
      { field: "sampleSize", type: "quantitative", title: xTitle, format: "," },
      { field: "power", type: "quantitative", title: "Power", format: ".1%" },
    ],
  };
  if (series) encoding["color"] = { field: "series", type: "nominal", title: null, sort: null };
  const layers: Record<string, unknown>[] = [{ mark: { type: "line", point: true }, encoding }];
  if (options.targetPower !== undefined) {
    layers.push({
      data: { values: [{ power: options.targetPower }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "gray" },
      encoding: { y: { field: "power", type: "quantitative" } },
    });
  }
  if (options.plannedSampleSize !== undefined) {
    layers.push({
      data: { values: [{ sampleSize: options.plannedSampleSize }] },
      mark: { type: "rule", strokeDash: [2, 2], color: "gray" },
      encoding: { x: { field: "sampleSize", type: "quantitative" } },
    });
  }
  const values = [...points]
    .sort((a, b) => a.sampleSize - b.sampleSize)
    .map((p) =>
      p.series === undefined
        ? { sampleSize: p.sampleSize, power: p.power }
        : { sampleSize: p.sampleSize, power: p.power, series: p.series },
    );
  return {
    ...baseSpec(options, "Power over sample size"),
    data: { values },
    layer: layers,
  };
}
