/**
 * The mSPRT flags shared by `monitor --method msprt` and `analyze --sequential`.
 *
 * @packageDocumentation
 */
import type { MsprtOptions } from "../../sequential/index.js";
import { type FlagSpec, type FlagValues, numberFlag } from "../args.js";
import { type FlagMap, UsageError } from "../errors.js";
import { compact } from "./planning.js";

/** `--max-n`: planned units per arm (the gsd information scale of `monitor`, the mSPRT plan). */
export const MAX_N_FLAG: FlagSpec = {
  name: "max-n",
  type: "string",
  value: "N",
  help: "planned units per arm at the last look",
};

/** The flags of the mSPRT mixture. */
export const MSPRT_FLAGS: readonly FlagSpec[] = [
  { name: "mixing-variance", type: "string", value: "TAU2", help: "msprt: variance of the mixture over the effect" },
  {
    name: "planned-variance",
    type: "string",
    value: "V",
    help: "msprt: per-pair variance sd_C^2 + sd_T^2 planned (with --max-n)",
  },
  {
    name: "baseline",
    type: "string",
    value: "RATE",
    help: "msprt on conversion rates: planned variance 2p(1-p) from the baseline rate (with --max-n)",
  },
];

/** The mSPRT options the flags ask for, and the map from option to flag for error messages. */
export function msprtOptions(values: FlagValues, alpha: number | undefined): { options: MsprtOptions; flags: FlagMap } {
  let plannedVariance = numberFlag(values, "planned-variance");
  const baseline = numberFlag(values, "baseline", { percent: true });
  if (baseline !== undefined) {
    if (plannedVariance !== undefined) throw new UsageError("--baseline and --planned-variance cannot be combined");
    if (!(baseline > 0 && baseline < 1)) throw new UsageError(`--baseline: must be a rate in (0, 1) (got ${baseline})`);
    plannedVariance = 2 * baseline * (1 - baseline);
  }
  const options = compact({
    mixingVariance: numberFlag(values, "mixing-variance"),
    plannedSampleSize: numberFlag(values, "max-n"),
    plannedVariance,
    alpha,
  });
  const flags: FlagMap = {
    mixingVariance: "--mixing-variance",
    plannedSampleSize: "--max-n",
    plannedVariance: baseline === undefined ? "--planned-variance" : "--baseline",
    alpha: "--alpha",
  };
  return { options, flags };
}
