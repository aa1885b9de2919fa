import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { expectClose, type Tolerance } from "./expectClose.js";

/** Root of the committed fixtures. */
export const fixturesRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** Metadata every fixture file carries. */
export interface FixtureMeta {
  readonly generator: string;
  readonly reference: string;
  readonly seed?: number;
  /** Name of the exported function the cases apply to (kernel fixtures). */
  readonly function?: string;
  readonly regime?: string;
  readonly tolerance: Tolerance;
  readonly notes?: string;
}

/** One kernel case: positional arguments and the expected value, both as 17-digit strings or numbers. */
export interface KernelCase {
  readonly args: readonly (string | number)[];
  readonly expected: string | number;
}

export interface Fixture<C> {
  readonly meta: FixtureMeta;
  readonly cases: readonly C[];
}

/** Decodes a fixture number: "Infinity", "-Infinity", "NaN" and R's "Inf" included. */
export function num(value: string | number): number {
  if (typeof value === "number") return value;
  if (value === "Inf") return Number.POSITIVE_INFINITY;
  if (value === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number(value);
}

/** Reads a fixture file given its path relative to `test/fixtures`. */
export function loadFixture<C = KernelCase>(path: string): Fixture<C> {
  return JSON.parse(readFileSync(join(fixturesRoot, path), "utf8")) as Fixture<C>;
}

/** Every JSON fixture below a folder of `test/fixtures`, as paths relative to `test/fixtures`. */
export function listFixtures(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) out.push(relative(fixturesRoot, full));
    }
  };
  walk(join(fixturesRoot, folder));
  return out.sort();
}

/**
 * Registers one test per kernel fixture file: every case must be within the file's stated tolerance.
 * `kernels` maps `meta.function` to the implementation.
 */
export function testKernelFixtures(
  folder: string,
  kernels: Readonly<Record<string, (...args: number[]) => number>>,
): void {
  for (const path of listFixtures(folder)) {
    const fixture = loadFixture(path);
    const name = fixture.meta.function;
    test(`${name} matches ${fixture.meta.reference} (${path}, ${fixture.cases.length} cases)`, () => {
      const kernel = name === undefined ? undefined : kernels[name];
      expect(kernel, `no kernel registered for ${name}`).toBeTypeOf("function");
      expect(fixture.cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of fixture.cases) {
        const args = c.args.map(num);
        const actual = kernel!(...args);
        try {
          expectClose(actual, num(c.expected), fixture.meta.tolerance, `${name}(${args.join(", ")})`);
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      expect(failures.slice(0, 20), `${failures.length} of ${fixture.cases.length} cases failed`).toEqual([]);
    });
  }
}
