import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.js";

/** The repository root. */
export const root: string = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A file under test/fixtures/cli/. */
export const fixture = (name: string): string => join(root, "test", "fixtures", "cli", name);

/** A file under examples/data/. */
export const example = (name: string): string => join(root, "examples", "data", name);

/** What one in-process run of the command line printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process with captured streams. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** Runs with `--json` and parses the output (failing loudly if the run failed). */
export async function cliJson(...argv: string[]): Promise<Record<string, unknown>> {
  const r = await cli(...argv, "--json");
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** A library result as it travels through `--json` (non-finite numbers as strings). */
export function viaJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)),
  );
}
