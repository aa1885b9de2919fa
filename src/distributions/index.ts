/**
 * Numeric kernels: special functions and probability distributions.
 *
 * @remarks
 * Positional numbers in, a number out, with R's argument order. Kernels never throw: they return
 * `NaN` outside their domain. Upper tails (`…Sf`) are computed directly, never as `1 - cdf`, so tiny
 * p-values keep their relative accuracy.
 *
 * @packageDocumentation
 */
export { betaCdf, betaPdf, betaQuantile, betaSf } from "./beta.js";
export { binomialCdf, binomialPmf, binomialSf } from "./binomial.js";
export { chiSquareCdf, chiSquareQuantile, chiSquareSf } from "./chiSquare.js";
export { erf, erfc } from "./erf.js";
export { erfInv } from "./erfInv.js";
export { fCdf, fSf } from "./f.js";
export { gammaCdf, gammaSf } from "./gamma.js";
export { hypergeometricPmf } from "./hypergeometric.js";
export { lnBeta, lnGamma } from "./lnGamma.js";
export { noncentralTCdf, noncentralTSf } from "./noncentralT.js";
export { normalCdf, normalPdf, normalQuantile, normalSf } from "./normal.js";
export { regularizedBeta } from "./regularizedBeta.js";
export { regularizedGammaP, regularizedGammaQ } from "./regularizedGamma.js";
export { studentTCdf, studentTQuantile, studentTSf } from "./studentT.js";
