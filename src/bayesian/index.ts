/**
 * Bayesian A/B analysis: exact Beta–Binomial comparisons and the normal model on the lift.
 *
 * @packageDocumentation
 */
export type { BayesianMeanData } from "./armData.js";
export {
  type ArmRisk,
  type BayesianMeanArm,
  type BayesianMeansOptions,
  type BayesianMeansResult,
  bayesianMeans,
  type NormalPrior,
} from "./bayesianMeans.js";
export {
  type BayesianProportionsOptions,
  type BayesianProportionsResult,
  type BetaPosteriorArm,
  type BetaPrior,
  bayesianProportions,
  type PosteriorEffect,
  type ProportionExpectedLoss,
} from "./bayesianProportions.js";
export {
  type BestArm,
  type NormalPosterior,
  type ProbabilityToBeBestOptions,
  type ProbabilityToBeBestResult,
  probabilityToBeBest,
} from "./probabilityToBeBest.js";
