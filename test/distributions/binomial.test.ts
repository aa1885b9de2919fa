import { describe, expect, it } from "vitest";
import { binomialCdf, binomialPmf, binomialSf } from "../../src/distributions/binomial.js";
import { expectClose } from "../helpers/expectClose.js";
import { testKernelFixtures } from "../helpers/fixtures.js";

describe("binomial conformance (mpmath, 50 digits)", () => {
  testKernelFixtures("distributions/binomial", { binomialPmf, binomialCdf, binomialSf });
});

describe("binomialPmf(k, n, p)", () => {
  it("documented examples (R dbinom)", () => {
    expectClose(binomialPmf(3, 10, 0.5), 0.1171875, { rtol: 1e-14 }, "dbinom(3, 10, 0.5)");
    expectClose(binomialPmf(500, 1000, 0.5), 0.025225018178360804, { rtol: 1e-14 }, "dbinom(500, 1000, 0.5)");
    expectClose(binomialPmf(10, 1e9, 1e-8), 0.12511003634668344, { rtol: 1e-13 }, "dbinom(10, 1e9, 1e-8)");
  });

  it("is exact at small n against the closed form", () => {
    // C(5, 2) 0.3² 0.7³ = 0.3087
    expectClose(binomialPmf(2, 5, 0.3), 10 * 0.09 * 0.343, { rtol: 1e-15 }, "pmf(2; 5, 0.3)");
    expectClose(binomialPmf(0, 7, 0.25), 0.75 ** 7, { rtol: 1e-15 }, "pmf(0; 7, 0.25)");
    expectClose(binomialPmf(7, 7, 0.25), 0.25 ** 7, { rtol: 1e-15 }, "pmf(7; 7, 0.25)");
  });

  it("p = 0 and p = 1 are point masses at 0 and n", () => {
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(1, 10, 0)).toBe(0);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialPmf(9, 10, 1)).toBe(0);
  });

  it("n = 0 is a point mass at 0", () => {
    expect(binomialPmf(0, 0, 0.3)).toBe(1);
    expect(binomialPmf(1, 0, 0.3)).toBe(0);
  });

  it("is 0 outside the support, for non-integer k and for infinite k (R returns 0)", () => {
    for (const k of [-1, 11, 2.5, -0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(binomialPmf(k, 10, 0.3), `k=${k}`).toBe(0);
    }
  });

  it("returns NaN for NaN input, non-integer or negative n, p outside [0, 1]", () => {
    expect(binomialPmf(Number.NaN, 10, 0.5)).toBeNaN();
    expect(binomialPmf(1, Number.NaN, 0.5)).toBeNaN();
    expect(binomialPmf(1, 10, Number.NaN)).toBeNaN();
    expect(binomialPmf(1, 10.5, 0.5)).toBeNaN();
    expect(binomialPmf(1, -1, 0.5)).toBeNaN();
    expect(binomialPmf(1, Number.POSITIVE_INFINITY, 0.5)).toBeNaN();
    expect(binomialPmf(1, 10, -0.1)).toBeNaN();
    expect(binomialPmf(1, 10, 1.1)).toBeNaN();
  });

  it("keeps full accuracy at n = 1e9 next to the mean (double-double n·p)", () => {
    // mpmath (50 digits): binomial(10^9, k) p^k (1 − p)^(n − k) at k = 3·10^8 + 10^4, p = fl(0.3)
    expectClose(binomialPmf(300_010_000, 1e9, 0.3), 2.1696690344144856e-5, { rtol: 1e-13 }, "pmf at n = 1e9");
  });
});

describe("binomialCdf(k, n, p) and binomialSf(k, n, p)", () => {
  it("documented examples (R pbinom)", () => {
    expectClose(binomialCdf(3, 10, 0.5), 0.171875, { rtol: 1e-14 }, "pbinom(3, 10, 0.5)");
    expectClose(binomialCdf(450, 1000, 0.5), 0.00086526804248815816, { rtol: 1e-13 }, "pbinom(450, 1000, 0.5)");
    expectClose(binomialSf(3, 10, 0.5), 0.828125, { rtol: 1e-14 }, "pbinom(3, 10, 0.5, lower = FALSE)");
    expectClose(binomialSf(600, 1000, 0.5), 9.0084127062804165e-11, { rtol: 1e-13 }, "upper tail at k = 600");
  });

  it("k < 0 and k >= n give 0/1 and 1/0", () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialSf(-1, 10, 0.3)).toBe(1);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialSf(10, 10, 0.3)).toBe(0);
    expect(binomialCdf(Number.POSITIVE_INFINITY, 10, 0.3)).toBe(1);
    expect(binomialCdf(Number.NEGATIVE_INFINITY, 10, 0.3)).toBe(0);
    expect(binomialSf(Number.POSITIVE_INFINITY, 10, 0.3)).toBe(0);
    expect(binomialSf(Number.NEGATIVE_INFINITY, 10, 0.3)).toBe(1);
  });

  it("p = 0, p = 1 and n = 0", () => {
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(binomialSf(0, 10, 0)).toBe(0);
    expect(binomialCdf(9, 10, 1)).toBe(0);
    expect(binomialSf(9, 10, 1)).toBe(1);
    expect(binomialCdf(0, 0, 0.4)).toBe(1);
    expect(binomialSf(0, 0, 0.4)).toBe(0);
  });

  it("floors non-integer k as R's pbinom does (floor(k + 1e-7))", () => {
    expect(binomialCdf(3.7, 10, 0.5)).toBe(binomialCdf(3, 10, 0.5));
    expect(binomialSf(3.7, 10, 0.5)).toBe(binomialSf(3, 10, 0.5));
    expect(binomialCdf(2.99999999, 10, 0.5)).toBe(binomialCdf(3, 10, 0.5));
    expect(binomialCdf(-0.5, 10, 0.5)).toBe(0);
  });

  it("returns NaN for NaN input, non-integer or negative n, p outside [0, 1]", () => {
    for (const f of [binomialCdf, binomialSf]) {
      expect(f(Number.NaN, 10, 0.5)).toBeNaN();
      expect(f(1, Number.NaN, 0.5)).toBeNaN();
      expect(f(1, 10, Number.NaN)).toBeNaN();
      expect(f(1, 10.5, 0.5)).toBeNaN();
      expect(f(1, -2, 0.5)).toBeNaN();
      expect(f(1, 10, -1e-9)).toBeNaN();
      expect(f(1, 10, 1.5)).toBeNaN();
    }
  });

  it("equals the summed pmf at small n", () => {
    let cdf = 0;
    for (let k = 0; k < 20; k++) {
      cdf += binomialPmf(k, 20, 0.37);
      expectClose(binomialCdf(k, 20, 0.37), cdf, { rtol: 1e-14 }, `cdf(${k})`);
    }
  });

  it("keeps relative accuracy in far tails: sf is not 1 − cdf", () => {
    // P(X > 95) for Binomial(100, 0.5) = (C(100,96)+C(100,97)+…+1)/2^100
    const exact = (3921225 + 161700 + 4950 + 100 + 1) / 2 ** 100;
    expectClose(binomialSf(95, 100, 0.5), exact, { rtol: 1e-14 }, "sf(95; 100, 0.5)");
    expectClose(binomialCdf(4, 100, 0.5), exact, { rtol: 1e-14 }, "cdf(4; 100, 0.5)");
  });
});
