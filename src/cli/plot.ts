/**
 * `--plot FILE`: the chart of a command's result, written as SVG (rendered with vega-lite and vega,
 * loaded only when a chart is asked for, so other commands do not pay for them) or, for a file ending
 * in `.json`, as the Vega-Lite specification itself.
 *
 * @packageDocumentation
 */
import { writeFileSync } from "node:fs";
import type { VegaLiteSpec } from "../report/index.js";
import { type FlagSpec, type FlagValues, stringFlag } from "./args.js";
import { DataError, UsageError } from "./errors.js";
import { type CliIo, fileErrorReason } from "./io.js";

/** `--plot`, on the commands whose results have a chart. */
export const PLOT_FLAG: FlagSpec = {
  name: "plot",
  type: "string",
  value: "FILE",
  help: "also draw the chart: FILE.svg (rendered), or FILE.json (the Vega-Lite specification)",
};

/** The chart file asked for with `--plot`, or `undefined`; a name not ending in .svg or .json is a usage error. */
export function plotPath(values: FlagValues): string | undefined {
  const path = stringFlag(values, "plot");
  if (path === undefined) return undefined;
  if (!/\.(svg|json)$/i.test(path.trim())) {
    throw new UsageError(`--plot: the file name must end in .svg or .json (got "${path}")`);
  }
  return path.trim();
}

/** Whether `--plot` was given (commands build their chart only then). */
export function wantsPlot(values: FlagValues): boolean {
  return stringFlag(values, "plot") !== undefined;
}

/** Renders a Vega-Lite specification to an SVG document (vega-lite and vega are imported here, lazily). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  let modules: [typeof import("vega-lite"), typeof import("vega")];
  try {
    modules = await Promise.all([import("vega-lite"), import("vega")]);
  } catch {
    throw new DataError("--plot FILE.svg needs the vega and vega-lite packages (npm install vega vega-lite)");
  }
  const [vl, vega] = modules;
  const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes the chart to `path` (SVG or JSON by its extension); a file that cannot be written is a {@link DataError}. */
export async function writePlot(io: CliIo, path: string, spec: VegaLiteSpec): Promise<void> {
  const text = /\.json$/i.test(path) ? `${JSON.stringify(spec, null, 2)}\n` : await renderSvg(spec);
  const write = io.writeFile ?? ((p: string, t: string) => writeFileSync(p, t, "utf8"));
  try {
    write(path, text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === "ENOENT" ? "its folder does not exist" : fileErrorReason(error);
    throw new DataError(`${path}: cannot write the chart (${why})`);
  }
}
