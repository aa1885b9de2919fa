import { fc, test } from "@fast-check/vitest";
import { describe } from "vitest";
import { hypergeometricPmf } from "../../src/distributions/hypergeometric.js";
import { expectClose } from "../helpers/expectClose.js";

describe("hypergeometric (laws)", () => {
  test.prop([
    fc.integer({ min: 1, max: 400 }),
    fc.integer({ min: 1, max: 400 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])("pmf sums to 1 over its support", (m, n, u) => {
    const k = Math.floor(u * (m + n));
    let sum = 0;
    for (let x = Math.max(0, k - n); x <= Math.min(k, m); x++) sum += hypergeometricPmf(x, m, n, k);
    expectClose(sum, 1, { rtol: 1e-13 }, `m=${m}, n=${n}, k=${k}`);
  });

  test.prop([
    fc.integer({ min: 1, max: 1e8 }),
    fc.integer({ min: 1, max: 1e8 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])("symmetry: swapping the colours maps x to k − x", (m, n, u) => {
    const k = Math.floor(u * Math.min(m + n, 1e6));
    const x = Math.max(0, k - n) + Math.floor(u * (Math.min(k, m) - Math.max(0, k - n)));
    expectClose(
      hypergeometricPmf(x, m, n, k),
      hypergeometricPmf(k - x, n, m, k),
      { rtol: 1e-13, atol: 1e-300 },
      `x=${x}`,
    );
  });

  test.prop([
    fc.integer({ min: 1, max: 1e6 }),
    fc.integer({ min: 1, max: 1e6 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])("symmetry: the roles of drawn and white balls can be exchanged", (m, n, u) => {
    const k = Math.floor(u * (m + n));
    const x = Math.max(0, k - n) + Math.floor(u * (Math.min(k, m) - Math.max(0, k - n)));
    // P(x; m, n, k) = P(x; k, m + n − k, m)
    expectClose(
      hypergeometricPmf(x, m, n, k),
      hypergeometricPmf(x, k, m + n - k, m),
      { rtol: 1e-12, atol: 1e-300 },
      `x=${x}`,
    );
  });
});
