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
 * @remarks
 * `deferredIssues` is called only when the schema fails, for the checks a caller leaves out of the schema
 * to run them in its own arithmetic (a sample's values, checked by its moments pass): their issues join the
 * schema's, so one error still names every bad field.
 * @internal
 */
export function parseArguments<S extends z.ZodMiniType>(
  functionName: string,
  schema: S,
  input: unknown,
  deferredIssues?: () => readonly InputIssue[],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    code: issue.code,
  }));
  if (deferredIssues !== undefined) issues.push(...deferredIssues());
  throw new InvalidArgumentError(functionName, issues);
}

/**
 * Whether `value` is an array (or Float64Array) of at least `minLength` finite numbers.
 *
 * @remarks
 * One pass without a finiteness branch per element: `v − v` is 0 for a finite number and NaN for NaN or ±Infinity, and
 * NaN is absorbing, so the sum of `v − v` over the sample is 0 exactly when every value is finite. A
 * Float64Array holds only numbers; a plain array is also checked with `typeof` (which rejects holes,
 * strings, `null`, bigints). Each kind has its own loop so every element access stays monomorphic, and each
 * sums into four accumulators so the additions do not wait on one another.
 * @internal
 */
export function isFiniteSample(value: unknown, minLength: number): boolean {
  if (value instanceof Float64Array) return value.length >= minLength && allFiniteFloat64(value);
  if (Array.isArray(value)) return value.length >= minLength && allFiniteNumbers(value);
  return false;
}

function allFiniteFloat64(values: Float64Array): boolean {
  // Four accumulators: one would make the loop wait on the latency of each addition.
  const n = values.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = values[i]!;
    const b = values[i + 1]!;
    const c = values[i + 2]!;
    const d = values[i + 3]!;
    s0 += a - a;
    s1 += b - b;
    s2 += c - c;
    s3 += d - d;
  }
  for (; i < n; i++) {
    const v = values[i]!;
    s0 += v - v;
  }
  return s0 + s1 + s2 + s3 === 0;
}

function allFiniteNumbers(values: readonly unknown[]): boolean {
  const n = values.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const c = values[i + 2];
    const d = values[i + 3];
    if (typeof a !== "number" || typeof b !== "number" || typeof c !== "number" || typeof d !== "number") {
      return false;
    }
    s0 += a - a;
    s1 += b - b;
    s2 += c - c;
    s3 += d - d;
  }
  for (; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number") return false;
    s0 += v - v;
  }
  return s0 + s1 + s2 + s3 === 0;
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
