import * as z from "zod/mini";
import { betaQuantile } from "../distributions/beta.js";
import { count, openUnitInterval, parseArguments } from "../internal/validate.js";
import type { ConfidenceInterval } from "../types.js";
import { criticalValue, standardNormal, wilsonBounds } from "./shared.js";

const NAME = "proportionConfidenceInterval";

/**
 * How {@link proportionConfidenceInterval} builds the interval.
 *
 * @public
 */
export type ProportionIntervalMethod = "wilson" | "agresti-coull" | "clopper-pearson" | "jeffreys" | "wald";

const schema = z
  .object({
    successes: count(),
    trials: count().check(z.gte(1, { error: "must be >= 1" })),
    options: z.strictObject(
      {
        method: z.optional(
          z.enum(["wilson", "agresti-coull", "clopper-pearson", "jeffreys", "wald"], {
            error: 'must be "wilson", "agresti-coull", "clopper-pearson", "jeffreys" or "wald"',
          }),
        ),
        confidenceLevel: z.optional(openUnitInterval()),
      },
      { error: "must be an object of known options" },
    ),
  })
  .check(z.refine((d) => !(d.successes > d.trials), { error: "must be <= trials", path: ["successes"] }));

/**
 * Options of {@link proportionConfidenceInterval}.
 *
 * @public
 */
export interface ProportionConfidenceIntervalOptions {
  /**
   * The interval: `"wilson"` (score), `"agresti-coull"`, `"clopper-pearson"` (exact), `"jeffreys"`
   * (equal-tailed Beta(x + ½, n − x + ½) posterior interval) or `"wald"` (normal approximation).
   * @defaultValue `"wilson"`
   */
  readonly method?: ProportionIntervalMethod;
  /**
   * Coverage of the two-sided interval, in (0, 1).
   * @defaultValue 0.95
   */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link proportionConfidenceInterval}.
 *
 * @public
 */
export interface ProportionConfidenceIntervalResult {
  /** The method in words, e.g. `"Wilson score interval"`. */
  readonly method: string;
  /** The method's key, as asked. */
  readonly intervalMethod: ProportionIntervalMethod;
  /** Successes, as given. */
  readonly successes: number;
  /** Trials, as given. */
  readonly trials: number;
  /** successes / trials. */
  readonly estimate: number;
  /** The two-sided interval, within [0, 1]. */
  readonly confidenceInterval: ConfidenceInterval;
}

const WORDS: Readonly<Record<ProportionIntervalMethod, string>> = {
  wilson: "Wilson score interval",
  "agresti-coull": "Agresti–Coull interval",
  "clopper-pearson": "Clopper–Pearson exact interval",
  jeffreys: "Jeffreys interval",
  wald: "Wald (normal approximation) interval",
};

/**
 * Confidence interval for a binomial proportion (a conversion rate) by five classical methods.
 *
 * @remarks
 * With p̂ = x/n, z = Φ⁻¹((1 + level)/2) and α = 1 − level:
 *
 * ```math
 * \text{Wilson: } \frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}{1 + z^2/n},\qquad
 * \text{Agresti–Coull: } \tilde p \pm z\sqrt{\frac{\tilde p(1-\tilde p)}{\tilde n}},\ \tilde n = n + z^2,\ \tilde p = \frac{x + z^2/2}{\tilde n}
 * ```
 *
 * ```math
 * \text{Clopper–Pearson: } \big[B^{-1}(\tfrac{\alpha}{2}; x, n-x+1),\ B^{-1}(1-\tfrac{\alpha}{2}; x+1, n-x)\big],\qquad
 * \text{Jeffreys: } \big[B^{-1}(\tfrac{\alpha}{2}; x+\tfrac12, n-x+\tfrac12),\ B^{-1}(1-\tfrac{\alpha}{2}; x+\tfrac12, n-x+\tfrac12)\big]
 * ```
 *
 * and Wald `p̂ ± z·sqrt(p̂(1 − p̂)/n)`. Method: closed forms with the normal quantile; the exact and
 * Jeffreys bounds from the Beta quantile. Wald and Agresti–Coull are clipped to [0, 1]
 * (as statsmodels); Clopper–Pearson and Jeffreys put the lower bound at 0 when x = 0 and the upper at 1
 * when x = n (Brown, Cai and DasGupta 2001; statsmodels does this for Clopper–Pearson only). Wilson
 * is recommended (Brown et al.); Wald collapses to a point at x = 0 or x = n.
 *
 * Conforms to statsmodels `proportion_confint` (methods `wilson`, `agresti_coull`, `beta`, `jeffreys`,
 * `normal`), R `binom.test(x, n)$conf.int` (Clopper–Pearson) and `prop.test(x, n, correct = FALSE)$conf.int`
 * (Wilson); fixtures in `test/fixtures/significance/proportionConfidenceInterval/`.
 *
 * @reference Brown, L. D., T. T. Cai, and A. DasGupta. 2001. "Interval Estimation for a Binomial
 * Proportion." _Statistical Science_ 16 (2): 101–33. doi:10.1214/ss/1009213286
 * @reference Clopper, C. J., and E. S. Pearson. 1934. "The Use of Confidence or Fiducial Limits
 * Illustrated in the Case of the Binomial." _Biometrika_ 26 (4): 404–13. doi:10.1093/biomet/26.4.404
 * @reference Wilson, E. B. 1927. "Probable Inference, the Law of Succession, and Statistical Inference."
 * _Journal of the American Statistical Association_ 22 (158): 209–12. doi:10.1080/01621459.1927.10502953
 *
 * @param successes - Number of successes x, an integer in [0, trials].
 * @param trials - Number of trials n, an integer >= 1.
 * @param options - See {@link ProportionConfidenceIntervalOptions}.
 * @returns A {@link ProportionConfidenceIntervalResult} with `estimate` = x/n.
 * @throws {@link InvalidArgumentError} if a count is negative or fractional, successes > trials,
 * trials is 0, or an option is out of range.
 *
 * @example
 * ```ts
 * const r = proportionConfidenceInterval(42, 104); // Wilson, 95 %
 * r.estimate;           // ≈ 0.40385
 * r.confidenceInterval; // ≈ { lower: 0.31460, upper: 0.49994, level: 0.95 }
 * proportionConfidenceInterval(42, 104, { method: "clopper-pearson" }).confidenceInterval;
 * // ≈ { lower: 0.30875, upper: 0.50457, level: 0.95 }
 * ```
 * @see {@link compareProportions}
 * @since 0.1.0
 * @public
 */
export function proportionConfidenceInterval(
  successes: number,
  trials: number,
  options: ProportionConfidenceIntervalOptions = {},
): ProportionConfidenceIntervalResult {
  const args = parseArguments(NAME, schema, { successes, trials, options });
  const method = args.options.method ?? "wilson";
  const level = args.options.confidenceLevel ?? 0.95;
  const x = args.successes;
  const n = args.trials;
  const estimate = x / n;
  const alphaHalf = (1 - level) / 2;
  let lower: number;
  let upper: number;
  if (method === "clopper-pearson" || method === "jeffreys") {
    const shift = method === "jeffreys" ? 0.5 : 0;
    lower = x === 0 ? 0 : betaQuantile(alphaHalf, x + shift, n - x + 1 - shift);
    upper = x === n ? 1 : betaQuantile(1 - alphaHalf, x + 1 - shift, n - x + shift);
  } else {
    const q = criticalValue("two-sided", level, standardNormal);
    if (method === "wilson") {
      ({ lower, upper } = wilsonBounds(x, n, q));
    } else {
      const nTilde = method === "agresti-coull" ? n + q * q : n;
      const center = method === "agresti-coull" ? (x + (q * q) / 2) / nTilde : estimate;
      const half = q * Math.sqrt((center * (1 - center)) / nTilde);
      lower = Math.max(0, center - half);
      upper = Math.min(1, center + half);
    }
  }
  return {
    method: WORDS[method],
    intervalMethod: method,
    successes: x,
    trials: n,
    estimate,
    confidenceInterval: { lower, upper, level },
  };
}
