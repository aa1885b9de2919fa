/**
 * The shape of a command and its generated `--help`.
 *
 * @packageDocumentation
 */
import { COMMON_FLAGS, type FlagSpec, type FlagValues } from "./args.js";
import type { CliIo } from "./io.js";
import type { Report } from "./output.js";

/** What a command receives. */
export interface CommandContext {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
}

/** One subcommand of `experiment-stats`. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Synopsis after the program name: `"sample-size --baseline RATE --mde EFFECT [options]"`. */
  readonly usage: string;
  /** Lines of the help's description (an empty string separates paragraphs). */
  readonly description: readonly string[];
  /** The command's own flags (the common ones are added). */
  readonly flags: readonly FlagSpec[];
  /** Positional arguments accepted (0 or 1: the input file). */
  readonly positionals: number;
  /** Example command lines (without the program name). */
  readonly examples: readonly string[];
  readonly run: (context: CommandContext) => Report;
}

/** The help text of a command. */
export function commandHelp(program: string, command: Command): string {
  const flags = [...command.flags, ...COMMON_FLAGS];
  const labels = flags.map(
    (f) =>
      `${f.short === undefined ? "    " : `-${f.short}, `}--${f.name}${f.value === undefined ? "" : ` ${f.value}`}`,
  );
  const pad = Math.max(...labels.map((l) => l.length)) + 2;
  const lines = [
    `${program} ${command.name}: ${command.summary}`,
    "",
    "Usage:",
    `  ${program} ${command.usage}`,
    "",
    ...command.description,
    "",
    "Options:",
    ...flags.map((f, i) => `  ${labels[i]!.padEnd(pad)}${f.help}`),
    "",
    "Examples:",
    ...command.examples.map((e) => `  ${program} ${e}`),
  ];
  return `${lines.join("\n")}\n`;
}
