/**
 * zod/mini schema builders shared by the attribution procedures (module-private to the area).
 *
 * @internal
 * @packageDocumentation
 */
import * as z from "zod/mini";
import type { InputIssue } from "../errors.js";
import { parseArguments } from "../internal/validate.js";

/** A path separator: a non-empty string of any length. @internal */
export const separatorSchema = (): z.ZodMiniString<string> =>
  z.string({ error: "must be a string" }).check(z.minLength(1, { error: "must not be empty" }));

/** A seed for the PRNG: an integer. @internal */
export const seedSchema = (): z.ZodMiniNumber<number> =>
  z
    .number({ error: "must be a finite number" })
    .check(
      z.int({ error: "must be an integer" }),
      z.gte(0, { error: "must be >= 0" }),
      z.lte(4294967295, { error: "must be <= 4294967295" }),
    );

/** Whether non-negative `weights` sum to 1 within 1e-9. @internal */
export function sumsToOne(weights: readonly number[]): boolean {
  let s = 0;
  for (const w of weights) s += w;
  return Math.abs(s - 1) <= 1e-9;
}

/**
 * A strict options object: unknown keys are rejected by name.
 *
 * @internal
 */
export function optionsObject<T extends z.core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, z.core.$strict> {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`
        : "must be an options object",
  });
}

/**
 * Validates `options` under the path `options`, so messages read `options.order: must be >= 1`.
 *
 * @internal
 */
export function parseOptions<S extends z.ZodMiniType>(functionName: string, schema: S, options: unknown): z.output<S> {
  const parsed = parseArguments(functionName, z.object({ options: schema }), { options }) as { options: z.output<S> };
  return parsed.options;
}

/**
 * Checks `value` against `schema`, returning the parsed value or the issues with `prefix` prepended
 * to their paths (for options nested in another call's arguments).
 *
 * @internal
 */
export function checkAt<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  prefix: readonly PropertyKey[],
): { ok: true; value: z.output<S> } | { ok: false; issues: InputIssue[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: [...prefix, ...issue.path],
      message: issue.message,
      code: issue.code,
    })),
  };
}

/** An options type as zod outputs it (optional fields may hold `undefined`). @internal */
export type Parsed<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** Outcome of {@link checkAt} for an options type. @internal */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };
