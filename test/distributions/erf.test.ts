import { describe, expect, it } from "vitest";
import { erf, erfc } from "../../src/distributions/erf.js";
import { erfInv } from "../../src/distributions/erfInv.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("erf / erfc / erfInv conformance (mpmath, 50 digits)", () => {
  testKernelFixtures("distributions/erf", { erf, erfc, erfInv });
});

describe("erf(x)", () => {
  it("documented examples", () => {
    expectClose(erf(0.5), 0.5204998778130465, { rtol: 1e-15 }, "erf(0.5)");
    expectClose(erf(-2), -0.9953222650189527, { rtol: 1e-15 }, "erf(-2)");
  });

  it("returns NaN for NaN and ±1 at ±Infinity", () => {
    expect(erf(Number.NaN)).toBeNaN();
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
  });

  it("keeps the sign of zero and is linear for tiny x", () => {
    expect(Object.is(erf(0), 0)).toBe(true);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expectClose(erf(1e-300), 1.1283791670955126e-300, { rtol: 1e-15 }, "erf(1e-300)");
  });

  it("is exactly ±1 from |x| = 6 on", () => {
    expect(erf(6)).toBe(1);
    expect(erf(-1e300)).toBe(-1);
    expect(erf(5.8)).toBeLessThan(1);
  });
});

describe("erfc(x)", () => {
  it("documented examples", () => {
    expectClose(erfc(0.5), 0.4795001221869535, { rtol: 1e-15 }, "erfc(0.5)");
    expectClose(erfc(10), 2.0884875837625446e-45, { rtol: 1e-15 }, "erfc(10)");
  });

  it("returns NaN for NaN, 0 at Infinity and 2 at -Infinity", () => {
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(0)).toBe(1);
  });

  it("keeps relative accuracy out to x = 26.5 and underflows to 0 only past 27.3", () => {
    // mpmath.erfc(26.5) at 50 digits
    expectClose(erfc(26.5), 2.2109076642637343e-307, { rtol: 1e-15 }, "erfc(26.5)");
    expect(erfc(27.2)).toBeGreaterThan(0);
    expect(erfc(27.3)).toBe(0);
    expect(erfc(1e308)).toBe(0);
  });
});

describe("erfInv(y)", () => {
  it("documented examples", () => {
    expectClose(erfInv(0.5), 0.4769362762044699, { rtol: 1e-15 }, "erfInv(0.5)");
    expectClose(erfInv(-0.999), -2.3267537655135246, { rtol: 1e-15 }, "erfInv(-0.999)");
  });

  it("returns ±Infinity at ±1 and NaN outside [-1, 1]", () => {
    expect(erfInv(1)).toBe(Number.POSITIVE_INFINITY);
    expect(erfInv(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(erfInv(1.0000000000000002)).toBeNaN();
    expect(erfInv(-2)).toBeNaN();
    expect(erfInv(Number.NaN)).toBeNaN();
    expect(erfInv(Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it("keeps the sign of zero", () => {
    expect(Object.is(erfInv(0), 0)).toBe(true);
    expect(Object.is(erfInv(-0), -0)).toBe(true);
  });

  it("is finite at the doubles next to ±1", () => {
    // mpmath: erfinv(1 - 2^-53) = 5.8635847487551676...
    expectClose(erfInv(1 - 2 ** -53), 5.8635847487551676, { rtol: 1e-15 }, "erfInv(1 - 2^-53)");
    expectClose(erfInv(-(1 - 2 ** -53)), -5.8635847487551676, { rtol: 1e-15 }, "erfInv(-(1 - 2^-53))");
  });
});
