/**
 * `experiment-stats sample-size`: units needed per arm to detect an effect.
 *
 * @packageDocumentation
 */
import { experimentDuration } from "../../power/index.js";
import { requiredNumber } from "../args.js";
import type { Command } from "../command.js";
import { callLibrary } from "../errors.js";
import { readoutSentences, type Table } from "../output.js";
import { PLOT_FLAG, wantsPlot } from "../plot.js";
import { powerCurve } from "./charts.js";
import {
  DESIGN_FLAGS,
  durationTable,
  MDE_FLAG,
  metricKind,
  PLANNING_FLAG_MAP,
  POWER_FLAG,
  planSampleSize,
  planTable,
  TRAFFIC_FLAGS,
  trafficOptions,
} from "./planning.js";

export const sampleSizeCommand: Command = {
  name: "sample-size",
  summary: "units needed per arm to detect an effect",
  usage: "sample-size --baseline RATE --mde EFFECT [options]",
  description: [
    "Solves the power equation for the sample size: conversion rates by default, means with --sd.",
    "Rates and effects take a fraction (0.05) or a percentage (5%). --mde is relative for rates by default:",
    "--mde 10% on a 5% baseline looks for 5.5%. Add --daily to turn the sample into a duration.",
    "--plot draws the power curve over the control-arm size, with the plan and the target power marked.",
  ],
  flags: [...DESIGN_FLAGS, MDE_FLAG, POWER_FLAG, ...TRAFFIC_FLAGS, PLOT_FLAG],
  positionals: 0,
  examples: [
    "sample-size --baseline 5% --mde 10%",
    "sample-size --baseline 0.05 --mde 10% --power 90% --arms 3 --correction bonferroni --daily 20000",
    "sample-size --sd 12.5 --baseline 48 --mde 2% --mde-type relative",
    "sample-size --baseline 5% --mde 10% --plot power-curve.svg",
  ],
  run({ values }) {
    const traffic = trafficOptions(values);
    const plan = planSampleSize(values);
    const tables: Table[] = [planTable("Sample size", plan)];
    const summary = readoutSentences(plan);
    const chart = wantsPlot(values)
      ? { chart: powerCurve(values, metricKind(values), requiredNumber(values, "mde", { percent: true }), plan) }
      : {};
    if (traffic === undefined) return { json: { plan }, tables, summary, ...chart };
    const duration = callLibrary(PLANNING_FLAG_MAP, () => experimentDuration({ sampleSize: plan, ...traffic }));
    tables.push(durationTable(duration));
    summary.push(...readoutSentences(duration));
    return { json: { plan, duration }, tables, summary, ...chart };
  },
};
