/**
 * Type tests for the distribution kernels (style guide §7.6), imported from the root entry: every kernel is
 * `(number, ...) => number` with R's argument order, and optional location/scale only where R has defaults.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  betaCdf,
  betaPdf,
  betaQuantile,
  betaSf,
  binomialCdf,
  binomialPmf,
  binomialSf,
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSf,
  erf,
  erfc,
  erfInv,
  fCdf,
  fSf,
  gammaCdf,
  gammaSf,
  hypergeometricPmf,
  lnBeta,
  lnGamma,
  noncentralTCdf,
  noncentralTSf,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from "../../src/index.js";

type Kernel1 = (x: number) => number;
type Kernel2 = (x: number, a: number) => number;
type Kernel3 = (x: number, a: number, b: number) => number;
type Kernel4 = (x: number, a: number, b: number, c: number) => number;
type Located = (x: number, mean?: number, sd?: number) => number;

describe("kernels are (number, ...) => number", () => {
  test("one argument", () => {
    expectTypeOf(erf).toEqualTypeOf<Kernel1>();
    expectTypeOf(erfc).toEqualTypeOf<Kernel1>();
    expectTypeOf(erfInv).toEqualTypeOf<Kernel1>();
    expectTypeOf(lnGamma).toEqualTypeOf<Kernel1>();
  });

  test("normal: R defaults mean = 0, sd = 1", () => {
    expectTypeOf(normalPdf).toEqualTypeOf<Located>();
    expectTypeOf(normalCdf).toEqualTypeOf<Located>();
    expectTypeOf(normalSf).toEqualTypeOf<Located>();
    expectTypeOf(normalQuantile).toEqualTypeOf<Located>();
    expectTypeOf(normalCdf(1)).toEqualTypeOf<number>();
    expectTypeOf(normalQuantile(0.975, 0, 1)).toEqualTypeOf<number>();
  });

  test("two arguments", () => {
    expectTypeOf(lnBeta).toEqualTypeOf<Kernel2>();
    expectTypeOf(regularizedGammaP).toEqualTypeOf<Kernel2>();
    expectTypeOf(regularizedGammaQ).toEqualTypeOf<Kernel2>();
    expectTypeOf(chiSquareCdf).toEqualTypeOf<Kernel2>();
    expectTypeOf(chiSquareSf).toEqualTypeOf<Kernel2>();
    expectTypeOf(chiSquareQuantile).toEqualTypeOf<Kernel2>();
    expectTypeOf(studentTCdf).toEqualTypeOf<Kernel2>();
    expectTypeOf(studentTSf).toEqualTypeOf<Kernel2>();
    expectTypeOf(studentTQuantile).toEqualTypeOf<Kernel2>();
  });

  test("three arguments", () => {
    expectTypeOf(regularizedBeta).toEqualTypeOf<Kernel3>();
    expectTypeOf(betaPdf).toEqualTypeOf<Kernel3>();
    expectTypeOf(betaCdf).toEqualTypeOf<Kernel3>();
    expectTypeOf(betaSf).toEqualTypeOf<Kernel3>();
    expectTypeOf(betaQuantile).toEqualTypeOf<Kernel3>();
    expectTypeOf(fCdf).toEqualTypeOf<Kernel3>();
    expectTypeOf(fSf).toEqualTypeOf<Kernel3>();
    expectTypeOf(noncentralTCdf).toEqualTypeOf<Kernel3>();
    expectTypeOf(noncentralTSf).toEqualTypeOf<Kernel3>();
    expectTypeOf(binomialPmf).toEqualTypeOf<Kernel3>();
    expectTypeOf(binomialCdf).toEqualTypeOf<Kernel3>();
    expectTypeOf(binomialSf).toEqualTypeOf<Kernel3>();
  });

  test("gamma and hypergeometric", () => {
    // R pgamma(q, shape, rate = 1)
    expectTypeOf(gammaCdf).toEqualTypeOf<(x: number, shape: number, rate?: number) => number>();
    expectTypeOf(gammaSf).toEqualTypeOf<(x: number, shape: number, rate?: number) => number>();
    expectTypeOf(hypergeometricPmf).toEqualTypeOf<Kernel4>();
  });

  test("misuse does not compile", () => {
    // @ts-expect-error degrees of freedom are required
    studentTCdf(1.96);
    // @ts-expect-error shape parameters are required
    betaCdf(0.5, 1);
    // @ts-expect-error kernels take numbers, not arrays
    normalCdf([1, 2]);
    // @ts-expect-error kernels take numbers, not strings
    erf("1");
    // @ts-expect-error no options object: R argument order only
    normalCdf(1, { mean: 0, sd: 1 });
    // @ts-expect-error too many arguments
    chiSquareCdf(1, 2, 3);
  });
});
