// Numeric kernels: R's argument order, NaN outside the domain, upper tails computed directly.
// Run after `npm run build`: node examples/distributions.mjs
import { betaQuantile, chiSquareSf, normalCdf, normalQuantile, studentTQuantile } from "experiment-stats/distributions";

console.log("z for a two-sided 95 % interval:", normalQuantile(0.975)); // 1.959964
console.log("P(Z <= 1.96):", normalCdf(1.96));
console.log("t quantile, 10 df:", studentTQuantile(0.975, 10)); // 2.228139
console.log("tiny upper tail, chi-square(1) at 200:", chiSquareSf(200, 1)); // keeps its relative accuracy
console.log("Beta(43, 959) 97.5 % quantile:", betaQuantile(0.975, 43, 959));
