// Reading a result: effect, lift, interval, p-value, SRM and multiple testing.
// Run after `npm run build`: node examples/significance.mjs
import {
  adjustPValues,
  compareMeans,
  compareProportions,
  sampleRatioMismatchTest,
} from "experiment-stats/significance";

const control = { visitors: 24_978, conversions: 1_249 };
const arms = {
  "new-checkout": { visitors: 25_125, conversions: 1_404 },
  "one-page": { visitors: 24_897, conversions: 1_281 },
};

const srm = sampleRatioMismatchTest([control.visitors, ...Object.values(arms).map((a) => a.visitors)], [1, 1, 1]);
console.log(`SRM check: p = ${srm.pValue.toFixed(4)}${srm.mismatch ? " (MISMATCH: do not trust the metrics)" : ""}`);

const results = Object.entries(arms).map(([name, arm]) => [name, compareProportions(control, arm)]);
const adjusted = adjustPValues(
  results.map(([, r]) => r.pValue),
  "holm",
).adjustedPValues;
results.forEach(([name, r], i) => {
  const ci = r.relativeLift.confidenceInterval;
  console.log(
    `${name}: lift ${(100 * r.relativeLift.estimate).toFixed(1)} % ` +
      `[${(100 * ci.lower).toFixed(1)} %, ${(100 * ci.upper).toFixed(1)} %], p = ${r.pValue.toFixed(4)}, ` +
      `Holm p = ${adjusted[i].toFixed(4)}`,
  );
});

const revenue = compareMeans({ n: 8012, mean: 23.41, sd: 41.8 }, { n: 7988, mean: 24.92, sd: 43.1 });
console.log(`Revenue per visitor: +${revenue.difference.estimate.toFixed(2)}, p = ${revenue.pValue.toFixed(4)}`);
