/**
 * `experiment-stats attribute paths.csv`: multi-touch attribution of conversions to channels.
 *
 * @packageDocumentation
 */
import {
  type AttributionComparison,
  type AttributionModelSpec,
  type AttributionResult,
  compareAttributionModels,
  heuristicAttribution,
  type Journey,
  markovAttribution,
  parseJourneys,
  shapleyAttribution,
} from "../../attribution/index.js";
import { attributionChart } from "../../report/index.js";
import {
  booleanFlag,
  choiceFlag,
  delimiterFlag,
  exclusive,
  type FlagValues,
  listFlag,
  numberFlag,
  stringFlag,
} from "../args.js";
import type { Command } from "../command.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import { type CliIo, readTextFile } from "../io.js";
import {
  type Cell,
  formatCount,
  formatNumber,
  formatPercent,
  numberCell,
  percentCell,
  type Report,
  type Table,
  textCell,
} from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { LARGE_INPUT_CHARS, withStep } from "../progress.js";
import { compact } from "./planning.js";

/** Models that work on a path table (time-decay and W-shaped need event times or milestones). */
const MODELS = [
  "markov",
  "shapley",
  "first-touch",
  "last-touch",
  "last-non-direct",
  "linear",
  "position-based",
] as const;
type CliModel = (typeof MODELS)[number];

const FLAGS: FlagMap = {
  order: "--order",
  includeNulls: "--no-nulls",
  separator: "--separator",
  delimiter: "--delimiter",
  pathColumn: "--path-column",
  conversionsColumn: "--conversions-column",
  valueColumn: "--value-column",
  nullsColumn: "--nulls-column",
  directChannels: "--direct",
  model: "--model",
};

export const attributeCommand: Command = {
  name: "attribute",
  summary: "multi-touch attribution of conversions to channels",
  usage: "attribute PATHS.csv [--model MODEL] [--order K] [--compare] [options]",
  description: [
    "Reads an aggregated path table (path,total_conversions[,total_conversion_value][,total_null], paths",
    'like "Paid Search > Email") and credits the conversions to the channels: the Markov removal-effect',
    "model (default, computed exactly; --order for higher-order chains), Shapley values, or a rule",
    "(first-touch, last-touch, last-non-direct, linear, position-based). --compare puts several models side",
    "by side (--models to choose them). --plot draws the conversions credited to each channel (by model).",
  ],
  flags: [
    { name: "model", type: "string", value: "MODEL", help: `${MODELS.join(", ")} (default markov)` },
    { name: "order", type: "string", value: "K", help: "markov: order of the chain, 1 to 10 (default 1)" },
    { name: "no-nulls", type: "boolean", help: "markov: ignore the non-converting journeys (total_null)" },
    { name: "compare", type: "boolean", help: "compare models side by side" },
    {
      name: "models",
      type: "string",
      value: "M,M,...",
      help: "models for --compare (default first-touch,last-touch,linear,position-based,markov,shapley)",
    },
    { name: "direct", type: "string", value: "C,C,...", help: "last-non-direct: the direct channels (default Direct)" },
    { name: "separator", type: "string", value: "S", help: 'separator of the channels in a path (default ">")' },
    { name: "delimiter", type: "string", value: "C", help: "field delimiter of the file (default ,)" },
    { name: "path-column", type: "string", value: "NAME", help: 'column of the paths (default "path")' },
    {
      name: "conversions-column",
      type: "string",
      value: "NAME",
      help: 'column of the conversions (default "total_conversions")',
    },
    {
      name: "value-column",
      type: "string",
      value: "NAME",
      help: 'column of the value (default "total_conversion_value")',
    },
    {
      name: "nulls-column",
      type: "string",
      value: "NAME",
      help: 'column of the non-conversions (default "total_null")',
    },
    PLOT_FLAG,
  ],
  positionals: 1,
  examples: [
    "attribute examples/data/paths.csv",
    "attribute examples/data/paths.csv --model markov --order 2",
    "attribute examples/data/paths.csv --compare --format markdown",
    "attribute examples/data/paths.csv --compare --plot attribution.svg",
  ],
  run({ values, positionals, io }) {
    const path = positionals[0];
    if (path === undefined) throw new UsageError("needs the paths file (PATHS.csv)");
    const journeys = readJourneys(io, path, values);
    return attributeJourneys(io, path, journeys, values);
  },
};

function readJourneys(io: CliIo, path: string, values: FlagValues): { journeys: Journey[]; large: boolean } {
  const text = readTextFile(io, path);
  const large = text.length > LARGE_INPUT_CHARS;
  const options = compact({
    delimiter: values["delimiter"] === undefined ? undefined : delimiterFlag(values),
    separator: stringFlag(values, "separator"),
    pathColumn: stringFlag(values, "path-column"),
    conversionsColumn: stringFlag(values, "conversions-column"),
    valueColumn: stringFlag(values, "value-column"),
    nullsColumn: stringFlag(values, "nulls-column"),
  });
  const journeys = withStep(io, `reading ${path} (${formatCount(Math.round(text.length / 1000))} kB)`, large, () =>
    callLibrary(FLAGS, () => parseJourneys(text, options), path),
  );
  return { journeys, large };
}

/** Attribution of journeys read from `path` (also used by `demo`). */
export function attributeJourneys(
  io: CliIo,
  path: string,
  input: { journeys: Journey[]; large: boolean },
  values: FlagValues,
): Report {
  const { journeys, large } = input;
  exclusive(values, "compare", "model");
  if (values["models"] !== undefined && !booleanFlag(values, "compare"))
    throw new UsageError("--models needs --compare");
  const order = numberFlag(values, "order", { integer: true });
  const includeNulls = booleanFlag(values, "no-nulls") ? false : undefined;
  const directChannels = listFlag(values, "direct");
  const label = `${formatCount(journeys.length)} path rows`;

  if (booleanFlag(values, "compare")) {
    const names = listFlag(values, "models");
    const models: AttributionModelSpec[] = (
      names ?? ["first-touch", "last-touch", "linear", "position-based", "markov", "shapley"]
    ).map((name) => {
      if (!(MODELS as readonly string[]).includes(name)) {
        throw new UsageError(`--models: unknown model "${name}" (models: ${MODELS.join(", ")})`);
      }
      if (name === "markov") return compact({ model: "markov" as const, order, includeNulls });
      if (name === "last-non-direct" && directChannels !== undefined)
        return { model: "last-non-direct", directChannels };
      return name as AttributionModelSpec;
    });
    const separator = stringFlag(values, "separator");
    const comparison = withStep(io, `comparing ${models.length} models on ${label}`, large, () =>
      callLibrary(FLAGS, () => compareAttributionModels(journeys, models, compact({ separator })), path),
    );
    return {
      json: { comparison },
      tables: [comparisonTable(comparison)],
      summary: [compareSentence(comparison)],
      ...(wantsPlot(values) ? { chart: attributionChart(comparison, { title: "Conversions credited by model" }) } : {}),
    };
  }

  const model: CliModel = choiceFlag(values, "model", MODELS) ?? "markov";
  if (model !== "markov" && (order !== undefined || includeNulls !== undefined)) {
    throw new UsageError("--order and --no-nulls apply to --model markov");
  }
  if (model !== "last-non-direct" && directChannels !== undefined) {
    throw new UsageError("--direct applies to --model last-non-direct");
  }
  const separator = stringFlag(values, "separator");
  const result: AttributionResult = withStep(io, `fitting ${model} on ${label}`, large, () =>
    callLibrary(
      FLAGS,
      () => {
        if (model === "markov") return markovAttribution(journeys, compact({ order, includeNulls, separator }));
        if (model === "shapley") return shapleyAttribution(journeys, compact({ separator }));
        return heuristicAttribution(journeys, compact({ model, separator, directChannels }));
      },
      path,
    ),
  );
  return {
    json: { attribution: result },
    tables: [creditTable(result)],
    summary: [creditSentence(result)],
    ...(wantsPlot(values)
      ? { chart: attributionChart(result, { title: `Conversions credited (${result.model})` }) }
      : {}),
  };
}

function creditTable(result: AttributionResult): Table {
  const hasRemoval = result.channels.some((c) => "removalEffect" in c);
  const columns = [
    { name: "channel" },
    { name: "conversions", align: "right" as const },
    { name: "share", align: "right" as const },
    { name: "value", align: "right" as const },
  ];
  if (hasRemoval) columns.push({ name: "removal effect", align: "right" });
  const rows = [...result.channels]
    .sort((a, b) => b.conversions - a.conversions)
    .map((c) => {
      const cells: Cell[] = [
        textCell(c.channel),
        numberCell(c.conversions, 5),
        percentCell(c.share, 1),
        numberCell(c.value, 6),
      ];
      if (hasRemoval) cells.push(percentCell((c as { removalEffect?: number }).removalEffect ?? Number.NaN, 1));
      return cells;
    });
  return {
    title: `Attribution (${result.model})`,
    columns,
    rows,
    notes: [
      `${result.method}. ${formatNumber(result.totalConversions, 6)} conversions, value ${formatNumber(result.totalValue, 6)}.`,
      ...result.notes,
    ],
  };
}

function creditSentence(result: AttributionResult): string {
  const top = [...result.channels].sort((a, b) => b.conversions - a.conversions)[0];
  if (top === undefined) return "No channels.";
  return `${top.channel} earns the most credit under ${result.model}: ${formatNumber(top.conversions, 4)} of ${formatNumber(result.totalConversions, 6)} conversions (${formatPercent(top.share, 1)}).`;
}

function comparisonTable(comparison: AttributionComparison): Table {
  return {
    title: "Conversions credited by model",
    columns: [{ name: "channel" }, ...comparison.models.map((m) => ({ name: m, align: "right" as const }))],
    rows: comparison.channels.map((c) => [textCell(c.channel), ...c.conversions.map((x) => numberCell(x, 5))]),
    notes: [
      `Every column sums to ${formatNumber(comparison.totalConversions, 6)} conversions; the models disagree most where the channels' roles differ (openers vs closers).`,
    ],
  };
}

function compareSentence(comparison: AttributionComparison): string {
  let widest = { channel: "", spread: -1 };
  for (const c of comparison.channels) {
    const spread = Math.max(...c.share) - Math.min(...c.share);
    if (spread > widest.spread) widest = { channel: c.channel, spread };
  }
  return `The models disagree most on ${widest.channel}: its share ranges over ${formatNumber(widest.spread * 100, 3)} percentage points.`;
}
