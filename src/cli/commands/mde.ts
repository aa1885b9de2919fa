/**
 * `experiment-stats mde`: the minimum detectable effect of a given sample size.
 *
 * @packageDocumentation
 */
import {
  type MdeTwoMeansOptions,
  type MdeTwoProportionsOptions,
  mdeTwoMeans,
  mdeTwoProportions,
} from "../../power/index.js";
import { choiceFlag, numberFlag } from "../args.js";
import type { Command } from "../command.js";
import { callLibrary } from "../errors.js";
import { formatCount, formatNumber, formatPercent } from "../output.js";
import {
  compact,
  DESIGN_FLAGS,
  designOptions,
  effectText,
  metricKind,
  PLANNING_FLAG_MAP,
  POWER_FLAG,
  PRIOR_FLAG,
  planTable,
  priorOption,
  SIZE_FLAGS,
  sizeOptions,
} from "./planning.js";

export const mdeCommand: Command = {
  name: "mde",
  summary: "smallest effect a given sample size detects",
  usage: "mde --baseline RATE --n N [options]",
  description: [
    "Solves the power equation for the effect: the smallest lift each comparison detects with the given",
    "power. Rates take a fraction (0.05) or a percentage (5%); means with --sd.",
  ],
  flags: [
    ...DESIGN_FLAGS,
    POWER_FLAG,
    PRIOR_FLAG,
    ...SIZE_FLAGS,
    { name: "direction", type: "string", value: "DIR", help: "increase (default) or decrease" },
  ],
  positionals: 0,
  examples: ["mde --baseline 5% --n 10000", "mde --sd 12.5 --baseline 48 --n 5000 --mde-type relative --power 90%"],
  run({ values }) {
    const kind = metricKind(values);
    const options = {
      ...designOptions(values, kind),
      ...sizeOptions(values),
      ...compact({
        power: numberFlag(values, "power", { percent: true }),
        direction: choiceFlag(values, "direction", ["increase", "decrease"] as const),
        prior: priorOption(values),
      }),
    };
    const flags = { ...PLANNING_FLAG_MAP, direction: "--direction" };
    const plan = callLibrary(flags, () =>
      kind === "proportions"
        ? mdeTwoProportions(options as unknown as MdeTwoProportionsOptions)
        : mdeTwoMeans(options as unknown as MdeTwoMeansOptions),
    );
    const summary = [
      `With ${formatCount(plan.nControl)} control and ${formatCount(plan.nTreatment)} treatment units, ` +
        `the smallest effect detected with ${formatPercent(plan.power, 0)} power at alpha ${formatNumber(plan.alpha)} ` +
        `(${plan.alternative}) is ${effectText(plan)}.`,
    ];
    return { json: { plan }, tables: [planTable("Minimum detectable effect", plan)], summary };
  },
};
