/**
 * `experiment-stats design`: a group sequential design (boundaries for interim looks).
 *
 * @packageDocumentation
 */

import { sequentialBoundariesChart } from "../../report/index.js";
import {
  type ClassicalDesign,
  type GroupSequentialDesign,
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
  type SpendingFamily,
} from "../../sequential/index.js";
import {
  booleanFlag,
  choiceFlag,
  exclusive,
  type FlagSpec,
  type FlagValues,
  numberFlag,
  numberListFlag,
} from "../args.js";
import type { Command } from "../command.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import {
  type Cell,
  countCell,
  EMPTY,
  formatNumber,
  keyValueTable,
  numberCell,
  percentCell,
  pValueCell,
  type Table,
  textCell,
} from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { compact } from "./planning.js";

const FAMILIES: readonly SpendingFamily[] = [
  "obrien-fleming",
  "pocock",
  "kim-demets",
  "hwang-shih-decani",
  "haybittle-peto",
];
const CLASSICAL: readonly ClassicalDesign[] = ["obrien-fleming", "pocock", "wang-tsiatis", "haybittle-peto"];

/** The flags of a group sequential design (shared with `monitor`). */
export const DESIGN_FLAGS: readonly FlagSpec[] = [
  { name: "looks", type: "string", value: "K", help: "number of looks, the last one final (default 3)" },
  {
    name: "spending",
    type: "string",
    value: "FAMILY",
    help: `alpha-spending function: ${FAMILIES.join(", ")} (default obrien-fleming)`,
  },
  {
    name: "parameter",
    type: "string",
    value: "X",
    help: "parameter of the spending family: rho (kim-demets), gamma (hwang-shih-decani), interim bound (haybittle-peto)",
  },
  {
    name: "classical",
    type: "string",
    value: "SHAPE",
    help: `classical bounds instead of spending: ${CLASSICAL.join(", ")}`,
  },
  { name: "delta-wt", type: "string", value: "D", help: "Wang-Tsiatis shape (0 O'Brien-Fleming, 0.5 Pocock)" },
  {
    name: "alpha",
    type: "string",
    value: "ALPHA",
    help: "type-I error: one-sided level, or the total with --sided 2 (default 0.025)",
  },
  { name: "sided", type: "string", value: "1|2", help: "1: one-sided (default); 2: symmetric two-sided bounds" },
  { name: "power", type: "string", value: "POWER", help: "power for the inflation factor and futility (default 80%)" },
  {
    name: "rates",
    type: "string",
    value: "T,T,...",
    help: "information fractions of the looks, increasing, ending at 1 (default equally spaced)",
  },
  { name: "futility", type: "string", value: "FAMILY", help: "add futility bounds by beta spending with this family" },
  { name: "futility-parameter", type: "string", value: "X", help: "parameter of the futility family" },
  { name: "binding", type: "boolean", help: "futility bounds are binding (default non-binding)" },
];

/** Library option name → flag. */
export const SEQUENTIAL_FLAG_MAP: FlagMap = {
  kMax: "--looks",
  informationRates: "--rates",
  alpha: "--alpha",
  sided: "--sided",
  spending: "--spending",
  "spending.family": "--spending",
  "spending.parameter": "--parameter",
  classical: "--classical",
  deltaWT: "--delta-wt",
  futility: "--futility",
  "futility.family": "--futility",
  "futility.parameter": "--futility-parameter",
  "futility.binding": "--binding",
  power: "--power",
};

/** The design the flags ask for. */
export function designFromFlags(values: FlagValues): GroupSequentialDesign {
  exclusive(values, "spending", "classical");
  exclusive(values, "looks", "rates");
  const sidedText = numberFlag(values, "sided", { integer: true });
  if (sidedText !== undefined && sidedText !== 1 && sidedText !== 2) {
    throw new UsageError(`--sided: must be 1 or 2 (got ${sidedText})`);
  }
  const family = choiceFlag(values, "spending", FAMILIES);
  const parameter = numberFlag(values, "parameter");
  const classical = choiceFlag(values, "classical", CLASSICAL);
  if (parameter !== undefined && family === undefined) throw new UsageError("--parameter needs --spending");
  const futilityFamily = choiceFlag(values, "futility", FAMILIES);
  const futilityParameter = numberFlag(values, "futility-parameter");
  if (futilityFamily === undefined && (futilityParameter !== undefined || booleanFlag(values, "binding"))) {
    throw new UsageError("--futility-parameter and --binding need --futility");
  }
  const options = compact({
    kMax: numberFlag(values, "looks", { integer: true }),
    informationRates: numberListFlag(values, "rates", { percent: true }),
    alpha: numberFlag(values, "alpha", { percent: true }),
    sided: sidedText as 1 | 2 | undefined,
    power: numberFlag(values, "power", { percent: true }),
    spending: family === undefined ? undefined : compact({ family, parameter }),
    classical,
    deltaWT: numberFlag(values, "delta-wt"),
    futility:
      futilityFamily === undefined
        ? undefined
        : compact({
            family: futilityFamily,
            parameter: futilityParameter,
            binding: booleanFlag(values, "binding") ? true : undefined,
          }),
  }) as GroupSequentialDesignOptions;
  return callLibrary(SEQUENTIAL_FLAG_MAP, () => groupSequentialDesign(options));
}

export const designCommand: Command = {
  name: "design",
  summary: "group sequential design: stopping boundaries for interim looks",
  usage: "design [--looks K] [--spending FAMILY] [options]",
  description: [
    "Efficacy boundaries on the z scale for K looks at the data by alpha spending (Lan-DeMets) or a",
    "classical shape, with optional futility bounds, the inflation of the maximum sample size over a fixed",
    "design and the expected sample size. Give --n-fixed (the fixed-design sample size from sample-size) to",
    "see the units needed at each look. --plot draws the boundaries over the information fraction.",
  ],
  flags: [
    ...DESIGN_FLAGS,
    {
      name: "n-fixed",
      type: "string",
      value: "N",
      help: "sample size of the fixed design (any unit: per arm or total): adds the units per look",
    },
    PLOT_FLAG,
  ],
  positionals: 0,
  examples: [
    "design --looks 5 --spending obrien-fleming",
    "design --looks 4 --spending pocock --alpha 5% --sided 2 --n-fixed 62468",
    "design --looks 3 --spending kim-demets --parameter 3 --futility kim-demets --futility-parameter 2",
    "design --looks 5 --spending obrien-fleming --plot boundaries.svg",
  ],
  run({ values }) {
    const nFixed = numberFlag(values, "n-fixed");
    if (nFixed !== undefined && !(nFixed > 0)) throw new UsageError(`--n-fixed: must be > 0 (got ${nFixed})`);
    const design = designFromFlags(values);
    const tables = [boundariesTable(design, nFixed), characteristicsTable(design, nFixed)];
    const last = design.criticalValues[design.kMax - 1]!;
    const summary = [
      `${capitalize(design.method)}: stop for efficacy at look k when ${design.sided === 2 ? "|z|" : "z"} reaches the bound; ` +
        `the final bound is ${formatNumber(last)} and the maximum sample size is ${formatNumber(design.inflationFactor)} times the fixed design's.`,
    ];
    const json = nFixed === undefined ? { design } : { design, nFixed, maxSampleSize: nFixed * design.inflationFactor };
    if (!wantsPlot(values)) return { json, tables, summary };
    return {
      json,
      tables,
      summary,
      chart: sequentialBoundariesChart(design, undefined, { title: capitalize(design.method) }),
    };
  },
};

/** The boundaries, one row per look. */
export function boundariesTable(design: GroupSequentialDesign, nFixed?: number): Table {
  const columns = [
    { name: "look" },
    { name: "information", align: "right" as const },
    { name: "efficacy z", align: "right" as const },
    { name: "nominal p", align: "right" as const },
    { name: "alpha spent", align: "right" as const },
    { name: "cumulative power", align: "right" as const },
  ];
  if (design.futilityBounds !== undefined) columns.splice(3, 0, { name: "futility z", align: "right" });
  if (nFixed !== undefined) columns.push({ name: "units", align: "right" });
  const rows = design.criticalValues.map((c, k) => {
    const cells: Cell[] = [
      countCell(k + 1),
      percentCell(design.informationRates[k]!, 1),
      numberCell(c),
      pValueCell(design.stageLevels[k]!),
      numberCell(design.alphaSpent[k]!),
      percentCell(design.powerByLook[k]!, 1),
    ];
    if (design.futilityBounds !== undefined) {
      const f = design.futilityBounds[k];
      cells.splice(3, 0, f === undefined ? EMPTY : numberCell(f));
    }
    if (nFixed !== undefined)
      cells.push(countCell(Math.ceil(nFixed * design.inflationFactor * design.informationRates[k]!)));
    return cells;
  });
  return {
    title: "Boundaries",
    columns,
    rows,
    notes: [
      design.sided === 2
        ? "Two-sided: stop for efficacy when |z| >= the bound."
        : "One-sided: stop for efficacy when z >= the bound (a positive effect).",
    ],
  };
}

function characteristicsTable(design: GroupSequentialDesign, nFixed: number | undefined): Table {
  const rows: [string, Cell][] = [
    ["looks", countCell(design.kMax)],
    ["alpha", numberCell(design.alpha)],
    ["sided", countCell(design.sided)],
    ["power", percentCell(design.power, 1)],
    ["inflation factor (max n / fixed n)", numberCell(design.inflationFactor, 5)],
    ["expected n / fixed n under H0", numberCell(design.expectedSampleSize.h0, 4)],
    ["expected n / fixed n under H1", numberCell(design.expectedSampleSize.h1, 4)],
  ];
  if (nFixed !== undefined) rows.push(["maximum units", countCell(Math.ceil(nFixed * design.inflationFactor))]);
  if (design.futility !== undefined) {
    rows.push([
      "futility",
      textCell(`${design.futility.family}, ${design.futility.binding ? "binding" : "non-binding"}`),
    ]);
  }
  return keyValueTable("Characteristics", rows, [design.method]);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
