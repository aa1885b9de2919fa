// Bayesian readout: chance to beat control, expected loss, chance to be best.
// Run after `npm run build`: node examples/bayesian.mjs
import { bayesianProportions, probabilityToBeBest } from "experiment-stats/bayesian";

const control = { visitors: 24_978, conversions: 1_249 };
const treatment = { visitors: 25_125, conversions: 1_404 };
const r = bayesianProportions(control, treatment);
console.log(`Chance the treatment is better: ${(100 * r.probabilityTreatmentBetter).toFixed(2)} %`);
console.log(`Expected loss if we ship it: ${r.expectedLoss.treatment.toExponential(2)} (conversion rate)`);
const ci = r.relativeLift.credibleInterval;
console.log(`Lift, 95 % credible interval: ${(100 * ci.lower).toFixed(1)} % to ${(100 * ci.upper).toFixed(1)} %`);

const best = probabilityToBeBest([control, treatment, { visitors: 24_897, conversions: 1_281 }]);
console.log(
  "Chance to be best (control, new-checkout, one-page):",
  best.probabilityToBeBest.map((p) => p.toFixed(4)),
);
