/**
 * What a command may touch outside itself: two writers and a file reader. The real ones use Node;
 * tests pass their own, so commands run in-process without a build.
 *
 * @packageDocumentation
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError } from "./errors.js";

/** The outside world of a command. */
export interface CliIo {
  /** Writes to standard output (text is written as given; add the newline yourself). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads a UTF-8 text file; throws Node's error (with `code`) when it cannot. */
  readonly readFile?: (path: string) => string;
  /** Writes a UTF-8 text file (`--plot`); throws Node's error (with `code`) when it cannot. */
  readonly writeFile?: (path: string, text: string) => void;
  /** Whether standard error is a terminal (progress lines are shown only then). */
  readonly interactive?: boolean;
}

/** The real standard streams and file system. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    interactive: process.stderr.isTTY === true,
  };
}

/**
 * Reads a text file for a command, turning a missing or unreadable file into a {@link DataError} that
 * names it (never a stack trace).
 */
export function readTextFile(io: CliIo, path: string): string {
  const read = io.readFile ?? ((p: string) => readFileSync(p, "utf8"));
  try {
    return read(path);
  } catch (error) {
    throw new DataError(`${path}: ${fileErrorReason(error)}`);
  }
}

/** Why a file could not be read or written, in words ("no such file", "permission denied"). */
export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

let cachedRoot: { dir: string; version: string } | null | undefined;

/** The folder of the package.json named experiment-stats above this module (`src/cli/` or `dist/cli/`). */
function findPackage(): { dir: string; version: string } | null {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "experiment-stats" && typeof pkg.version === "string") {
        cachedRoot = { dir, version: pkg.version };
        return cachedRoot;
      }
    } catch {
      // not here: look one folder up
    }
    dir = dirname(dir);
  }
  cachedRoot = null;
  return cachedRoot;
}

/** The package version. */
export function packageVersion(): string {
  return findPackage()?.version ?? "unknown";
}

/** Path of a file of the example data shipped with the package (`examples/data/NAME`). */
export function exampleDataPath(name: string): string {
  const root = findPackage();
  if (root === null) throw new DataError("cannot find the package folder holding examples/data");
  return join(root.dir, "examples", "data", name);
}
