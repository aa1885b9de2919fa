/**
 * `experiment-stats demo`: a worked example on the example data shipped with the package: plan a
 * test, read its result, monitor it, and attribute conversions to channels.
 *
 * @packageDocumentation
 */
import { parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { exampleDataPath } from "../io.js";
import type { Report, Table } from "../output.js";
import { analyzeCommand } from "./analyze.js";
import { attributeCommand } from "./attribute.js";
import { monitorCommand } from "./monitor.js";
import { sampleSizeCommand } from "./sampleSize.js";

/** The steps of the demo: a heading and the command line it runs (files in examples/data). */
export const DEMO_STEPS: readonly {
  readonly heading: string;
  readonly command: Command;
  readonly args: readonly string[];
}[] = [
  {
    heading: "Plan: visitors needed to detect a +10 % lift on a 5 % conversion rate, at 20,000 visitors a day",
    command: sampleSizeCommand,
    args: ["--baseline", "5%", "--mde", "10%", "--daily", "20000"],
  },
  {
    heading: "Read the result: two new checkouts against the control, Holm-adjusted, with an SRM check",
    command: analyzeCommand,
    args: ["examples/data/conversions.csv", "--correction", "holm", "--srm", "--bayesian"],
  },
  {
    heading: "Monitor: an O'Brien-Fleming design with 4 looks, three looks in",
    command: monitorCommand,
    args: ["examples/data/interim.csv", "--looks", "4", "--spending", "obrien-fleming", "--max-n", "30000"],
  },
  {
    heading: "Attribute: which channels earned the conversions, by six models",
    command: attributeCommand,
    args: ["examples/data/paths.csv", "--compare"],
  },
];

export const demoCommand: Command = {
  name: "demo",
  summary: "worked example on the shipped example data",
  usage: "demo [--format FORMAT]",
  description: [
    "Plans an A/B test, reads the result of an example experiment, monitors one with a group sequential",
    "design and compares attribution models, on the files in examples/data. Each step prints the command",
    "line that reproduces it.",
  ],
  flags: [],
  positionals: 0,
  examples: ["demo", "demo --format markdown"],
  run({ io }) {
    const tables: Table[] = [];
    const steps: { command: string; result: unknown }[] = [];
    DEMO_STEPS.forEach((step, i) => {
      const line = `experiment-stats ${step.command.name} ${step.args.join(" ")}`;
      // Example files are found in the package, wherever the command runs from.
      const argv = step.args.map((a) => (a.startsWith("examples/data/") ? exampleDataPath(a.slice(14)) : a));
      const { values, positionals } = parseCommandArgs(step.command.name, argv, step.command.flags);
      const report: Report = step.command.run({ values, positionals, io });
      const last = report.tables.length - 1;
      report.tables.forEach((t, j) => {
        // The step's readout in words closes its last table.
        const notes = j === last ? [...(t.notes ?? []), "", ...(report.summary ?? [])] : t.notes;
        const table: Table = { ...t, ...(notes === undefined ? {} : { notes }) };
        tables.push(j === 0 ? { ...table, section: { heading: `${i + 1}. ${step.heading}`, command: line } } : table);
      });
      steps.push({ command: line, result: report.json });
    });
    return { json: { steps }, tables };
  },
};
