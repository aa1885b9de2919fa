// Stopping early: a group sequential design, its analysis, and an always-valid interval.
// Run after `npm run build`: node examples/sequential.mjs
import { confidenceSequence, groupSequentialAnalysis, groupSequentialDesign } from "experiment-stats/sequential";

const design = groupSequentialDesign({ kMax: 4, alpha: 0.025, spending: { family: "obrien-fleming" } });
console.log("Efficacy bounds (Z):", design.criticalValues.map((z) => z.toFixed(3)).join(", "));
console.log(`Maximum sample: ${design.inflationFactor.toFixed(4)} x the fixed-horizon n`);

const analysis = groupSequentialAnalysis(design, {
  looks: [
    { control: { visitors: 7512, conversions: 371 }, treatment: { visitors: 7488, conversions: 409 } },
    { control: { visitors: 15034, conversions: 748 }, treatment: { visitors: 14966, conversions: 842 } },
  ],
  plannedSampleSize: { control: 30_000, treatment: 30_000 },
});
for (const look of analysis.looks) {
  console.log(
    `look ${look.look}: Z = ${look.zStatistic.toFixed(3)} vs bound ${look.criticalValue.toFixed(3)}: ${look.decision}`,
  );
}

const cs = confidenceSequence(
  { estimate: 0.0123, standardError: 0.0051, sampleSize: 20_000 },
  { tuningSampleSize: 10_000 },
);
console.log(
  "Always-valid 95 % interval:",
  cs.confidenceInterval.lower.toFixed(4),
  "to",
  cs.confidenceInterval.upper.toFixed(4),
);
