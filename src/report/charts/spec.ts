/**
 * What every chart specification shares: the Vega-Lite v6 schema, the size and title options.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { positiveNumber } from "../../internal/validate.js";

/** The Vega-Lite JSON schema every specification declares. @since 0.1.0 @public */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A Vega-Lite v6 specification: plain JSON, to render with `vega-embed`, the `vega`/`vega-lite`
 * packages, Observable, or a notebook front end.
 *
 * @since 0.1.0
 * @public
 */
export interface VegaLiteSpec {
  /** The Vega-Lite JSON schema (`https://vega.github.io/schema/vega-lite/v6.json`). */
  readonly $schema: string;
  /** Everything else, as Vega-Lite defines it. */
  readonly [key: string]: unknown;
}

/**
 * Options every chart takes.
 *
 * @since 0.1.0
 * @public
 */
export interface ChartOptions {
  /** Title above the chart; omitted when not given. */
  readonly title?: string;
  /**
   * Width of the plotting area in pixels.
   * @defaultValue 480
   */
  readonly width?: number;
  /**
   * Height of the plotting area in pixels.
   * @defaultValue 300
   */
  readonly height?: number;
}

/** zod/mini shape of {@link ChartOptions}. @internal */
export function chartOptionsShape(): {
  title: z.ZodMiniOptional<z.ZodMiniString<string>>;
  width: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
  height: z.ZodMiniOptional<z.ZodMiniNumber<number>>;
} {
  return {
    title: z.optional(z.string({ error: "must be a string" })),
    width: z.optional(positiveNumber()),
    height: z.optional(positiveNumber()),
  };
}

/** The fields of a spec every chart starts with. @internal */
export function baseSpec(options: ChartOptions, description: string): { $schema: string; [key: string]: unknown } {
  const spec: { $schema: string; [key: string]: unknown } = {
    $schema: VEGA_LITE_SCHEMA,
    description,
    width: options.width ?? 480,
    height: options.height ?? 300,
  };
  if (options.title !== undefined) spec["title"] = options.title;
  return spec;
}
