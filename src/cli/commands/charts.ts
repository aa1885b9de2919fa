/**
 * The data behind the `--plot` charts that the report area draws but does not compute: the power
 * curve (from the power area's functions) and the posterior densities (from the posterior parameters
 * of the Bayesian results, with the distribution kernels).
 *
 * @packageDocumentation
 */
import type { BayesianMeansResult, BayesianProportionsResult } from "../../bayesian/index.js";
import { betaPdf, betaQuantile } from "../../distributions/beta.js";
import { normalPdf, normalQuantile } from "../../distributions/normal.js";
import {
  type PowerTwoMeansOptions,
  type PowerTwoProportionsOptions,
  powerTwoMeans,
  powerTwoProportions,
} from "../../power/index.js";
import {
  type PosteriorDensityCurve,
  type PowerCurvePoint,
  posteriorDensityChart,
  powerCurveChart,
  type VegaLiteSpec,
} from "../../report/index.js";
import type { FlagValues } from "../args.js";
import { callLibrary } from "../errors.js";
import { designOptions, effectText, type MetricKind, PLANNING_FLAG_MAP, type Plan } from "./planning.js";

/** Fractions of the planned control-arm size at which the power curve is evaluated (5 % to 200 %). */
const CURVE_FRACTIONS: readonly number[] = Array.from({ length: 40 }, (_, i) => (i + 1) / 20);

/** Points of a posterior density curve. */
const DENSITY_POINTS = 201;

/**
 * The power curve of the design the flags describe, over control-arm sizes from 5 % to 200 % of
 * `plan.nControl`: each point is `powerTwoProportions` or `powerTwoMeans` at that size (treatment arms
 * by `--ratio`, or in the proportion of an explicit `--n-treatment`), with the target power and the
 * planned size marked.
 */
export function powerCurve(values: FlagValues, kind: MetricKind, mde: number, plan: Plan): VegaLiteSpec {
  const design = designOptions(values, kind);
  const minimum = kind === "means" ? 2 : 1;
  const sizes = [...new Set(CURVE_FRACTIONS.map((f) => Math.max(minimum, Math.round(f * plan.nControl))))];
  // Treatment arms follow --ratio (the library's default), or keep the proportion of an explicit --n-treatment.
  const explicit = values["n-treatment"] !== undefined;
  const { allocationRatio: _ratio, ...withoutRatio } = design;
  const points: PowerCurvePoint[] = sizes.map((nControl) => {
    const options = explicit
      ? {
          ...withoutRatio,
          mde,
          nControl,
          nTreatment: Math.max(minimum, Math.round((nControl * plan.nTreatment) / plan.nControl)),
        }
      : { ...design, mde, nControl };
    const point = callLibrary(PLANNING_FLAG_MAP, () =>
      kind === "proportions"
        ? powerTwoProportions(options as unknown as PowerTwoProportionsOptions)
        : powerTwoMeans(options as unknown as PowerTwoMeansOptions),
    );
    return { sampleSize: nControl, power: point.power };
  });
  const equal = plan.treatmentArms === 1 && plan.nControl === plan.nTreatment;
  return powerCurveChart(points, {
    title: `Power to detect ${effectText(plan)}`,
    targetPower: plan.power,
    plannedSampleSize: plan.nControl,
    sampleSizeTitle: equal ? "Units per arm" : "Units in the control arm",
  });
}

/** Grid of `count` points from `lower` to `upper`. */
function grid(lower: number, upper: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lower + ((upper - lower) * i) / (count - 1));
}

/** Tail probability left out of a density curve on each side. */
const TAIL = 1e-4;

/**
 * The posterior densities of a Bayesian readout: for conversion rates the Beta posterior of every arm
 * (the control once, then each treatment), drawn with `betaPdf` between the arms' 0.01 % and 99.99 %
 * quantiles; for means the normal posterior of each treatment's effect (`normalPdf` with the posterior
 * mean and standard deviation), as a difference or a relative lift.
 */
export function posteriorDensities(
  control: string,
  rows: readonly { readonly variant: string; readonly result: BayesianProportionsResult | BayesianMeansResult }[],
): VegaLiteSpec {
  const first = rows[0]?.result;
  if (first !== undefined && "probabilityTreatmentBetter" in first) {
    const arms = [
      { label: control, posterior: first.control.posterior },
      ...rows.map(({ variant, result }) => ({
        label: variant,
        posterior: (result as BayesianProportionsResult).treatment.posterior,
      })),
    ];
    const lower = Math.min(...arms.map((a) => betaQuantile(TAIL, a.posterior.alpha, a.posterior.beta)));
    const upper = Math.max(...arms.map((a) => betaQuantile(1 - TAIL, a.posterior.alpha, a.posterior.beta)));
    const xs = grid(lower, upper, DENSITY_POINTS);
    const curves: PosteriorDensityCurve[] = arms.map((a) => ({
      label: a.label,
      points: xs.map((x) => ({ x, density: betaPdf(x, a.posterior.alpha, a.posterior.beta) })),
    }));
    return posteriorDensityChart(curves, { title: "Posterior conversion rate of each arm" });
  }
  const effects = rows.map(({ variant, result }) => ({ label: variant, result: result as BayesianMeansResult }));
  const lower = Math.min(...effects.map((e) => normalQuantile(TAIL, e.result.posteriorMean, e.result.posteriorSd)));
  const upper = Math.max(...effects.map((e) => normalQuantile(1 - TAIL, e.result.posteriorMean, e.result.posteriorSd)));
  const xs = grid(lower, upper, DENSITY_POINTS);
  const relative = effects[0]?.result.relative === true;
  const curves: PosteriorDensityCurve[] = effects.map((e) => ({
    label: e.label,
    points: xs.map((x) => ({ x, density: normalPdf(x, e.result.posteriorMean, e.result.posteriorSd) })),
  }));
  return posteriorDensityChart(curves, {
    title: `Posterior of the ${relative ? "relative lift" : "difference in means"} against ${control}`,
    xTitle: relative ? "Relative lift" : "Difference in means (treatment − control)",
    percent: relative,
  });
}
