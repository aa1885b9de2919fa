/**
 * Runs the code examples of the README and the guides: extracts ```ts / ```js fences, resolves their
 * imports against the source entry points, evaluates them, and checks every `// ≈ value` comment.
 *
 * Conventions for documentation authors:
 * - every fence is self-contained and imports what it uses from `experiment-stats` or
 *   `experiment-stats/<area>`; each imported name must really be exported by that entry;
 * - a checked value is a comment `// ≈ VALUE` on the same line as a top-level expression statement (or
 *   on the line right after it); VALUE is a literal (number, string, boolean, null, array, object) and
 *   anything after it is prose;
 * - numbers are compared to the printed digits: `0.0123` means the computed value rounds to 0.0123
 *   (|actual − 0.0123| ≤ 0.00005), `31234` means it rounds to 31234, `3.5e-42` means ±0.05e-42;
 * - objects list the fields that are checked (others are ignored); arrays must have the same length.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

/** One fenced example. */
export interface CodeExample {
  readonly file: string;
  readonly line: number;
  readonly language: string;
  readonly code: string;
}

/** Every ```ts / ```js / ```typescript / ```javascript fence of a Markdown file. */
export function extractExamples(file: string, markdown: string = readFileSync(file, "utf8")): CodeExample[] {
  const lines = markdown.split("\n");
  const out: CodeExample[] = [];
  let open: { language: string; line: number; body: string[] } | undefined;
  let otherFence = false;
  lines.forEach((text, i) => {
    const fence = /^\s*```\s*([A-Za-z]*)/.exec(text);
    if (open !== undefined) {
      if (/^\s*```\s*$/.test(text)) {
        out.push({ file, line: open.line, language: open.language, code: open.body.join("\n") });
        open = undefined;
      } else {
        open.body.push(text);
      }
      return;
    }
    if (otherFence) {
      if (/^\s*```\s*$/.test(text)) otherFence = false;
      return;
    }
    if (fence !== null) {
      const language = (fence[1] ?? "").toLowerCase();
      if (["ts", "js", "typescript", "javascript", "mjs"].includes(language)) {
        open = { language, line: i + 1, body: [] };
      } else {
        otherFence = true;
      }
    }
  });
  if (open !== undefined) throw new Error(`${file}:${open.line}: unterminated code fence`);
  return out;
}

/** A literal parsed from a `// ≈` comment, with the printed text of each number. */
export type Expected =
  | { readonly kind: "number"; readonly value: number; readonly text: string }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "literal"; readonly value: boolean | null | undefined }
  | { readonly kind: "array"; readonly items: readonly Expected[] }
  | { readonly kind: "object"; readonly fields: readonly (readonly [string, Expected])[] };

/** Parses the literal at the start of `text`; the rest (prose) is returned untouched. */
export function parseExpected(text: string): { expected: Expected; rest: string } {
  let pos = 0;
  const ws = (): void => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  };
  const fail = (what: string): never => {
    throw new Error(`cannot read the value in "// ≈ ${text}": ${what} at column ${pos}`);
  };
  const value = (): Expected => {
    ws();
    const c = text[pos];
    if (c === "[") {
      pos++;
      const items: Expected[] = [];
      ws();
      if (text[pos] === "]") {
        pos++;
        return { kind: "array", items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return { kind: "array", items };
        }
        fail("expected , or ]");
      }
    }
    if (c === "{") {
      pos++;
      const fields: (readonly [string, Expected])[] = [];
      ws();
      if (text[pos] === "}") {
        pos++;
        return { kind: "object", fields };
      }
      for (;;) {
        ws();
        let key: string;
        if (text[pos] === '"') key = stringLiteral();
        else {
          const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos));
          if (m === null) return fail("expected a key");
          key = m[0];
          pos += key.length;
        }
        ws();
        if (text[pos] !== ":") fail("expected :");
        pos++;
        fields.push([key, value()]);
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return { kind: "object", fields };
        }
        fail("expected , or }");
      }
    }
    if (c === '"') return { kind: "string", value: stringLiteral() };
    const word = /^(true|false|null|undefined)\b/.exec(text.slice(pos));
    if (word !== null) {
      pos += word[0].length;
      const w = word[1];
      return { kind: "literal", value: w === "true" ? true : w === "false" ? false : w === "null" ? null : undefined };
    }
    const num = /^[-+]?(?:Infinity|NaN|(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?)/i.exec(text.slice(pos));
    if (num !== null) {
      pos += num[0].length;
      const printed = num[0].replaceAll("_", "");
      return { kind: "number", value: Number(printed), text: printed };
    }
    return fail("expected a literal");
  };
  const stringLiteral = (): string => {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(pos));
    if (m === null) return fail("unterminated string");
    pos += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const expected = value();
  return { expected, rest: text.slice(pos).trim() };
}

/** Half a unit in the last printed digit of a number literal. */
export function printedTolerance(text: string): number {
  const m = /^[-+]?(\d*)(?:\.(\d+))?(?:e([-+]?\d+))?$/i.exec(text);
  if (m === null) return 0;
  const decimals = (m[2] ?? "").length;
  const exponent = Number(m[3] ?? 0);
  return 0.5 * 10 ** (exponent - decimals);
}

/** Compares a computed value with the expected literal; returns a list of mismatches. */
export function compareValue(actual: unknown, expected: Expected, path = "value"): string[] {
  switch (expected.kind) {
    case "number": {
      if (typeof actual !== "number") return [`${path}: expected a number ${expected.text}, got ${show(actual)}`];
      if (Number.isNaN(expected.value)) return Number.isNaN(actual) ? [] : [`${path}: expected NaN, got ${actual}`];
      if (!Number.isFinite(expected.value)) {
        return actual === expected.value ? [] : [`${path}: expected ${expected.text}, got ${actual}`];
      }
      const tol = printedTolerance(expected.text);
      const diff = Math.abs(actual - expected.value);
      return diff <= tol * (1 + 1e-9) + Number.EPSILON * Math.abs(expected.value)
        ? []
        : [`${path}: computed ${actual} does not round to ${expected.text} (±${tol})`];
    }
    case "string":
      return actual === expected.value
        ? []
        : [`${path}: expected ${JSON.stringify(expected.value)}, got ${show(actual)}`];
    case "literal":
      return actual === expected.value ? [] : [`${path}: expected ${String(expected.value)}, got ${show(actual)}`];
    case "array": {
      const isList = Array.isArray(actual) || actual instanceof Float64Array;
      if (!isList) return [`${path}: expected an array, got ${show(actual)}`];
      const list = Array.from(actual as ArrayLike<unknown>);
      if (list.length !== expected.items.length) {
        return [`${path}: expected ${expected.items.length} items, got ${list.length}: ${show(list)}`];
      }
      return expected.items.flatMap((e, i) => compareValue(list[i], e, `${path}[${i}]`));
    }
    case "object": {
      if (typeof actual !== "object" || actual === null) return [`${path}: expected an object, got ${show(actual)}`];
      return expected.fields.flatMap(([k, e]) =>
        Object.hasOwn(actual, k)
          ? compareValue((actual as Record<string, unknown>)[k], e, `${path}.${k}`)
          : [`${path}: no field ${k} in ${show(actual)}`],
      );
    }
  }
}

function show(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x))?.slice(0, 300);
  } catch {
    return String(v);
  }
}

/** A checked expression: its source text, the printed value and where it is. */
export interface Check {
  readonly source: string;
  readonly expected: Expected;
  readonly comment: string;
  readonly line: number;
}

/** An example ready to run: its imports, the rewritten code and its checks. */
export interface PreparedExample {
  readonly imports: readonly { readonly name: string; readonly local: string; readonly specifier: string }[];
  readonly javascript: string;
  readonly checks: readonly Check[];
}

const CHECK = "__docsCheck";

/** Strips imports, rewrites every `expr; // ≈ value` into a check, and transpiles to JavaScript. */
export function prepareExample(example: CodeExample): PreparedExample {
  const source = ts.createSourceFile("example.ts", example.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const imports: { name: string; local: string; specifier: string }[] = [];
  const checks: Check[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      const bindings = statement.importClause?.namedBindings;
      if (bindings === undefined || !ts.isNamedImports(bindings)) {
        throw new Error(`${example.file}:${example.line}: only named imports are supported (${statement.getText()})`);
      }
      for (const element of bindings.elements) {
        if (element.isTypeOnly || statement.importClause?.isTypeOnly === true) continue;
        imports.push({ name: (element.propertyName ?? element.name).text, local: element.name.text, specifier });
      }
      edits.push({ start: statement.getStart(), end: statement.end, text: "" });
      continue;
    }
    if (!ts.isExpressionStatement(statement)) continue;
    const after = example.code.slice(statement.end);
    const m = /^[ \t]*(?:\r?\n[ \t]*)?\/\/[ \t]*≈[ \t]*([^\n]*)/.exec(after);
    if (m === null) continue;
    const comment = (m[1] ?? "").trim();
    const { expected } = parseExpected(comment);
    const { line } = source.getLineAndCharacterOfPosition(statement.getStart());
    const index = checks.length;
    checks.push({ source: statement.expression.getText(), expected, comment, line: example.line + 1 + line });
    edits.push({
      start: statement.getStart(),
      end: statement.end,
      text: `${CHECK}(${index}, (${statement.expression.getText()}));`,
    });
  }
  // Every `// ≈` comment must belong to a checked statement: a value printed anywhere else would go unchecked.
  const marks = [...example.code.matchAll(/\/\/[ \t]*≈/g)].map(
    (m) => source.getLineAndCharacterOfPosition(m.index).line,
  );
  const checkedLines = new Set(
    source.statements.filter(ts.isExpressionStatement).flatMap((st) => {
      const end = source.getLineAndCharacterOfPosition(st.end).line;
      return [end, end + 1];
    }),
  );
  const stray = marks.filter((line) => !checkedLines.has(line));
  if (stray.length > 0 || marks.length !== checks.length) {
    throw new Error(
      `${example.file}:${example.line}: a "// ≈" comment must follow a top-level expression statement ` +
        `(lines ${marks.map((l) => example.line + 1 + l).join(", ")}; ${checks.length} checked)`,
    );
  }
  // Apply the edits from the end so that earlier offsets stay valid.
  let code = example.code;
  for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  const javascript = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    reportDiagnostics: false,
  }).outputText;
  return { imports, javascript, checks };
}

/** The outcome of one check. */
export interface CheckOutcome {
  readonly check: Check;
  readonly actual: unknown;
  readonly problems: readonly string[];
}

/** Runs a prepared example with the given bindings and returns every check's outcome. */
export function runExample(prepared: PreparedExample, bindings: Readonly<Record<string, unknown>>): CheckOutcome[] {
  const outcomes: CheckOutcome[] = [];
  const names = Object.keys(bindings);
  const run = new Function(CHECK, ...names, `"use strict";\n${prepared.javascript}`) as (...a: unknown[]) => void;
  const check = (index: number, actual: unknown): void => {
    const c = prepared.checks[index] as Check;
    outcomes.push({ check: c, actual, problems: compareValue(actual, c.expected) });
  };
  run(check, ...names.map((n) => bindings[n]));
  return outcomes;
}
