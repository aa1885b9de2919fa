/**
 * `display`: rich output of a result in notebooks (Deno's Jupyter kernel and other front ends that
 * honour `Symbol.for("Jupyter.display")`).
 *
 * @packageDocumentation
 */
import { renderDocument } from "./document.js";
import { describeResult } from "./formatResult.js";
import type { ReportableResult } from "./recognize.js";

/**
 * `Symbol.for("Jupyter.display")`: the key Deno's Jupyter kernel looks up on a displayed object.
 *
 * @since 0.1.0
 * @public
 */
export const jupyterDisplay: unique symbol = Symbol.for("Jupyter.display") as typeof jupyterDisplay;

/**
 * A MIME bundle: the same readout as plain text, Markdown and HTML.
 *
 * @since 0.1.0
 * @public
 */
export interface MimeBundle {
  /** Aligned plain text (what `formatResult(result, { format: "text" })` returns). */
  readonly "text/plain": string;
  /** GitHub-flavoured Markdown. */
  readonly "text/markdown": string;
  /** An escaped HTML fragment. */
  readonly "text/html": string;
}

/**
 * What {@link display} returns: an object a notebook renders as a rich table.
 *
 * @since 0.1.0
 * @public
 */
export interface Displayable {
  /** Called by Deno's Jupyter kernel: returns the MIME bundle to show. */
  [jupyterDisplay](): MimeBundle;
  /** The plain-text readout, so `String(display(r))` and `console.log` print it too. */
  toString(): string;
}

/**
 * Wraps a result for notebook display: the last expression of a Deno Jupyter cell (or
 * `Deno.jupyter.display(display(r))`) renders as a table.
 *
 * @remarks
 * Method: the object's `[Symbol.for("Jupyter.display")]()` returns a MIME bundle
 * `{ "text/plain", "text/markdown", "text/html" }` built by `formatResult`; front ends pick the
 * richest type they support. No DOM APIs are used, so it works in any runtime; the bundle is built
 * once, when `display` is called.
 *
 * @param result - A result of any procedure of experiment-stats (see {@link ReportableResult}).
 * @returns A {@link Displayable}.
 * @throws `InvalidArgumentError` when `result` is not a recognised result.
 *
 * @example
 * ```ts
 * const shown = display(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 }));
 * Object.keys(shown[Symbol.for("Jupyter.display")]()); // ["text/plain", "text/markdown", "text/html"]
 * ```
 * @since 0.1.0
 * @public
 */
export function display(result: ReportableResult): Displayable {
  const doc = describeResult(result, "display");
  const bundle: MimeBundle = Object.freeze({
    "text/plain": renderDocument(doc, "text"),
    "text/markdown": renderDocument(doc, "markdown"),
    "text/html": renderDocument(doc, "html"),
  });
  return {
    [jupyterDisplay]: (): MimeBundle => bundle,
    toString: (): string => bundle["text/plain"],
  };
}
