/**
 * Errors thrown by the public procedures of experiment-stats.
 *
 * @remarks
 * Kernels (distributions) never throw: they return `NaN` outside their domain. Public procedures
 * validate their input and throw {@link InvalidArgumentError}; failures that are not about the input
 * itself (constant data, an unreachable power target, a solver that did not converge) throw
 * {@link StatsError} with a {@link StatsErrorCode}.
 *
 * @packageDocumentation
 */

/** Brand shared by every copy of the package (ESM and CommonJS), where `instanceof` is not. */
const STATS_ERROR_BRAND: unique symbol = Symbol.for("experiment-stats.error") as never;

/**
 * Why a procedure failed.
 *
 * - `INVALID_ARGUMENT`: an argument or option broke its rule (see {@link InvalidArgumentError}).
 * - `DEGENERATE_DATA`: valid input from which nothing can be inferred (R: "data are essentially constant").
 * - `NO_SOLUTION`: a solver's target cannot be reached (a power target at or below alpha).
 * - `NOT_CONVERGED`: an iteration hit its cap.
 *
 * @public
 */
export type StatsErrorCode = "INVALID_ARGUMENT" | "DEGENERATE_DATA" | "NO_SOLUTION" | "NOT_CONVERGED";

/**
 * One broken rule in the input of a procedure, in the Standard Schema shape.
 *
 * @public
 */
export interface InputIssue {
  /** Where in the arguments: `["options", "alpha"]`, `["control", "visitors"]`. */
  readonly path: readonly PropertyKey[];
  /** The rule that was broken: `"must be > 0"`. */
  readonly message: string;
  /** A machine-readable code for the rule, when there is one. */
  readonly code?: string | undefined;
}

/**
 * The error every public procedure throws; `code` says why.
 *
 * @example
 * ```ts
 * try {
 *   sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1, power: 0.01 });
 * } catch (error) {
 *   if (isStatsError(error)) console.log(error.code); // "NO_SOLUTION"
 * }
 * ```
 *
 * @public
 */
export class StatsError extends Error {
  /** Why the procedure failed. */
  readonly code: StatsErrorCode;

  /**
   * @param code - Why the procedure failed.
   * @param message - One line, the function name first.
   * @param options - `cause`, as for `Error`.
   */
  constructor(code: StatsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, STATS_ERROR_BRAND, { value: true });
  }
}

/**
 * Thrown when an argument or option breaks its rule. The message names the function and every bad
 * field; `issues` lists them for programs.
 *
 * @example
 * ```ts
 * // "normalInterval: options.confidenceLevel: must be < 1"
 * ```
 *
 * @public
 */
export class InvalidArgumentError extends StatsError {
  /** The function whose input was rejected. */
  readonly functionName: string;
  /** Every rule the input broke. */
  readonly issues: readonly InputIssue[];

  /**
   * @param functionName - The public function whose input was rejected.
   * @param issues - Every rule the input broke (at least one).
   */
  constructor(functionName: string, issues: readonly InputIssue[]) {
    super("INVALID_ARGUMENT", `${functionName}: ${issues.map(describeIssue).join("; ")}`);
    this.functionName = functionName;
    this.issues = issues;
  }
}

function describeIssue(issue: InputIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
  return `${where}: ${issue.message}`;
}

/**
 * Whether `value` is an error thrown by experiment-stats.
 *
 * @remarks
 * Works across duplicate copies of the package (an application that loads both the ESM and the
 * CommonJS build), where `instanceof StatsError` fails.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link StatsError} (and so an {@link InvalidArgumentError}) from any copy.
 *
 * @public
 */
export function isStatsError(value: unknown): value is StatsError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[STATS_ERROR_BRAND] === true;
}
