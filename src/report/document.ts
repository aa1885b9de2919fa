/**
 * The neutral form of a readout (title, summary sentences, tables, notes) and its three renderings:
 * aligned plain text, GitHub-flavoured Markdown and escaped HTML. Every cell is already a formatted
 * string; renderers only lay out and escape.
 *
 * @packageDocumentation
 */

/** Alignment of a table column. @internal */
export type ColumnAlign = "left" | "right";

/** A table of formatted cells. @internal */
export interface ReportTable {
  /** Optional caption above the table. */
  readonly caption?: string;
  /** Column headers. */
  readonly columns: readonly string[];
  /** Alignment per column; text left, numbers right. Defaults to left for the first, right for the rest. */
  readonly align?: readonly ColumnAlign[];
  /** Rows of cells, each as long as `columns`. */
  readonly rows: readonly (readonly string[])[];
}

/** A readout before rendering. @internal */
export interface ReportDocument {
  /** One line naming what was analysed. */
  readonly title: string;
  /** The readout, one sentence per entry. */
  readonly summary: readonly string[];
  /** Details. */
  readonly tables: readonly ReportTable[];
  /** Method, conventions and remarks, one per entry. */
  readonly notes: readonly string[];
}

/** Output formats of `formatResult`: plain text, Markdown or HTML. @since 0.1.0 @public */
export type ReportFormat = "text" | "markdown" | "html";

/** Newlines, tabs and other control characters become spaces (channel names are arbitrary strings). */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}

/** Width of a string in code points (a close enough proxy for monospace columns). */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function alignOf(table: ReportTable, column: number): ColumnAlign {
  return table.align?.[column] ?? (column === 0 ? "left" : "right");
}

function pad(text: string, size: number, align: ColumnAlign): string {
  const fill = " ".repeat(Math.max(0, size - width(text)));
  return align === "left" ? text + fill : fill + text;
}

function textTable(table: ReportTable): string[] {
  const header = table.columns.map(oneLine);
  const rows = table.rows.map((row) => header.map((_, i) => oneLine(row[i] ?? "")));
  const sizes = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, sizes[i] ?? 0, alignOf(table, i)))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  if (table.caption !== undefined) out.push(oneLine(table.caption));
  out.push(line(header), sizes.map((s) => "-".repeat(s)).join("  "));
  for (const r of rows) out.push(line(r));
  return out;
}

function renderText(doc: ReportDocument): string {
  const title = oneLine(doc.title);
  const blocks: string[] = [[title, "=".repeat(width(title))].join("\n")];
  if (doc.summary.length > 0) blocks.push(doc.summary.map(oneLine).join("\n"));
  for (const t of doc.tables) blocks.push(textTable(t).join("\n"));
  if (doc.notes.length > 0) blocks.push(["Notes:", ...doc.notes.map((n) => `- ${oneLine(n)}`)].join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

/**
 * Escapes text for Markdown (CommonMark backslash escapes; `|` for GFM tables), after folding it onto
 * one line.
 *
 * @internal
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#&$]/g, (c) => `\\${c}`);
}

function markdownTable(table: ReportTable): string[] {
  const out: string[] = [];
  if (table.caption !== undefined) out.push(`*${escapeMarkdown(table.caption)}*`, "");
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  out.push(row(table.columns));
  out.push(`|${table.columns.map((_, i) => (alignOf(table, i) === "left" ? " :-- " : " --: ")).join("|")}|`);
  for (const r of table.rows) out.push(row(table.columns.map((_, i) => r[i] ?? "")));
  return out;
}

function renderMarkdown(doc: ReportDocument): string {
  const blocks: string[] = [`**${escapeMarkdown(doc.title)}**`];
  if (doc.summary.length > 0) blocks.push(doc.summary.map(escapeMarkdown).join("  \n"));
  for (const t of doc.tables) blocks.push(markdownTable(t).join("\n"));
  if (doc.notes.length > 0) blocks.push(doc.notes.map((n) => `- ${escapeMarkdown(n)}`).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and attribute values (`& < > " '`).
 *
 * @internal
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function htmlTable(table: ReportTable): string {
  const style = (i: number): string => ` style="text-align: ${alignOf(table, i)}"`;
  const parts: string[] = ["<table>"];
  if (table.caption !== undefined) parts.push(`<caption>${escapeHtml(table.caption)}</caption>`);
  parts.push(
    `<thead><tr>${table.columns.map((c, i) => `<th${style(i)}>${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
  );
  for (const r of table.rows) {
    parts.push(`<tr>${table.columns.map((_, i) => `<td${style(i)}>${escapeHtml(r[i] ?? "")}</td>`).join("")}</tr>`);
  }
  parts.push("</tbody></table>");
  return parts.join("\n");
}

function renderHtml(doc: ReportDocument): string {
  const parts: string[] = ['<div class="experiment-stats-report">', `<p><strong>${escapeHtml(doc.title)}</strong></p>`];
  if (doc.summary.length > 0) parts.push(`<p>${doc.summary.map(escapeHtml).join("<br>\n")}</p>`);
  for (const t of doc.tables) parts.push(htmlTable(t));
  if (doc.notes.length > 0) parts.push(`<ul>\n${doc.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("\n")}\n</ul>`);
  parts.push("</div>");
  return `${parts.join("\n")}\n`;
}

/**
 * Renders a readout in one format.
 *
 * @internal
 */
export function renderDocument(doc: ReportDocument, format: ReportFormat): string {
  switch (format) {
    case "text":
      return renderText(doc);
    case "markdown":
      return renderMarkdown(doc);
    case "html":
      return renderHtml(doc);
  }
}
