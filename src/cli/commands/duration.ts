/**
 * `experiment-stats duration`: how long an experiment runs at a given daily traffic.
 *
 * @packageDocumentation
 */
import { type ExperimentDurationResult, experimentDuration, powerByWeek } from "../../power/index.js";
import { numberFlag } from "../args.js";
import type { Command } from "../command.js";
import { callLibrary, UsageError } from "../errors.js";
import { readoutSentences } from "../output.js";
import {
  BY_WEEK_FLAG_MAP,
  byWeekOptions,
  byWeekTable,
  DESIGN_FLAGS,
  durationTable,
  MDE_FLAG,
  PLANNING_FLAG_MAP,
  POWER_FLAG,
  planSampleSize,
  planTable,
  TRAFFIC_FLAGS,
  trafficOptions,
} from "./planning.js";

export const durationCommand: Command = {
  name: "duration",
  summary: "days and weeks an experiment runs at a given traffic",
  usage: "duration --daily UNITS (--units N | --baseline RATE --mde EFFECT [--by-week WEEKS] [options])",
  description: [
    "Divides the units the experiment needs by the units enrolled per day and rounds up to whole days and",
    "weeks. Give the total with --units, or the design flags of sample-size to plan it first.",
    "--by-week adds the power and MDE reached at the end of each week (7 days of traffic a week).",
  ],
  flags: [
    ...TRAFFIC_FLAGS,
    { name: "units", type: "string", value: "N", help: "units needed across all arms (instead of a design)" },
    ...DESIGN_FLAGS,
    MDE_FLAG,
    POWER_FLAG,
    {
      name: "by-week",
      type: "string",
      value: "WEEKS",
      help: "also tabulate power and MDE at the end of weeks 1 to WEEKS (needs the design flags)",
    },
  ],
  positionals: 0,
  examples: [
    "duration --daily 20000 --baseline 5% --mde 10%",
    "duration --daily 1500 --traffic-share 50% --units 62468",
    "duration --daily 643 --baseline 10% --mde 5% --arms 3 --by-week 9",
  ],
  run({ values }) {
    const traffic = trafficOptions(values);
    if (traffic === undefined) throw new UsageError("--daily is required (eligible units per day)");
    const units = numberFlag(values, "units", { integer: true });
    const weeks = numberFlag(values, "by-week", { integer: true });
    if (units !== undefined && weeks !== undefined) {
      throw new UsageError("--by-week needs the design flags, not --units");
    }
    if (units !== undefined) {
      const designFlags = [...DESIGN_FLAGS, MDE_FLAG, POWER_FLAG].filter((f) => values[f.name] !== undefined);
      if (designFlags.length > 0) {
        throw new UsageError(`--units cannot be combined with the design flags (--${designFlags[0]!.name})`);
      }
      const duration: ExperimentDurationResult = callLibrary(PLANNING_FLAG_MAP, () =>
        experimentDuration({ totalUnits: units, ...traffic }),
      );
      return { json: { duration }, tables: [durationTable(duration)], summary: readoutSentences(duration) };
    }
    const plan = planSampleSize(values);
    const duration = callLibrary(PLANNING_FLAG_MAP, () => experimentDuration({ sampleSize: plan, ...traffic }));
    const tables = [durationTable(duration), planTable("Sample size", plan)];
    const summary = [...readoutSentences(plan), ...readoutSentences(duration)];
    if (weeks === undefined) return { json: { duration, plan }, tables, summary };
    const table = callLibrary(BY_WEEK_FLAG_MAP, () => powerByWeek(byWeekOptions(values, weeks, traffic)));
    return {
      json: { duration, plan, byWeek: table },
      tables: [...tables, byWeekTable(table)],
      summary: [...summary, ...readoutSentences(table)],
    };
  },
};
