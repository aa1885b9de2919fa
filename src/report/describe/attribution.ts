/**
 * Readouts of the attribution results (`experiment-stats/attribution`).
 *
 * @packageDocumentation
 */
import type { AttributionComparison } from "../../attribution/compareAttributionModels.js";
import type { MarkovAttributionResult } from "../../attribution/markovAttribution.js";
import type { ShapleyAttributionResult } from "../../attribution/shapleyAttribution.js";
import type { AttributionResult, ChannelCredit } from "../../attribution/types.js";
import type { ReportDocument } from "../document.js";
import { formatCount, formatFixed, formatPercent, formatSignificant } from "../numbers.js";
import { plural, sentence } from "../phrases.js";

/** A monetary or other conversion value: thousands separators, at most two decimals. */
function formatValue(x: number): string {
  return Number.isInteger(x) ? formatCount(x) : formatFixed(x, 2);
}

/** Channels by conversions credited, largest first (ties keep input order). */
function topChannel(channels: readonly ChannelCredit[]): ChannelCredit | undefined {
  let best: ChannelCredit | undefined;
  for (const c of channels) if (best === undefined || c.conversions > best.conversions) best = c;
  return best;
}

function isMarkov(r: AttributionResult): r is MarkovAttributionResult {
  return (
    r.model === "markov" &&
    r.channels.every((c) => typeof (c as { removalEffect?: unknown }).removalEffect === "number")
  );
}

function isShapley(r: AttributionResult): r is ShapleyAttributionResult {
  return r.model === "shapley" && typeof (r as { grandCoalitionValue?: unknown }).grandCoalitionValue === "number";
}

/** @internal */
export function describeAttribution(r: AttributionResult): ReportDocument {
  const withValue = r.totalValue > 0;
  const columns = ["Channel", "Conversions", "Share"];
  if (withValue) columns.push("Value");
  const markov = isMarkov(r);
  if (markov) columns.push("Removal effect");
  const shapley = isShapley(r);
  if (shapley) columns.push("Shapley value");
  const rows = r.channels.map((c) => {
    const row = [c.channel, formatCount(c.conversions), formatPercent(c.share)];
    if (withValue) row.push(formatValue(c.value));
    if (markov) row.push(formatPercent((c as MarkovAttributionResult["channels"][number]).removalEffect));
    if (shapley) row.push(formatSignificant((c as ShapleyAttributionResult["channels"][number]).shapleyValue, 4));
    return row;
  });
  const top = topChannel(r.channels);
  const summary = [
    `${formatCount(r.totalConversions)} conversion${r.totalConversions === 1 ? "" : "s"}${withValue ? ` worth ${formatValue(r.totalValue)}` : ""} credited across ${plural(r.channels.length, "channel")} (${r.model}).`,
  ];
  if (top !== undefined && r.totalConversions > 0) {
    summary.push(`Largest share: ${top.channel} with ${formatCount(top.conversions)} (${formatPercent(top.share)}).`);
  }
  if (markov) {
    summary.push(`Conversion probability from the start: ${formatPercent(r.conversionProbability)}.`);
  }
  return {
    title: "Attribution by channel",
    summary,
    tables: [{ columns, rows }],
    notes: [sentence(r.method), ...r.notes],
  };
}

/** @internal */
export function describeAttributionComparison(r: AttributionComparison): ReportDocument {
  return {
    title: "Attribution by model",
    summary: [
      `${formatCount(r.totalConversions)} conversion${r.totalConversions === 1 ? "" : "s"} credited across ${plural(r.channels.length, "channel")} by ${plural(r.models.length, "model")}: ${r.models.join(", ")}.`,
    ],
    tables: [
      {
        caption: "Conversions credited (share)",
        columns: ["Channel", ...r.models],
        rows: r.channels.map((c) => [
          c.channel,
          ...r.models.map(
            (_, j) => `${formatCount(c.conversions[j] ?? Number.NaN)} (${formatPercent(c.share[j] ?? Number.NaN)})`,
          ),
        ]),
      },
    ],
    notes: r.results.map((m, j) => `${r.models[j] ?? m.model}: ${sentence(m.method)}`),
  };
}
