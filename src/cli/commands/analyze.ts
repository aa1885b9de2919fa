/**
 * `experiment-stats analyze results.csv`: the readout of an experiment from one row per arm.
 *
 * @packageDocumentation
 */
import {
  type BayesianMeansResult,
  type BayesianProportionsResult,
  bayesianMeans,
  bayesianProportions,
} from "../../bayesian/index.js";
import { type MsprtResult, msprt } from "../../sequential/index.js";
import {
  type AdjustPValuesResult,
  adjustPValues,
  type CompareMeansResult,
  type CompareProportionsResult,
  compareMeans,
  compareProportions,
  type PValueAdjustmentName,
  type SampleRatioMismatchTestResult,
  sampleRatioMismatchTest,
} from "../../significance/index.js";
import {
  booleanFlag,
  choiceFlag,
  delimiterFlag,
  type FlagValues,
  numberFlag,
  numberListFlag,
  stringFlag,
} from "../args.js";
import type { Command } from "../command.js";
import { readCsvFile } from "../csvFile.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import {
  type Cell,
  countCell,
  EMPTY,
  formatNumber,
  formatPercent,
  formatPValue,
  intervalCell,
  numberCell,
  percentCell,
  pValueCell,
  type Report,
  signedPercentCell,
  type Table,
  textCell,
} from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { type Arms, type MeanArm, type ProportionArm, readArms, splitControl } from "./arms.js";
import { posteriorDensities } from "./charts.js";
import { MAX_N_FLAG, MSPRT_FLAGS, msprtOptions } from "./msprtOptions.js";
import { compact } from "./planning.js";

const CORRECTIONS: readonly PValueAdjustmentName[] = [
  "holm",
  "bonferroni",
  "hochberg",
  "hommel",
  "sidak",
  "holm-sidak",
  "benjamini-hochberg",
  "benjamini-yekutieli",
  "BH",
  "BY",
  "fdr",
];

const FLAGS: FlagMap = {
  alternative: "--alternative",
  confidenceLevel: "--confidence",
  credibleLevel: "--confidence",
  test: "--test",
  interval: "--interval",
  equalVariance: "--equal-variance",
  threshold: "--srm-threshold",
  expectedWeights: "--weights",
};

/** One treatment compared with the control. */
export interface Comparison {
  readonly variant: string;
  readonly result: CompareProportionsResult | CompareMeansResult;
  /** The p-value after `--correction`, when asked for. */
  readonly adjustedPValue?: number;
}

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "readout of an experiment from one row per arm",
  usage: "analyze RESULTS.csv [options]",
  description: [
    "Reads one row per arm, either variant,visitors,conversions (conversion rates) or variant,n,mean,sd",
    "(means), and compares every arm with the control (the first row, or --control): difference and relative",
    "lift with confidence intervals and p-values (z-test of proportions, Welch t-test of means).",
    "With more than one treatment, --correction adjusts the p-values for multiple comparisons. --srm checks",
    "the split of units against the design (--weights), --bayesian adds the chance to win and expected loss.",
    "--sequential reads the file as the latest look of a continuously monitored test and adds always-valid",
    "(mSPRT) p-values and intervals, with --mixing-variance, or --max-n with --planned-variance or --baseline.",
    "--plot (with --bayesian) draws the posterior densities: of each arm's rate, or of each effect on a mean.",
  ],
  flags: [
    { name: "control", type: "string", value: "NAME", help: "variant that is the control (default: the first row)" },
    { name: "alternative", type: "string", value: "ALT", help: "two-sided (default), greater or less" },
    { name: "confidence", type: "string", value: "LEVEL", help: "confidence (and credible) level (default 95%)" },
    {
      name: "correction",
      type: "string",
      value: "ADJ",
      help: `multiple-comparison adjustment of the p-values: ${CORRECTIONS.slice(0, 8).join(", ")}`,
    },
    { name: "test", type: "string", value: "TEST", help: "rates: z-pooled (default), z-unpooled or yates" },
    {
      name: "interval",
      type: "string",
      value: "CI",
      help: "rates: interval of the difference, wald (default), newcombe or agresti-caffo",
    },
    { name: "equal-variance", type: "boolean", help: "means: Student's pooled t-test instead of Welch's" },
    { name: "srm", type: "boolean", help: "check for a sample ratio mismatch (chi-square goodness of fit)" },
    {
      name: "weights",
      type: "string",
      value: "W,W,...",
      help: "designed split of the units, in file order, e.g. 50,50 (default: equal); implies --srm",
    },
    {
      name: "srm-threshold",
      type: "string",
      value: "P",
      help: "p-value below which the split is a mismatch (default 0.001)",
    },
    { name: "bayesian", type: "boolean", help: "add the Bayesian readout (Beta-Binomial for rates, normal for means)" },
    {
      name: "sequential",
      type: "boolean",
      help: "add always-valid (mSPRT) p-values and intervals, safe to check at any time; needs the msprt flags",
    },
    MAX_N_FLAG,
    ...MSPRT_FLAGS,
    { name: "delimiter", type: "string", value: "C", help: "field delimiter of the file (default ,)" },
    PLOT_FLAG,
  ],
  positionals: 1,
  examples: [
    "analyze examples/data/conversions.csv",
    "analyze examples/data/conversions.csv --correction holm --srm --bayesian",
    "analyze examples/data/revenue.csv --alternative greater --format markdown",
    "analyze examples/data/conversions.csv --sequential --max-n 30000 --baseline 5%",
    "analyze examples/data/conversions.csv --bayesian --plot posteriors.svg",
  ],
  run({ values, positionals, io }) {
    const path = positionals[0];
    if (path === undefined) throw new UsageError("needs the results file (RESULTS.csv)");
    const delimiter = delimiterFlag(values);
    const file = readCsvFile(io, path, delimiter);
    return analyzeArms(path, readArms(file), values);
  },
};

/** The readout of the arms of a results file. */
export function analyzeArms(path: string, data: Arms, values: FlagValues): Report {
  const controlName = stringFlag(values, "control");
  const alternative = choiceFlag(values, "alternative", ["two-sided", "greater", "less"] as const);
  const confidenceLevel = numberFlag(values, "confidence", { percent: true });
  const correction = choiceFlag(values, "correction", CORRECTIONS);
  const weights = numberListFlag(values, "weights");
  const srmThreshold = numberFlag(values, "srm-threshold", { percent: true });
  const srm = booleanFlag(values, "srm") || weights !== undefined || srmThreshold !== undefined;
  const bayesian = booleanFlag(values, "bayesian");
  if (wantsPlot(values) && !bayesian)
    throw new UsageError("--plot needs --bayesian (the chart is the posterior densities)");
  const sequential = booleanFlag(values, "sequential");
  if (!sequential) {
    for (const flag of [MAX_N_FLAG, ...MSPRT_FLAGS]) {
      if (values[flag.name] !== undefined) throw new UsageError(`--${flag.name} applies to --sequential`);
    }
  }

  if (data.kind === "proportions" && booleanFlag(values, "equal-variance")) {
    throw new UsageError("--equal-variance applies to means (variant,n,mean,sd), not to conversion rates");
  }
  if (data.kind === "means") {
    for (const flag of ["test", "interval"]) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to conversion rates, not to means`);
    }
  }
  if (weights !== undefined && weights.length !== data.arms.length) {
    throw new UsageError(`--weights: needs one weight per arm (${data.arms.length}), got ${weights.length}`);
  }

  const tables: Table[] = [armsTable(data)];
  const summary: string[] = [];
  let comparisons: Comparison[];
  let controlVariant: string;
  let bayes: { variant: string; result: BayesianProportionsResult | BayesianMeansResult }[] | undefined;

  if (data.kind === "proportions") {
    const { control, treatments } = splitControl(path, data.arms, controlName);
    controlVariant = control.variant;
    const options = compact({
      alternative,
      confidenceLevel,
      test: choiceFlag(values, "test", ["z-pooled", "z-unpooled", "yates"] as const),
      interval: choiceFlag(values, "interval", ["wald", "newcombe", "agresti-caffo"] as const),
    });
    comparisons = treatments.map((t) => ({
      variant: t.variant,
      result: callLibrary(FLAGS, () => compareProportions(arm(control), arm(t), options), `${path}: ${t.variant}`),
    }));
    if (bayesian) {
      bayes = treatments.map((t) => ({
        variant: t.variant,
        result: callLibrary(
          FLAGS,
          () => bayesianProportions(arm(control), arm(t), compact({ credibleLevel: confidenceLevel })),
          `${path}: ${t.variant}`,
        ),
      }));
    }
  } else {
    const { control, treatments } = splitControl(path, data.arms, controlName);
    controlVariant = control.variant;
    const options = compact({
      alternative,
      confidenceLevel,
      equalVariance: booleanFlag(values, "equal-variance") ? true : undefined,
    });
    comparisons = treatments.map((t) => ({
      variant: t.variant,
      result: callLibrary(FLAGS, () => compareMeans(summary3(control), summary3(t), options), `${path}: ${t.variant}`),
    }));
    if (bayesian) {
      bayes = treatments.map((t) => ({
        variant: t.variant,
        result: callLibrary(
          FLAGS,
          () => bayesianMeans(summary3(control), summary3(t), compact({ credibleLevel: confidenceLevel })),
          `${path}: ${t.variant}`,
        ),
      }));
    }
  }

  let adjusted: AdjustPValuesResult | undefined;
  if (correction !== undefined) {
    adjusted = callLibrary(FLAGS, () =>
      adjustPValues(
        comparisons.map((c) => c.result.pValue),
        correction,
      ),
    );
    const adjustedPValues = adjusted.adjustedPValues;
    comparisons = comparisons.map((c, i) => ({ ...c, adjustedPValue: adjustedPValues[i]! }));
  }
  tables.push(comparisonTable(controlVariant, data.kind, comparisons, adjusted));
  for (const c of comparisons) summary.push(readout(controlVariant, data.kind, c));

  let srmResult: SampleRatioMismatchTestResult | undefined;
  if (srm) {
    const counts = data.kind === "proportions" ? data.arms.map((a) => a.visitors) : data.arms.map((a) => a.n);
    const result = callLibrary(FLAGS, () =>
      sampleRatioMismatchTest(counts, weights ?? counts.map(() => 1), compact({ threshold: srmThreshold })),
    );
    srmResult = result;
    tables.push(srmTable(data, result));
    summary.push(
      result.mismatch
        ? `Sample ratio mismatch: p = ${formatPValue(result.pValue)} < ${formatNumber(result.threshold)}. The split of units does not match the design; do not trust the readout until the cause is found.`
        : `No sample ratio mismatch (p = ${formatPValue(result.pValue)}, alert below ${formatNumber(result.threshold)}).`,
    );
  }
  if (bayes !== undefined) tables.push(bayesTable(controlVariant, bayes));

  let always: { variant: string; result: MsprtResult }[] | undefined;
  if (sequential) {
    // The file is the latest cumulative look; msprt's alpha is 1 - confidence.
    const alpha = confidenceLevel === undefined ? undefined : Number((1 - confidenceLevel).toPrecision(12));
    const { options, flags } = msprtOptions(values, alpha);
    const { control, treatments } = splitControl<ProportionArm | MeanArm>(path, data.arms, controlName);
    always = treatments.map((t) => ({
      variant: t.variant,
      result: callLibrary(
        { ...flags, alpha: "--confidence" },
        () => msprt([{ control: armData(control), treatment: armData(t) }], options),
        `${path}: ${t.variant}`,
      ),
    }));
    tables.push(sequentialTable(controlVariant, data.kind, always));
    for (const { variant, result } of always) {
      summary.push(
        result.decision === "reject"
          ? `${variant}: always-valid p = ${formatPValue(result.pValue)} < ${formatNumber(result.alpha)}: significant however often the test was checked.`
          : `${variant}: always-valid p = ${formatPValue(result.pValue)}: not yet significant at ${formatNumber(result.alpha)} under continuous monitoring; keep collecting data.`,
      );
    }
  }

  const json = compact({
    kind: data.kind,
    control: controlVariant,
    arms: data.arms.map(({ line: _line, ...rest }) => rest),
    comparisons,
    correction: adjusted,
    srm: srmResult,
    bayesian: bayes,
    sequential: always,
  });
  if (bayes === undefined || !wantsPlot(values)) return { json, tables, summary };
  return { json, tables, summary, chart: posteriorDensities(controlVariant, bayes) };
}

function arm(a: ProportionArm): { visitors: number; conversions: number } {
  return { visitors: a.visitors, conversions: a.conversions };
}

function summary3(a: MeanArm): { n: number; mean: number; sd: number } {
  return { n: a.n, mean: a.mean, sd: a.sd };
}

function armData(a: ProportionArm | MeanArm): ReturnType<typeof arm> | ReturnType<typeof summary3> {
  return "visitors" in a ? arm(a) : summary3(a);
}

function sequentialTable(
  control: string,
  kind: Arms["kind"],
  rows: readonly { variant: string; result: MsprtResult }[],
): Table {
  const first = rows[0]!.result;
  const diff = (x: number): string => (kind === "proportions" ? `${formatNumber(x * 100, 3)} pp` : formatNumber(x));
  return {
    title: `Always-valid readout (mSPRT) against ${control}`,
    columns: [
      { name: "variant" },
      { name: "difference", align: "right" },
      { name: "always-valid p", align: "right" },
      { name: `${levelText(first.confidenceInterval.level)} always-valid CI`, align: "right" },
      { name: "decision" },
    ],
    rows: rows.map(({ variant, result }) => {
      const look = result.looks[result.looks.length - 1]!;
      return [
        textCell(variant),
        { text: (look.estimate > 0 ? "+" : "") + diff(look.estimate), value: look.estimate },
        pValueCell(result.pValue),
        intervalCell(result.confidenceInterval.lower, result.confidenceInterval.upper, diff),
        textCell(result.decision),
      ];
    }),
    notes: [`${first.method}; mixing variance ${formatNumber(first.mixingVariance)}.`],
  };
}

function armsTable(data: Arms): Table {
  if (data.kind === "proportions") {
    return {
      title: "Arms",
      columns: [
        { name: "variant" },
        { name: "visitors", align: "right" },
        { name: "conversions", align: "right" },
        { name: "rate", align: "right" },
      ],
      rows: data.arms.map((a) => [
        textCell(a.variant),
        countCell(a.visitors),
        countCell(a.conversions),
        percentCell(a.conversions / a.visitors),
      ]),
    };
  }
  return {
    title: "Arms",
    columns: [
      { name: "variant" },
      { name: "n", align: "right" },
      { name: "mean", align: "right" },
      { name: "sd", align: "right" },
    ],
    rows: data.arms.map((a) => [textCell(a.variant), countCell(a.n), numberCell(a.mean), numberCell(a.sd)]),
  };
}

function levelText(level: number): string {
  return `${formatNumber(level * 100, 4)} %`;
}

function comparisonTable(
  control: string,
  kind: Arms["kind"],
  comparisons: readonly Comparison[],
  adjusted: AdjustPValuesResult | undefined,
): Table {
  const first = comparisons[0]!.result;
  const level = levelText(first.confidenceLevel);
  const diff = (x: number): string => (kind === "proportions" ? `${formatNumber(x * 100, 3)} pp` : formatNumber(x));
  const lift = (x: number): string => formatPercent(x, 2, true);
  const columns = [
    { name: "variant" },
    { name: "difference", align: "right" as const },
    { name: `${level} CI`, align: "right" as const },
    { name: "relative lift", align: "right" as const },
    { name: `${level} CI of lift`, align: "right" as const },
    { name: "p-value", align: "right" as const },
  ];
  if (adjusted !== undefined) columns.push({ name: `p (${adjusted.adjustment})`, align: "right" });
  const rows = comparisons.map((c) => {
    const r = c.result;
    const cells: Cell[] = [
      textCell(c.variant),
      { text: (r.difference.estimate > 0 ? "+" : "") + diff(r.difference.estimate), value: r.difference.estimate },
      intervalCell(r.difference.confidenceInterval.lower, r.difference.confidenceInterval.upper, diff),
      signedPercentCell(r.relativeLift.estimate),
      intervalCell(r.relativeLift.confidenceInterval.lower, r.relativeLift.confidenceInterval.upper, lift),
      pValueCell(r.pValue),
    ];
    if (adjusted !== undefined) cells.push(c.adjustedPValue === undefined ? EMPTY : pValueCell(c.adjustedPValue));
    return cells;
  });
  const notes = [`${first.method}, ${first.alternative}; every arm against the control "${control}".`];
  if (adjusted !== undefined) notes.push(`p-values adjusted by ${adjusted.method}.`);
  return { title: `Comparison with ${control}`, columns, rows, notes };
}

function readout(control: string, kind: Arms["kind"], c: Comparison): string {
  const r = c.result;
  const ci = r.relativeLift.confidenceInterval;
  const level = levelText(r.confidenceLevel);
  const p =
    c.adjustedPValue === undefined ? `p = ${formatPValue(r.pValue)}` : `adjusted p = ${formatPValue(c.adjustedPValue)}`;
  const lift = `${formatPercent(r.relativeLift.estimate, 1, true)}, ${level} CI ${formatPercent(ci.lower, 1, true)} to ${formatPercent(ci.upper, 1, true)}`;
  if (kind === "proportions") {
    const pr = r as CompareProportionsResult;
    return `${c.variant} converts ${formatPercent(pr.treatment.rate, 2)} vs ${formatPercent(pr.control.rate, 2)} for ${control} (${lift}), ${p}.`;
  }
  const mr = r as CompareMeansResult;
  return `${c.variant} averages ${formatNumber(mr.treatment.mean)} vs ${formatNumber(mr.control.mean)} for ${control} (${lift}), ${p}.`;
}

function srmTable(data: Arms, r: SampleRatioMismatchTestResult): Table {
  return {
    title: "Sample ratio mismatch",
    columns: [
      { name: "variant" },
      { name: "units", align: "right" },
      { name: "expected", align: "right" },
      { name: "share", align: "right" },
      { name: "designed share", align: "right" },
    ],
    rows: data.arms.map((a, i) => [
      textCell(a.variant),
      countCell(r.observedCounts[i]!),
      numberCell(r.expectedCounts[i]!, 6),
      percentCell(r.observedProportions[i]!),
      percentCell(r.expectedProportions[i]!),
    ]),
    notes: [
      `${r.method}: chi-square = ${formatNumber(r.statistic)}, df = ${r.df}, p = ${formatPValue(r.pValue)}` +
        ` (mismatch below ${formatNumber(r.threshold)}): ${r.mismatch ? "MISMATCH" : "no mismatch"}.`,
    ],
  };
}

function bayesTable(
  control: string,
  rows: readonly { variant: string; result: BayesianProportionsResult | BayesianMeansResult }[],
): Table {
  const first = rows[0]!.result;
  const level = levelText(first.credibleLevel);
  const lift = (x: number): string => formatPercent(x, 2, true);
  return {
    title: `Bayesian readout against ${control}`,
    columns: [
      { name: "variant" },
      { name: "chance to beat control", align: "right" },
      { name: "lift (posterior mean)", align: "right" },
      { name: `${level} credible interval`, align: "right" },
      { name: "expected loss", align: "right" },
    ],
    rows: rows.map(({ variant, result }) => {
      if ("probabilityTreatmentBetter" in result) {
        const ci = result.relativeLift.credibleInterval;
        return [
          textCell(variant),
          percentCell(result.probabilityTreatmentBetter),
          signedPercentCell(result.relativeLift.mean),
          intervalCell(ci.lower, ci.upper, lift),
          { text: `${formatNumber(result.expectedLoss.treatment * 100, 3)} pp`, value: result.expectedLoss.treatment },
        ];
      }
      const ci = result.credibleInterval;
      const fmt = result.relative ? lift : (x: number) => formatNumber(x);
      return [
        textCell(variant),
        percentCell(result.chanceToWin),
        result.relative ? signedPercentCell(result.posteriorMean) : numberCell(result.posteriorMean),
        intervalCell(ci.lower, ci.upper, fmt),
        result.relative ? percentCell(result.risk.treatment, 3) : numberCell(result.risk.treatment),
      ];
    }),
    notes: [first.method, "Expected loss: what shipping the variant costs, on average, if it is in fact worse."],
  };
}
