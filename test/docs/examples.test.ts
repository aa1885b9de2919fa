/**
 * Every code example in README.md and docs/*.md runs, imports only names its entry point exports,
 * and prints (in its `// ≈` comments) what the code computes, to the printed digits.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type CodeExample,
  compareValue,
  extractExamples,
  parseExpected,
  prepareExample,
  runExample,
} from "./harness.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The package's public entries, resolved to the source (same function objects as the build). */
const ENTRIES: Readonly<Record<string, () => Promise<Record<string, unknown>>>> = {
  "experiment-stats": () => import("../../src/index.js"),
  "experiment-stats/distributions": () => import("../../src/distributions/index.js"),
  "experiment-stats/power": () => import("../../src/power/index.js"),
  "experiment-stats/significance": () => import("../../src/significance/index.js"),
  "experiment-stats/bayesian": () => import("../../src/bayesian/index.js"),
  "experiment-stats/sequential": () => import("../../src/sequential/index.js"),
  "experiment-stats/attribution": () => import("../../src/attribution/index.js"),
  "experiment-stats/kpi": () => import("../../src/kpi/index.js"),
  "experiment-stats/report": () => import("../../src/report/index.js"),
};

const documents = [
  "README.md",
  ...readdirSync(`${root}docs`)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];

const examples: CodeExample[] = documents.flatMap((doc) => extractExamples(doc, readFileSync(`${root}${doc}`, "utf8")));

describe("the documentation harness", () => {
  it("reads fences, checked statements and printed values", () => {
    const [example] = extractExamples(
      "x.md",
      [
        "text",
        "```sh",
        "npm test",
        "```",
        "```ts",
        'import { normalCdf } from "experiment-stats";',
        "normalCdf(1.96); // ≈ 0.97500 (the 97.5 % point)",
        "[1, 2].map((v) => v * 2);",
        "// ≈ [2, 4]",
        "```",
      ].join("\n"),
    );
    expect(example?.line).toBe(5);
    const prepared = prepareExample(example as CodeExample);
    expect(prepared.imports).toEqual([{ name: "normalCdf", local: "normalCdf", specifier: "experiment-stats" }]);
    expect(prepared.checks.map((c) => c.source)).toEqual(["normalCdf(1.96)", "[1, 2].map((v) => v * 2)"]);
    const outcomes = runExample(prepared, { normalCdf: () => 0.9750021048517795 });
    expect(outcomes.map((o) => o.problems)).toEqual([[], []]);
  });

  it("compares numbers to the printed digits, and fails when they differ", () => {
    const at = (text: string) => parseExpected(text).expected;
    expect(compareValue(0.01234, at("0.0123"))).toEqual([]);
    expect(compareValue(0.01236, at("0.0123"))).not.toEqual([]);
    expect(compareValue(31234, at("31_234"))).toEqual([]);
    expect(compareValue(31235, at("31234"))).not.toEqual([]);
    expect(compareValue(3.504e-42, at("3.50e-42"))).toEqual([]);
    expect(compareValue(3.51e-42, at("3.50e-42"))).not.toEqual([]);
    expect(compareValue({ lower: 1.04, upper: 2, level: 0.95 }, at("{ lower: 1.0, level: 0.95 } (prose)"))).toEqual([]);
    expect(compareValue({ lower: 1.06 }, at("{ lower: 1.0 }"))).not.toEqual([]);
    expect(compareValue([1, 2], at("[1, 2, 3]"))).not.toEqual([]);
    expect(compareValue("reject", at('"reject" at look 2'))).toEqual([]);
    expect(compareValue(-Infinity, at("-Infinity"))).toEqual([]);
    expect(parseExpected('"a" then prose').rest).toBe("then prose");
    const stray = { file: "x.md", line: 1, language: "ts", code: "const x = 1; // ≈ 1" };
    expect(() => prepareExample(stray)).toThrow(/must follow a top-level expression statement/);
  });
});

/** Resolves an example's imports against the source entries, checking that each name is exported. */
async function bindingsOf(
  where: string,
  imports: readonly { readonly name: string; readonly local: string; readonly specifier: string }[],
): Promise<Record<string, unknown>> {
  const bindings: Record<string, unknown> = {};
  for (const { name, local, specifier } of imports) {
    const load = ENTRIES[specifier];
    expect(load, `${where}: unknown module "${specifier}"`).toBeDefined();
    const entry = await (load as () => Promise<Record<string, unknown>>)();
    expect(Object.hasOwn(entry, name), `${where}: "${specifier}" does not export ${name}`).toBe(true);
    bindings[local] = entry[name];
  }
  return bindings;
}

describe.each(documents)("%s", (doc) => {
  const own = examples.filter((e) => e.file === doc);
  if (own.length === 0) {
    it("has no code examples", () => {
      expect(own).toEqual([]);
    });
    return;
  }
  it.each(own.map((e) => [`line ${e.line}`, e] as const))(
    "example at %s runs and prints what it computes",
    async (_, example) => {
      const prepared = prepareExample(example);
      const bindings = await bindingsOf(`${doc}:${example.line}`, prepared.imports);
      const outcomes = runExample(prepared, bindings);
      if (process.env["DOCS_PRINT"] !== undefined) {
        for (const o of outcomes)
          console.log(`${doc}:${o.check.line}: ${o.check.source} => ${JSON.stringify(o.actual)}`);
      }
      // Every check ran (none is hidden behind a branch or an early throw).
      expect(outcomes.length).toBe(prepared.checks.length);
      const problems = outcomes.flatMap((o) =>
        o.problems.map((p) => `${doc}:${o.check.line}: ${o.check.source} // ≈ ${o.check.comment}\n    ${p}`),
      );
      expect(problems, problems.join("\n")).toEqual([]);
    },
  );
});

/** Collects what a script prints instead of writing it to the test output. */
function quietConsole(printed: string[]): Pick<Console, "log"> {
  return { log: (...parts: unknown[]) => void printed.push(parts.map(String).join(" ")) };
}

const scripts = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith(".mjs"))
  .sort();

describe("examples/*.mjs", () => {
  it("has one script per area", () => {
    expect(scripts).toEqual(
      ["attribution", "bayesian", "distributions", "kpi", "power", "report", "sequential", "significance"].map(
        (a) => `${a}.mjs`,
      ),
    );
  });

  it.each(scripts)("%s imports public names and runs", async (file) => {
    const code = readFileSync(`${root}examples/${file}`, "utf8");
    const prepared = prepareExample({ file, line: 1, language: "js", code });
    expect(prepared.imports.length).toBeGreaterThan(0);
    const printed: string[] = [];
    const bindings = await bindingsOf(`examples/${file}`, prepared.imports);
    runExample(prepared, { ...bindings, console: quietConsole(printed) });
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.join("\n")).not.toMatch(/NaN|undefined/);
  });
});

describe("examples/experiment-stats.ipynb", () => {
  const notebook = JSON.parse(readFileSync(`${root}examples/experiment-stats.ipynb`, "utf8")) as {
    cells: { cell_type: string; source: string[]; outputs?: { data?: Record<string, string[]> }[] }[];
    metadata: { kernelspec: { name: string } };
  };
  const codeCells = notebook.cells.filter((c) => c.cell_type === "code");

  it("is a notebook for Deno's kernel", () => {
    expect(notebook.metadata.kernelspec.name).toBe("deno");
    expect(codeCells.length).toBeGreaterThan(3);
  });

  it("runs its cells in order, and every display() gives the MIME bundle the notebook stores", async () => {
    // Cells share one scope, as in the kernel; the value of each cell's last line is collected.
    const shown: unknown[] = [];
    const code = codeCells
      .map((c) => c.source.join(""))
      .map((source) => source.replace(/^(display\([\s\S]*\));\s*$/m, "__shown.push($1);"))
      .join("\n");
    const prepared = prepareExample({ file: "experiment-stats.ipynb", line: 1, language: "ts", code });
    const bindings = await bindingsOf("examples/experiment-stats.ipynb", prepared.imports);
    runExample(prepared, { ...bindings, __shown: shown });
    const stored = codeCells.flatMap((c) =>
      (c.outputs ?? [])
        .filter((o) => o.data?.["text/html"] !== undefined)
        .map((o) => o.data as Record<string, string[]>),
    );
    expect(shown.length).toBe(stored.length);
    shown.forEach((value, i) => {
      const bundle = (value as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]?.();
      expect(bundle).toBeDefined();
      const expected = stored[i] as Record<string, string[]>;
      for (const mime of ["text/plain", "text/markdown", "text/html"]) {
        expect(
          bundle?.[mime],
          `cell output ${i + 1}, ${mime} (regenerate: npm run build && node test/docs/build-notebook.mjs)`,
        ).toBe((expected[mime] ?? []).join(""));
      }
    });
  });
});
