// Readouts in words, and a chart specification.
// Run after `npm run build`: node examples/report.mjs
import { powerTwoProportions } from "experiment-stats/power";
import { formatResult, powerCurveChart } from "experiment-stats/report";
import { compareProportions } from "experiment-stats/significance";

const r = compareProportions({ visitors: 10_000, conversions: 500 }, { visitors: 10_000, conversions: 560 });
console.log(formatResult(r));
console.log(formatResult(r, { format: "markdown" }));

const points = [5000, 10_000, 20_000, 30_000, 40_000].map((n) => ({
  sampleSize: n,
  power: powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: n }).power,
}));
console.log(JSON.stringify(powerCurveChart(points, { targetPower: 0.8 })).slice(0, 200), "...");
