// Marketing KPIs with intervals, a funnel, and a control chart on daily cost.
// Run after `npm run build`: node examples/kpi.mjs
import {
  conversionRate,
  costPerAcquisition,
  funnelAnalysis,
  monitorMetric,
  returnOnAdSpend,
} from "experiment-stats/kpi";

const show = (r) =>
  `${r.metric}: ${r.estimate.toFixed(4)}` +
  (r.confidenceInterval ? ` [${r.confidenceInterval.lower.toFixed(4)}, ${r.confidenceInterval.upper.toFixed(4)}]` : "");
console.log(show(conversionRate({ visitors: 2400, conversions: 96 })));
console.log(show(costPerAcquisition({ cost: 5000, conversions: 125 })));
console.log(show(returnOnAdSpend({ cost: 6000, revenue: 18_000, revenueSumSquares: 2_500_000 })));

const funnel = funnelAnalysis(
  [
    { name: "visit", count: { A: 10_000, B: 10_000 } },
    { name: "signup", count: { A: 1200, B: 1350 } },
    { name: "purchase", count: { A: 300, B: 310 } },
  ],
  { byVariant: true },
);
for (const c of funnel.comparisons)
  console.log(`step p = ${c.pValue.toFixed(4)}, significant after Holm: ${c.significant}`);

const cost = [98, 102, 101, 99, 100, 97, 103, 100, 99, 101, 100, 102, 108, 109, 110];
const chart = monitorMetric(cost, { method: "ewma", baseline: 10 });
console.log("EWMA alarms on days:", chart.alarms.join(", "));
