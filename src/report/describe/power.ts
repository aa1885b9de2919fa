/**
 * Readouts of the planning results (`experiment-stats/power`).
 *
 * @packageDocumentation
 */
import type { ExperimentDurationResult } from "../../power/experimentDuration.js";
import type {
  PowerByWeekCell,
  PowerByWeekMetricSummary,
  PowerByWeekResult,
  PowerByWeekRow,
} from "../../power/powerByWeek.js";
import type { MdeType, PlanningDesign, SolvedSizes, TwoMeansPlan, TwoProportionsPlan } from "../../power/types.js";
import type { ReportDocument } from "../document.js";
import { formatCount, formatParameter, formatPercent, formatPercentExact, formatSignificant } from "../numbers.js";
import { alternativePhrase, plural, sentence } from "../phrases.js";

function isSolved(plan: PlanningDesign): plan is PlanningDesign & SolvedSizes {
  return typeof (plan as Partial<SolvedSizes>).nControlExact === "number";
}

/** `"α = 0.05, two-sided"` with the per-comparison level when arms are corrected. */
function levelPhrase(plan: PlanningDesign): string {
  const perComparison =
    plan.treatmentArms > 1 && plan.multipleComparison !== "none"
      ? ` (${formatParameter(plan.alphaPerComparison)} per comparison, ${plan.multipleComparison})`
      : "";
  return `α = ${formatParameter(plan.alpha)}${perComparison}, ${alternativePhrase(plan.alternative)}`;
}

/** Power as given (`80 %`) or as computed (`80.3 %`). */
function formatPower(power: number): string {
  const exact = formatPercentExact(power);
  return exact.replace(/[^0-9]/g, "").length <= 2 ? exact : formatPercent(power);
}

function sizePhrase(plan: PlanningDesign, unit: string): string {
  const arms = plan.treatmentArms;
  if (plan.nControl === plan.nTreatment) {
    return `${formatCount(plan.nControl)} ${unit} per arm (${formatCount(plan.nTotal)} in total over ${arms + 1} arms)`;
  }
  const per = arms > 1 ? " per treatment arm" : " in the treatment";
  return `${formatCount(plan.nControl)} ${unit} in the control and ${formatCount(plan.nTreatment)}${per} (${formatCount(plan.nTotal)} in total)`;
}

function designRows(plan: PlanningDesign): string[][] {
  const rows: string[][] = [
    ["Control units", formatCount(plan.nControl)],
    [plan.treatmentArms > 1 ? "Units per treatment arm" : "Treatment units", formatCount(plan.nTreatment)],
    ["Total units", formatCount(plan.nTotal)],
    ["Alpha", formatParameter(plan.alpha)],
    ["Alternative", plan.alternative],
  ];
  if (plan.treatmentArms > 1) {
    rows.push(["Treatment arms", formatCount(plan.treatmentArms)], ["Correction", plan.multipleComparison]);
    rows.push(["Alpha per comparison", formatParameter(plan.alphaPerComparison)]);
  }
  if (plan.allocationRatio !== 1)
    rows.push(["Allocation (treatment / control)", formatParameter(plan.allocationRatio)]);
  if (plan.varianceReduction > 0) rows.push(["Variance reduction", formatPercentExact(plan.varianceReduction)]);
  return rows;
}

/** @internal */
export function describeTwoProportionsPlan(plan: TwoProportionsPlan): ReportDocument {
  const effect = `a ${formatPercentExact(plan.relativeEffect, true)} relative change (${formatPercentExact(plan.baselineRate)} → ${formatPercentExact(plan.treatmentRate)}, ${formatParameter(plan.absoluteEffect * 100, 4, true)} pp)`;
  const summary = isSolved(plan)
    ? [
        `Needs ${sizePhrase(plan, "visitors")} to detect ${effect} with ${formatPower(plan.power)} power at ${levelPhrase(plan)}.`,
        `Power at these sizes: ${formatPercent(plan.achievedPower)}.`,
      ]
    : [
        `With ${sizePhrase(plan, "visitors")}, ${effect} is detected with ${formatPower(plan.power)} power at ${levelPhrase(plan)}.`,
      ];
  const rows = [
    ["Baseline rate", formatPercentExact(plan.baselineRate)],
    ["Treatment rate", formatPercentExact(plan.treatmentRate)],
    ["Relative effect", formatPercentExact(plan.relativeEffect, true)],
    ["Absolute effect", `${formatParameter(plan.absoluteEffect * 100, 4, true)} pp`],
    ["Power", formatPower(plan.power)],
    ...designRows(plan),
  ];
  if (isSolved(plan)) rows.push(["Exact control size", formatSignificant(plan.nControlExact, 6)]);
  const notes = [sentence(plan.method), sentence(plan.note)];
  if (plan.continuityCorrection) notes.push("With Fleiss' continuity correction.");
  return {
    title: isSolved(plan) ? "Sample size: two proportions" : "Plan: two proportions",
    summary,
    tables: [{ columns: ["Design", "Value"], rows }],
    notes,
  };
}

/** @internal */
export function describeTwoMeansPlan(plan: TwoMeansPlan): ReportDocument {
  const abs = formatParameter(plan.absoluteEffect, 4, true);
  const relative =
    plan.relativeEffect !== undefined ? `, ${formatPercentExact(plan.relativeEffect, true)} of the baseline mean` : "";
  const effect = `a difference of ${abs} (${formatParameter(plan.standardizedEffect, 3, true)} sd${relative})`;
  const summary = isSolved(plan)
    ? [
        `Needs ${sizePhrase(plan, "units")} to detect ${effect} with ${formatPower(plan.power)} power at ${levelPhrase(plan)}.`,
        `Power at these sizes: ${formatPercent(plan.achievedPower)}.`,
      ]
    : [
        `With ${sizePhrase(plan, "units")}, ${effect} is detected with ${formatPower(plan.power)} power at ${levelPhrase(plan)}.`,
      ];
  const rows: string[][] = [];
  if (plan.baselineMean !== undefined) rows.push(["Baseline mean", formatParameter(plan.baselineMean)]);
  rows.push(["Standard deviation", formatParameter(plan.sd)]);
  if (plan.sdTreatment !== plan.sd) rows.push(["Treatment standard deviation", formatParameter(plan.sdTreatment)]);
  rows.push(["Absolute effect", abs]);
  if (plan.relativeEffect !== undefined) rows.push(["Relative effect", formatPercentExact(plan.relativeEffect, true)]);
  rows.push(
    ["Standardized effect", formatParameter(plan.standardizedEffect, 3, true)],
    ["Power", formatPower(plan.power)],
  );
  rows.push(...designRows(plan));
  if (isSolved(plan)) rows.push(["Exact control size", formatSignificant(plan.nControlExact, 6)]);
  return {
    title: isSolved(plan) ? "Sample size: two means" : "Plan: two means",
    summary,
    tables: [{ columns: ["Design", "Value"], rows }],
    notes: [sentence(plan.method), sentence(plan.note)],
  };
}

/** @internal */
export function describeExperimentDuration(r: ExperimentDurationResult): ReportDocument {
  const days = `${formatCount(r.days)} day${r.days === 1 ? "" : "s"}`;
  const weeks = `${formatCount(r.weeks)} full week${r.weeks === 1 ? "" : "s"}`;
  return {
    title: "Experiment duration",
    summary: [`Run for ${days} (${weeks}): ${formatCount(r.totalUnits)} units at ${formatCount(r.unitsPerDay)} a day.`],
    tables: [
      {
        columns: ["Quantity", "Value"],
        rows: [
          ["Units needed", formatCount(r.totalUnits)],
          ["Eligible units per day", formatCount(r.dailyUnits)],
          ["Traffic share", formatPercentExact(r.trafficShare)],
          ["Units enrolled per day", formatCount(r.unitsPerDay)],
          ["Days (exact)", formatParameter(r.exactDays)],
          ["Days", formatCount(r.days)],
          ["Weeks", formatCount(r.weeks)],
        ],
      },
    ],
    notes: ["Assumes steady traffic and units that enter once; run whole weeks so every weekday counts equally."],
  };
}

/** An MDE in the metric's units: a signed percentage when relative; "—" when no effect reaches the power yet. */
function formatMde(mde: number | null, mdeType: MdeType): string {
  if (mde === null) return "—";
  return mdeType === "relative" ? formatPercent(mde, { signed: true }) : formatParameter(mde, 4, true);
}

/** @internal */
export function describePowerByWeek(r: PowerByWeekResult): ReportDocument {
  const target = formatPower(r.power);
  const last = r.byWeek[r.byWeek.length - 1] as PowerByWeekRow;
  const summary = r.metrics.map((m, j) => {
    if (m.weeksToPower === null) {
      const reached = formatPercent((last.metrics[j] as PowerByWeekCell).power);
      return `${m.name} does not reach ${target} power within ${plural(last.week, "week")} (${reached} by week ${last.week}).`;
    }
    const row = r.byWeek[m.weeksToPower - 1] as PowerByWeekRow;
    return `${m.name} reaches ${target} power in week ${m.weeksToPower} (${formatCount(row.nControl)} units per control arm).`;
  });
  if (r.metrics.length > 1 && r.weeksToPower !== null) {
    summary.push(`Every metric is powered after ${plural(r.weeksToPower, "week")}.`);
  }
  const columns = ["Week", "Control units", "Total units"];
  for (const m of r.metrics) columns.push(`${m.name} power`, `${m.name} MDE`);
  const rows = r.byWeek.map((row) => {
    const cells = [String(row.week), formatCount(row.nControl), formatCount(row.nTotal)];
    row.metrics.forEach((cell, j) => {
      cells.push(formatPercent(cell.power), formatMde(cell.mde, (r.metrics[j] as PowerByWeekMetricSummary).mdeType));
    });
    return cells;
  });
  const level = `α = ${formatParameter(r.alpha)}, ${alternativePhrase(r.alternative)}`;
  return {
    title: "Power by week",
    summary,
    tables: [{ columns, rows }],
    notes: [
      `${formatCount(r.weeklyUnits * r.trafficShare)} units a week over ${r.treatmentArms + 1} arms, ${level}; power against each metric's effect, MDE at ${target} power.`,
      ...r.metrics.map((m) => `${m.name}: ${m.method}.`),
    ],
  };
}
