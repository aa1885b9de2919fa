/**
 * Posterior densities of two (or more) arms, as a Vega-Lite specification.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { finiteNumber, parseArguments } from "../../internal/validate.js";
import { baseSpec, type ChartOptions, chartOptionsShape, type VegaLiteSpec } from "./spec.js";

const NAME = "posteriorDensityChart";

/**
 * The density of one arm's posterior, sampled at points.
 *
 * @since 0.1.0
 * @public
 */
export interface PosteriorDensityCurve {
  /** The arm's name (`"Control"`, `"Treatment"`); any string. */
  readonly label: string;
  /** Points `{ x, density }` of the density, at least two, in any order. */
  readonly points: readonly {
    /** Where the density is evaluated (the effect, rate or mean). */
    readonly x: number;
    /** The posterior density at `x`. */
    readonly density: number;
  }[];
}

/**
 * Options of {@link posteriorDensityChart}.
 *
 * @since 0.1.0
 * @public
 */
export interface PosteriorDensityChartOptions extends ChartOptions {
  /**
   * Title of the x axis.
   * @defaultValue `"Conversion rate"`
   */
  readonly xTitle?: string;
  /**
   * Show x as a percentage (for rates).
   * @defaultValue true
   */
  readonly percent?: boolean;
}

const schema = z.object({
  curves: z
    .array(
      z.strictObject(
        {
          label: z.string({ error: "must be a string" }),
          points: z
            .array(
              z.strictObject(
                {
                  x: finiteNumber(),
                  density: finiteNumber().check(z.gte(0, { error: "must be >= 0" })),
                },
                { error: "must be a point { x, density }" },
              ),
              { error: "must be an array of points" },
            )
            .check(z.minLength(2, { error: "must have at least 2 points" })),
        },
        { error: "must be a curve { label, points }" },
      ),
      { error: "must be an array of curves" },
    )
    .check(
      z.minLength(1, { error: "must have at least 1 curve" }),
      z.refine((cs) => new Set(cs.map((c) => c.label)).size === cs.length, { error: "must have distinct labels" }),
    ),
  options: z.strictObject(
    {
      ...chartOptionsShape(),
      xTitle: z.optional(z.string({ error: "must be a string" })),
      percent: z.optional(z.boolean({ error: "must be true or false" })),
    },
    { error: "must be an options object" },
  ),
});

/**
 * A Vega-Lite v6 chart of posterior densities, one shaded area per arm.
 *
 * @remarks
 * Method: formatting only. The densities are taken as points, because evaluating them is the
 * Bayesian area's job: for `bayesianProportions`, evaluate `betaPdf(x, posterior.alpha,
 * posterior.beta)` of each arm (from `experiment-stats/distributions`) on a grid around its credible
 * interval. Overlap shows how sure the comparison is.
 *
 * @param curves - One {@link PosteriorDensityCurve} per arm, with distinct labels.
 * @param options - See {@link PosteriorDensityChartOptions}.
 * @returns A {@link VegaLiteSpec}.
 * @throws `InvalidArgumentError` when a curve, a point or an option breaks its rule.
 *
 * @example
 * ```ts
 * const r = bayesianProportions({ visitors: 1000, conversions: 50 }, { visitors: 1000, conversions: 65 });
 * const grid = Array.from({ length: 101 }, (_, i) => 0.02 + (0.08 * i) / 100);
 * const curve = (label: string, a: { alpha: number; beta: number }) => ({
 *   label,
 *   points: grid.map((x) => ({ x, density: betaPdf(x, a.alpha, a.beta) })),
 * });
 * const spec = posteriorDensityChart([curve("Control", r.control.posterior), curve("Treatment", r.treatment.posterior)]);
 * spec.$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 * ```
 * @since 0.1.0
 * @public
 */
export function posteriorDensityChart(
  curves: readonly PosteriorDensityCurve[],
  options: PosteriorDensityChartOptions = {},
): VegaLiteSpec {
  parseArguments(NAME, schema, { curves, options });
  const percent = options.percent ?? true;
  const values = curves.flatMap((c) =>
    [...c.points].sort((a, b) => a.x - b.x).map((p) => ({ arm: c.label, x: p.x, density: p.density })),
  );
  const xTitle = options.xTitle ?? "Conversion rate";
  return {
    ...baseSpec(options, "Posterior densities"),
    data: { values },
    mark: { type: "area", opacity: 0.4, line: true },
    encoding: {
      x: { field: "x", type: "quantitative", title: xTitle, axis: percent ? { format: ".1%" } : {} },
      y: { field: "density", type: "quantitative", title: "Posterior density", stack: null },
      color: { field: "arm", type: "nominal", title: null, sort: curves.map((c) => c.label) },
      tooltip: [
        { field: "arm", type: "nominal", title: "Arm" },
        { field: "x", type: "quantitative", title: xTitle, format: percent ? ".2%" : ".4~g" },
        { field: "density", type: "quantitative", title: "Density", format: ".4~g" },
      ],
    },
  };
}
