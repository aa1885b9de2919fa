import * as z from "zod/mini";
import { count, openUnitInterval, parseArguments } from "../internal/validate.js";

const FN = "sprt";

const counts = z.union([count(), z.array(count(), { error: "must be an array of integers >= 0" })], {
  error: "must be an integer >= 0 or an array of such integers",
});

const schema = z.object({
  options: z
    .strictObject(
      {
        p0: openUnitInterval(),
        p1: openUnitInterval(),
        alpha: z.optional(openUnitInterval()),
        beta: z.optional(openUnitInterval()),
        successes: counts,
        trials: counts,
      },
      { error: "must be an options object { p0, p1, alpha?, beta?, successes, trials }" },
    )
    .check(
      z.superRefine((o, ctx) => {
        const push = (path: string, message: string): void => {
          ctx.issues.push({ code: "custom", message, path: [path], input: o });
        };
        if (o.p0 === o.p1) push("p1", "must differ from p0");
        if ((o.alpha ?? 0.05) + (o.beta ?? 0.2) >= 1) push("beta", "alpha + beta must be < 1");
        const s = typeof o.successes === "number" ? [o.successes] : o.successes;
        const n = typeof o.trials === "number" ? [o.trials] : o.trials;
        if (typeof o.successes !== typeof o.trials || s.length !== n.length) {
          push("successes", "must have the same shape as trials");
          return;
        }
        if (s.length === 0) push("trials", "must have at least one look");
        for (let i = 0; i < s.length; i++) {
          if (s[i]! > n[i]!) push("successes", "must be <= trials at every look");
          if (i > 0 && (n[i]! < n[i - 1]! || s[i]! < s[i - 1]!)) push("trials", "must be cumulative (non-decreasing)");
        }
      }),
    ),
});

/**
 * Options of {@link sprt}.
 *
 * @public
 */
export interface SprtOptions {
  /** Rate under H0, in (0, 1). */
  readonly p0: number;
  /** Rate under H1, in (0, 1), different from p0. */
  readonly p1: number;
  /**
   * Type I error target.
   * @defaultValue 0.05
   */
  readonly alpha?: number;
  /**
   * Type II error target (alpha + beta < 1).
   * @defaultValue 0.2
   */
  readonly beta?: number;
  /** Successes so far: a count, or cumulative counts at each look. */
  readonly successes: number | readonly number[];
  /** Trials so far: a count, or cumulative counts at each look (same shape as `successes`). */
  readonly trials: number | readonly number[];
}

/** A straight line x = intercept + slope·n in the (trials, successes) plane. @public */
export interface SprtLine {
  /** Successes at n = 0. */
  readonly intercept: number;
  /** Successes per trial. */
  readonly slope: number;
}

/** The SPRT at one look. @public */
export interface SprtLook {
  /** Cumulative trials. */
  readonly trials: number;
  /** Cumulative successes. */
  readonly successes: number;
  /** ln of the likelihood ratio of H1 to H0. */
  readonly logLikelihoodRatio: number;
  /** "reject" (for H1) when ≥ the upper threshold, "accept" (H0) when ≤ the lower one, else "continue". */
  readonly decision: "reject" | "accept" | "continue";
}

/** Result of {@link sprt}. @public */
export interface SprtResult {
  /** The procedure in words. */
  readonly method: string;
  /** Echoed. */
  readonly p0: number;
  /** Echoed. */
  readonly p1: number;
  /** Echoed. */
  readonly alpha: number;
  /** Echoed. */
  readonly beta: number;
  /** A = ln((1 − β)/α): reject H0 when the log-likelihood ratio reaches it. */
  readonly upperThreshold: number;
  /** B = ln(β/(1 − α)): accept H0 when the log-likelihood ratio falls to it. */
  readonly lowerThreshold: number;
  /**
   * Rejection line in (trials, successes): reject when successes ≥ it (p1 > p0) or ≤ it (p1 < p0).
   */
  readonly rejectionBoundary: SprtLine;
  /** Acceptance line: accept H0 when successes ≤ it (p1 > p0) or ≥ it (p1 < p0). */
  readonly acceptanceBoundary: SprtLine;
  /** Every look, in order. */
  readonly looks: readonly SprtLook[];
  /** Decision at the first look that crossed a threshold, else "continue". */
  readonly decision: "reject" | "accept" | "continue";
  /** That look (1-based), or null. */
  readonly stoppedAtLook: number | null;
}

/**
 * Wald's sequential probability ratio test for a rate (Bernoulli trials), with its linear boundaries.
 *
 * @remarks
 * For x successes in n trials, H0: p = p0 against H1: p = p1,
 *
 * ```math
 * \Lambda_n = x\ln\frac{p_1}{p_0} + (n - x)\ln\frac{1-p_1}{1-p_0},\qquad
 * A = \ln\frac{1-\beta}{\alpha},\quad B = \ln\frac{\beta}{1-\alpha};
 * ```
 *
 * reject H0 when Λ_n ≥ A, accept it when Λ_n ≤ B, otherwise continue. With a = ln((1 − p1)/(1 − p0)) and
 * b = ln(p1/p0) − a the thresholds are the lines x = A/b + s·n and x = B/b + s·n, s = −a/b.
 *
 * Method: closed forms (log1p-free ratios are exact enough here: the thresholds are themselves Wald's
 * approximations, overshoot ignored). The true error rates satisfy α′ ≤ α/(1 − β) and β′ ≤ β/(1 − α) and are
 * usually below nominal; integer or truncated boundaries need exact operating characteristics (gsDesign
 * `gsBinomialExact`). Conforms to gsDesign `binomialSPRT` (defaults p0 = 0.05, p1 = 0.25, α = 0.1, β = 0.15:
 * x ≥ 1.159408 + 0.128067n, x ≤ −0.970708 + 0.128067n).
 *
 * @reference Wald, Abraham. 1945. "Sequential Tests of Statistical Hypotheses." _Annals of Mathematical
 * Statistics_ 16 (2): 117–86. doi:10.1214/aoms/1177731118
 *
 * @param options - See {@link SprtOptions}.
 * @returns An {@link SprtResult}.
 * @throws {@link InvalidArgumentError} if a rate is outside (0, 1), p1 = p0, alpha + beta ≥ 1, successes exceed
 * trials, or the counts are not cumulative.
 *
 * @example
 * ```ts
 * const r = sprt({ p0: 0.05, p1: 0.25, alpha: 0.1, beta: 0.15, successes: [1, 4], trials: [10, 20] });
 * r.rejectionBoundary; // ≈ { intercept: 1.1594, slope: 0.12807 }
 * r.decision;          // "reject" (4 ≥ 1.1594 + 0.12807·20)
 * r.stoppedAtLook;     // 2
 * ```
 * @public
 */
export function sprt(options: SprtOptions): SprtResult {
  const o = parseArguments(FN, schema, { options }).options;
  const alpha = o.alpha ?? 0.05;
  const beta = o.beta ?? 0.2;
  const { p0, p1 } = o;
  const upper = Math.log((1 - beta) / alpha);
  const lower = Math.log(beta / (1 - alpha));
  const a = Math.log((1 - p1) / (1 - p0));
  const b = Math.log(p1 / p0) - a;
  const slope = -a / b;
  const successes = typeof o.successes === "number" ? [o.successes] : o.successes;
  const trials = typeof o.trials === "number" ? [o.trials] : o.trials;
  const looks: SprtLook[] = [];
  let stoppedAtLook: number | null = null;
  let decision: SprtResult["decision"] = "continue";
  for (let i = 0; i < trials.length; i++) {
    const x = successes[i]!;
    const n = trials[i]!;
    const llr = x * Math.log(p1 / p0) + (n - x) * a;
    const d: SprtLook["decision"] = llr >= upper ? "reject" : llr <= lower ? "accept" : "continue";
    if (d !== "continue" && stoppedAtLook === null) {
      stoppedAtLook = i + 1;
      decision = d;
    }
    looks.push({ trials: n, successes: x, logLikelihoodRatio: llr, decision: d });
  }
  return {
    method: "Wald sequential probability ratio test for a rate",
    p0,
    p1,
    alpha,
    beta,
    upperThreshold: upper,
    lowerThreshold: lower,
    rejectionBoundary: { intercept: upper / b, slope },
    acceptanceBoundary: { intercept: lower / b, slope },
    looks,
    decision,
    stoppedAtLook,
  };
}
