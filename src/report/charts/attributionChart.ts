/**
 * Credit by channel and model, as a Vega-Lite specification.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import type { AttributionComparison } from "../../attribution/compareAttributionModels.js";
import type { AttributionResult } from "../../attribution/types.js";
import { parseArguments } from "../../internal/validate.js";
import { baseSpec, type ChartOptions, chartOptionsShape, type VegaLiteSpec } from "./spec.js";

const NAME = "attributionChart";

/**
 * Options of {@link attributionChart}.
 *
 * @since 0.1.0
 * @public
 */
export interface AttributionChartOptions extends ChartOptions {
  /**
   * What the bars show: conversions credited, the share of conversions, or the value credited.
   * @defaultValue `"conversions"`
   */
  readonly measure?: "conversions" | "share" | "value";
}

const channel = z.object(
  { channel: z.string({ error: "must be a string" }) },
  { error: "must be a channel credit { channel, … }" },
);

const attributionResult = z.object(
  { model: z.string({ error: "must be a string" }), channels: z.array(channel, { error: "must be an array" }) },
  { error: "must be an attribution result" },
);

const schema = z.object({
  input: z.union(
    [
      z.object({
        models: z.array(z.string({ error: "must be a string" }), { error: "must be an array of labels" }),
        channels: z.array(channel, { error: "must be an array" }),
      }),
      z.array(attributionResult, { error: "must be an array of attribution results" }),
      attributionResult,
    ],
    { error: "must be a result of compareAttributionModels, an attribution result, or an array of them" },
  ),
  options: z.strictObject(
    {
      ...chartOptionsShape(),
      measure: z.optional(
        z.enum(["conversions", "share", "value"], { error: 'must be "conversions", "share" or "value"' }),
      ),
    },
    { error: "must be an options object" },
  ),
});

/** One bar. */
interface Bar {
  readonly channel: string;
  readonly model: string;
  readonly amount: number;
}

function isComparison(input: unknown): input is AttributionComparison {
  return typeof input === "object" && input !== null && Array.isArray((input as { models?: unknown }).models);
}

/**
 * A Vega-Lite v6 grouped bar chart of the credit each model gives each channel.
 *
 * @remarks
 * Method: formatting only. Takes the result of `compareAttributionModels` (its `models` labels and
 * per-channel columns), or attribution results (one bar per result's `model`). Channels keep their
 * order of first appearance; bars of one channel are grouped, one colour per model. Channel names are
 * data values, never field names, so any string is safe.
 *
 * @param input - An {@link AttributionComparison}, an {@link AttributionResult}, or an array of them.
 * @param options - See {@link AttributionChartOptions}.
 * @returns A {@link VegaLiteSpec}.
 * @throws `InvalidArgumentError` when `input` or an option does not have the expected shape.
 *
 * @example
 * ```ts
 * const journeys = [
 *   { path: "Search > Email", conversions: 10, nulls: 5 },
 *   { path: "Social", conversions: 3, nulls: 20 },
 * ];
 * const spec = attributionChart(compareAttributionModels(journeys, ["first-touch", "linear", "markov"]));
 * (spec.data as { values: unknown[] }).values.length; // 9
 * ```
 * @since 0.1.0
 * @public
 */
export function attributionChart(
  input: AttributionComparison | AttributionResult | readonly AttributionResult[],
  options: AttributionChartOptions = {},
): VegaLiteSpec {
  parseArguments(NAME, schema, { input, options });
  const measure = options.measure ?? "conversions";
  const values: Bar[] = [];
  if (isComparison(input)) {
    for (const c of input.channels) {
      input.models.forEach((model, j) => {
        values.push({ channel: c.channel, model, amount: c[measure][j] ?? 0 });
      });
    }
  } else {
    const results: readonly AttributionResult[] = Array.isArray(input) ? input : [input as AttributionResult];
    for (const r of results) {
      for (const c of r.channels) values.push({ channel: c.channel, model: r.model, amount: c[measure] });
    }
  }
  const channels = [...new Set(values.map((v) => v.channel))];
  const models = [...new Set(values.map((v) => v.model))];
  const title = { conversions: "Conversions credited", share: "Share of conversions", value: "Value credited" }[
    measure
  ];
  const format = measure === "share" ? ".1%" : ",.4~g";
  return {
    ...baseSpec(options, "Attribution by channel and model"),
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "channel", type: "nominal", title: "Channel", sort: channels },
      yOffset: { field: "model", type: "nominal", sort: models },
      x: { field: "amount", type: "quantitative", title, axis: { format } },
      color: { field: "model", type: "nominal", title: "Model", sort: models },
      tooltip: [
        { field: "channel", type: "nominal", title: "Channel" },
        { field: "model", type: "nominal", title: "Model" },
        { field: "amount", type: "quantitative", title, format },
      ],
    },
  };
}
