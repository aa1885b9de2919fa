/**
 * Number formatting for readouts: p-values, percentages, counts, z statistics and estimates, written
 * the way a statistician would sign them. Locale-independent (`,` thousands separator, `.` decimal
 * point), so output is identical on every runtime.
 *
 * @packageDocumentation
 */

/** Conventional significance thresholds a rounded p-value must not appear to cross. */
const P_THRESHOLDS: readonly number[] = [0.001, 0.01, 0.05, 0.1];

/** Most decimals any formatter prints. */
const MAX_DECIMALS = 20;

/**
 * Inserts `,` every three digits in the integer part of a plain decimal string (`"1234567.5"` →
 * `"1,234,567.5"`).
 */
function groupThousands(plain: string): string {
  const negative = plain.startsWith("-");
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf(".");
  const integer = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction}`;
}

/** `-0` and values that round to zero print without a sign. */
function stripNegativeZero(text: string): string {
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

function infinity(x: number, signed: boolean): string {
  if (x > 0) return signed ? "+∞" : "∞";
  return "-∞";
}

/**
 * `x` with a fixed number of decimals and thousands separators: `formatFixed(12345.678, 1)` is
 * `"12,345.7"`. Infinite values print as `"∞"` / `"-∞"`, NaN as `"NaN"`.
 *
 * @param x - The number.
 * @param decimals - Digits after the decimal point (0 to 20).
 * @param signed - Prefix positive values with `+`.
 * @returns The formatted number.
 *
 * @example
 * ```ts
 * formatFixed(12345.678, 1);   // "12,345.7"
 * formatFixed(0.5, 1, true);    // "+0.5"
 * formatFixed(-0.0001, 2);      // "0.00"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatFixed(x: number, decimals: number, signed = false): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return infinity(x, signed);
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.round(decimals)));
  const text = stripNegativeZero(groupThousands(x.toFixed(d)));
  return signed && !text.startsWith("-") && !/^[0.,]*$/.test(text) ? `+${text}` : text;
}

/**
 * Decimals that show `x` to `digits` significant digits (0 when `x` is 0 or not finite; the
 * integer part is never rounded away).
 *
 * @param x - The number.
 * @param digits - Significant digits wanted (>= 1).
 * @returns A number of decimals in [0, 20].
 * @since 0.1.0
 * @public
 */
export function decimalsForSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  // Rounding can carry into the next power of ten (9.96 with 2 digits is 10): re-check.
  let d = digits - 1 - magnitude;
  const rounded = Math.abs(Number(Math.abs(x).toFixed(Math.max(0, Math.min(MAX_DECIMALS, d)))));
  if (rounded >= 10 ** (magnitude + 1)) d -= 1;
  return Math.max(0, Math.min(MAX_DECIMALS, d));
}

/**
 * `x` to `digits` significant digits with thousands separators (`formatSignificant(0.0012345, 3)`
 * is `"0.00123"`, `formatSignificant(123456, 3)` is `"123,456"`: integer digits are kept). Values
 * below 1e-6 in magnitude use scientific notation (`"1.2e-7"`); infinite values print as `"∞"`.
 *
 * @param x - The number.
 * @param digits - Significant digits (>= 1).
 * @param signed - Prefix positive values with `+`.
 * @returns The formatted number.
 *
 * @example
 * ```ts
 * formatSignificant(0.0012345, 3); // "0.00123"
 * formatSignificant(123456, 3);    // "123,456"
 * formatSignificant(1.2e-7, 2);    // "1.2e-7"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatSignificant(x: number, digits: number, signed = false): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return infinity(x, signed);
  if (x !== 0 && Math.abs(x) < 1e-6) {
    const [mantissa = "", exponent = ""] = x.toExponential(Math.max(0, digits - 1)).split("e");
    const e = exponent.startsWith("+") ? exponent.slice(1) : exponent;
    return `${signed && x > 0 ? "+" : ""}${mantissa}e${e}`;
  }
  return formatFixed(x, decimalsForSignificant(x, digits), signed);
}

/**
 * A p-value as it is reported: `"< 0.0001"` below 1e-4, `"> 0.99"` above 0.99, otherwise two
 * significant digits (`"0.0083"`, `"0.34"`), with a third (or fourth) digit whenever two would round
 * the value across 0.001, 0.01, 0.05 or 0.1 (0.0496 is `"0.0496"`, not `"0.050"`).
 *
 * @param p - A p-value in [0, 1].
 * @returns The value without the `p` (`"0.0083"`, `"< 0.0001"`); prefix `"p = "` or `"p "` yourself,
 * or use {@link formatPValueClause}.
 *
 * @example
 * ```ts
 * formatPValue(0.00834); // "0.0083"
 * formatPValue(0.0496);  // "0.0496"
 * formatPValue(3e-9);    // "< 0.0001"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return "NaN";
  if (p < 1e-4) return "< 0.0001";
  if (p >= 1) return "1";
  if (p > 0.99) return "> 0.99";
  for (let digits = 2; digits <= 4; digits++) {
    const d = decimalsForSignificant(p, digits);
    const rounded = Number(p.toFixed(d));
    if (P_THRESHOLDS.every((t) => p < t === rounded < t) || digits === 4) return p.toFixed(d);
  }
  return String(p);
}

/**
 * `"p = 0.0083"` or `"p < 0.0001"`.
 *
 * @param p - A p-value in [0, 1].
 * @returns The clause.
 *
 * @example
 * ```ts
 * formatPValueClause(0.0083); // "p = 0.0083"
 * formatPValueClause(3e-9);   // "p < 0.0001"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatPValueClause(p: number): string {
  const value = formatPValue(p);
  return value.startsWith("<") || value.startsWith(">") ? `p ${value}` : `p = ${value}`;
}

/**
 * Decimals of a percentage shown with at least two significant digits and at least one decimal:
 * 5.6 % → 1, 0.12 % → 2, 0.012 % → 3.
 */
function percentDecimals(percent: number): number {
  if (percent === 0 || !Number.isFinite(percent)) return 1;
  return Math.max(1, Math.min(MAX_DECIMALS, 1 - Math.floor(Math.log10(Math.abs(percent)))));
}

/**
 * A fraction as a percentage: `formatPercent(0.056)` is `"5.6 %"`, `formatPercent(0.0012)` is
 * `"0.12 %"`. By default at least one decimal and two significant digits.
 *
 * @param fraction - The value as a fraction (0.056 for 5.6 %).
 * @param options - `signed` prefixes `+` on positive values; `decimals` fixes the decimals of the
 * percentage.
 * @returns The percentage with a space before `%`; infinite values print as `"∞"` without `%`.
 *
 * @example
 * ```ts
 * formatPercent(0.056);                     // "5.6 %"
 * formatPercent(0.0012);                    // "0.12 %"
 * formatPercent(0.12, { signed: true });    // "+12.0 %"
 * formatPercent(Number.POSITIVE_INFINITY);  // "∞"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatPercent(fraction: number, options: { signed?: boolean; decimals?: number } = {}): string {
  const signed = options.signed ?? false;
  if (!Number.isFinite(fraction)) return formatFixed(fraction, 0, signed);
  const percent = fraction * 100;
  const decimals = options.decimals ?? percentDecimals(percent);
  return `${formatFixed(percent, decimals, signed)} %`;
}

/**
 * A parameter as it was given, with the fewest digits (up to `digits` significant) that show it:
 * 0.05 → `"0.05"`, 0.025 → `"0.025"`, 10 → `"10"`, 31233.41 → `"31,233"`, 1/3 → `"0.3333"`.
 *
 * @param x - The number.
 * @param digits - Most significant digits (the integer part is never rounded away).
 * @param signed - Prefix positive values with `+`.
 * @returns The formatted number.
 *
 * @example
 * ```ts
 * formatParameter(0.025);    // "0.025"
 * formatParameter(31233.41); // "31,233"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatParameter(x: number, digits = 4, signed = false): string {
  if (!Number.isFinite(x)) return formatFixed(x, 0, signed);
  if (x !== 0 && Math.abs(x) < 1e-6) return formatSignificant(x, digits, signed);
  const d = decimalsForSignificant(x, digits);
  const rounded = Number(x.toFixed(d));
  let decimals = 0;
  while (decimals < d && Number(rounded.toFixed(decimals)) !== rounded) decimals++;
  return formatFixed(rounded, decimals, signed);
}

/**
 * A design parameter given as a fraction, as a percentage with the fewest digits (up to four
 * significant) that show it: 0.05 → `"5 %"`, 0.0525 → `"5.25 %"`, 0.1 → `"10 %"`.
 *
 * @param fraction - The value as a fraction.
 * @param signed - Prefix positive values with `+`.
 * @returns The percentage.
 *
 * @example
 * ```ts
 * formatPercentExact(0.0525); // "5.25 %"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatPercentExact(fraction: number, signed = false): string {
  if (!Number.isFinite(fraction)) return formatFixed(fraction, 0, signed);
  return `${formatParameter(fraction * 100, 4, signed)} %`;
}

/**
 * Decimals that show a group of numbers (an estimate and its interval) consistently: enough for two
 * significant digits of the interval's width, and of the estimate itself, at least `minimum`.
 *
 * @param estimate - The point estimate.
 * @param width - A scale of uncertainty (interval width or 2 × standard error); non-finite widths
 * are ignored.
 * @param minimum - Fewest decimals.
 * @returns Decimals in [minimum, 20].
 * @since 0.1.0
 * @public
 */
export function decimalsForEstimate(estimate: number, width: number, minimum = 0): number {
  let d = minimum;
  if (Number.isFinite(width) && width > 0) d = Math.max(d, 1 - Math.floor(Math.log10(width)));
  else if (estimate !== 0 && Number.isFinite(estimate)) d = Math.max(d, decimalsForSignificant(estimate, 3));
  return Math.min(MAX_DECIMALS, d);
}

/**
 * Decimals for a group of percentages (an estimate with its interval), at least one: `+12.0 %` with
 * `+3.1 %` to `+21.6 %`, `+0.123 %` with `+0.101 %` to `+0.145 %`.
 *
 * @param estimate - The estimate as a fraction.
 * @param width - Width of its interval as a fraction (non-finite widths are ignored).
 * @returns Decimals of the percentages.
 * @since 0.1.0
 * @public
 */
export function percentDecimalsForEstimate(estimate: number, width: number): number {
  if (!(Number.isFinite(width) && width > 0)) return percentDecimals(estimate * 100);
  return Math.min(MAX_DECIMALS, Math.max(1, 1 - Math.floor(Math.log10(width * 100))));
}

/**
 * A count with thousands separators (`"31,234"`); a non-integer count (a fractional attribution
 * credit) gets four significant digits, and at least one decimal, without trailing zeros (`"6.667"`,
 * `"1,234.6"`, `"0.5"`).
 *
 * @param n - The count.
 * @returns The formatted count.
 *
 * @example
 * ```ts
 * formatCount(31234);    // "31,234"
 * formatCount(6.666667); // "6.667"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return formatFixed(n, 0);
  if (Number.isInteger(n)) return formatFixed(n, 0);
  const integerDigits = Math.abs(n) < 1 ? 0 : Math.floor(Math.log10(Math.abs(n))) + 1;
  return formatParameter(n, Math.max(4, integerDigits + 1));
}

/**
 * A confidence level as a percentage with no trailing zeros: 0.95 → `"95 %"`, 0.975 → `"97.5 %"`.
 *
 * @param level - The level as a fraction.
 * @returns The level.
 *
 * @example
 * ```ts
 * formatLevel(0.975); // "97.5 %"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatLevel(level: number): string {
  return formatPercentExact(level);
}

/**
 * An interval `"a to b"` with each bound formatted by `bound` (infinite bounds print as `"-∞"` / `"∞"`).
 *
 * @param lower - Lower bound.
 * @param upper - Upper bound.
 * @param bound - Formatter of one bound.
 * @returns `"a to b"`.
 *
 * @example
 * ```ts
 * formatRange(-Infinity, 0.216, (x) => formatPercent(x, { signed: true })); // "-∞ to +21.6 %"
 * ```
 * @since 0.1.0
 * @public
 */
export function formatRange(lower: number, upper: number, bound: (x: number) => string): string {
  const show = (x: number): string => (Number.isFinite(x) ? bound(x) : formatFixed(x, 0));
  return `${show(lower)} to ${show(upper)}`;
}
