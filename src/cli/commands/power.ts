/**
 * `experiment-stats power`: the power of a design with a given sample size.
 *
 * @packageDocumentation
 */
import {
  type PowerTwoMeansOptions,
  type PowerTwoProportionsOptions,
  powerTwoMeans,
  powerTwoProportions,
} from "../../power/index.js";
import { requiredNumber } from "../args.js";
import type { Command } from "../command.js";
import { callLibrary } from "../errors.js";
import { readoutSentences } from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { powerCurve } from "./charts.js";
import {
  compact,
  DESIGN_FLAGS,
  designOptions,
  MDE_FLAG,
  metricKind,
  PLANNING_FLAG_MAP,
  PRIOR_FLAG,
  planTable,
  priorOption,
  SIZE_FLAGS,
  sizeOptions,
} from "./planning.js";

export const powerCommand: Command = {
  name: "power",
  summary: "power of a design with a given sample size",
  usage: "power --baseline RATE --mde EFFECT --n N [options]",
  description: [
    "The probability that each comparison detects the effect, given the units per arm.",
    "Rates and effects take a fraction (0.05) or a percentage (5%); means with --sd.",
    "--plot draws the power curve over the control-arm size (5 % to 200 % of --n).",
  ],
  flags: [...DESIGN_FLAGS, PRIOR_FLAG, MDE_FLAG, ...SIZE_FLAGS, PLOT_FLAG],
  positionals: 0,
  examples: [
    "power --baseline 5% --mde 10% --n 20000",
    "power --sd 12.5 --mde 0.5 --n 8000 --method z",
    "power --baseline 5% --mde 10% --n 20000 --plot power.svg",
    "power --sd 0.71 --baseline 0.1 --mde 30% --mde-type relative --method z-relative --n 12000 --prior 0.2,0.3",
  ],
  run({ values }) {
    const kind = metricKind(values);
    const options = {
      ...designOptions(values, kind),
      mde: requiredNumber(values, "mde", { percent: true }),
      ...sizeOptions(values),
      ...compact({ prior: priorOption(values) }),
    };
    const plan = callLibrary(PLANNING_FLAG_MAP, () =>
      kind === "proportions"
        ? powerTwoProportions(options as unknown as PowerTwoProportionsOptions)
        : powerTwoMeans(options as unknown as PowerTwoMeansOptions),
    );
    const summary = readoutSentences(plan);
    const tables = [planTable("Power", plan)];
    if (!wantsPlot(values)) return { json: { plan }, tables, summary };
    return { json: { plan }, tables, summary, chart: powerCurve(values, kind, options.mde, plan) };
  },
};
