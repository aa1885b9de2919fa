/**
 * The two kinds of failure the command line reports, and how a library error becomes one of them.
 *
 * - {@link UsageError} (exit 2): a bad command, flag or flag value.
 * - {@link DataError} (exit 1): a file that cannot be read, a bad row or column, or data the
 *   statistics cannot use.
 *
 * Neither prints a stack trace: the message is the whole report.
 *
 * @packageDocumentation
 */
import { isStatsError } from "../errors.js";

/** A bad command line: exit code 2. */
export class UsageError extends Error {
  /** Command whose help the user should read, when known. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** Bad input data: exit code 1. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataError";
  }
}

/**
 * Maps a library option (the end of an issue path: `"alpha"`, or `"futility.parameter"` where a name
 * is ambiguous) to the flag that set it.
 */
export type FlagMap = Readonly<Record<string, string>>;

/**
 * Runs a library call, turning its errors into command-line errors: an invalid option that a flag
 * set becomes a {@link UsageError} naming the flag ("--alpha: must be < 1"); any other library error
 * becomes a {@link DataError} with the library's message (`context` is put in front, e.g. the file).
 */
export function callLibrary<T>(flags: FlagMap, compute: () => T, context?: string): T {
  try {
    return compute();
  } catch (error) {
    throw toCliError(error, flags, context);
  }
}

/** The command-line error for a caught library error (see {@link callLibrary}). */
export function toCliError(error: unknown, flags: FlagMap, context?: string): unknown {
  if (!isStatsError(error)) return error;
  const issues = (error as { issues?: readonly { path: readonly PropertyKey[]; message: string }[] }).issues;
  if (error.code === "INVALID_ARGUMENT" && issues !== undefined && issues.length > 0) {
    const named = issues.map((issue) => ({ flag: flagOf(issue.path, flags), message: issue.message }));
    if (named.every((n) => n.flag !== undefined)) {
      const fn = (error as { functionName?: unknown }).functionName;
      const suffix = typeof fn === "string" ? ` (${fn})` : "";
      return new UsageError(`${named.map((n) => `${n.flag}: ${n.message}`).join("; ")}${suffix}`);
    }
  }
  return new DataError(context === undefined ? error.message : `${context}: ${error.message}`);
}

function flagOf(path: readonly PropertyKey[], flags: FlagMap): string | undefined {
  // Longest suffix first, so "futility.parameter" wins over "parameter".
  for (let i = 0; i < path.length; i++) {
    const key = path.slice(i).map(String).join(".");
    if (Object.hasOwn(flags, key)) return flags[key];
  }
  // Then any named key, nearest the end ("expectedWeights" in ["expectedWeights", 2]).
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === "string" && Object.hasOwn(flags, key)) return flags[key];
  }
  return undefined;
}
