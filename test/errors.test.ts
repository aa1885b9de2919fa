import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidArgumentError, isStatsError, StatsError } from "../src/errors.js";
import { openUnitInterval, parseArguments, proportionData } from "../src/internal/validate.js";

describe("errors", () => {
  it("StatsError carries its code and name", () => {
    const e = new StatsError("NO_SOLUTION", "f: no solution");
    expect(e.code).toBe("NO_SOLUTION");
    expect(e.name).toBe("StatsError");
    expect(e).toBeInstanceOf(Error);
    expect(isStatsError(e)).toBe(true);
  });

  it("InvalidArgumentError names the function and every bad field", () => {
    const e = new InvalidArgumentError("f", [
      { path: ["options", "alpha"], message: "must be < 1" },
      { path: [], message: "must be an object" },
    ]);
    expect(e.message).toBe("f: options.alpha: must be < 1; input: must be an object");
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.name).toBe("InvalidArgumentError");
    expect(e.functionName).toBe("f");
  });

  it("isStatsError recognises copies of the class it did not create, and nothing else", () => {
    const foreign = new Error("x");
    Object.defineProperty(foreign, Symbol.for("experiment-stats.error"), { value: true });
    expect(isStatsError(foreign)).toBe(true);
    expect(isStatsError(new Error("x"))).toBe(false);
    expect(isStatsError(null)).toBe(false);
    expect(isStatsError("StatsError")).toBe(false);
  });
});

describe("parseArguments(functionName, schema, input)", () => {
  const schema = z.strictObject({ rate: openUnitInterval(), arm: proportionData() });

  it("returns the parsed input when it is valid", () => {
    expect(parseArguments("f", schema, { rate: 0.5, arm: { visitors: 10, conversions: 3 } })).toEqual({
      rate: 0.5,
      arm: { visitors: 10, conversions: 3 },
    });
  });

  it("collects every issue into one InvalidArgumentError", () => {
    expect(() => parseArguments("f", schema, { rate: 1, arm: { visitors: 10, conversions: 11 }, extra: 1 })).toThrow(
      /^f: .*rate: must be < 1.*arm\.conversions: conversions must be <= visitors/,
    );
    try {
      parseArguments("f", schema, { rate: Number.NaN, arm: { visitors: 1.5, conversions: -1 } });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const paths = (error as InvalidArgumentError).issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["rate", "arm.visitors", "arm.conversions"]));
    }
  });
});
