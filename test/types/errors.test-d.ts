/**
 * Type tests for the error types (style guide §5 and §7.6), imported from the root entry.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  type InputIssue,
  InvalidArgumentError,
  isStatsError,
  StatsError,
  type StatsErrorCode,
  sampleSizeTwoProportions,
} from "../../src/index.js";

describe("StatsError", () => {
  test("code is the StatsErrorCode union", () => {
    expectTypeOf<StatsErrorCode>().toEqualTypeOf<
      "INVALID_ARGUMENT" | "DEGENERATE_DATA" | "NO_SOLUTION" | "NOT_CONVERGED"
    >();
    expectTypeOf<StatsError["code"]>().toEqualTypeOf<StatsErrorCode>();
    expectTypeOf<StatsError>().toExtend<Error>();
    expectTypeOf<InvalidArgumentError>().toExtend<StatsError>();
    expectTypeOf<InvalidArgumentError["issues"]>().toEqualTypeOf<readonly InputIssue[]>();
    expectTypeOf<InvalidArgumentError["functionName"]>().toEqualTypeOf<string>();
    expectTypeOf<InputIssue["path"]>().toEqualTypeOf<readonly PropertyKey[]>();
    expectTypeOf<InputIssue["message"]>().toEqualTypeOf<string>();
    expectTypeOf(new StatsError("NO_SOLUTION", "m")).toEqualTypeOf<StatsError>();
    expectTypeOf(
      new InvalidArgumentError("f", [{ path: ["x"], message: "must be > 0" }]),
    ).toEqualTypeOf<InvalidArgumentError>();
  });

  test("isStatsError narrows unknown to StatsError", () => {
    expectTypeOf(isStatsError).guards.toEqualTypeOf<StatsError>();
    expectTypeOf(isStatsError).parameter(0).toEqualTypeOf<unknown>();
    try {
      sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.1 });
    } catch (error: unknown) {
      expectTypeOf(error).toEqualTypeOf<unknown>();
      if (isStatsError(error)) {
        expectTypeOf(error).toEqualTypeOf<StatsError>();
        expectTypeOf(error.code).toEqualTypeOf<StatsErrorCode>();
        if (error.code === "NO_SOLUTION") expectTypeOf(error.code).toEqualTypeOf<"NO_SOLUTION">();
        // @ts-expect-error not a StatsErrorCode
        if (error.code === "NOT_FOUND") throw error;
      }
      if (error instanceof InvalidArgumentError) {
        expectTypeOf(error.code).toEqualTypeOf<StatsErrorCode>();
        expectTypeOf(error.issues).toEqualTypeOf<readonly InputIssue[]>();
      }
    }
  });

  test("misuse does not compile", () => {
    // @ts-expect-error unknown code
    new StatsError("BAD_INPUT", "m");
    // @ts-expect-error the message is required
    new StatsError("NO_SOLUTION");
    const error = new StatsError("NO_SOLUTION", "m");
    // @ts-expect-error code is readonly
    error.code = "NOT_CONVERGED";
    // @ts-expect-error issues carry a path and a message
    new InvalidArgumentError("f", [{ message: "must be > 0" }]);
  });
});
