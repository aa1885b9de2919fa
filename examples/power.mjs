// Planning a test: sample size, power, MDE and duration.
// Run after `npm run build`: node examples/power.mjs
import {
  experimentDuration,
  mdeTwoProportions,
  powerTwoProportions,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
} from "experiment-stats/power";

const plan = sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
console.log(`5 % baseline, +10 % lift: ${plan.nControl} per arm, ${plan.nTotal} in total`);

const duration = experimentDuration({ sampleSize: plan, dailyUnits: 20_000, trafficShare: 0.5 });
console.log(`At 10,000 enrolled units a day: ${duration.days} days, ${duration.weeks} full week(s)`);

const mde = mdeTwoProportions({ baselineRate: 0.05, nControl: 10_000 });
console.log(`10,000 per arm detects a relative lift of ${(100 * mde.mde).toFixed(1)} %`);

const power = powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: 10_000 });
console.log(`...and has ${(100 * power.power).toFixed(1)} % power for +10 %`);

const revenue = sampleSizeTwoMeans({ sd: 41.8, mde: 1, varianceReduction: 0.36 });
console.log(`Revenue per visitor (+1.00, CUPED with rho = 0.6): ${revenue.nControl} per arm`);
