/**
 * Readouts of the sequential results (`experiment-stats/sequential`).
 *
 * @packageDocumentation
 */
import type { ConfidenceSequenceResult } from "../../sequential/confidenceSequence.js";
import type { EvanMillerResult } from "../../sequential/evanMillerSequentialTest.js";
import type { GroupSequentialAnalysisResult } from "../../sequential/groupSequentialAnalysis.js";
import type { GroupSequentialDesign } from "../../sequential/groupSequentialDesign.js";
import type { MsprtResult } from "../../sequential/msprt.js";
import type { SprtResult } from "../../sequential/sprt.js";
import type { ConfidenceInterval } from "../../types.js";
import type { ReportDocument } from "../document.js";
import {
  decimalsForEstimate,
  formatCount,
  formatFixed,
  formatParameter,
  formatPercent,
  formatPercentExact,
  formatPValue,
  formatPValueClause,
  formatRange,
  formatSignificant,
} from "../numbers.js";
import { alternativePhrase, formatRatio, formatZ, levelLabel, numberInterval, plural, sentence } from "../phrases.js";

function sidedPhrase(sided: 1 | 2): string {
  return sided === 1 ? "one-sided" : "two-sided";
}

/** A cumulative spend or a nominal level: three significant digits. */
function formatLevelValue(x: number): string {
  return formatSignificant(x, 3);
}

function bound(z: number | undefined): string {
  return z === undefined ? "" : formatZ(z);
}

/** @internal */
export function describeGroupSequentialDesign(d: GroupSequentialDesign): ReportDocument {
  const columns = ["Look", "Information", "Efficacy bound (z)", "Nominal p", "Cumulative alpha"];
  if (d.futilityBounds !== undefined) columns.push("Futility bound (z)");
  columns.push("Cumulative power");
  const rows = d.criticalValues.map((c, i) => {
    const row = [
      String(i + 1),
      formatPercent(d.informationRates[i] ?? Number.NaN, { decimals: 1 }),
      formatZ(c),
      formatLevelValue(d.stageLevels[i] ?? Number.NaN),
      formatLevelValue(d.alphaSpent[i] ?? Number.NaN),
    ];
    if (d.futilityBounds !== undefined) row.push(bound(d.futilityBounds[i]));
    row.push(formatPercent(d.powerByLook[i] ?? Number.NaN, { decimals: 1 }));
    return row;
  });
  const e = d.expectedSampleSize;
  const notes = [
    sentence(d.method),
    "Information and sample sizes are fractions of the fixed design with the same alpha and power.",
  ];
  if (d.futility !== undefined) notes.push(`Futility bounds are ${d.futility.binding ? "binding" : "non-binding"}.`);
  return {
    title: "Group sequential design",
    summary: [
      `${plural(d.kMax, "look")}, ${sidedPhrase(d.sided)} α = ${formatParameter(d.alpha)}, power ${formatPercent(d.power, { decimals: 0 })}.`,
      `Maximum sample size ${formatRatio(d.inflationFactor)} × the fixed design; expected ${formatRatio(e.h1)} × under the alternative, ${formatRatio(e.h0)} × under H0.`,
    ],
    tables: [{ columns, rows }],
    notes,
  };
}

function decisionPhrase(decision: string): string {
  switch (decision) {
    case "reject":
      return "reject H0";
    case "accept":
      return "accept H0";
    case "futility":
      return "stop for futility";
    default:
      return "continue";
  }
}

function intervalText(ci: ConfidenceInterval | undefined, format: (x: number) => string): string {
  return ci === undefined ? "" : formatRange(ci.lower, ci.upper, format);
}

/** @internal */
export function describeGroupSequentialAnalysis(r: GroupSequentialAnalysisResult): ReportDocument {
  const withIntervals = r.looks.some((l) => l.repeatedConfidenceInterval !== undefined);
  const widths = r.looks.map((l) =>
    l.repeatedConfidenceInterval === undefined
      ? Number.NaN
      : l.repeatedConfidenceInterval.upper - l.repeatedConfidenceInterval.lower,
  );
  const finiteWidths = widths.filter((w) => Number.isFinite(w) && w > 0);
  const decimals = decimalsForEstimate(1, finiteWidths.length > 0 ? Math.min(...finiteWidths) : Number.NaN);
  const effect = (x: number): string => formatFixed(x, decimals, true);
  const columns = ["Look", "Information", "z", "Efficacy bound", "Futility bound", "Decision", "Repeated p"];
  if (withIntervals) columns.push("Repeated CI");
  const rows = r.looks.map((l) => {
    const row = [
      String(l.look),
      formatPercent(l.informationRate, { decimals: 1 }),
      formatZ(l.zStatistic),
      formatZ(l.criticalValue),
      bound(l.futilityBound),
      decisionPhrase(l.decision),
      formatPValue(l.repeatedPValue),
    ];
    if (withIntervals) row.push(intervalText(l.repeatedConfidenceInterval, effect));
    return row;
  });
  const last = r.looks[r.looks.length - 1];
  const summary: string[] = [];
  if (r.stoppedAtLook !== null) {
    const look = r.looks[r.stoppedAtLook - 1];
    const crossing =
      look === undefined ? "" : ` (z = ${formatZ(look.zStatistic)}, bound ${formatZ(look.criticalValue)})`;
    summary.push(`Stop for efficacy at look ${r.stoppedAtLook}${crossing}: reject H0.`);
  } else if (r.decision === "accept") {
    summary.push("The last look did not cross the efficacy bound: accept H0.");
  } else if (last !== undefined) {
    summary.push(
      `Continue after look ${last.look} (z = ${formatZ(last.zStatistic)}, efficacy bound ${formatZ(last.criticalValue)}${last.decision === "continue" ? "" : `; ${decisionPhrase(last.decision)}`}).`,
    );
  }
  if (r.final !== undefined) {
    const f = r.final;
    const parts = [`Final inference at look ${f.look}: ${formatPValueClause(f.pValue)} (stagewise ordering)`];
    if (f.medianUnbiasedEstimate !== undefined)
      parts.push(`median-unbiased estimate ${effect(f.medianUnbiasedEstimate)}`);
    if (f.confidenceInterval !== undefined) {
      parts.push(`${levelLabel(f.confidenceInterval.level)} ${intervalText(f.confidenceInterval, effect)}`);
    }
    summary.push(`${parts.join(", ")}.`);
  }
  return {
    title: "Group sequential analysis",
    summary,
    tables: [{ columns, rows }],
    notes: [sentence(r.method), sentence(`${sidedPhrase(r.sided)} α = ${formatParameter(r.alpha)}`)],
  };
}

/** @internal */
export function describeMsprt(r: MsprtResult): ReportDocument {
  const last = r.looks[r.looks.length - 1];
  const se = last?.standardError ?? Number.NaN;
  const effect = (x: number): string => formatFixed(x, decimalsForEstimate(x, 4 * se), true);
  const level = 1 - r.alpha;
  const rows = r.looks.map((l) => [
    String(l.look),
    effect(l.estimate),
    formatSignificant(l.standardError, 3),
    formatSignificant(l.likelihoodRatio, 3),
    formatPValue(l.pValue),
    intervalText(l.confidenceInterval, effect),
    l.rejected ? "yes" : "no",
  ]);
  const verdict =
    r.decision === "reject"
      ? `Reject H0 (first at look ${r.stoppedAtLook ?? "?"}): always-valid ${formatPValueClause(r.pValue)}.`
      : `Continue: always-valid ${formatPValueClause(r.pValue)} after ${plural(r.looks.length, "look")}.`;
  const summary = [verdict];
  if (last !== undefined) {
    const ci = numberInterval(last.estimate, r.confidenceInterval, se);
    summary.push(`Estimate ${ci.estimate} (${levelLabel(level)}, always valid, ${ci.range}).`);
  }
  return {
    title: "Mixture sequential probability ratio test",
    summary,
    tables: [
      {
        columns: ["Look", "Estimate", "SE", "Likelihood ratio", "Always-valid p", `${levelLabel(level)}`, "Rejected"],
        rows,
      },
    ],
    notes: [
      sentence(r.method),
      `α = ${formatParameter(r.alpha)}, H0: effect = ${formatParameter(r.nullValue)}, mixing variance τ² = ${formatParameter(r.mixingVariance)}.`,
    ],
  };
}

/** @internal */
export function describeConfidenceSequence(r: ConfidenceSequenceResult): ReportDocument {
  const ci = numberInterval(r.estimate, r.confidenceInterval, r.standardError);
  return {
    title: "Confidence sequence",
    summary: [
      `Estimate ${ci.estimate} (${levelLabel(r.confidenceInterval.level, "confidence sequence")} ${ci.range}), always-valid ${formatPValueClause(r.pValue)}.`,
    ],
    tables: [
      {
        columns: ["Quantity", "Value"],
        rows: [
          ["Estimate", ci.estimate],
          ["Standard error", formatSignificant(r.standardError, 3)],
          ["Sample size", formatCount(r.sampleSize)],
          ["Tuning sample size N*", formatCount(r.tuningSampleSize)],
          ["Multiplier (replaces z)", formatFixed(r.multiplier, 3)],
        ],
      },
    ],
    notes: [
      sentence(r.method),
      `Test: ${alternativePhrase(r.alternative)}, H0: effect = ${formatParameter(r.nullValue)}.`,
    ],
  };
}

/** @internal */
export function describeSprt(r: SprtResult): ReportDocument {
  const verdict =
    r.stoppedAtLook === null
      ? `Continue after ${plural(r.looks.length, "look")}: the log-likelihood ratio stays between ${formatFixed(r.lowerThreshold, 3)} and ${formatFixed(r.upperThreshold, 3)}.`
      : `${r.decision === "reject" ? "Reject H0 (accept H1)" : "Accept H0"} at look ${r.stoppedAtLook}.`;
  return {
    title: "Sequential probability ratio test",
    summary: [
      verdict,
      `H0: rate ${formatPercentExact(r.p0)} vs H1: rate ${formatPercentExact(r.p1)}, α = ${formatParameter(r.alpha)}, β = ${formatParameter(r.beta)}.`,
    ],
    tables: [
      {
        columns: ["Look", "Trials", "Successes", "Log-likelihood ratio", "Decision"],
        rows: r.looks.map((l, i) => [
          String(i + 1),
          formatCount(l.trials),
          formatCount(l.successes),
          formatFixed(l.logLikelihoodRatio, 3),
          decisionPhrase(l.decision),
        ]),
      },
    ],
    notes: [sentence(r.method)],
  };
}

/** @internal */
export function describeEvanMiller(r: EvanMillerResult): ReportDocument {
  const summary = [
    `Stop for the treatment when its conversions lead the control's by ${formatCount(r.threshold)}; stop with no winner when the two together reach ${formatCount(r.maxConversions)}.`,
  ];
  if (r.decision !== undefined) summary.push(`Decision: ${r.decision}.`);
  const rows = [
    ["Target alpha (one-sided)", formatParameter(r.alpha)],
    ["Attained alpha", formatPValue(r.attainedAlpha)],
    ["Threshold d", formatCount(r.threshold)],
    ["Maximum conversions N", formatCount(r.maxConversions)],
  ];
  if (r.relativeLift !== undefined)
    rows.push(["Relative lift for power", formatPercent(r.relativeLift, { signed: true })]);
  if (r.attainedPower !== undefined) rows.push(["Attained power", formatPercent(r.attainedPower)]);
  return {
    title: "Sequential A/B test (Evan Miller)",
    summary,
    tables: [{ columns: ["Quantity", "Value"], rows }],
    notes: [sentence(r.method)],
  };
}
