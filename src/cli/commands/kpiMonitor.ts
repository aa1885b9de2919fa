/**
 * `experiment-stats monitor campaign.csv --method ewma|cusum|binomial|poisson`: live monitoring of a
 * campaign metric (issue 9) with the KPI area's `monitorMetric`, one row of the file per period.
 *
 * @packageDocumentation
 */
import {
  type CountPoint,
  type MonitoredPoint,
  type MonitorMethod,
  type MonitorMetricOptions,
  type MonitorMetricResult,
  monitorMetric,
  type RatePoint,
} from "../../kpi/index.js";
import { choiceFlag, type FlagSpec, type FlagValues, numberFlag, stringFlag } from "../args.js";
import { type CsvFile, cellError, cellNumber, cellText, columnAt, requireColumn } from "../csvFile.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import {
  type Cell,
  type Column,
  countCell,
  EMPTY,
  formatNumber,
  formatPercent,
  keyValueTable,
  numberCell,
  percentCell,
  pValueCell,
  type Report,
  type Table,
  textCell,
} from "../output.js";
import { compact } from "./planning.js";

/** The KPI monitors of `monitor --method`. */
export const KPI_METHODS: readonly MonitorMethod[] = ["ewma", "cusum", "binomial", "poisson"];

/** Flags that only the KPI monitors take. */
export const KPI_MONITOR_FLAGS: readonly FlagSpec[] = [
  {
    name: "column",
    type: "string",
    value: "NAME",
    help: "ewma/cusum: the value column (default value); binomial: successes (default successes); poisson: count (default count)",
  },
  {
    name: "per",
    type: "string",
    value: "NAME",
    help: "binomial: the trials column (default trials); poisson: the exposure column (default exposure, if present)",
  },
  {
    name: "baseline-points",
    type: "string",
    value: "N",
    help: "ewma/cusum/binomial/poisson: the first N rows are the in-control baseline (not monitored)",
  },
  { name: "baseline-mean", type: "string", value: "M", help: "ewma/cusum: known in-control mean (with --baseline-sd)" },
  { name: "baseline-sd", type: "string", value: "S", help: "ewma/cusum: known in-control standard deviation" },
  {
    name: "alternative",
    type: "string",
    value: "ALT",
    help: "cusum/binomial/poisson: alarms on two-sided (default), greater (spikes) or less (drops)",
  },
  { name: "lambda", type: "string", value: "L", help: "ewma: smoothing weight in [0.02, 1] (default 0.2)" },
  {
    name: "reference-value",
    type: "string",
    value: "K",
    help: "cusum: reference value k in sd units, about half the shift to detect (default 0.5)",
  },
];

/** Columns whose text names the period of a row, in the order they are looked for. */
const PERIOD_COLUMNS = ["period", "date", "day", "hour", "week", "time", "timestamp"];

const FLAG_MAP = (baselineFlag: string): FlagMap => ({
  alpha: "--alpha",
  alternative: "--alternative",
  lambda: "--lambda",
  referenceValue: "--reference-value",
  baseline: baselineFlag,
  "baseline.mean": "--baseline-mean",
  "baseline.sd": "--baseline-sd",
  "baseline.rate": "--baseline",
});

/** The series of a file and the label of each row. */
interface Series {
  readonly periods: readonly string[];
  readonly data: readonly number[] | readonly RatePoint[] | readonly CountPoint[];
  /** Column names, for the table and messages. */
  readonly columns: readonly string[];
}

/** Monitors the file's series with a KPI method. */
export function monitorKpi(file: CsvFile, values: FlagValues, method: MonitorMethod): Report {
  rejectOtherFlags(values, method);
  const { baseline, flag } = baselineOption(values, method);
  const series = readSeries(file, values, method);
  const options = compact({
    method,
    baseline,
    alpha: numberFlag(values, "alpha", { percent: true }),
    alternative: choiceFlag(values, "alternative", ["two-sided", "greater", "less"] as const),
    lambda: numberFlag(values, "lambda"),
    referenceValue: numberFlag(values, "reference-value"),
  }) as MonitorMetricOptions;
  const result = callLibrary(FLAG_MAP(flag), () => monitorMetric(series.data as never, options), file.path);
  return {
    json: { periods: series.periods, monitor: result },
    tables: [pointsTable(result, series), referenceTable(result, series)],
    summary: [alarmSentence(result, series.periods)],
  };
}

function rejectOtherFlags(values: FlagValues, method: MonitorMethod): void {
  const chart = method === "ewma" || method === "cusum";
  const only: Record<string, boolean> = {
    "baseline-mean": chart,
    "baseline-sd": chart,
    baseline: !chart,
    lambda: method === "ewma",
    "reference-value": method === "cusum",
    per: !chart,
  };
  for (const [flag, allowed] of Object.entries(only)) {
    if (!allowed && values[flag] !== undefined) {
      const where = {
        "baseline-mean": "ewma and cusum",
        "baseline-sd": "ewma and cusum",
        baseline: "binomial and poisson (the known rate)",
        lambda: "ewma",
        "reference-value": "cusum",
        per: "binomial and poisson",
      }[flag];
      throw new UsageError(`--${flag} applies to --method ${where}, not ${method}`);
    }
  }
  if (method === "ewma" && values["alternative"] !== undefined && values["alternative"] !== "two-sided") {
    throw new UsageError("--alternative: the EWMA chart is two-sided only (use --method cusum for one side)");
  }
}

/** The `baseline` option and the flag that set it. */
function baselineOption(values: FlagValues, method: MonitorMethod): { baseline: unknown; flag: string } {
  const points = numberFlag(values, "baseline-points", { integer: true });
  const mean = numberFlag(values, "baseline-mean");
  const sd = numberFlag(values, "baseline-sd");
  const rate = numberFlag(values, "baseline", { percent: true });
  const known = method === "ewma" || method === "cusum" ? mean !== undefined || sd !== undefined : rate !== undefined;
  if (points !== undefined && known) {
    throw new UsageError(
      `--baseline-points and ${method === "ewma" || method === "cusum" ? "--baseline-mean/--baseline-sd" : "--baseline"} cannot be combined`,
    );
  }
  if (points !== undefined) return { baseline: points, flag: "--baseline-points" };
  if (method === "ewma" || method === "cusum") {
    if (mean === undefined && sd === undefined) {
      throw new UsageError(
        "needs the in-control reference: --baseline-points N (the first N rows), or --baseline-mean and --baseline-sd",
      );
    }
    if (mean === undefined || sd === undefined) throw new UsageError("--baseline-mean and --baseline-sd go together");
    return { baseline: { mean, sd }, flag: "--baseline-mean/--baseline-sd" };
  }
  if (rate === undefined) {
    throw new UsageError(
      "needs the in-control reference: --baseline-points N (the first N rows), or --baseline RATE (the known rate)",
    );
  }
  return { baseline: { rate }, flag: "--baseline" };
}

function periodColumn(file: CsvFile): number {
  for (const name of PERIOD_COLUMNS) {
    const at = columnAt(file, name);
    if (at >= 0) return at;
  }
  return -1;
}

function readSeries(file: CsvFile, values: FlagValues, method: MonitorMethod): Series {
  const periodAt = periodColumn(file);
  const periods = file.rows.map((row, i) => (periodAt < 0 ? String(i + 1) : cellText(row, periodAt)));
  const columnName = stringFlag(values, "column");
  const perName = stringFlag(values, "per");
  if (method === "ewma" || method === "cusum") {
    const at = requireColumn(file, columnName ?? "value");
    return {
      periods,
      data: file.rows.map((row) => cellNumber(file, row, at)),
      columns: [file.header[at]!],
    };
  }
  if (method === "binomial") {
    const s = requireColumn(file, columnName ?? "successes");
    const t = requireColumn(file, perName ?? "trials");
    const data = file.rows.map((row) => {
      const trials = cellNumber(file, row, t, { integer: true, min: 1 });
      const successes = cellNumber(file, row, s, { integer: true, min: 0 });
      if (successes > trials) {
        throw cellError(file, row, s, `must be <= ${file.header[t]} (${successes} > ${trials})`);
      }
      return { successes, trials };
    });
    return { periods, data, columns: [file.header[s]!, file.header[t]!] };
  }
  const c = requireColumn(file, columnName ?? "count");
  const e = perName === undefined ? columnAt(file, "exposure") : requireColumn(file, perName);
  const data = file.rows.map((row) => {
    const count = cellNumber(file, row, c, { integer: true, min: 0 });
    if (e < 0) return { count };
    const exposure = cellNumber(file, row, e);
    if (!(exposure > 0)) throw cellError(file, row, e, `must be > 0 (got "${row.fields[e] ?? ""}")`);
    return { count, exposure };
  });
  return { periods, data, columns: e < 0 ? [file.header[c]!] : [file.header[c]!, file.header[e]!] };
}

function statusCell(p: MonitoredPoint): Cell {
  const text = p.status === "high" ? "ALARM (high)" : p.status === "low" ? "ALARM (low)" : p.status;
  return { text, value: p.status };
}

function optional(x: number | null, cell: (v: number) => Cell = (v) => numberCell(v)): Cell {
  return x === null ? EMPTY : cell(x);
}

function pointsTable(result: MonitorMetricResult, series: Series): Table {
  const right = (name: string): Column => ({ name, align: "right" });
  const period = (i: number): Cell => textCell(series.periods[i] ?? String(i + 1));
  const columns: Column[] = [{ name: "period" }];
  let cells: (p: MonitoredPoint) => Cell[];
  switch (result.monitor) {
    case "ewma":
      columns.push(right(series.columns[0]!), right("EWMA"), right("lower limit"), right("upper limit"));
      cells = (p) => [
        numberCell(p.value, 6),
        optional(p.ewma, (v) => numberCell(v, 6)),
        optional(p.lowerLimit, (v) => numberCell(v, 6)),
        optional(p.upperLimit, (v) => numberCell(v, 6)),
      ];
      break;
    case "cusum": {
      // One column per side watched (both for two-sided).
      const upper = result.alternative !== "less";
      const lower = result.alternative !== "greater";
      columns.push(right(series.columns[0]!));
      if (upper) columns.push(right("CUSUM+"));
      if (lower) columns.push(right("CUSUM−"));
      cells = (p) => [
        numberCell(p.value, 6),
        ...(upper ? [optional(p.cusumUpper)] : []),
        ...(lower ? [optional(p.cusumLower)] : []),
      ];
      break;
    }
    case "binomial": {
      const data = series.data as readonly RatePoint[];
      columns.push(right(series.columns[0]!), right(series.columns[1]!), right("rate"), right("p-value"));
      cells = (p) => [
        countCell(data[p.index]!.successes),
        countCell(data[p.index]!.trials),
        percentCell(p.value, 3),
        optional(p.pValue, pValueCell),
      ];
      break;
    }
    case "poisson": {
      const data = series.data as readonly CountPoint[];
      const exposure = series.columns.length > 1;
      columns.push(right(series.columns[0]!));
      if (exposure) columns.push(right(series.columns[1]!), right("rate"));
      columns.push(right("p-value"));
      cells = (p) => [
        countCell(data[p.index]!.count),
        ...(exposure ? [numberCell(data[p.index]!.exposure ?? 1, 6), numberCell(p.value)] : []),
        optional(p.pValue, pValueCell),
      ];
      break;
    }
  }
  columns.push({ name: "status" });
  const notes = [result.method];
  for (const i of result.alarms) {
    const p = result.points[i]!;
    notes.push(`${series.periods[i] ?? i + 1}: ${p.reason}.`);
  }
  return {
    title: "Monitored periods",
    columns,
    rows: result.points.map((p) => [period(p.index), ...cells(p), statusCell(p)]),
    notes,
  };
}

function referenceTable(result: MonitorMetricResult, series: Series): Table {
  const rate = result.monitor === "binomial" || result.monitor === "poisson";
  const rows: [string, Cell][] = [
    [
      "baseline",
      textCell(
        result.baseline.points === 0
          ? "known values"
          : `first ${result.baseline.points} periods (${series.periods[0]} to ${series.periods[result.baseline.points - 1]})`,
      ),
    ],
    [
      rate ? "in-control rate" : "in-control mean",
      result.monitor === "binomial" ? percentCell(result.baseline.mean, 3) : numberCell(result.baseline.mean, 6),
    ],
  ];
  if (result.baseline.sd !== null) rows.push(["in-control sd", numberCell(result.baseline.sd, 6)]);
  rows.push(["false-alarm rate per period (alpha)", numberCell(result.alpha)]);
  rows.push(["alternative", textCell(result.alternative)]);
  if (result.lambda !== null) rows.push(["lambda", numberCell(result.lambda)]);
  if (result.referenceValue !== null) rows.push(["reference value k (sd)", numberCell(result.referenceValue)]);
  if (result.controlLimit !== null) {
    rows.push([
      result.monitor === "ewma" ? "control limit L (sd)" : "decision interval h (sd)",
      numberCell(result.controlLimit, 5),
    ]);
  }
  if (result.inControlAverageRunLength !== null) {
    rows.push(["in-control average run length", numberCell(result.inControlAverageRunLength, 5)]);
  }
  return keyValueTable("In-control reference", rows);
}

function alarmSentence(result: MonitorMetricResult, periods: readonly string[]): string {
  const monitored = result.points.filter((p) => p.status !== "baseline").length;
  const rate = `${formatNumber(result.alpha)} per period`;
  if (result.alarms.length === 0) {
    return `No alarms: all ${monitored} monitored periods are in control (false-alarm rate ${rate}).`;
  }
  const list = result.alarms.map((i) => `${periods[i] ?? i + 1} (${result.points[i]!.status})`).join(", ");
  const expected = monitored * result.alpha;
  return (
    `${result.alarms.length} alarm${result.alarms.length === 1 ? "" : "s"} in ${monitored} monitored periods: ${list}. ` +
    `About ${formatNumber(expected, 2)} false alarm${expected === 1 ? "" : "s"} would be expected by chance (${formatPercent(result.alpha, 2)} per period).`
  );
}
