/**
 * Multi-touch attribution: which channels earned the conversions.
 *
 * @remarks
 * Journeys (aggregated path rows or event-level data via {@link buildJourneys}, CSV via
 * {@link parseJourneys}) go into rule-based models ({@link heuristicAttribution}), the Markov
 * removal-effect model computed exactly ({@link markovAttribution}, its order chosen by
 * {@link chooseMarkovOrder}), Shapley values
 * ({@link shapleyAttribution}), or all of them side by side ({@link compareAttributionModels}).
 * Channel names are arbitrary strings; results list channels as arrays of `{ channel, … }` in order
 * of first appearance.
 *
 * @packageDocumentation
 */
export {
  type BuildJourneysOptions,
  buildJourneys,
  type TouchEvent,
} from "./buildJourneys.js";
export {
  type ChooseMarkovOrderOptions,
  chooseMarkovOrder,
  type MarkovOrderChoice,
  type MarkovOrderScore,
} from "./chooseMarkovOrder.js";
export {
  type AttributionComparison,
  type AttributionModelSpec,
  type ChannelComparison,
  type CompareAttributionModelsOptions,
  compareAttributionModels,
  type ModelLabel,
} from "./compareAttributionModels.js";
export {
  type HeuristicAttributionOptions,
  type HeuristicAttributionResult,
  type HeuristicModel,
  heuristicAttribution,
} from "./heuristicAttribution.js";
export {
  type MarkovAttributionOptions,
  type MarkovAttributionResult,
  type MarkovChannelCredit,
  type MarkovState,
  type MarkovTransition,
  markovAttribution,
} from "./markovAttribution.js";
export { type ParseJourneysOptions, parseJourneys } from "./parseJourneys.js";
export {
  type ShapleyAttributionOptions,
  type ShapleyAttributionResult,
  type ShapleyChannelCredit,
  type ShapleyValueFunction,
  shapleyAttribution,
} from "./shapleyAttribution.js";
export type { AttributionResult, ChannelCredit, Journey, JourneyMilestones } from "./types.js";
