/**
 * `experiment-stats kpi --metric roas --spend 1000 --revenue 4200`: one marketing KPI with its
 * interval, from numbers on the command line (the KPI area's calculators).
 *
 * @packageDocumentation
 */
import {
  churnRate,
  clickThroughRate,
  conversionRate,
  costPerAcquisition,
  costPerMille,
  customerLifetimeValue,
  type KpiResult,
  paybackPeriod,
  returnOnAdSpend,
  returnOnInvestment,
  shareOfVoice,
} from "../../kpi/index.js";
import { choiceFlag, type FlagSpec, type FlagValues, numberFlag } from "../args.js";
import type { Command } from "../command.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import {
  type Cell,
  formatNumber,
  formatPercent,
  intervalCell,
  keyValueTable,
  numberCell,
  percentCell,
  textCell,
} from "../output.js";
import { compact } from "./planning.js";

/** A data flag of a KPI: the flag, the library's data key, and how it is read. */
interface DataFlag {
  readonly flag: string;
  readonly key: string;
  readonly percent?: boolean;
}

/** One `--metric`: its data flags (required ones first), its options and the calculator. */
interface Metric {
  readonly name: string;
  readonly required: readonly DataFlag[];
  readonly optional?: readonly DataFlag[];
  /** Options flags besides --confidence. */
  readonly options?: readonly DataFlag[];
  /** The estimate is a fraction (shown as a percentage). */
  readonly percent: boolean;
  readonly compute: (data: never, options: never) => KpiResult;
}

const CONFIDENCE: DataFlag = { flag: "confidence", key: "confidenceLevel", percent: true };
const PROPORTION_INTERVAL: DataFlag = { flag: "interval", key: "method" };
const COST_INTERVAL: DataFlag = { flag: "interval", key: "interval" };
const RETENTION: readonly DataFlag[] = [
  { flag: "retention", key: "retentionRate", percent: true },
  { flag: "churn", key: "churnRate", percent: true },
  { flag: "customers", key: "customersAtStart" },
  { flag: "retained", key: "retained" },
];

const METRICS: readonly Metric[] = [
  {
    name: "conversion-rate",
    required: [
      { flag: "conversions", key: "conversions" },
      { flag: "visitors", key: "visitors" },
    ],
    options: [PROPORTION_INTERVAL, CONFIDENCE],
    percent: true,
    compute: conversionRate as Metric["compute"],
  },
  {
    name: "ctr",
    required: [
      { flag: "clicks", key: "clicks" },
      { flag: "impressions", key: "impressions" },
    ],
    options: [PROPORTION_INTERVAL, CONFIDENCE],
    percent: true,
    compute: clickThroughRate as Metric["compute"],
  },
  {
    name: "cpm",
    required: [
      { flag: "spend", key: "cost" },
      { flag: "impressions", key: "impressions" },
    ],
    options: [COST_INTERVAL, CONFIDENCE],
    percent: false,
    compute: costPerMille as Metric["compute"],
  },
  {
    name: "cpa",
    required: [
      { flag: "spend", key: "cost" },
      { flag: "conversions", key: "conversions" },
    ],
    options: [COST_INTERVAL, CONFIDENCE],
    percent: false,
    compute: costPerAcquisition as Metric["compute"],
  },
  {
    name: "roas",
    required: [
      { flag: "spend", key: "cost" },
      { flag: "revenue", key: "revenue" },
    ],
    optional: [{ flag: "revenue-sum-squares", key: "revenueSumSquares" }],
    options: [CONFIDENCE],
    percent: false,
    compute: returnOnAdSpend as Metric["compute"],
  },
  {
    name: "roi",
    required: [
      { flag: "spend", key: "cost" },
      { flag: "revenue", key: "revenue" },
    ],
    optional: [{ flag: "revenue-sum-squares", key: "revenueSumSquares" }],
    options: [{ flag: "gross-margin", key: "grossMargin", percent: true }, CONFIDENCE],
    percent: true,
    compute: returnOnInvestment as Metric["compute"],
  },
  {
    name: "churn",
    required: [
      { flag: "churned", key: "churned" },
      { flag: "customers", key: "customersAtStart" },
    ],
    options: [PROPORTION_INTERVAL, CONFIDENCE],
    percent: true,
    compute: churnRate as Metric["compute"],
  },
  {
    name: "ltv",
    required: [{ flag: "margin", key: "marginPerPeriod" }],
    optional: RETENTION,
    options: [
      { flag: "discount-rate", key: "discountRate", percent: true },
      { flag: "horizon", key: "horizon" },
      { flag: "acquisition-cost", key: "acquisitionCost" },
      PROPORTION_INTERVAL,
      CONFIDENCE,
    ],
    percent: false,
    compute: customerLifetimeValue as Metric["compute"],
  },
  {
    name: "payback",
    required: [
      { flag: "acquisition-cost", key: "acquisitionCost" },
      { flag: "margin", key: "marginPerPeriod" },
    ],
    optional: RETENTION,
    options: [{ flag: "discount-rate", key: "discountRate", percent: true }, PROPORTION_INTERVAL, CONFIDENCE],
    percent: false,
    compute: paybackPeriod as Metric["compute"],
  },
  {
    name: "share-of-voice",
    required: [
      { flag: "brand", key: "brand" },
      { flag: "total", key: "total" },
    ],
    options: [PROPORTION_INTERVAL, CONFIDENCE],
    percent: true,
    compute: shareOfVoice as Metric["compute"],
  },
];

/** Every flag a metric may take, documented once. */
const KPI_FLAGS: readonly FlagSpec[] = [
  { name: "metric", type: "string", value: "NAME", help: `the KPI: ${METRICS.map((m) => m.name).join(", ")}` },
  { name: "visitors", type: "string", value: "N", help: "conversion-rate: visitors" },
  { name: "conversions", type: "string", value: "N", help: "conversion-rate, cpa: conversions" },
  { name: "impressions", type: "string", value: "N", help: "ctr, cpm: impressions" },
  { name: "clicks", type: "string", value: "N", help: "ctr: clicks" },
  { name: "spend", type: "string", value: "X", help: "cpm, cpa, roas, roi: the spend (cost)" },
  { name: "revenue", type: "string", value: "X", help: "roas, roi: the attributed revenue" },
  {
    name: "revenue-sum-squares",
    type: "string",
    value: "X",
    help: "roas, roi: sum of the squared order values (gives an interval)",
  },
  { name: "gross-margin", type: "string", value: "F", help: "roi: gross margin on the revenue (default 100%)" },
  { name: "customers", type: "string", value: "N", help: "churn, ltv, payback: customers at the start of the period" },
  { name: "churned", type: "string", value: "N", help: "churn: customers lost in the period" },
  { name: "retained", type: "string", value: "N", help: "ltv, payback: customers retained (with --customers)" },
  { name: "retention", type: "string", value: "R", help: "ltv, payback: retention rate per period" },
  { name: "churn", type: "string", value: "R", help: "ltv, payback: churn rate per period" },
  { name: "margin", type: "string", value: "X", help: "ltv, payback: margin per customer and period" },
  { name: "discount-rate", type: "string", value: "R", help: "ltv, payback: discount rate per period (default 0)" },
  { name: "horizon", type: "string", value: "N", help: "ltv: periods counted (default: no limit)" },
  { name: "acquisition-cost", type: "string", value: "X", help: "ltv (subtracted), payback: cost to acquire" },
  { name: "brand", type: "string", value: "N", help: "share-of-voice: the brand's mentions or spend" },
  { name: "total", type: "string", value: "N", help: "share-of-voice: the market's total" },
  {
    name: "interval",
    type: "string",
    value: "M",
    help: "rates: wilson (default), agresti-coull, clopper-pearson, jeffreys, wald; cpm, cpa: exact or delta",
  },
  { name: "confidence", type: "string", value: "LEVEL", help: "confidence level (default 95%)" },
];

export const kpiCommand: Command = {
  name: "kpi",
  summary: "a marketing KPI with its interval (CTR, CPA, ROAS, LTV, ...)",
  usage: "kpi --metric NAME [data flags] [options]",
  description: [
    "Computes one KPI from counts and amounts given as flags, with a confidence interval where the inputs",
    "carry counts: conversion-rate, ctr and churn (proportion intervals), cpm and cpa (exact Poisson or delta",
    "method), roas and roi (delta method, with --revenue-sum-squares), ltv and payback (from a retention or",
    "churn rate, or --customers and --retained for an interval), share-of-voice.",
  ],
  flags: KPI_FLAGS,
  positionals: 0,
  examples: [
    "kpi --metric roas --spend 1000 --revenue 4200",
    "kpi --metric ctr --clicks 2441 --impressions 116556",
    "kpi --metric cpa --spend 1500 --conversions 97 --interval delta",
    "kpi --metric ltv --margin 30 --customers 1000 --retained 820 --discount-rate 1%",
  ],
  run({ values }) {
    const name = choiceFlag(
      values,
      "metric",
      METRICS.map((m) => m.name),
    );
    if (name === undefined) throw new UsageError(`--metric is required (${METRICS.map((m) => m.name).join(", ")})`);
    const metric = METRICS.find((m) => m.name === name)!;
    const data = readFlags(values, metric.required, true);
    Object.assign(data, readFlags(values, metric.optional ?? [], false));
    const options = readFlags(values, metric.options ?? [], false);
    const known = new Set(
      [...metric.required, ...(metric.optional ?? []), ...(metric.options ?? []), { flag: "metric" }].map(
        (f) => f.flag,
      ),
    );
    for (const spec of KPI_FLAGS) {
      if (!known.has(spec.name) && values[spec.name] !== undefined) {
        throw new UsageError(`--${spec.name} does not apply to --metric ${name}`);
      }
    }
    const flags: FlagMap = Object.fromEntries(
      [...metric.required, ...(metric.optional ?? []), ...(metric.options ?? [])].map((f) => [f.key, `--${f.flag}`]),
    );
    const result = callLibrary(flags, () => metric.compute(data as never, options as never));
    return {
      json: { kpi: result },
      tables: [resultTable(result, metric)],
      summary: [sentence(result, metric)],
    };
  },
};

function readFlags(values: FlagValues, specs: readonly DataFlag[], required: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value =
      spec.flag === "interval"
        ? values["interval"]
        : numberFlag(values, spec.flag, spec.percent === true ? { percent: true } : {});
    if (value === undefined) {
      if (required) throw new UsageError(`--${spec.flag} is required`);
      continue;
    }
    out[spec.key] = value;
  }
  return compact(out);
}

const SKIP = new Set(["metric", "method", "estimate", "confidenceInterval"]);

function show(metric: Metric, x: number): string {
  return metric.percent ? formatPercent(x, 2) : formatNumber(x, 5);
}

function resultTable(result: KpiResult, metric: Metric): ReturnType<typeof keyValueTable> {
  const rows: [string, Cell][] = [
    ["metric", textCell(result.metric)],
    ["estimate", metric.percent ? percentCell(result.estimate, 3) : numberCell(result.estimate, 6)],
  ];
  const ci = result.confidenceInterval;
  if (ci !== null) {
    rows.push([`${formatNumber(ci.level * 100)} % CI`, intervalCell(ci.lower, ci.upper, (x) => show(metric, x))]);
  }
  for (const [key, value] of Object.entries(result)) {
    if (SKIP.has(key)) continue;
    const label = key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    if (typeof value === "number") rows.push([label, numberCell(value, 6)]);
    else if (typeof value === "string") rows.push([label, textCell(value)]);
    else if (typeof value === "boolean") rows.push([label, textCell(value ? "yes" : "no")]);
  }
  return keyValueTable("KPI", rows, [result.method]);
}

function sentence(result: KpiResult, metric: Metric): string {
  const ci = result.confidenceInterval;
  const name = result.metric.charAt(0).toUpperCase() + result.metric.slice(1);
  const interval =
    ci === null
      ? " (no interval; see the note under the table)"
      : ` (${formatNumber(ci.level * 100)} % CI ${show(metric, ci.lower)} to ${show(metric, ci.upper)})`;
  return `${name}: ${show(metric, result.estimate)}${interval}.`;
}
