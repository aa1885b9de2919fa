/**
 * Reports: readouts of results as plain text, Markdown and HTML, notebook display, and Vega-Lite chart
 * specifications. Formatting only; nothing here computes a statistic.
 *
 * @packageDocumentation
 */

export { type AttributionChartOptions, attributionChart } from "./charts/attributionChart.js";
export {
  type PosteriorDensityChartOptions,
  type PosteriorDensityCurve,
  posteriorDensityChart,
} from "./charts/posteriorDensityChart.js";
export { type PowerCurveChartOptions, type PowerCurvePoint, powerCurveChart } from "./charts/powerCurveChart.js";
export { sequentialBoundariesChart } from "./charts/sequentialBoundariesChart.js";
export { type ChartOptions, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./charts/spec.js";
export { type Displayable, display, jupyterDisplay, type MimeBundle } from "./display.js";
export type { ReportFormat } from "./document.js";
export { type FormatResultOptions, formatResult } from "./formatResult.js";
export {
  decimalsForEstimate,
  decimalsForSignificant,
  formatCount,
  formatFixed,
  formatLevel,
  formatPercent,
  formatPercentExact,
  formatPValue,
  formatPValueClause,
  formatRange,
  formatSignificant,
  percentDecimalsForEstimate,
} from "./numbers.js";
export { type ReportableResult, type ResultKind, recognizeResult } from "./recognize.js";
