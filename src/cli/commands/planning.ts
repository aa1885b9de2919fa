/**
 * What `sample-size`, `power`, `mde` and `duration` share: the design flags, their conversion to the
 * options of the power area, and the plan table.
 *
 * @packageDocumentation
 */
import {
  type ExperimentDurationResult,
  type PowerByWeekOptions,
  type PowerByWeekResult,
  type SampleSizeTwoMeansOptions,
  type SampleSizeTwoMeansResult,
  type SampleSizeTwoProportionsOptions,
  type SampleSizeTwoProportionsResult,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
  type TwoMeansPlan,
  type TwoProportionsPlan,
} from "../../power/index.js";
import {
  booleanFlag,
  choiceFlag,
  type FlagSpec,
  type FlagValues,
  numberFlag,
  numberListFlag,
  requiredNumber,
  stringFlag,
} from "../args.js";
import { callLibrary, type FlagMap, UsageError } from "../errors.js";
import {
  type Cell,
  countCell,
  formatNumber,
  formatPercent,
  keyValueTable,
  numberCell,
  percentCell,
  signedPercentCell,
  type Table,
  textCell,
} from "../output.js";

/** Which planner a command line asks for: proportions unless `--sd` is given. */
export type MetricKind = "proportions" | "means";

/** Flags of the design, shared by the planning commands. */
export const DESIGN_FLAGS: readonly FlagSpec[] = [
  {
    name: "baseline",
    type: "string",
    value: "RATE",
    help: "control conversion rate (0.05 or 5%); with --sd, the control mean (needed for a relative --mde)",
  },
  {
    name: "sd",
    type: "string",
    value: "SD",
    help: "per-unit standard deviation: plans a comparison of means instead of proportions",
  },
  { name: "sd-treatment", type: "string", value: "SD", help: "standard deviation in the treatment arm (Welch)" },
  {
    name: "mde-type",
    type: "string",
    value: "TYPE",
    help: "relative (default for rates: 10% = +10 % of the baseline) or absolute (default for means)",
  },
  { name: "alpha", type: "string", value: "ALPHA", help: "total type-I error rate (default 0.05)" },
  {
    name: "alternative",
    type: "string",
    value: "ALT",
    help: "two-sided (default), greater or less (treatment minus control)",
  },
  { name: "arms", type: "string", value: "K", help: "number of arms including the control (default 2)" },
  { name: "ratio", type: "string", value: "R", help: "units in each treatment arm per control unit (default 1)" },
  {
    name: "correction",
    type: "string",
    value: "ADJ",
    help: "split of alpha over the comparisons with more than 2 arms: none (default), bonferroni or sidak",
  },
  {
    name: "variance-reduction",
    type: "string",
    value: "F",
    help: "fraction of variance removed by CUPED or regression (0 to <1, e.g. 30%)",
  },
  {
    name: "method",
    type: "string",
    value: "M",
    help: "rates: pooled (default), unpooled, arcsine or evan-miller; means: t (default), z or z-relative",
  },
  {
    name: "continuity-correction",
    type: "boolean",
    help: "Fleiss' continuity correction (pooled and unpooled rates)",
  },
  {
    name: "always-valid",
    type: "string",
    value: "NSTAR",
    help: "plan for an always-valid (confidence-sequence) analysis tuned at NSTAR units (means, --method z or z-relative)",
  },
];

/** `--prior` of `power` and `mde`. */
export const PRIOR_FLAG: FlagSpec = {
  name: "prior",
  type: "string",
  value: "MEAN,VAR",
  help: "Bayesian power: a normal prior on the effect, mean and variance (the lift with --method z-relative)",
};

/** `--mde`. */
export const MDE_FLAG: FlagSpec = {
  name: "mde",
  type: "string",
  value: "EFFECT",
  help: "effect to detect: 10% (relative lift), or absolute with --mde-type absolute; write a decrease as --mde=-10%",
};

/** `--power`. */
export const POWER_FLAG: FlagSpec = {
  name: "power",
  type: "string",
  value: "POWER",
  help: "target power of each comparison (default 0.8 or 80%)",
};

/** `--n` and `--n-treatment`. */
export const SIZE_FLAGS: readonly FlagSpec[] = [
  { name: "n", type: "string", value: "N", help: "units in the control arm" },
  { name: "n-treatment", type: "string", value: "N", help: "units in each treatment arm (default n × ratio)" },
];

/** `--daily` and `--traffic-share`. */
export const TRAFFIC_FLAGS: readonly FlagSpec[] = [
  {
    name: "daily",
    type: "string",
    value: "UNITS",
    help: "eligible units (visitors) per day: also prints the duration",
  },
  {
    name: "traffic-share",
    type: "string",
    value: "F",
    help: "fraction of the traffic in the experiment (default 100%)",
  },
];

/** Library option name → flag, for error messages. */
export const PLANNING_FLAG_MAP: FlagMap = {
  baselineRate: "--baseline",
  baselineMean: "--baseline",
  sd: "--sd",
  sdTreatment: "--sd-treatment",
  mde: "--mde",
  mdeType: "--mde-type",
  alpha: "--alpha",
  alternative: "--alternative",
  treatmentArms: "--arms",
  allocationRatio: "--ratio",
  multipleComparison: "--correction",
  varianceReduction: "--variance-reduction",
  method: "--method",
  test: "--method",
  continuityCorrection: "--continuity-correction",
  power: "--power",
  nControl: "--n",
  nTreatment: "--n-treatment",
  direction: "--mde (its sign)",
  dailyUnits: "--daily",
  trafficShare: "--traffic-share",
  totalUnits: "--units",
  alwaysValid: "--always-valid",
  "alwaysValid.tuningSampleSize": "--always-valid",
  prior: "--prior",
  "prior.mean": "--prior",
  "prior.variance": "--prior",
};

const RATE = { percent: true } as const;

/** The metric a command line plans for. */
export function metricKind(values: FlagValues): MetricKind {
  return stringFlag(values, "sd") === undefined ? "proportions" : "means";
}

/** `T` with the keys that may be `undefined` made optional instead. */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops the keys whose value is `undefined` (the library's options reject explicit `undefined`s). */
export function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;
}

/** The design options shared by the planners of the chosen metric, from the flags. */
export function designOptions(values: FlagValues, kind: MetricKind): Record<string, unknown> {
  const arms = numberFlag(values, "arms", { integer: true });
  if (arms !== undefined && arms < 2) throw new UsageError(`--arms: must be a whole number >= 2 (got ${arms})`);
  const common = {
    alpha: numberFlag(values, "alpha", RATE),
    alternative: choiceFlag(values, "alternative", ["two-sided", "greater", "less"] as const),
    treatmentArms: arms === undefined ? undefined : arms - 1,
    allocationRatio: numberFlag(values, "ratio"),
    multipleComparison: choiceFlag(values, "correction", ["none", "bonferroni", "sidak"] as const),
    varianceReduction: numberFlag(values, "variance-reduction", RATE),
    mdeType: choiceFlag(values, "mde-type", ["relative", "absolute"] as const),
  };
  if (kind === "proportions") {
    for (const flag of ["sd-treatment", "always-valid", "prior"]) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --sd (a comparison of means)`);
    }
    const baseline = numberFlag(values, "baseline", RATE);
    if (baseline === undefined) throw new UsageError("--baseline is required (the control conversion rate)");
    return compact({
      ...common,
      baselineRate: baseline,
      method: choiceFlag(values, "method", ["pooled", "unpooled", "arcsine", "evan-miller"] as const),
      continuityCorrection: booleanFlag(values, "continuity-correction") ? true : undefined,
    });
  }
  if (booleanFlag(values, "continuity-correction")) {
    throw new UsageError("--continuity-correction applies to conversion rates, not to means (--sd)");
  }
  const tuning = numberFlag(values, "always-valid");
  return compact({
    ...common,
    sd: requiredNumber(values, "sd"),
    sdTreatment: numberFlag(values, "sd-treatment"),
    baselineMean: numberFlag(values, "baseline", RATE),
    test: choiceFlag(values, "method", ["t", "z", "z-relative"] as const),
    alwaysValid: tuning === undefined ? undefined : { tuningSampleSize: tuning },
  });
}

/** `--prior MEAN,VAR` as the planners' `prior`, or `undefined` when absent. */
export function priorOption(values: FlagValues): { mean: number; variance: number } | undefined {
  const parts = numberListFlag(values, "prior");
  if (parts === undefined) return undefined;
  if (parts.length !== 2) {
    throw new UsageError(`--prior: must be MEAN,VARIANCE (got "${stringFlag(values, "prior")}")`);
  }
  return { mean: parts[0] as number, variance: parts[1] as number };
}

/** `--n` and `--n-treatment` as planner options. */
export function sizeOptions(values: FlagValues): Record<string, unknown> {
  return compact({
    nControl: requiredNumber(values, "n", { integer: true }),
    nTreatment: numberFlag(values, "n-treatment", { integer: true }),
  });
}

/** Any plan the power area returns. */
export type Plan = TwoProportionsPlan | TwoMeansPlan;

function isProportionsPlan(plan: Plan): plan is TwoProportionsPlan {
  return "baselineRate" in plan;
}

function hasExactSizes(plan: Plan): plan is SampleSizeTwoProportionsResult | SampleSizeTwoMeansResult {
  return "nControlExact" in plan;
}

/** A difference of rates in percentage points: 0.005 → "+0.5 pp". */
export function percentagePoints(difference: number): string {
  return `${difference > 0 ? "+" : ""}${formatNumber(difference * 100, 4)} pp`;
}

/** The effect of a plan in words: "+10.00 % relative (5.00 % → 5.50 %)". */
export function effectText(plan: Plan): string {
  if (isProportionsPlan(plan)) {
    const rel = formatPercent(plan.relativeEffect, 2, true);
    const abs = percentagePoints(plan.absoluteEffect);
    return `${rel} relative, ${abs} (${formatPercent(plan.baselineRate)} → ${formatPercent(plan.treatmentRate)})`;
  }
  const abs = `${plan.absoluteEffect >= 0 ? "+" : ""}${formatNumber(plan.absoluteEffect)}`;
  const rel = plan.relativeEffect === undefined ? "" : ` (${formatPercent(plan.relativeEffect, 2, true)} relative)`;
  return `${abs}${rel}, ${formatNumber(plan.standardizedEffect)} sd`;
}

/** The plan as a table of labelled values. */
export function planTable(title: string, plan: Plan): Table {
  const rows: [string, Cell][] = [];
  if (isProportionsPlan(plan)) {
    rows.push(["metric", textCell("conversion rate")]);
    rows.push(["baseline rate", percentCell(plan.baselineRate)]);
    rows.push(["treatment rate", percentCell(plan.treatmentRate)]);
    rows.push(["relative effect", signedPercentCell(plan.relativeEffect)]);
    rows.push(["absolute effect", { text: percentagePoints(plan.absoluteEffect), value: plan.absoluteEffect }]);
    rows.push(["test", textCell(plan.model + (plan.continuityCorrection ? " (continuity-corrected)" : ""))]);
  } else {
    rows.push(["metric", textCell("mean")]);
    if (plan.baselineMean !== undefined) rows.push(["baseline mean", numberCell(plan.baselineMean)]);
    rows.push(["sd (control / treatment)", textCell(`${formatNumber(plan.sd)} / ${formatNumber(plan.sdTreatment)}`)]);
    rows.push(["absolute effect", numberCell(plan.absoluteEffect)]);
    if (plan.relativeEffect !== undefined) rows.push(["relative effect", signedPercentCell(plan.relativeEffect)]);
    rows.push(["standardized effect (d)", numberCell(plan.standardizedEffect)]);
    rows.push(["test", textCell(plan.test)]);
    if (plan.alwaysValid !== undefined) {
      rows.push(["always-valid N*", countCell(plan.alwaysValid.tuningSampleSize)]);
      rows.push(["SE inflation (M/z)", numberCell(plan.alwaysValid.seInflation)]);
    }
    if (plan.prior !== undefined) {
      rows.push([
        "prior (mean / variance)",
        textCell(`${formatNumber(plan.prior.mean)} / ${formatNumber(plan.prior.variance)}`),
      ]);
    }
  }
  rows.push(["alpha", numberCell(plan.alpha)]);
  if (plan.treatmentArms > 1) rows.push(["alpha per comparison", numberCell(plan.alphaPerComparison)]);
  rows.push(["alternative", textCell(plan.alternative)]);
  rows.push(["power", percentCell(plan.power, 1)]);
  if (hasExactSizes(plan)) rows.push(["achieved power (rounded n)", percentCell(plan.achievedPower, 2)]);
  rows.push(["arms", countCell(plan.treatmentArms + 1)]);
  if (plan.allocationRatio !== 1) rows.push(["allocation ratio", numberCell(plan.allocationRatio)]);
  if (plan.varianceReduction > 0) rows.push(["variance reduction", percentCell(plan.varianceReduction, 1)]);
  rows.push(["n control", countCell(plan.nControl)]);
  rows.push([plan.treatmentArms > 1 ? "n per treatment arm" : "n treatment", countCell(plan.nTreatment)]);
  rows.push(["n total", countCell(plan.nTotal)]);
  return keyValueTable(title, rows, [plan.method, plan.note]);
}

/** The duration as a table. */
export function durationTable(d: ExperimentDurationResult): Table {
  return keyValueTable(
    "Duration",
    [
      ["units needed", countCell(d.totalUnits)],
      ["eligible units per day", countCell(d.dailyUnits)],
      ["traffic share", percentCell(d.trafficShare, 1)],
      ["units enrolled per day", countCell(d.unitsPerDay)],
      ["days", countCell(d.days)],
      ["full weeks", countCell(d.weeks)],
    ],
    [d.note],
  );
}

/** `experimentDuration` options from `--daily` and `--traffic-share`, or `undefined` without `--daily`. */
export function trafficOptions(values: FlagValues): { dailyUnits: number; trafficShare?: number } | undefined {
  const dailyUnits = numberFlag(values, "daily");
  const trafficShare = numberFlag(values, "traffic-share", RATE);
  if (dailyUnits === undefined) {
    if (trafficShare !== undefined) throw new UsageError("--traffic-share needs --daily");
    return undefined;
  }
  return trafficShare === undefined ? { dailyUnits } : { dailyUnits, trafficShare };
}

/** The sample-size plan the design flags, `--mde` and `--power` ask for. */
export function planSampleSize(values: FlagValues): SampleSizeTwoProportionsResult | SampleSizeTwoMeansResult {
  const kind = metricKind(values);
  const options = {
    ...designOptions(values, kind),
    mde: requiredNumber(values, "mde", RATE),
    ...compact({ power: numberFlag(values, "power", RATE) }),
  };
  return callLibrary(PLANNING_FLAG_MAP, () =>
    kind === "proportions"
      ? sampleSizeTwoProportions(options as unknown as SampleSizeTwoProportionsOptions)
      : sampleSizeTwoMeans(options as unknown as SampleSizeTwoMeansOptions),
  );
}

/** The single metric of `duration --by-week`, named after its kind. */
const BY_WEEK_METRIC = { proportions: "conversion rate", means: "mean" } as const;

/** Library option name → flag for `powerByWeek` (a metric's issues end in the planner's option names). */
export const BY_WEEK_FLAG_MAP: FlagMap = { ...PLANNING_FLAG_MAP, weeklyUnits: "--daily", weeks: "--by-week" };

/** `powerByWeek` options from the design flags: the experiment-wide ones at the top, the metric's in `metrics`. */
export function byWeekOptions(
  values: FlagValues,
  weeks: number,
  traffic: { dailyUnits: number; trafficShare?: number },
): PowerByWeekOptions {
  const kind = metricKind(values);
  const { alpha, alternative, treatmentArms, allocationRatio, multipleComparison, ...metric } = designOptions(
    values,
    kind,
  );
  return compact({
    weeklyUnits: 7 * traffic.dailyUnits,
    trafficShare: traffic.trafficShare,
    weeks,
    power: numberFlag(values, "power", RATE),
    alpha,
    alternative,
    treatmentArms,
    allocationRatio,
    multipleComparison,
    metrics: [{ name: BY_WEEK_METRIC[kind], kind, ...metric, mde: requiredNumber(values, "mde", RATE) }],
  }) as unknown as PowerByWeekOptions;
}

/** The week-by-week table: units, then power and MDE of the metric. */
export function byWeekTable(r: PowerByWeekResult): Table {
  const metric = r.metrics[0] as PowerByWeekResult["metrics"][number];
  const mdeCell = (mde: number | null): Cell => {
    if (mde === null) return { text: "—", value: null };
    return metric.mdeType === "relative" ? signedPercentCell(mde) : numberCell(mde);
  };
  return {
    title: "Power by week",
    columns: [
      { name: "week", align: "right" },
      { name: "n control", align: "right" },
      { name: "n total", align: "right" },
      { name: "power", align: "right" },
      { name: `MDE at ${+(r.power * 100).toPrecision(6)} % power`, align: "right" },
    ],
    rows: r.byWeek.map((row) => [
      countCell(row.week),
      countCell(row.nControl),
      countCell(row.nTotal),
      percentCell(row.metrics[0]?.power as number, 1),
      mdeCell(row.metrics[0]?.mde ?? null),
    ]),
    notes: [metric.method, r.note],
  };
}
