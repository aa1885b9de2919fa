/**
 * `experiment-stats monitor interim.csv`: interim analysis of a running experiment, by a group
 * sequential design or by the always-valid mSPRT.
 *
 * @packageDocumentation
 */

import { sequentialBoundariesChart } from "../../report/index.js";
import {
  type GroupSequentialAnalysisResult,
  groupSequentialAnalysis,
  type MsprtLook,
  type MsprtResult,
  msprt,
} from "../../sequential/index.js";
import { compareMeans, compareProportions } from "../../significance/index.js";
import { choiceFlag, delimiterFlag, type FlagSpec, type FlagValues, numberFlag, stringFlag } from "../args.js";
import type { Command } from "../command.js";
import { type CsvFile, cellError, cellNumber, cellText, columnAt, readCsvFile, requireColumn } from "../csvFile.js";
import { callLibrary, DataError, UsageError } from "../errors.js";
import {
  type Cell,
  countCell,
  EMPTY,
  formatNumber,
  intervalCell,
  numberCell,
  percentCell,
  pValueCell,
  type Report,
  readoutSentences,
  type Table,
  textCell,
} from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { type MeanArm, type ProportionArm, readArmRows } from "./arms.js";
import { boundariesTable, DESIGN_FLAGS, designFromFlags, SEQUENTIAL_FLAG_MAP } from "./design.js";
import { KPI_METHODS, KPI_MONITOR_FLAGS, monitorKpi } from "./kpiMonitor.js";
import { MAX_N_FLAG, MSPRT_FLAGS, msprtOptions } from "./msprtOptions.js";
import { compact } from "./planning.js";

/** One look: cumulative data of both arms, or a z statistic. */
interface ArmLook {
  readonly look: number;
  readonly control: MsprtLook["control"];
  readonly treatment: MsprtLook["treatment"];
  /** Wald z: difference / standard error. */
  readonly z: number;
  readonly standardError: number;
  /** 1 / (1/n_C + 1/n_T): the information, in units of a per-arm sample size over 2. */
  readonly information: number;
}

interface ZLook {
  readonly look: number;
  readonly z: number;
  readonly informationRate?: number;
  readonly standardError?: number;
}

const METHODS = ["gsd", "msprt", ...KPI_METHODS] as const;

/** `--baseline` in `monitor`: the msprt planned variance, or the known rate of the binomial and Poisson monitors. */
const BASELINE_FLAG: FlagSpec = {
  name: "baseline",
  type: "string",
  value: "RATE",
  help: "msprt: planned variance 2p(1-p) from this conversion rate (with --max-n); binomial/poisson: the known in-control rate",
};

export const monitorCommand: Command = {
  name: "monitor",
  summary: "interim analysis (group sequential, mSPRT) or live campaign monitoring (EWMA, CUSUM, exact tests)",
  usage: "monitor FILE.csv [--method gsd|msprt|ewma|cusum|binomial|poisson] [options]",
  description: [
    "Two jobs. Interim analysis of an experiment (--method gsd or msprt) and live monitoring of a campaign",
    "metric for anomalies (--method ewma, cusum, binomial or poisson).",
    "",
    "Reads the cumulative data at each look, either look,variant,visitors,conversions (or look,variant,n,mean,sd),",
    "two rows per look with the control first (or --control), or look,z with optional information and se",
    "columns. --method gsd (default) compares the z path with the boundaries of the design given by the",
    "design flags (as for 'design'; information = units so far / --max-n, else the planned fractions).",
    "--method msprt gives always-valid p-values and intervals (Johari et al.), with --mixing-variance, or",
    "--max-n with --planned-variance (or --baseline for conversion rates).",
    "",
    "Campaign monitoring reads one row per period (oldest first; a period, date, day, hour or week column",
    "labels the rows) and flags the periods that depart from an in-control baseline, at a false-alarm rate",
    "--alpha per period (default 0.0027, the rate of a 3-sigma chart):",
    "  ewma, cusum  date,value        control charts on a number per period (cost, bounce rate, revenue);",
    "                                 --column picks the value column; baseline: --baseline-points N (the first",
    "                                 N rows estimate the mean and sd) or --baseline-mean M --baseline-sd S",
    "  binomial     date,successes,trials   exact binomial test of each period's rate (clicks of impressions,",
    "                                 conversions of visits); --column and --per name the two columns;",
    "                                 baseline: --baseline-points N or --baseline RATE",
    "  poisson      date,count[,exposure]   exact Poisson test of each period's count (per unit of exposure:",
    "                                 hours, impressions); --column and --per name them; baseline as binomial",
  ],
  flags: [
    {
      name: "method",
      type: "string",
      value: "M",
      help: "gsd (group sequential, default), msprt, or a campaign monitor: ewma, cusum, binomial, poisson",
    },
    { name: "control", type: "string", value: "NAME", help: "variant that is the control (default: first row)" },
    MAX_N_FLAG,
    ...MSPRT_FLAGS.map((f) => (f.name === "baseline" ? BASELINE_FLAG : f)),
    ...DESIGN_FLAGS,
    ...KPI_MONITOR_FLAGS,
    { name: "delimiter", type: "string", value: "C", help: "field delimiter of the file (default ,)" },
    PLOT_FLAG,
  ],
  positionals: 1,
  examples: [
    "monitor examples/data/interim.csv --looks 4 --spending obrien-fleming --max-n 30000",
    "monitor examples/data/interim.csv --method msprt --max-n 30000 --baseline 5%",
    "monitor zpath.csv --looks 5 --alpha 5% --sided 2",
    "monitor examples/data/interim.csv --looks 4 --max-n 30000 --plot looks.svg",
    "monitor examples/data/campaign.csv --method binomial --column clicks --per impressions --baseline-points 14",
    "monitor examples/data/campaign.csv --method ewma --column cost --baseline-points 14",
    "monitor examples/data/campaign.csv --method cusum --column cost --baseline-points 14 --alternative greater",
  ],
  run({ values, positionals, io }) {
    const path = positionals[0];
    if (path === undefined) throw new UsageError("needs the interim data file (INTERIM.csv)");
    const method = choiceFlag(values, "method", METHODS) ?? "gsd";
    if (method === "gsd" || method === "msprt") {
      for (const flag of KPI_MONITOR_FLAGS) {
        if (values[flag.name] !== undefined) {
          throw new UsageError(`--${flag.name} applies to --method ewma, cusum, binomial or poisson, not ${method}`);
        }
      }
    } else {
      for (const flag of [...DESIGN_FLAGS, MAX_N_FLAG, ...MSPRT_FLAGS, PLOT_FLAG]) {
        if (flag.name !== "alpha" && flag.name !== "baseline" && values[flag.name] !== undefined) {
          throw new UsageError(`--${flag.name} applies to --method gsd or msprt, not ${method}`);
        }
      }
      if (values["control"] !== undefined) throw new UsageError(`--control applies to --method gsd or msprt`);
    }
    const file = readCsvFile(io, path, delimiterFlag(values));
    if (method === "msprt") return monitorMsprt(file, values);
    if (method === "gsd") return monitorGroupSequential(file, values);
    return monitorKpi(file, values, method);
  },
};

function monitorGroupSequential(file: CsvFile, values: FlagValues): Report {
  for (const flag of ["mixing-variance", "planned-variance", "baseline"]) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to --method msprt`);
  }
  const maxN = numberFlag(values, "max-n");
  if (maxN !== undefined && !(maxN > 0)) throw new UsageError(`--max-n: must be > 0 (got ${maxN})`);
  const design = designFromFlags(values);
  let looks: ZLook[];
  if (columnAt(file, "z") >= 0) {
    if (maxN !== undefined) throw new UsageError("--max-n needs arm data (look,variant,...), not a z column");
    looks = readZLooks(file);
  } else {
    const armLooks = readArmLooks(file, stringFlag(values, "control"));
    looks = armLooks.map((l) =>
      compact({
        look: l.look,
        z: l.z,
        standardError: l.standardError,
        informationRate: maxN === undefined ? undefined : l.information / (maxN / 2),
      }),
    );
  }
  const rates = looks.every((l) => l.informationRate !== undefined) ? looks.map((l) => l.informationRate!) : undefined;
  const ses = looks.every((l) => l.standardError !== undefined) ? looks.map((l) => l.standardError!) : undefined;
  if (looks.some((l) => l.informationRate !== undefined) && rates === undefined) {
    throw new DataError(`${file.path}: the information column must be filled on every look or on none`);
  }
  const analysis = callLibrary(
    SEQUENTIAL_FLAG_MAP,
    () =>
      groupSequentialAnalysis(
        design,
        compact({ zStatistics: looks.map((l) => l.z), informationRates: rates, standardErrors: ses }),
      ),
    file.path,
  );
  const report: Report = {
    json: { design, analysis },
    tables: [lookTable(analysis), boundariesTable(design)],
    summary: readoutSentences(analysis),
  };
  if (!wantsPlot(values)) return report;
  return {
    ...report,
    chart: sequentialBoundariesChart(design, analysis, { title: "Interim looks against the boundaries" }),
  };
}

function lookTable(analysis: GroupSequentialAnalysisResult): Table {
  const hasCi = analysis.looks.some((l) => l.repeatedConfidenceInterval !== undefined);
  const columns = [
    { name: "look" },
    { name: "information", align: "right" as const },
    { name: "z", align: "right" as const },
    { name: "efficacy bound", align: "right" as const },
    { name: "decision" },
    { name: "repeated p", align: "right" as const },
  ];
  if (hasCi) columns.push({ name: "repeated CI", align: "right" });
  const rows = analysis.looks.map((l) => {
    const cells: Cell[] = [
      countCell(l.look),
      percentCell(l.informationRate, 1),
      numberCell(l.zStatistic),
      numberCell(l.criticalValue),
      textCell(l.decision),
      pValueCell(l.repeatedPValue),
    ];
    if (hasCi) {
      const ci = l.repeatedConfidenceInterval;
      cells.push(ci === undefined ? EMPTY : intervalCell(ci.lower, ci.upper, (x) => formatNumber(x)));
    }
    return cells;
  });
  // The final inference is in the readout sentences under the tables.
  const notes = [analysis.method];
  return { title: "Interim looks", columns, rows, notes };
}

function monitorMsprt(file: CsvFile, values: FlagValues): Report {
  for (const flag of DESIGN_FLAGS) {
    if (flag.name !== "alpha" && values[flag.name] !== undefined) {
      throw new UsageError(`--${flag.name} applies to --method gsd, not msprt`);
    }
  }
  if (wantsPlot(values)) throw new UsageError("--plot applies to --method gsd (the boundaries chart)");
  if (columnAt(file, "z") >= 0) throw new DataError(`${file.path}: msprt needs arm data (look,variant,...), not z`);
  const looks = readArmLooks(file, stringFlag(values, "control"));
  const { options, flags } = msprtOptions(values, numberFlag(values, "alpha", { percent: true }));
  const result: MsprtResult = callLibrary(
    flags,
    () =>
      msprt(
        looks.map((l) => ({ control: l.control, treatment: l.treatment })),
        options,
      ),
    file.path,
  );
  const table: Table = {
    title: "Always-valid monitoring (mSPRT)",
    columns: [
      { name: "look" },
      { name: "difference", align: "right" },
      { name: "standard error", align: "right" },
      { name: "likelihood ratio", align: "right" },
      { name: "always-valid p", align: "right" },
      { name: `${formatNumber(result.confidenceInterval.level * 100)} % always-valid CI`, align: "right" },
      { name: "rejected" },
    ],
    rows: result.looks.map((l) => [
      countCell(l.look),
      numberCell(l.estimate),
      numberCell(l.standardError),
      numberCell(l.likelihoodRatio),
      pValueCell(l.pValue),
      intervalCell(l.confidenceInterval.lower, l.confidenceInterval.upper, (x) => formatNumber(x)),
      textCell(l.rejected ? "yes" : "no"),
    ]),
    notes: [
      `${result.method}; mixing variance ${formatNumber(result.mixingVariance)}, alpha ${formatNumber(result.alpha)}.`,
    ],
  };
  return { json: { msprt: result }, tables: [table], summary: readoutSentences(result) };
}

function readZLooks(file: CsvFile): ZLook[] {
  const lookAt = columnAt(file, "look");
  const zAt = requireColumn(file, "z");
  const infoAt = columnAt(file, "information");
  const seAt = columnAt(file, "se");
  const looks = file.rows.map((row, i) => {
    const look = lookAt < 0 ? i + 1 : cellNumber(file, row, lookAt, { integer: true, min: 1 });
    if (look !== i + 1) throw cellError(file, row, lookAt, `must be ${i + 1} (looks in order, one row each)`);
    const info = infoAt < 0 || cellText(row, infoAt) === "" ? undefined : cellNumber(file, row, infoAt, { min: 0 });
    const se = seAt < 0 || cellText(row, seAt) === "" ? undefined : cellNumber(file, row, seAt, { min: 0 });
    return compact({ look, z: cellNumber(file, row, zAt), informationRate: info, standardError: se }) as ZLook;
  });
  return looks;
}

function readArmLooks(file: CsvFile, controlName: string | undefined): ArmLook[] {
  const lookAt = requireColumn(file, "look");
  const arms = readArmRows(file);
  const byLook = new Map<number, { line: number; arm: ProportionArm | MeanArm }[]>();
  file.rows.forEach((row, i) => {
    const look = cellNumber(file, row, lookAt, { integer: true, min: 1 });
    const list = byLook.get(look) ?? [];
    list.push({ line: row.line, arm: arms.arms[i]! });
    byLook.set(look, list);
  });
  const out: ArmLook[] = [];
  const lookNumbers = [...byLook.keys()].sort((a, b) => a - b);
  let control = controlName;
  lookNumbers.forEach((look, i) => {
    const rows = byLook.get(look)!;
    if (look !== i + 1)
      throw new DataError(`${file.path}: looks must be numbered 1, 2, 3, …; look ${i + 1} is missing`);
    if (rows.length !== 2) {
      throw new DataError(
        `${file.path}: look ${look} has ${rows.length} rows (line ${rows[0]!.line}); each look needs two arms`,
      );
    }
    control ??= rows[0]!.arm.variant;
    const c = rows.find((r) => r.arm.variant === control);
    const t = rows.find((r) => r.arm.variant !== control);
    if (c === undefined || t === undefined) {
      throw new DataError(`${file.path}: look ${look} (line ${rows[0]!.line}) has no row for the control "${control}"`);
    }
    out.push(armLook(file.path, look, c.arm, t.arm));
  });
  return out;
}

function armLook(path: string, look: number, c: ProportionArm | MeanArm, t: ProportionArm | MeanArm): ArmLook {
  if ("visitors" in c && "visitors" in t) {
    const control = { visitors: c.visitors, conversions: c.conversions };
    const treatment = { visitors: t.visitors, conversions: t.conversions };
    const r = callLibrary(
      {},
      () => compareProportions(control, treatment, { test: "z-unpooled" }),
      `${path}: look ${look}`,
    );
    return {
      look,
      control,
      treatment,
      z: r.difference.estimate / r.difference.standardError,
      standardError: r.difference.standardError,
      information: 1 / (1 / control.visitors + 1 / treatment.visitors),
    };
  }
  const control = { n: (c as MeanArm).n, mean: (c as MeanArm).mean, sd: (c as MeanArm).sd };
  const treatment = { n: (t as MeanArm).n, mean: (t as MeanArm).mean, sd: (t as MeanArm).sd };
  const r = callLibrary({}, () => compareMeans(control, treatment), `${path}: look ${look}`);
  return {
    look,
    control,
    treatment,
    z: r.difference.estimate / r.difference.standardError,
    standardError: r.difference.standardError,
    information: 1 / (1 / control.n + 1 / treatment.n),
  };
}
