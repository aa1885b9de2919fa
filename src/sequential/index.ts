/**
 * Sequential testing: group sequential designs with alpha spending, and always-valid inference.
 *
 * @packageDocumentation
 */
export { type AlphaSpendingOptions, alphaSpending } from "./alphaSpending.js";
export {
  type ConfidenceSequenceOptions,
  type ConfidenceSequenceResult,
  confidenceSequence,
  type ReadoutArmSize,
  type ReadoutEffect,
  type SequentialEstimate,
  type SequentialReadout,
} from "./confidenceSequence.js";
export {
  type EvanMillerOptions,
  type EvanMillerResult,
  evanMillerSequentialTest,
} from "./evanMillerSequentialTest.js";
export {
  type GroupSequentialAnalysisOptions,
  type GroupSequentialAnalysisResult,
  type GroupSequentialDataLook,
  type GroupSequentialFinal,
  type GroupSequentialLook,
  groupSequentialAnalysis,
} from "./groupSequentialAnalysis.js";
export {
  type ClassicalDesign,
  type ExpectedSampleSize,
  type FutilitySpec,
  type GroupSequentialDesign,
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
  type SpendingSpec,
} from "./groupSequentialDesign.js";
export {
  type MsprtArm,
  type MsprtLook,
  type MsprtLookResult,
  type MsprtOptions,
  type MsprtResult,
  msprt,
} from "./msprt.js";
export type { SpendingFamily } from "./spending.js";
export { type SprtLine, type SprtLook, type SprtOptions, type SprtResult, sprt } from "./sprt.js";
