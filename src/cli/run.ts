/**
 * The command line as a function: `run(argv, io)` parses, dispatches to a command, writes the output
 * and returns the exit code (0 success, 1 bad data, 2 bad usage). Tests call it in-process; `main.ts`
 * calls it with the real streams.
 *
 * @packageDocumentation
 */
import { isStatsError } from "../errors.js";
import { COMMON_FLAGS, parseCommandArgs, stringFlag } from "./args.js";
import { type Command, commandHelp } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { DataError, UsageError } from "./errors.js";
import { type CliIo, packageVersion } from "./io.js";
import { outputFormat, renderReport } from "./output.js";
import { plotPath, writePlot } from "./plot.js";

/** The program name in messages and help. */
export const PROGRAM = "experiment-stats";

/** Exit codes. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

/**
 * Runs one command line (without the `node` and script arguments) and resolves to its exit code.
 * Asynchronous only for `--plot`, whose renderer is loaded on demand.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(topHelp());
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const target = first === "help" ? rest[0] : undefined;
    if (target === undefined) {
      io.stdout(topHelp());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === target);
    if (command === undefined) return fail(io, new UsageError(unknownCommand(target)));
    io.stdout(commandHelp(PROGRAM, command));
    return EXIT.ok;
  }
  if (first === "--version" || first === "-v" || first === "version") {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) {
    return fail(io, new UsageError(first.startsWith("-") ? `unknown flag ${first}` : unknownCommand(first)));
  }
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(PROGRAM, command));
    return EXIT.ok;
  }
  try {
    const { values, positionals } = parseCommandArgs(command.name, rest, [...command.flags, ...COMMON_FLAGS]);
    if (positionals.length > command.positionals) {
      const extra = positionals[command.positionals];
      throw new UsageError(
        command.positionals === 0
          ? `takes no file or other argument (got "${extra}")`
          : `takes one input file (got a second argument "${extra}")`,
        command.name,
      );
    }
    const format = outputFormat(stringFlag(values, "format"), values["json"] === true);
    const plot = plotPath(values);
    const report = command.run({ values, positionals, io });
    if (plot !== undefined) {
      if (report.chart === undefined) throw new UsageError("--plot: this result has no chart", command.name);
      await writePlot(io, plot, report.chart);
    }
    const written =
      plot === undefined ? report : { ...report, summary: [...(report.summary ?? []), `Chart written to ${plot}.`] };
    io.stdout(renderReport(written, format));
    return EXIT.ok;
  } catch (error) {
    return fail(io, error, command);
  }
}

function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}

function fail(io: CliIo, error: unknown, command?: Command): number {
  const where = command === undefined ? PROGRAM : `${PROGRAM} ${command.name}`;
  if (error instanceof UsageError) {
    const help = command === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${command.name} --help`;
    io.stderr(`${where}: error: ${error.message}\nRun '${help}' for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof DataError || isStatsError(error)) {
    io.stderr(`${where}: error: ${(error as Error).message}\n`);
    return EXIT.data;
  }
  // A bug, not bad input: say so in one line rather than with a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${where}: internal error: ${message}\nPlease report this with the command line that caused it.\n`);
  return EXIT.data;
}

function unknownCommand(name: string): string {
  return `unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")})`;
}

/** The help of the program. */
export function topHelp(): string {
  const pad = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `${PROGRAM} ${packageVersion()}: statistics for online experiments`,
    "",
    "Usage:",
    `  ${PROGRAM} <command> [options]`,
    `  ${PROGRAM} <command> --help`,
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(pad)}${c.summary}`),
    "",
    "Options:",
    "  --help, -h     show this help (or a command's, after the command)",
    "  --version, -v  print the version",
    "",
    "Every command prints tables by default, JSON with --json, and markdown or CSV with",
    "--format markdown|csv. Rates take a fraction (0.05) or a percentage (5%).",
    "sample-size, power, design, monitor, analyze --bayesian and attribute draw their chart with",
    "--plot FILE.svg (or write its Vega-Lite specification with --plot FILE.json).",
    "Exit codes: 0 success, 1 bad data (file, row, column), 2 bad usage (command or flag).",
    "",
    "Example:",
    `  ${PROGRAM} sample-size --baseline 5% --mde 10% --daily 20000`,
    `  ${PROGRAM} demo`,
    "",
  ].join("\n");
}
