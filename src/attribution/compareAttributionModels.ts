import * as z from "zod/mini";
import { type InputIssue, InvalidArgumentError } from "../errors.js";
import {
  checkHeuristicOptions,
  HEURISTIC_MODELS,
  type HeuristicAttributionOptions,
  type HeuristicModel,
  runHeuristic,
} from "./heuristicAttribution.js";
import { type JourneyTable, normalizeJourneys } from "./journeyTable.js";
import { checkMarkovOptions, type MarkovAttributionOptions, runMarkov } from "./markovAttribution.js";
import { optionsObject, parseOptions, separatorSchema } from "./schemas.js";
import { checkShapleyOptions, runShapley, type ShapleyAttributionOptions } from "./shapleyAttribution.js";
import type { AttributionResult, Journey } from "./types.js";

const optionsSchema = optionsObject({ separator: z.optional(separatorSchema()) });

/**
 * One model to compare: a name with default settings, or an object with the model's options and
 * an optional column `label` (the path `separator` is set once, in
 * {@link CompareAttributionModelsOptions}).
 *
 * @public
 */
export type AttributionModelSpec =
  | HeuristicModel
  | "markov"
  | "shapley"
  | (Omit<HeuristicAttributionOptions, "separator"> & ModelLabel)
  | (Omit<MarkovAttributionOptions, "separator"> & {
      /** The data-driven Markov model. */
      readonly model: "markov";
    } & ModelLabel)
  | (Omit<ShapleyAttributionOptions, "separator"> & {
      /** The Shapley-value model. */
      readonly model: "shapley";
    } & ModelLabel);

/**
 * The column label of a model in {@link compareAttributionModels}.
 *
 * @public
 */
// A type alias, not an interface: the spec is read as a plain record, which needs the implicit index signature.
export type ModelLabel = {
  /** Column label in the comparison; defaults to the model's name and settings. */
  readonly label?: string;
};

/**
 * Options of {@link compareAttributionModels}.
 *
 * @public
 */
export interface CompareAttributionModelsOptions {
  /**
   * Separator of string paths.
   * @defaultValue `">"`
   */
  readonly separator?: string;
}

/**
 * One row of the comparison table.
 *
 * @public
 */
export interface ChannelComparison {
  /** The channel's name, as in the journeys. */
  readonly channel: string;
  /** Conversions credited by each model, in the order of `models`. */
  readonly conversions: readonly number[];
  /** Value credited by each model. */
  readonly value: readonly number[];
  /** Share of conversions by each model. */
  readonly share: readonly number[];
}

/**
 * Result of {@link compareAttributionModels}: a channel × model table and the full results.
 *
 * @public
 */
export interface AttributionComparison {
  /** Column labels, one per model. */
  readonly models: readonly string[];
  /** One row per channel, in order of first appearance. */
  readonly channels: readonly ChannelComparison[];
  /** The full result of each model, in the order of `models`. */
  readonly results: readonly AttributionResult[];
  /** Conversions in the journeys: what every model's column sums to. */
  readonly totalConversions: number;
  /** Conversion value in the journeys (0 when none was given). */
  readonly totalValue: number;
}

/** The models compared when none are given. */
const DEFAULT_MODELS: readonly AttributionModelSpec[] = [
  "first-touch",
  "last-touch",
  "linear",
  "position-based",
  "markov",
  "shapley",
];

type Runner = { label: string; run: (tables: Tables) => AttributionResult };
interface Tables {
  aggregated(): JourneyTable;
  rows(): JourneyTable;
}

/**
 * Runs several attribution models on the same journeys and lays their credits side by side.
 *
 * @remarks
 * Each model is computed exactly as by {@link heuristicAttribution}, {@link markovAttribution} or
 * {@link shapleyAttribution} with the given settings (the journeys are normalised once, or twice
 * when a time-decay or W-shaped model needs the unaggregated rows). Default labels are the model
 * name, with the order for Markov models of order > 1 and the method/game for non-default Shapley
 * settings; labels must be unique. Every column sums to `totalConversions` (and `totalValue`),
 * except that non-monotone Shapley games may give negative entries.
 *
 * @param journeys - Journeys or aggregated path rows (see {@link Journey}).
 * @param models - The models to compare.
 * @defaultValue `models`: first-touch, last-touch, linear, position-based, markov, shapley
 * @param options - See {@link CompareAttributionModelsOptions}.
 * @returns An {@link AttributionComparison}.
 * @throws {@link InvalidArgumentError} for an unknown model, bad settings (named as
 * `models.<i>.<field>`), duplicate labels or a bad journey row.
 * @throws {@link StatsError} as the individual models do.
 *
 * @example
 * ```ts
 * const t = compareAttributionModels(
 *   [
 *     { path: "google ads", conversions: 2, nulls: 1 },
 *     { path: "mailing", conversions: 1 },
 *     { path: "google ads > mailing", conversions: 1 },
 *   ],
 *   ["first-touch", "last-touch", "markov"],
 * );
 * t.models; // ["first-touch", "last-touch", "markov"]
 * t.channels[0]; // { channel: "google ads", conversions: [3, 2, 2.4], … }
 * ```
 * @see {@link heuristicAttribution}, {@link markovAttribution}, {@link shapleyAttribution}
 * @since 0.1.0
 * @public
 */
export function compareAttributionModels(
  journeys: readonly Journey[],
  models: readonly AttributionModelSpec[] = DEFAULT_MODELS,
  options: CompareAttributionModelsOptions = {},
): AttributionComparison {
  const fn = "compareAttributionModels";
  const o = parseOptions(fn, optionsSchema, options);
  if (!Array.isArray(models) || models.length === 0) {
    throw new InvalidArgumentError(fn, [
      { path: ["models"], message: "must be a non-empty array of models", code: "invalid_type" },
    ]);
  }
  const issues: InputIssue[] = [];
  const runners: Runner[] = [];
  const labels = new Map<string, number>();
  models.forEach((spec, i) => {
    const runner = runnerFor(spec, i, issues);
    if (runner === undefined) return;
    const first = labels.get(runner.label);
    if (first !== undefined) {
      issues.push({
        path: ["models", i, "label"],
        message: `duplicates the label of models.${first} ("${runner.label}"); set a distinct label`,
        code: "duplicate_label",
      });
      return;
    }
    labels.set(runner.label, i);
    runners.push(runner);
  });
  if (issues.length > 0) throw new InvalidArgumentError(fn, issues);

  const separator = o.separator ?? ">";
  let aggregated: JourneyTable | undefined;
  let rows: JourneyTable | undefined;
  const tables: Tables = {
    aggregated: () => {
      aggregated ??= normalizeJourneys(fn, journeys, { separator, aggregate: true });
      return aggregated;
    },
    rows: () => {
      rows ??= normalizeJourneys(fn, journeys, { separator, aggregate: false });
      return rows;
    },
  };
  const results = runners.map((r) => r.run(tables));
  const first = results[0]!;
  const channels: ChannelComparison[] = first.channels.map((c, k) => ({
    channel: c.channel,
    conversions: results.map((r) => r.channels[k]!.conversions),
    value: results.map((r) => r.channels[k]!.value),
    share: results.map((r) => r.channels[k]!.share),
  }));
  return {
    models: runners.map((r) => r.label),
    channels,
    results,
    totalConversions: first.totalConversions,
    totalValue: first.totalValue,
  };
}

function runnerFor(spec: AttributionModelSpec, i: number, issues: InputIssue[]): Runner | undefined {
  const prefix = ["models", i];
  const object: Record<string, unknown> | undefined =
    typeof spec === "string"
      ? { model: spec }
      : typeof spec === "object" && spec !== null
        ? { ...(spec as Record<string, unknown>) }
        : undefined;
  const model = object?.["model"];
  const known =
    typeof model === "string" &&
    (model === "markov" || model === "shapley" || (HEURISTIC_MODELS as readonly string[]).includes(model));
  if (object === undefined || !known) {
    issues.push({
      path: object === undefined ? prefix : [...prefix, "model"],
      message: `must be one of ${[...HEURISTIC_MODELS, "markov", "shapley"].map((m) => `"${m}"`).join(", ")}`,
      code: "invalid_model",
    });
    return undefined;
  }
  const label = object["label"];
  delete object["label"];
  if (label !== undefined && (typeof label !== "string" || label === "")) {
    issues.push({ path: [...prefix, "label"], message: "must be a non-empty string", code: "invalid_label" });
    return undefined;
  }
  if ("separator" in object) {
    issues.push({
      path: [...prefix, "separator"],
      message: "set the separator once, in the options of compareAttributionModels",
      code: "invalid_option",
    });
    return undefined;
  }
  if (model === "markov") {
    delete object["model"];
    const checked = checkMarkovOptions(object, prefix);
    if (!checked.ok) return void issues.push(...checked.issues);
    const o = checked.value;
    const order = o.order ?? 1;
    return {
      label: (label as string | undefined) ?? (order === 1 ? "markov" : `markov (order ${order})`),
      run: (t) => runMarkov(t.aggregated(), o),
    };
  }
  if (model === "shapley") {
    delete object["model"];
    const checked = checkShapleyOptions(object, prefix);
    if (!checked.ok) return void issues.push(...checked.issues);
    const o = checked.value;
    const game = typeof o.valueFunction === "function" ? "custom" : (o.valueFunction ?? "conversions");
    const suffix = [o.method, game === "conversions" ? undefined : game].filter((x) => x !== undefined).join(", ");
    return {
      label: (label as string | undefined) ?? (suffix === "" ? "shapley" : `shapley (${suffix})`),
      run: (t) => runShapley(t.aggregated(), o),
    };
  }
  const checked = checkHeuristicOptions(object, prefix);
  if (!checked.ok) return void issues.push(...checked.issues);
  const o = checked.value;
  const needsRows = o.model === "time-decay" || o.model === "w-shaped";
  const defaultLabel = o.model === "linear" && o.per === "channel" ? "linear (per channel)" : o.model;
  return {
    label: (label as string | undefined) ?? defaultLabel,
    run: (t) => runHeuristic(needsRows ? t.rows() : t.aggregated(), o, "compareAttributionModels"),
  };
}
