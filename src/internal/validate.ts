/**
 * Validation helpers shared by the public procedures (zod/mini, never classic zod: it keeps bundles small).
 *
 * @remarks
 * Every check carries its own `error` message: zod/mini loads no locale, and the library never calls
 * `z.config()` (that is global and belongs to the application). Samples are checked in one pass by a
 * custom check, twenty times faster than `z.array(z.number())` on a million values.
 *
 * @packageDocumentation
 */
import * as z from "zod/mini";
import { type InputIssue, InvalidArgumentError } from "../errors.js";

/**
 * Parses `input` with `schema`, or throws one {@link InvalidArgumentError} naming `functionName` and every bad field.
 *
 * @internal
 */
export function parseArguments<S extends z.ZodMiniType>(functionName: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    code: issue.code,
  }));
  throw new InvalidArgumentError(functionName, issues);
}

/** Whether `value` is an array (or Float64Array) of at least `minLength` finite numbers. @internal */
export function isFiniteSample(value: unknown, minLength: number): boolean {
  if (!(Array.isArray(value) || value instanceof Float64Array) || value.length < minLength) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
  }
  return true;
}

/** A sample of at least `minLength` finite numbers, checked in one pass. @internal */
export const finiteSample = (minLength: number): z.ZodMiniCustom<ArrayLike<number>, ArrayLike<number>> =>
  z.custom<ArrayLike<number>>((v) => isFiniteSample(v, minLength), {
    error: `must be an array of at least ${minLength} finite number${minLength === 1 ? "" : "s"}`,
  });

/** A finite number. @internal */
export const finiteNumber = (): z.ZodMiniNumber<number> => z.number({ error: "must be a finite number" });

/** A finite number > 0. @internal */
export const positiveNumber = (): z.ZodMiniNumber<number> => finiteNumber().check(z.positive({ error: "must be > 0" }));

/** A finite number >= 0. @internal */
export const nonNegativeNumber = (): z.ZodMiniNumber<number> =>
  finiteNumber().check(z.nonnegative({ error: "must be >= 0" }));

/** An integer >= 0 (counts). @internal */
export const count = (): z.ZodMiniNumber<number> =>
  z
    .number({ error: "must be a finite number" })
    .check(z.int({ error: "must be an integer" }), z.nonnegative({ error: "must be >= 0" }));

/** An integer >= `min`. @internal */
export const integerAtLeast = (min: number): z.ZodMiniNumber<number> =>
  z
    .number({ error: "must be a finite number" })
    .check(z.int({ error: "must be an integer" }), z.gte(min, { error: `must be >= ${min}` }));

/** A number strictly between 0 and 1 (rates, levels, alpha, power). @internal */
export const openUnitInterval = (): z.ZodMiniNumber<number> =>
  finiteNumber().check(z.gt(0, { error: "must be > 0" }), z.lt(1, { error: "must be < 1" }));

/** The direction of the alternative hypothesis. @internal */
export const alternative = (): z.ZodMiniEnum<{ "two-sided": "two-sided"; less: "less"; greater: "greater" }> =>
  z.enum(["two-sided", "less", "greater"], { error: 'must be "two-sided", "less" or "greater"' });

/** `{ visitors, conversions }` with integer counts and conversions <= visitors. @internal */
export const proportionData = (): z.ZodMiniObject<{
  visitors: z.ZodMiniNumber<number>;
  conversions: z.ZodMiniNumber<number>;
}> =>
  z.object({ visitors: count(), conversions: count() }, { error: "must be an object { visitors, conversions }" }).check(
    z.refine((d) => d.conversions <= d.visitors, {
      error: "conversions must be <= visitors",
      path: ["conversions"],
    }),
  );
