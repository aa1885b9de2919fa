/**
 * Readouts of the frequentist results (`experiment-stats/significance`).
 *
 * @packageDocumentation
 */
import type { AdjustPValuesResult } from "../../significance/adjustPValues.js";
import type { ChiSquareTestResult } from "../../significance/chiSquareTest.js";
import type { CompareMeansResult } from "../../significance/compareMeans.js";
import type { CompareProportionsResult } from "../../significance/compareProportions.js";
import type { CompareRatiosResult } from "../../significance/compareRatios.js";
import type { ProportionConfidenceIntervalResult } from "../../significance/proportionConfidenceInterval.js";
import type { SampleRatioMismatchTestResult } from "../../significance/sampleRatioMismatchTest.js";
import type { ReadoutResult } from "../../significance/types.js";
import type { ConfidenceInterval } from "../../types.js";
import type { ReportDocument, ReportTable } from "../document.js";
import {
  decimalsForEstimate,
  formatCount,
  formatFixed,
  formatParameter,
  formatPercent,
  formatPValue,
  formatPValueClause,
  formatRange,
  formatSignificant,
  percentDecimalsForEstimate,
} from "../numbers.js";
import {
  alternativePhrase,
  type FormattedInterval,
  formatRatio,
  levelLabel,
  numberInterval,
  percentInterval,
  pointsInterval,
  sentence,
  statistic,
} from "../phrases.js";

/** The relative-lift sentence every A/B readout opens with. */
function liftClause(result: ReadoutResult): string {
  const lift = result.relativeLift;
  const f = percentInterval(lift.estimate, lift.confidenceInterval, lift.standardError);
  return `${f.estimate}, ${levelLabel(result.confidenceLevel)} ${f.range}`;
}

function hypothesisNote(result: ReadoutResult, difference: (x: number) => string): string {
  return `Test: ${alternativePhrase(result.alternative)}, H0: difference = ${difference(result.nullValue)}.`;
}

function effectsTable(result: ReadoutResult, difference: FormattedInterval, differenceLabel: string): ReportTable {
  const lift = result.relativeLift;
  const f = percentInterval(lift.estimate, lift.confidenceInterval, lift.standardError);
  return {
    columns: ["Effect", "Estimate", levelLabel(result.confidenceLevel), "p-value"],
    rows: [
      [differenceLabel, difference.estimate, difference.range, formatPValue(result.pValue)],
      ["Relative lift", f.estimate, lift.bounded ? f.range : "unbounded (Fieller)", formatPValue(lift.pValue)],
    ],
  };
}

function significanceSentence(result: ReadoutResult): string {
  const alpha = 1 - result.confidenceLevel;
  const level = formatParameter(alpha);
  return result.pValue < alpha ? `Significant at α = ${level}.` : `Not significant at α = ${level}.`;
}

/** @internal */
export function describeCompareProportions(r: CompareProportionsResult): ReportDocument {
  const diff = pointsInterval(r.difference.estimate, r.difference.confidenceInterval, r.difference.standardError);
  const rateDecimals = percentDecimalsForEstimate(
    r.difference.estimate,
    r.difference.confidenceInterval.upper - r.difference.confidenceInterval.lower,
  );
  const rate = (x: number): string => formatPercent(x, { decimals: rateDecimals });
  const pp = (x: number): string => `${formatParameter(x * 100, 4, true)} pp`;
  return {
    title: "Conversion rate: treatment vs control",
    summary: [
      `Treatment converts ${rate(r.treatment.rate)} vs ${rate(r.control.rate)} (${liftClause(r)}), ${formatPValueClause(r.pValue)}.`,
      `Difference ${diff.estimate} (${levelLabel(r.confidenceLevel)} ${diff.range}).`,
      significanceSentence(r),
    ],
    tables: [
      {
        columns: ["Arm", "Visitors", "Conversions", "Rate"],
        rows: [
          ["Control", formatCount(r.control.visitors), formatCount(r.control.conversions), rate(r.control.rate)],
          [
            "Treatment",
            formatCount(r.treatment.visitors),
            formatCount(r.treatment.conversions),
            rate(r.treatment.rate),
          ],
        ],
      },
      effectsTable(r, diff, "Difference"),
    ],
    notes: [
      `${r.method}; ${statistic("z", r.statistic)}.`,
      hypothesisNote(r, pp),
      `Interval for the difference: ${r.interval}; for the relative lift: ${r.relativeLift.intervalMethod}.`,
    ],
  };
}

function meanDecimals(r: ReadoutResult): number {
  const ci = r.difference.confidenceInterval;
  return decimalsForEstimate(r.difference.estimate, ci.upper - ci.lower || 4 * r.difference.standardError);
}

/** @internal */
export function describeCompareMeans(r: CompareMeansResult): ReportDocument {
  const diff = numberInterval(r.difference.estimate, r.difference.confidenceInterval, r.difference.standardError);
  const d = meanDecimals(r);
  const mean = (x: number): string => formatFixed(x, d);
  const summary = [
    `Treatment mean ${mean(r.treatment.mean)} vs ${mean(r.control.mean)} (${liftClause(r)}), ${formatPValueClause(r.pValue)}.`,
    `Difference ${diff.estimate} (${levelLabel(r.confidenceLevel)} ${diff.range}), ${statistic("t", r.statistic)}, df = ${formatSignificant(r.df, 4)}.`,
  ];
  const columns = ["Arm", "n", "Mean", "SD"];
  const arm = (name: string, a: CompareMeansResult["control"]): string[] => {
    const row = [name, formatCount(a.n), mean(a.mean), formatFixed(a.sd, d)];
    if (r.cuped !== null) row.push(mean(a.adjustedMean));
    return row;
  };
  const notes = [sentence(r.method), hypothesisNote(r, (x) => formatParameter(x, 4, true))];
  if (r.cuped !== null) {
    columns.push("CUPED-adjusted mean");
    const u = r.cuped.unadjustedDifference;
    const un = numberInterval(u.estimate, u.confidenceInterval, u.standardError);
    summary.push(
      `CUPED removed ${formatPercent(r.cuped.varianceReduction)} of the variance (θ = ${formatSignificant(r.cuped.theta, 3)}); unadjusted difference ${un.estimate} (${levelLabel(u.confidenceInterval.level)} ${un.range}).`,
    );
  }
  summary.push(significanceSentence(r));
  notes.push(`Interval for the relative lift: ${r.relativeLift.intervalMethod}.`);
  return {
    title: "Mean: treatment vs control",
    summary,
    tables: [
      { columns, rows: [arm("Control", r.control), arm("Treatment", r.treatment)] },
      effectsTable(r, diff, "Difference"),
    ],
    notes,
  };
}

/** @internal */
export function describeCompareRatios(r: CompareRatiosResult): ReportDocument {
  const diff = numberInterval(r.difference.estimate, r.difference.confidenceInterval, r.difference.standardError);
  const d = meanDecimals(r);
  const value = (x: number): string => formatFixed(x, d);
  const arm = (name: string, a: CompareRatiosResult["control"]): string[] => [
    name,
    formatCount(a.n),
    value(a.ratio),
    formatSignificant(a.numeratorMean, 4),
    formatSignificant(a.denominatorMean, 4),
  ];
  return {
    title: "Ratio metric: treatment vs control",
    summary: [
      `Treatment ratio ${value(r.treatment.ratio)} vs ${value(r.control.ratio)} (${liftClause(r)}), ${formatPValueClause(r.pValue)}.`,
      `Difference ${diff.estimate} (${levelLabel(r.confidenceLevel)} ${diff.range}), ${statistic("z", r.statistic)}.`,
      significanceSentence(r),
    ],
    tables: [
      {
        columns: ["Arm", "Units", "Ratio", "Numerator per unit", "Denominator per unit"],
        rows: [arm("Control", r.control), arm("Treatment", r.treatment)],
      },
      effectsTable(r, diff, "Difference"),
    ],
    notes: [
      sentence(r.method),
      hypothesisNote(r, (x) => formatParameter(x, 4, true)),
      `Interval for the relative lift: ${r.relativeLift.intervalMethod}.`,
    ],
  };
}

function matrixTable(
  caption: string,
  matrix: readonly (readonly number[])[],
  cell: (x: number) => string,
): ReportTable {
  const width = Math.max(0, ...matrix.map((row) => row.length));
  return {
    caption,
    columns: ["", ...Array.from({ length: width }, (_, j) => `Column ${j + 1}`)],
    rows: matrix.map((row, i) => [
      `Row ${i + 1}`,
      ...Array.from({ length: width }, (_, j) => cell(row[j] ?? Number.NaN)),
    ]),
  };
}

/** @internal */
export function describeChiSquareTest(r: ChiSquareTestResult): ReportDocument {
  return {
    title: "Chi-square test of independence",
    summary: [`X² = ${formatFixed(r.statistic, 3)}, df = ${formatCount(r.df)}, ${formatPValueClause(r.pValue)}.`],
    tables: [
      matrixTable("Expected counts", r.expected, (x) => formatSignificant(x, 4)),
      matrixTable("Standardized residuals", r.standardizedResiduals, (x) => formatFixed(x, 2, true)),
    ],
    notes: [sentence(r.method)],
  };
}

/** @internal */
export function describeSampleRatioMismatch(r: SampleRatioMismatchTestResult): ReportDocument {
  const share = (x: number): string => formatPercent(x, { decimals: 2 });
  const split = (xs: readonly number[]): string => xs.map(share).join(" / ");
  const verdict = r.mismatch
    ? `Sample ratio mismatch: ${formatPValueClause(r.pValue)} is below the ${formatParameter(r.threshold)} threshold; check the assignment before reading the results.`
    : `No sample ratio mismatch at the ${formatParameter(r.threshold)} threshold (${formatPValueClause(r.pValue)}).`;
  return {
    title: "Sample ratio mismatch check",
    summary: [
      verdict,
      `Observed split ${split(r.observedProportions)} vs designed ${split(r.expectedProportions)}; X² = ${formatFixed(r.statistic, 3)}, df = ${formatCount(r.df)}.`,
    ],
    tables: [
      {
        columns: ["Arm", "Observed", "Expected", "Observed share", "Designed share"],
        rows: r.observedCounts.map((o, i) => [
          `Arm ${i + 1}`,
          formatCount(o),
          formatCount(r.expectedCounts[i] ?? Number.NaN),
          share(r.observedProportions[i] ?? Number.NaN),
          share(r.expectedProportions[i] ?? Number.NaN),
        ]),
      },
    ],
    notes: [sentence(r.method)],
  };
}

/** @internal */
export function describeAdjustPValues(r: AdjustPValuesResult): ReportDocument {
  return {
    title: "Adjusted p-values",
    summary: [`${r.method}: ${r.adjustedPValues.length} p-value${r.adjustedPValues.length === 1 ? "" : "s"} adjusted.`],
    tables: [
      {
        columns: ["Test", "Adjusted p-value"],
        rows: r.adjustedPValues.map((p, i) => [String(i + 1), formatPValue(p)]),
      },
    ],
    notes: [`Adjustment: ${r.adjustment}.`],
  };
}

/** @internal */
export function describeProportionInterval(r: ProportionConfidenceIntervalResult): ReportDocument {
  const ci = r.confidenceInterval;
  const decimals = percentDecimalsForEstimate(r.estimate, ci.upper - ci.lower);
  const pct = (x: number): string => formatPercent(x, { decimals });
  return {
    title: "Proportion",
    summary: [
      `${formatCount(r.successes)} of ${formatCount(r.trials)}: ${pct(r.estimate)} (${levelLabel(ci.level)} ${formatRange(ci.lower, ci.upper, pct)}).`,
    ],
    tables: [],
    notes: [sentence(r.method)],
  };
}

/** Fields of an R `htest`-like result that the generic readout uses. */
interface GenericTest {
  readonly method: string;
  readonly pValue: number;
  readonly statistic?: number;
  readonly df?: number;
  readonly z?: number | null;
  readonly estimate?: number;
  readonly nullValue?: number;
  readonly alternative?: "two-sided" | "less" | "greater";
  readonly confidenceInterval?: ConfidenceInterval;
  readonly probabilityOfSuperiority?: number;
}

/** Any other test with `method` and `pValue` (`fisherExactTest`, `mannWhitneyUTest`). @internal */
export function describeHypothesisTest(r: GenericTest): ReportDocument {
  const parts: string[] = [];
  if (typeof r.estimate === "number") {
    const ci = r.confidenceInterval;
    const est = formatRatio(r.estimate);
    parts.push(
      ci === undefined
        ? `Estimate ${est}`
        : `Estimate ${est} (${levelLabel(ci.level)} ${formatRange(ci.lower, ci.upper, formatRatio)})`,
    );
  }
  if (typeof r.statistic === "number") {
    parts.push(
      `statistic ${formatParameter(r.statistic, 4)}${typeof r.df === "number" ? `, df = ${formatSignificant(r.df, 4)}` : ""}`,
    );
  }
  parts.push(formatPValueClause(r.pValue));
  const summary = [`${parts.join(", ")}.`];
  if (typeof r.probabilityOfSuperiority === "number") {
    summary.push(`P(treatment value > control value) = ${formatPercent(r.probabilityOfSuperiority)}.`);
  }
  const notes = [sentence(r.method)];
  if (r.alternative !== undefined) {
    const nullValue = typeof r.nullValue === "number" ? `, H0 value ${formatParameter(r.nullValue)}` : "";
    notes.push(`Test: ${alternativePhrase(r.alternative)}${nullValue}.`);
  }
  return { title: r.method, summary, tables: [], notes };
}
