/**
 * Public data types of the attribution area: the journey record every model reads and the result
 * shape every model returns.
 *
 * @packageDocumentation
 */

/**
 * Indices (0-based, into the journey's touches) of the B2B milestone touches used by the
 * `"w-shaped"` model.
 *
 * @public
 */
export interface JourneyMilestones {
  /** Index of the touch that created the lead. */
  readonly leadCreation: number;
  /** Index of the touch that created the opportunity; must be >= `leadCreation`. */
  readonly opportunityCreation: number;
}

/**
 * One journey, or an aggregate of identical journeys (the "path table" of ChannelAttribution,
 * Google "top conversion paths" and most exports).
 *
 * @remarks
 * A string `path` is split on the `separator` option (default `">"`, any length); every channel
 * name, from a string or an array, is trimmed of surrounding whitespace and must not be empty.
 * Channel names are arbitrary strings (`"__proto__"`, `"constructor"`, spaces, slashes and
 * non-Latin scripts are ordinary names). Counts may be fractional weights but must be finite and
 * non-negative. Rows with `conversions + nulls = 0` contribute nothing.
 *
 * @public
 */
export interface Journey {
  /** Touches in time order: an array of channel names or one string joined by the separator. */
  readonly path: readonly string[] | string;
  /** Converting journeys with exactly this path (finite, >= 0). */
  readonly conversions: number;
  /** Summed conversion value (revenue) of those conversions (finite, >= 0; 0 when `conversions` is 0). */
  readonly value?: number;
  /** Journeys with this path that did not convert (finite, >= 0). */
  readonly nulls?: number;
  /**
   * Timestamp of each touch in milliseconds since the epoch (or `Date`), one per touch; needed by
   * `"time-decay"`.
   */
  readonly times?: readonly (number | Date)[];
  /** Time of the conversion (milliseconds or `Date`); defaults to the time of the last touch. */
  readonly conversionTime?: number | Date;
  /** Milestone touches for the `"w-shaped"` model. */
  readonly milestones?: JourneyMilestones;
}

/**
 * Credit earned by one channel.
 *
 * @public
 */
export interface ChannelCredit {
  /** The channel name, as given (trimmed). */
  readonly channel: string;
  /** Conversions attributed to the channel. */
  readonly conversions: number;
  /** Conversion value attributed to the channel. */
  readonly value: number;
  /** `conversions / totalConversions` (0 when there are no conversions). */
  readonly share: number;
}

/**
 * Fields shared by every attribution result.
 *
 * @remarks
 * `channels` lists every channel seen in the input (null-only paths included) in order of first
 * appearance; credits sum to `totalConversions` and `totalValue` (efficiency) up to rounding.
 *
 * @public
 */
export interface AttributionResult {
  /** The model, as named in the options (`"linear"`, `"markov"`, `"shapley"`, …). */
  readonly model: string;
  /** The model and its conventions in words. */
  readonly method: string;
  /** One entry per channel, in order of first appearance in the input. */
  readonly channels: readonly ChannelCredit[];
  /** Σ conversions over the input. */
  readonly totalConversions: number;
  /** Σ value over the input. */
  readonly totalValue: number;
  /** Remarks about the data (no conversions, no nulls, …); empty when there is nothing to say. */
  readonly notes: readonly string[];
}
