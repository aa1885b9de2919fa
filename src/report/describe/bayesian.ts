/**
 * Readouts of the Bayesian results (`experiment-stats/bayesian`).
 *
 * @packageDocumentation
 */
import type { BayesianMeansResult } from "../../bayesian/bayesianMeans.js";
import type { BayesianProportionsResult } from "../../bayesian/bayesianProportions.js";
import type { ProbabilityToBeBestResult } from "../../bayesian/probabilityToBeBest.js";
import type { ReportDocument } from "../document.js";
import {
  formatCount,
  formatParameter,
  formatPercent,
  formatRange,
  formatSignificant,
  percentDecimalsForEstimate,
} from "../numbers.js";
import { levelLabel, numberInterval, percentInterval, pointsInterval, sentence } from "../phrases.js";

/** A probability shown as a percentage, with more digits near 0 and 1 (99.97 %, not 100.0 %). */
function formatProbability(p: number): string {
  const tail = Math.min(p, 1 - p);
  if (tail <= 0) return formatPercent(p, { decimals: 1 });
  const decimals = Math.max(1, Math.min(6, 1 - Math.floor(Math.log10(tail * 100))));
  return formatPercent(p, { decimals });
}

/** An expected loss in percentage points of the rate, two significant digits. */
function formatLossPoints(loss: number): string {
  return `${formatSignificant(loss * 100, 2)} pp`;
}

/** @internal */
export function describeBayesianProportions(r: BayesianProportionsResult): ReportDocument {
  const credible = levelLabel(r.credibleLevel, "credible interval");
  const lift = percentInterval(r.relativeLift.mean, r.relativeLift.credibleInterval);
  const diff = pointsInterval(r.difference.mean, r.difference.credibleInterval);
  const dci = r.difference.credibleInterval;
  const decimals = percentDecimalsForEstimate(r.difference.mean, dci.upper - dci.lower);
  const rate = (x: number): string => formatPercent(x, { decimals });
  const arm = (name: string, a: BayesianProportionsResult["control"], loss: number): string[] => [
    name,
    formatCount(a.visitors),
    formatCount(a.conversions),
    rate(a.mean),
    formatRange(a.credibleInterval.lower, a.credibleInterval.upper, rate),
    formatLossPoints(loss),
  ];
  return {
    title: "Conversion rate: treatment vs control (Bayesian)",
    summary: [
      `P(treatment better) = ${formatProbability(r.probabilityTreatmentBetter)}; treatment converts ${rate(r.treatment.mean)} vs ${rate(r.control.mean)} (posterior means).`,
      `Relative lift ${lift.estimate} (${credible} ${lift.range}); difference ${diff.estimate} (${diff.range}).`,
      `Expected loss of shipping the treatment ${formatLossPoints(r.expectedLoss.treatment)}, of keeping the control ${formatLossPoints(r.expectedLoss.control)}.`,
    ],
    tables: [
      {
        columns: ["Arm", "Visitors", "Conversions", "Posterior mean", credible, "Expected loss"],
        rows: [
          arm("Control", r.control, r.expectedLoss.control),
          arm("Treatment", r.treatment, r.expectedLoss.treatment),
        ],
      },
    ],
    notes: [
      sentence(r.method),
      `Prior Beta(${formatParameter(r.prior.alpha)}, ${formatParameter(r.prior.beta)}) on each arm's rate.`,
    ],
  };
}

/** @internal */
export function describeBayesianMeans(r: BayesianMeansResult): ReportDocument {
  const credible = levelLabel(r.credibleLevel, "credible interval");
  const effect = r.relative
    ? percentInterval(r.posteriorMean, r.credibleInterval, r.posteriorSd)
    : numberInterval(r.posteriorMean, r.credibleInterval, r.posteriorSd);
  const loss = (x: number): string => (r.relative ? `${formatSignificant(x * 100, 2)} %` : formatSignificant(x, 2));
  const mean = (x: number): string => formatSignificant(x, 4);
  const notes = [sentence(r.method)];
  if (r.prior !== null)
    notes.push(
      `Normal prior on the effect: mean ${formatParameter(r.prior.mean)}, variance ${formatParameter(r.prior.variance)}.`,
    );
  return {
    title: `${r.relative ? "Relative lift" : "Difference"} of the mean: treatment vs control (Bayesian)`,
    summary: [
      `Chance to win ${formatProbability(r.chanceToWin)}; ${r.relative ? "relative lift" : "difference"} ${effect.estimate} (${credible} ${effect.range}).`,
      `Risk of shipping the treatment ${loss(r.risk.treatment)}, of keeping the control ${loss(r.risk.control)}.`,
    ],
    tables: [
      {
        columns: ["Arm", "n", "Mean", "SD"],
        rows: [
          ["Control", formatCount(r.control.n), mean(r.control.mean), formatSignificant(r.control.sd, 4)],
          ["Treatment", formatCount(r.treatment.n), mean(r.treatment.mean), formatSignificant(r.treatment.sd, 4)],
        ],
      },
    ],
    notes,
  };
}

/** @internal */
export function describeProbabilityToBeBest(r: ProbabilityToBeBestResult): ReportDocument {
  const beta = r.family === "beta";
  const mean = (x: number): string => (beta ? formatPercent(x, { decimals: 2 }) : formatSignificant(x, 4));
  const loss = (x: number): string => (beta ? formatLossPoints(x) : formatSignificant(x, 2));
  let best = 0;
  r.probabilityToBeBest.forEach((p, j) => {
    if (p > (r.probabilityToBeBest[best] ?? -1)) best = j;
  });
  const notes = [sentence(r.method)];
  if (r.prior !== null) {
    notes.push(`Prior Beta(${formatParameter(r.prior.alpha)}, ${formatParameter(r.prior.beta)}) on each arm's rate.`);
  }
  notes.push("Arms are numbered in the order given.");
  return {
    title: "Probability to be best",
    summary: [
      `Arm ${best + 1} is most likely the best: ${formatProbability(r.probabilityToBeBest[best] ?? Number.NaN)} (expected loss ${loss(r.expectedLoss[best] ?? Number.NaN)}).`,
    ],
    tables: [
      {
        columns: ["Arm", "Posterior mean", "P(best)", "Expected loss"],
        rows: r.probabilityToBeBest.map((p, j) => [
          `Arm ${j + 1}`,
          mean(r.posteriorMeans[j] ?? Number.NaN),
          formatProbability(p),
          loss(r.expectedLoss[j] ?? Number.NaN),
        ]),
      },
    ],
    notes,
  };
}
