/**
 * A progress line on standard error for work that may take more than a second (large attribution
 * files). Shown only on a terminal and only for large inputs, so pipes, files and tests stay clean.
 *
 * @packageDocumentation
 */
import type { CliIo } from "./io.js";

/** Inputs above this many characters get a progress line. */
export const LARGE_INPUT_CHARS = 1_000_000;

/** A started step; `done()` erases its line. */
export interface ProgressStep {
  readonly done: () => void;
}

/**
 * Starts a step: on a terminal, when `large` is true, writes "label…" to standard error and returns
 * a `done` that clears it; otherwise does nothing.
 */
export function startStep(io: CliIo, label: string, large: boolean): ProgressStep {
  if (io.interactive !== true || !large) return { done: () => {} };
  io.stderr(`${label}…`);
  return {
    done: () => {
      io.stderr("\r\u001b[K");
    },
  };
}

/** Runs `work` as a step (see {@link startStep}), clearing the line even when it throws. */
export function withStep<T>(io: CliIo, label: string, large: boolean, work: () => T): T {
  const step = startStep(io, label, large);
  try {
    return work();
  } finally {
    step.done();
  }
}
