/**
 * Entry point of the `experiment-stats` command (built to `dist/cli/main.js` with a shebang).
 *
 * @packageDocumentation
 */
import { nodeIo } from "./io.js";
import { run } from "./run.js";

// `experiment-stats demo | head`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
