import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return full === join(src, "cli") ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Strips comments and string contents so a word in a TSDoc example does not count as a use. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`/g, "``")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''");
}

const forbidden: readonly [string, RegExp][] = [
  ["a node: import", /\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(/],
  ["process", /\bprocess\b/],
  ["Buffer", /\bBuffer\b/],
  ["require", /\brequire\b/],
  ["__dirname", /\b__dirname\b/],
  ["__filename", /\b__filename\b/],
];

describe("runtime neutrality", () => {
  const files = sourceFiles(src);

  it("finds the library sources", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s uses no Node-only API", (_name, file) => {
    const raw = readFileSync(file, "utf8");
    // Imports are checked on the raw text (their specifier is a string).
    expect(raw).not.toMatch(/\bfrom\s*["']node:|\bimport\s*\(\s*["']node:/);
    const body = code(raw);
    for (const [what, pattern] of forbidden) expect(body, `${what} in ${file}`).not.toMatch(pattern);
  });

  it("catches a violation (the check can fail)", () => {
    expect(code('import { readFileSync } from "node:fs"; process.exit(1);')).toMatch(/\bprocess\b/);
    expect(code("// process is fine in a comment\nconst x = 'process';")).not.toMatch(/\bprocess\b/);
  });
});
