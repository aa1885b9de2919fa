/**
 * Command-line parsing: Node's built-in `parseArgs` (strict, so an unknown flag is an error) and
 * converters from flag text to numbers, choices and lists, each naming the flag when the text is bad.
 *
 * Percentages are converted explicitly: `10%` is 0.10 and a bare `0.1` stays 0.1.
 *
 * @packageDocumentation
 */
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/** One flag of a command, as parsed and as documented in its help. */
export interface FlagSpec {
  /** Long name without the dashes: `"baseline"`. */
  readonly name: string;
  /** `"string"` flags take a value, `"boolean"` flags do not. */
  readonly type: "string" | "boolean";
  /** Placeholder of the value in the help: `"RATE"`. */
  readonly value?: string;
  /** One line of help. */
  readonly help: string;
  /** One-letter alias. */
  readonly short?: string;
}

/** Flags every command has. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: "format", type: "string", value: "FORMAT", help: "output format: text (default), markdown, csv or json" },
  { name: "json", type: "boolean", help: "same as --format json" },
  { name: "help", type: "boolean", short: "h", help: "show this help" },
];

/** Parsed flags: strings for value flags, booleans for switches; absent flags are missing. */
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** The flags and positional arguments of one command line. */
export interface ParsedArgs {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
}

/** Parses `argv` against the given flags (unknown flags and missing values are {@link UsageError}s). */
export function parseCommandArgs(command: string, argv: readonly string[], flags: readonly FlagSpec[]): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const flag of flags) {
    options[flag.name] = flag.short === undefined ? { type: flag.type } : { type: flag.type, short: flag.short };
  }
  try {
    const parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: parsed.values as FlagValues, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(cleanParseArgsMessage(message, flags), command);
    }
    throw error;
  }
}

function cleanParseArgsMessage(message: string, flags: readonly FlagSpec[]): string {
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message);
  if (unknown !== null) {
    const given = unknown[1] ?? "";
    const near = closest(given.replace(/^-+/, ""), flags);
    return `unknown flag ${given}${near === undefined ? "" : ` (did you mean --${near}?)`}`;
  }
  return message.replace(/\s*\n\s*/g, " ").trim();
}

/** The flag name within edit distance 2 of `name`, if one is. */
function closest(name: string, flags: readonly FlagSpec[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const flag of flags) {
    const d = editDistance(name, flag.name);
    if (d < bestDistance) {
      bestDistance = d;
      best = flag.name;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How a number flag may be written. */
export interface NumberRule {
  /** Accept a trailing `%` (divided by 100). */
  readonly percent?: boolean;
  /** Require an integer. */
  readonly integer?: boolean;
}

/**
 * Converts the text of a number flag. `"10%"` is 0.1 (when `percent`), `"0.1"` is 0.1, `"20000"` and
 * `"20_000"` are 20000; anything else is a {@link UsageError} naming the flag.
 */
export function toNumber(flag: string, text: string, rule: NumberRule = {}): number {
  const trimmed = text.trim();
  const isPercent = trimmed.endsWith("%");
  if (isPercent && rule.percent !== true) {
    throw new UsageError(`--${flag}: must be a plain number, not a percentage (got "${text}")`);
  }
  const body = (isPercent ? trimmed.slice(0, -1) : trimmed).trim().replace(/(?<=\d)_(?=\d)/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    throw new UsageError(
      `--${flag}: must be a number${rule.percent === true ? " or a percentage" : ""} (got "${text}")`,
    );
  }
  // Shift the decimal point in the text, so "0.3%" is the double nearest 0.003 (not 0.3 / 100).
  const value = isPercent ? (/[eE]/.test(body) ? Number(body) / 100 : Number(`${body}e-2`)) : Number(body);
  if (!Number.isFinite(value)) throw new UsageError(`--${flag}: must be a finite number (got "${text}")`);
  if (rule.integer === true && !Number.isInteger(value)) {
    throw new UsageError(`--${flag}: must be a whole number (got "${text}")`);
  }
  return value;
}

/** The text of a value flag, or `undefined` when absent. */
export function stringFlag(values: FlagValues, flag: string): string | undefined {
  const v = values[flag];
  return typeof v === "string" ? v : undefined;
}

/** Whether a switch was given. */
export function booleanFlag(values: FlagValues, flag: string): boolean {
  return values[flag] === true;
}

/** A number flag, or `undefined` when absent. */
export function numberFlag(values: FlagValues, flag: string, rule: NumberRule = {}): number | undefined {
  const text = stringFlag(values, flag);
  return text === undefined ? undefined : toNumber(flag, text, rule);
}

/** A number flag that must be given. */
export function requiredNumber(values: FlagValues, flag: string, rule: NumberRule = {}): number {
  const v = numberFlag(values, flag, rule);
  if (v === undefined) throw new UsageError(`--${flag} is required`);
  return v;
}

/** A flag whose value is one of `choices`, or `undefined` when absent. */
export function choiceFlag<C extends string>(values: FlagValues, flag: string, choices: readonly C[]): C | undefined {
  const text = stringFlag(values, flag);
  if (text === undefined) return undefined;
  const v = text.trim();
  if ((choices as readonly string[]).includes(v)) return v as C;
  throw new UsageError(`--${flag}: must be one of ${choices.join(", ")} (got "${text}")`);
}

/** A comma-separated list flag (`--weights 50,50`), or `undefined` when absent. */
export function listFlag(values: FlagValues, flag: string): string[] | undefined {
  const text = stringFlag(values, flag);
  if (text === undefined) return undefined;
  const items = text.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new UsageError(`--${flag}: must be a comma-separated list (got "${text}")`);
  return items;
}

/** A comma-separated list of numbers, or `undefined` when absent. */
export function numberListFlag(values: FlagValues, flag: string, rule: NumberRule = {}): number[] | undefined {
  return listFlag(values, flag)?.map((item) => toNumber(flag, item, rule));
}

/** Rejects flags that make no sense together. */
export function exclusive(values: FlagValues, a: string, b: string): void {
  if (values[a] !== undefined && values[b] !== undefined) throw new UsageError(`--${a} and --${b} cannot be combined`);
}

/** `--delimiter`: one character (`tab` or `\\t` for a tab), default `,`. */
export function delimiterFlag(values: FlagValues): string {
  const d = stringFlag(values, "delimiter") ?? ",";
  const text = d === "\\t" || d === "tab" ? "\t" : d;
  // A byte-order mark is stripped from the file before parsing, so it can never separate fields.
  if (text.length !== 1 || text === '"' || text === "\n" || text === "\r" || text === "\uFEFF") {
    throw new UsageError(
      `--delimiter: must be one character other than a quote, a line break or a byte-order mark (got "${d}")`,
    );
  }
  return text;
}
