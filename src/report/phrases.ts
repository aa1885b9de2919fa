/**
 * Phrases shared by the readouts: intervals, alternatives, levels.
 *
 * @packageDocumentation
 */
import type { Alternative, ConfidenceInterval } from "../types.js";
import {
  decimalsForEstimate,
  formatFixed,
  formatLevel,
  formatPercent,
  formatRange,
  formatSignificant,
  percentDecimalsForEstimate,
} from "./numbers.js";

/** An estimate and its interval, formatted with the same decimals. @internal */
export interface FormattedInterval {
  readonly estimate: string;
  readonly lower: string;
  readonly upper: string;
  /** `"lower to upper"`. */
  readonly range: string;
}

/**
 * Adds up to two decimals so that no non-zero value of the group prints as zero (a lower bound of
 * -0.02 pp stays "-0.02 pp", not "0.0 pp").
 */
function keepNonZero(decimals: number, values: readonly number[], scale: number): number {
  let d = decimals;
  const showsZero = (v: number): boolean => Number.isFinite(v) && v !== 0 && Number((v * scale).toFixed(d)) === 0;
  while (d < decimals + 2 && values.some(showsZero)) d++;
  return d;
}

function widthOf(ci: ConfidenceInterval, fallback: number): number {
  const w = ci.upper - ci.lower;
  return Number.isFinite(w) && w > 0 ? w : fallback;
}

/** Signed percentages (relative lifts): `+12.0 %`, `+3.1 % to +21.6 %`. @internal */
export function percentInterval(
  estimate: number,
  ci: ConfidenceInterval,
  standardError: number = Number.NaN,
): FormattedInterval {
  const decimals = keepNonZero(
    percentDecimalsForEstimate(estimate, widthOf(ci, 4 * standardError)),
    [estimate, ci.lower, ci.upper],
    100,
  );
  const f = (x: number): string => formatPercent(x, { signed: true, decimals });
  return { estimate: f(estimate), lower: f(ci.lower), upper: f(ci.upper), range: formatRange(ci.lower, ci.upper, f) };
}

/** Percentage points (differences of rates): `+0.60 pp`. @internal */
export function pointsInterval(
  estimate: number,
  ci: ConfidenceInterval,
  standardError: number = Number.NaN,
): FormattedInterval {
  const decimals = keepNonZero(
    percentDecimalsForEstimate(estimate, widthOf(ci, 4 * standardError)),
    [estimate, ci.lower, ci.upper],
    100,
  );
  const f = (x: number): string =>
    Number.isFinite(x) ? `${formatFixed(x * 100, decimals, true)} pp` : formatFixed(x, 0);
  return { estimate: f(estimate), lower: f(ci.lower), upper: f(ci.upper), range: formatRange(ci.lower, ci.upper, f) };
}

/** Plain numbers in the metric's units, decimals from the interval width: `+0.40`, `+0.13 to +0.67`. @internal */
export function numberInterval(
  estimate: number,
  ci: ConfidenceInterval,
  standardError: number = Number.NaN,
  signed: boolean = true,
): FormattedInterval {
  const decimals = keepNonZero(
    decimalsForEstimate(estimate, widthOf(ci, 4 * standardError)),
    [estimate, ci.lower, ci.upper],
    1,
  );
  const f = (x: number): string => formatFixed(x, decimals, signed);
  return { estimate: f(estimate), lower: f(ci.lower), upper: f(ci.upper), range: formatRange(ci.lower, ci.upper, f) };
}

/** `"95 % CI"` (or another interval name). @internal */
export function levelLabel(level: number, name = "CI"): string {
  return `${formatLevel(level)} ${name}`;
}

/** `"two-sided"`, `"one-sided (treatment greater)"`, `"one-sided (treatment less)"`. @internal */
export function alternativePhrase(alternative: Alternative): string {
  switch (alternative) {
    case "two-sided":
      return "two-sided";
    case "greater":
      return "one-sided (treatment greater than control)";
    case "less":
      return "one-sided (treatment less than control)";
  }
}

/** Capitalises the first letter and ends with a period: method strings as note sentences. @internal */
export function sentence(text: string): string {
  const t = text.trim();
  // A one-letter first word is a symbol ("n is per arm"), not a word to capitalise.
  const first = /^[a-z][a-z]/.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** `"z = 1.89"`-style statistic. @internal */
export function statistic(name: string, value: number): string {
  return `${name} = ${formatFixed(value, Math.abs(value) >= 100 ? 1 : 3)}`;
}

/** A z-scale bound or statistic: three decimals. @internal */
export function formatZ(z: number): string {
  return formatFixed(z, 3);
}

/** Three significant digits, for ratios such as an odds ratio or a multiplier. @internal */
export function formatRatio(x: number): string {
  return formatSignificant(x, 3);
}

/** `"1 look"` / `"3 looks"`. @internal */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatFixed(n, 0)} ${n === 1 ? singular : pluralForm}`;
}
