import { describe, expect, it } from "vitest";
import { compareAttributionModels } from "../../src/attribution/compareAttributionModels.js";
import { heuristicAttribution } from "../../src/attribution/heuristicAttribution.js";
import { markovAttribution } from "../../src/attribution/markovAttribution.js";
import { shapleyAttribution } from "../../src/attribution/shapleyAttribution.js";
import { bayesianMeans } from "../../src/bayesian/bayesianMeans.js";
import { bayesianProportions } from "../../src/bayesian/bayesianProportions.js";
import { probabilityToBeBest } from "../../src/bayesian/probabilityToBeBest.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { experimentDuration } from "../../src/power/experimentDuration.js";
import { mdeTwoProportions } from "../../src/power/mdeTwoProportions.js";
import { powerByWeek } from "../../src/power/powerByWeek.js";
import { powerTwoMeans } from "../../src/power/powerTwoMeans.js";
import { powerTwoProportions } from "../../src/power/powerTwoProportions.js";
import { sampleSizeTwoMeans } from "../../src/power/sampleSizeTwoMeans.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { formatResult, type ReportableResult, recognizeResult } from "../../src/report/index.js";
import { confidenceSequence } from "../../src/sequential/confidenceSequence.js";
import { evanMillerSequentialTest } from "../../src/sequential/evanMillerSequentialTest.js";
import { groupSequentialAnalysis } from "../../src/sequential/groupSequentialAnalysis.js";
import { groupSequentialDesign } from "../../src/sequential/groupSequentialDesign.js";
import { msprt } from "../../src/sequential/msprt.js";
import { sprt } from "../../src/sequential/sprt.js";
import { adjustPValues } from "../../src/significance/adjustPValues.js";
import { chiSquareTest } from "../../src/significance/chiSquareTest.js";
import { compareMeans } from "../../src/significance/compareMeans.js";
import { compareProportions } from "../../src/significance/compareProportions.js";
import { compareRatios } from "../../src/significance/compareRatios.js";
import { fisherExactTest } from "../../src/significance/fisherExactTest.js";
import { mannWhitneyUTest } from "../../src/significance/mannWhitneyUTest.js";
import { proportionConfidenceInterval } from "../../src/significance/proportionConfidenceInterval.js";
import { sampleRatioMismatchTest } from "../../src/significance/sampleRatioMismatchTest.js";

const control = { visitors: 10000, conversions: 500 };
const treatment = { visitors: 10000, conversions: 560 };
const journeys = [
  { path: "Search > Email", conversions: 10, nulls: 5, value: 500 },
  { path: "Social", conversions: 3, nulls: 20, value: 90 },
  { path: "Search > Social > Email", conversions: 4, nulls: 6, value: 120.5 },
];
const ratioControl = {
  n: 1000,
  numeratorSum: 5200,
  numeratorSumSquares: 91000,
  denominatorSum: 2500,
  denominatorSumSquares: 8100,
  crossSum: 20500,
};
const ratioTreatment = {
  n: 1000,
  numeratorSum: 5750,
  numeratorSumSquares: 104000,
  denominatorSum: 2520,
  denominatorSumSquares: 8200,
  crossSum: 22500,
};

const text = (r: ReportableResult): string => formatResult(r, { format: "text" });

describe("formatResult: documented example", () => {
  it("reads out compareProportions as a person would", () => {
    const r = compareProportions(control, treatment);
    expect(formatResult(r).split("\n")[3]).toBe(
      "Treatment converts 5.6 % vs 5.0 % (+12.0 %, 95 % CI -1.1 % to +25.1 %), p = 0.058.",
    );
  });
});

describe("formatResult (text) of real results", () => {
  it("compareProportions", () => {
    expect(text(compareProportions(control, treatment))).toMatchInlineSnapshot(`
      "Conversion rate: treatment vs control
      =====================================

      Treatment converts 5.6 % vs 5.0 % (+12.0 %, 95 % CI -1.1 % to +25.1 %), p = 0.058.
      Difference +0.60 pp (95 % CI -0.02 pp to +1.22 pp).
      Not significant at α = 0.05.

      Arm        Visitors  Conversions   Rate
      ---------  --------  -----------  -----
      Control      10,000          500  5.0 %
      Treatment    10,000          560  5.6 %

      Effect         Estimate               95 % CI  p-value
      -------------  --------  --------------------  -------
      Difference     +0.60 pp  -0.02 pp to +1.22 pp    0.058
      Relative lift   +12.0 %     -1.1 % to +25.1 %    0.074

      Notes:
      - Two-sample z-test of proportions (pooled variance; Pearson chi-square without continuity correction); z = 1.894.
      - Test: two-sided, H0: difference = 0 pp.
      - Interval for the difference: wald; for the relative lift: delta.
      "
    `);
  });
  it("compareProportions, one-sided with p < 0.0001", () => {
    const r = compareProportions(
      { visitors: 100000, conversions: 5000 },
      { visitors: 100000, conversions: 5600 },
      { alternative: "greater", interval: "newcombe" },
    );
    expect(text(r)).toMatchInlineSnapshot(`
      "Conversion rate: treatment vs control
      =====================================

      Treatment converts 5.60 % vs 5.00 % (+12.0 %, 95 % CI +8.5 % to ∞), p < 0.0001.
      Difference +0.60 pp (95 % CI +0.44 pp to ∞).
      Significant at α = 0.05.

      Arm        Visitors  Conversions    Rate
      ---------  --------  -----------  ------
      Control     100,000        5,000  5.00 %
      Treatment   100,000        5,600  5.60 %

      Effect         Estimate        95 % CI   p-value
      -------------  --------  -------------  --------
      Difference     +0.60 pp  +0.44 pp to ∞  < 0.0001
      Relative lift   +12.0 %    +8.5 % to ∞  < 0.0001

      Notes:
      - Two-sample z-test of proportions (pooled variance; Pearson chi-square without continuity correction); z = 5.989.
      - Test: one-sided (treatment greater than control), H0: difference = 0 pp.
      - Interval for the difference: newcombe; for the relative lift: delta.
      "
    `);
  });
  it("compareMeans (Welch)", () => {
    expect(text(compareMeans({ n: 1000, mean: 10, sd: 3 }, { n: 1000, mean: 10.4, sd: 3.1 }))).toMatchInlineSnapshot(`
      "Mean: treatment vs control
      ==========================

      Treatment mean 10.40 vs 10.00 (+4.0 %, 95 % CI +1.3 % to +6.7 %), p = 0.0034.
      Difference +0.40 (95 % CI +0.13 to +0.67), t = 2.932, df = 1,996.
      Significant at α = 0.05.

      Arm            n   Mean    SD
      ---------  -----  -----  ----
      Control    1,000  10.00  3.00
      Treatment  1,000  10.40  3.10

      Effect         Estimate           95 % CI  p-value
      -------------  --------  ----------------  -------
      Difference        +0.40    +0.13 to +0.67   0.0034
      Relative lift    +4.0 %  +1.3 % to +6.7 %   0.0041

      Notes:
      - Welch two-sample t-test.
      - Test: two-sided, H0: difference = 0.
      - Interval for the relative lift: delta.
      "
    `);
  });
  it("compareMeans with CUPED", () => {
    const y0 = [3, 5, 4, 6, 5, 7, 6, 8, 4, 5];
    const x0 = [2.5, 4.8, 3.9, 5.5, 5.2, 6.4, 5.8, 7.9, 3.6, 4.9];
    const y1 = [4, 6, 5, 7, 6, 8, 7, 9, 5, 6];
    const x1 = [2.6, 4.7, 4.1, 5.6, 5.0, 6.6, 5.9, 7.8, 3.7, 5.0];
    const r = compareMeans({ values: y0, covariate: x0 }, { values: y1, covariate: x1 });
    expect(text(r)).toMatchInlineSnapshot(`
      "Mean: treatment vs control
      ==========================

      Treatment mean 6.30 vs 5.30 (+17.9 %, 95 % CI +12.6 % to +23.3 %), p < 0.0001.
      Difference +0.95 (95 % CI +0.74 to +1.16), t = 9.740, df = 16.94.
      CUPED removed 97.9 % of the variance (θ = 0.991); unadjusted difference +1.0 (95 % CI -0.4 to +2.4).
      Significant at α = 0.05.

      Arm         n  Mean    SD  CUPED-adjusted mean
      ---------  --  ----  ----  -------------------
      Control    10  5.30  1.49                 0.30
      Treatment  10  6.30  1.49                 1.25

      Effect         Estimate             95 % CI   p-value
      -------------  --------  ------------------  --------
      Difference        +0.95      +0.74 to +1.16  < 0.0001
      Relative lift   +17.9 %  +12.6 % to +23.3 %  < 0.0001

      Notes:
      - Welch two-sample t-test with CUPED regression adjustment (pooled theta).
      - Test: two-sided, H0: difference = 0.
      - Interval for the relative lift: delta.
      "
    `);
  });
  it("compareRatios", () => {
    expect(text(compareRatios(ratioControl, ratioTreatment))).toMatchInlineSnapshot(`
      "Ratio metric: treatment vs control
      ==================================

      Treatment ratio 2.28 vs 2.08 (+9.7 %, 95 % CI -1.8 % to +21.2 %), p = 0.082.
      Difference +0.20 (95 % CI -0.03 to +0.43), z = 1.739.
      Not significant at α = 0.05.

      Arm        Units  Ratio  Numerator per unit  Denominator per unit
      ---------  -----  -----  ------------------  --------------------
      Control    1,000   2.08               5.200                 2.500
      Treatment  1,000   2.28               5.750                 2.520

      Effect         Estimate            95 % CI  p-value
      -------------  --------  -----------------  -------
      Difference        +0.20     -0.03 to +0.43    0.082
      Relative lift    +9.7 %  -1.8 % to +21.2 %    0.097

      Notes:
      - Delta-method Welch t-test for a ratio metric.
      - Test: two-sided, H0: difference = 0.
      - Interval for the relative lift: delta.
      "
    `);
  });
  it("chiSquareTest", () => {
    expect(
      text(
        chiSquareTest([
          [10, 20],
          [30, 25],
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "Chi-square test of independence
      ===============================

      X² = 2.706, df = 1, p = 0.09996.

      Expected counts
             Column 1  Column 2
      -----  --------  --------
      Row 1     14.12     15.88
      Row 2     25.88     29.12

      Standardized residuals
             Column 1  Column 2
      -----  --------  --------
      Row 1     -1.87     +1.87
      Row 2     +1.87     -1.87

      Notes:
      - Pearson's chi-square test of independence with Yates' continuity correction.
      "
    `);
  });
  it("sampleRatioMismatchTest, with and without a mismatch", () => {
    expect(text(sampleRatioMismatchTest([5000, 5200], [1, 1]))).toMatchInlineSnapshot(`
      "Sample ratio mismatch check
      ===========================

      No sample ratio mismatch at the 0.001 threshold (p = 0.048).
      Observed split 49.02 % / 50.98 % vs designed 50.00 % / 50.00 %; X² = 3.922, df = 1.

      Arm    Observed  Expected  Observed share  Designed share
      -----  --------  --------  --------------  --------------
      Arm 1     5,000     5,100         49.02 %         50.00 %
      Arm 2     5,200     5,100         50.98 %         50.00 %

      Notes:
      - Chi-square goodness-of-fit test for sample ratio mismatch.
      "
    `);
    expect(text(sampleRatioMismatchTest([50000, 51500, 49000], [1, 1, 1]))).toMatchInlineSnapshot(`
      "Sample ratio mismatch check
      ===========================

      Sample ratio mismatch: p < 0.0001 is below the 0.001 threshold; check the assignment before reading the results.
      Observed split 33.22 % / 34.22 % / 32.56 % vs designed 33.33 % / 33.33 % / 33.33 %; X² = 63.123, df = 2.

      Arm    Observed  Expected  Observed share  Designed share
      -----  --------  --------  --------------  --------------
      Arm 1    50,000  50,166.7         33.22 %         33.33 %
      Arm 2    51,500  50,166.7         34.22 %         33.33 %
      Arm 3    49,000  50,166.7         32.56 %         33.33 %

      Notes:
      - Chi-square goodness-of-fit test for sample ratio mismatch.
      "
    `);
  });
  it("adjustPValues", () => {
    expect(text(adjustPValues([0.01, 0.04, 0.03, 0.00001], "holm"))).toMatchInlineSnapshot(`
      "Adjusted p-values
      =================

      Holm step-down (family-wise error rate): 4 p-values adjusted.

      Test  Adjusted p-value
      ----  ----------------
      1                0.030
      2                0.060
      3                0.060
      4             < 0.0001

      Notes:
      - Adjustment: holm.
      "
    `);
  });
  it("proportionConfidenceInterval", () => {
    expect(text(proportionConfidenceInterval(45, 1000))).toMatchInlineSnapshot(`
      "Proportion
      ==========

      45 of 1,000: 4.5 % (95 % CI 3.4 % to 6.0 %).

      Notes:
      - Wilson score interval.
      "
    `);
  });
  it("fisherExactTest and mannWhitneyUTest (generic test readout)", () => {
    expect(
      text(
        fisherExactTest([
          [3, 1],
          [1, 3],
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "Fisher's exact test for a 2 × 2 table (conditional maximum-likelihood odds ratio)
      =================================================================================

      Estimate 6.41 (95 % CI 0.212 to 626), p = 0.49.

      Notes:
      - Fisher's exact test for a 2 × 2 table (conditional maximum-likelihood odds ratio).
      - Test: two-sided, H0 value 1.
      "
    `);
    expect(text(mannWhitneyUTest([1.1, 2.3, 3.2, 4.8, 5.5], [2.1, 3.9, 5.2, 6.3, 7.7, 8.1]))).toMatchInlineSnapshot(`
      "Mann–Whitney U test (exact null distribution)
      =============================================

      Estimate 2.40 (95 % CI -1.10 to 5.40), statistic 23, p = 0.18.
      P(treatment value > control value) = 76.7 %.

      Notes:
      - Mann–Whitney U test (exact null distribution).
      - Test: two-sided.
      "
    `);
  });
  it("sampleSizeTwoProportions", () => {
    expect(text(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 }))).toMatchInlineSnapshot(`
      "Sample size: two proportions
      ============================

      Needs 31,234 visitors per arm (62,468 in total over 2 arms) to detect a +10 % relative change (5 % → 5.5 %, +0.5 pp) with 80 % power at α = 0.05, two-sided.
      Power at these sizes: 80.0 %.

      Design                  Value
      ------------------  ---------
      Baseline rate             5 %
      Treatment rate          5.5 %
      Relative effect         +10 %
      Absolute effect       +0.5 pp
      Power                    80 %
      Control units          31,234
      Treatment units        31,234
      Total units            62,468
      Alpha                    0.05
      Alternative         two-sided
      Exact control size   31,233.4

      Notes:
      - Two-sample z-test of proportions (pooled variance under H0) power calculation.
      - n is per arm: nControl in the control, nTreatment in the treatment; nTotal counts both.
      "
    `);
  });
  it("powerTwoProportions and mdeTwoProportions with three arms", () => {
    expect(
      text(
        powerTwoProportions({
          baselineRate: 0.05,
          mde: 0.1,
          nControl: 20000,
          treatmentArms: 2,
          multipleComparison: "bonferroni",
        }),
      ),
    ).toMatchInlineSnapshot(`
      "Plan: two proportions
      =====================

      With 20,000 visitors per arm (60,000 in total over 3 arms), a +10 % relative change (5 % → 5.5 %, +0.5 pp) is detected with 50.0 % power at α = 0.05 (0.025 per comparison, bonferroni), two-sided.

      Design                        Value
      -----------------------  ----------
      Baseline rate                   5 %
      Treatment rate                5.5 %
      Relative effect               +10 %
      Absolute effect             +0.5 pp
      Power                        50.0 %
      Control units                20,000
      Units per treatment arm      20,000
      Total units                  60,000
      Alpha                          0.05
      Alternative               two-sided
      Treatment arms                    2
      Correction               bonferroni
      Alpha per comparison          0.025

      Notes:
      - Two-sample z-test of proportions (pooled variance under H0) power calculation.
      - n is per arm: nControl in the control, nTreatment in each of the 2 treatment arms; nTotal counts all arms.
      "
    `);
    expect(text(mdeTwoProportions({ baselineRate: 0.05, nControl: 20000 }))).toMatchInlineSnapshot(`
      "Plan: two proportions
      =====================

      With 20,000 visitors per arm (40,000 in total over 2 arms), a +12.57 % relative change (5 % → 5.628 %, +0.6284 pp) is detected with 80 % power at α = 0.05, two-sided.

      Design                Value
      ---------------  ----------
      Baseline rate           5 %
      Treatment rate      5.628 %
      Relative effect    +12.57 %
      Absolute effect  +0.6284 pp
      Power                  80 %
      Control units        20,000
      Treatment units      20,000
      Total units          40,000
      Alpha                  0.05
      Alternative       two-sided

      Notes:
      - Two-sample z-test of proportions (pooled variance under H0) power calculation.
      - n is per arm: nControl in the control, nTreatment in the treatment; nTotal counts both.
      "
    `);
  });
  it("sampleSizeTwoMeans and powerTwoMeans", () => {
    expect(
      text(sampleSizeTwoMeans({ sd: 10, mde: 0.05, baselineMean: 20, mdeType: "relative" })),
    ).toMatchInlineSnapshot(`
      "Sample size: two means
      ======================

      Needs 1,571 units per arm (3,142 in total over 2 arms) to detect a difference of +1 (+0.1 sd, +5 % of the baseline mean) with 80 % power at α = 0.05, two-sided.
      Power at these sizes: 80.0 %.

      Design                   Value
      -------------------  ---------
      Baseline mean               20
      Standard deviation          10
      Absolute effect             +1
      Relative effect           +5 %
      Standardized effect       +0.1
      Power                     80 %
      Control units            1,571
      Treatment units          1,571
      Total units              3,142
      Alpha                     0.05
      Alternative          two-sided
      Exact control size    1,570.73

      Notes:
      - Two-sample t-test power calculation (noncentral t).
      - n is per arm: nControl in the control, nTreatment in the treatment; nTotal counts both.
      "
    `);
    expect(text(powerTwoMeans({ sd: 10, mde: 1, nControl: 1000, allocationRatio: 2 }))).toMatchInlineSnapshot(`
      "Plan: two means
      ===============

      With 1,000 units in the control and 2,000 in the treatment (3,000 in total), a difference of +1 (+0.1 sd) is detected with 73.3 % power at α = 0.05, two-sided.

      Design                                Value
      --------------------------------  ---------
      Standard deviation                       10
      Absolute effect                          +1
      Standardized effect                    +0.1
      Power                                73.3 %
      Control units                         1,000
      Treatment units                       2,000
      Total units                           3,000
      Alpha                                  0.05
      Alternative                       two-sided
      Allocation (treatment / control)          2

      Notes:
      - Two-sample t-test power calculation (noncentral t).
      - n is per arm: nControl in the control, nTreatment in the treatment; nTotal counts both.
      "
    `);
  });
  it("experimentDuration", () => {
    const plan = sampleSizeTwoProportions({ baselineRate: 0.1, mde: 0.2 });
    expect(text(experimentDuration({ sampleSize: plan, dailyUnits: 1000, trafficShare: 0.5 }))).toMatchInlineSnapshot(`
      "Experiment duration
      ===================

      Run for 16 days (3 full weeks): 7,682 units at 500 a day.

      Quantity                Value
      ----------------------  -----
      Units needed            7,682
      Eligible units per day  1,000
      Traffic share            50 %
      Units enrolled per day    500
      Days (exact)            15.36
      Days                       16
      Weeks                       3

      Notes:
      - Assumes steady traffic and units that enter once; run whole weeks so every weekday counts equally.
      "
    `);
  });
  it("powerByWeek", () => {
    const table = powerByWeek({
      weeklyUnits: 4500,
      treatmentArms: 2,
      weeks: 5,
      metrics: [
        { name: "signup", kind: "proportions", baselineRate: 0.1, mde: 0.1 },
        { name: "revenue", kind: "means", sd: 2, mde: 0.1 },
      ],
    });
    expect(text(table)).toMatchInlineSnapshot(`
      "Power by week
      =============

      signup does not reach 80 % power within 5 weeks (51.5 % by week 5).
      revenue reaches 80 % power in week 5 (7,500 units per control arm).

      Week  Control units  Total units  signup power  signup MDE  revenue power  revenue MDE
      ----  -------------  -----------  ------------  ----------  -------------  -----------
      1             1,500        4,500        14.5 %     +32.8 %         27.8 %      +0.2047
      2             3,000        9,000        24.4 %     +22.8 %         49.1 %      +0.1447
      3             4,500       13,500        34.0 %     +18.4 %         66.0 %      +0.1181
      4             6,000       18,000        43.1 %     +15.9 %         78.2 %      +0.1023
      5             7,500       22,500        51.5 %     +14.1 %         86.5 %     +0.09151

      Notes:
      - 4,500 units a week over 3 arms, α = 0.05, two-sided; power against each metric's effect, MDE at 80 % power.
      - signup: Two-sample z-test of proportions (pooled variance under H0) power calculation.
      - revenue: Two-sample t-test power calculation (noncentral t).
      "
    `);
  });
  it("bayesianProportions", () => {
    expect(text(bayesianProportions(control, treatment))).toMatchInlineSnapshot(`
      "Conversion rate: treatment vs control (Bayesian)
      ================================================

      P(treatment better) = 97.1 %; treatment converts 5.6 % vs 5.0 % (posterior means).
      Relative lift +12.2 % (95 % credible interval -0.4 % to +25.9 %); difference +0.60 pp (-0.02 pp to +1.22 pp).
      Expected loss of shipping the treatment 0.0036 pp, of keeping the control 0.60 pp.

      Arm        Visitors  Conversions  Posterior mean  95 % credible interval  Expected loss
      ---------  --------  -----------  --------------  ----------------------  -------------
      Control      10,000          500           5.0 %          4.6 % to 5.4 %        0.60 pp
      Treatment    10,000          560           5.6 %          5.2 % to 6.1 %      0.0036 pp

      Notes:
      - Beta-Binomial model with a Beta(1, 1) prior; P(treatment better) by adaptive Gauss-Kronrod quadrature, credible intervals by quadrature.
      - Prior Beta(1, 1) on each arm's rate.
      "
    `);
  });
  it("bayesianMeans", () => {
    expect(text(bayesianMeans({ n: 1000, mean: 10, sd: 3 }, { n: 1000, mean: 10.4, sd: 3.1 }))).toMatchInlineSnapshot(`
      "Relative lift of the mean: treatment vs control (Bayesian)
      ==========================================================

      Chance to win 99.80 %; relative lift +4.0 % (95 % credible interval +1.3 % to +6.7 %).
      Risk of shipping the treatment 0.00082 %, of keeping the control 4.0 %.

      Arm            n   Mean     SD
      ---------  -----  -----  -----
      Control    1,000  10.00  3.000
      Treatment  1,000  10.40  3.100

      Notes:
      - Normal model on the relative lift (delta method), improper flat prior.
      "
    `);
  });
  it("probabilityToBeBest, conversions and normal posteriors", () => {
    const arms = [
      { visitors: 1000, conversions: 100 },
      { visitors: 1000, conversions: 120 },
      { visitors: 1000, conversions: 110 },
    ];
    expect(text(probabilityToBeBest(arms))).toMatchInlineSnapshot(`
      "Probability to be best
      ======================

      Arm 2 is most likely the best: 72.7 % (expected loss 0.23 pp).

      Arm    Posterior mean  P(best)  Expected loss
      -----  --------------  -------  -------------
      Arm 1         10.08 %    4.6 %         2.2 pp
      Arm 2         12.08 %   72.7 %        0.23 pp
      Arm 3         11.08 %   22.7 %         1.2 pp

      Notes:
      - Beta posteriors (Beta(1, 1) prior); P(best) and expected loss by composite Gauss-Legendre quadrature.
      - Prior Beta(1, 1) on each arm's rate.
      - Arms are numbered in the order given.
      "
    `);
    expect(
      text(
        probabilityToBeBest([
          { mean: 10, sd: 0.2 },
          { mean: 10.3, sd: 0.25 },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      "Probability to be best
      ======================

      Arm 2 is most likely the best: 82.6 % (expected loss 0.030).

      Arm    Posterior mean  P(best)  Expected loss
      -----  --------------  -------  -------------
      Arm 1           10.00   17.4 %           0.33
      Arm 2           10.30   82.6 %          0.030

      Notes:
      - Normal posteriors; P(best) and expected loss by composite Gauss-Legendre quadrature.
      - Arms are numbered in the order given.
      "
    `);
  });
  it("groupSequentialDesign, with futility", () => {
    expect(text(groupSequentialDesign({ kMax: 3 }))).toMatchInlineSnapshot(`
      "Group sequential design
      =======================

      3 looks, one-sided α = 0.025, power 80 %.
      Maximum sample size 1.01 × the fixed design; expected 0.866 × under the alternative, 1.01 × under H0.

      Look  Information  Efficacy bound (z)  Nominal p  Cumulative alpha  Cumulative power
      ----  -----------  ------------------  ---------  ----------------  ----------------
      1          33.3 %               3.710   0.000104          0.000104             1.9 %
      2          66.7 %               2.511    0.00601           0.00605            41.7 %
      3         100.0 %               1.993     0.0231            0.0250            80.0 %

      Notes:
      - Group sequential design, alpha spending (O'Brien–Fleming type).
      - Information and sample sizes are fractions of the fixed design with the same alpha and power.
      "
    `);
    expect(text(groupSequentialDesign({ kMax: 3, futility: { family: "pocock" } }))).toMatchInlineSnapshot(`
      "Group sequential design
      =======================

      3 looks, one-sided α = 0.025, power 80 %.
      Maximum sample size 1.24 × the fixed design; expected 0.919 × under the alternative, 0.578 × under H0.

      Look  Information  Efficacy bound (z)  Nominal p  Cumulative alpha  Futility bound (z)  Cumulative power
      ----  -----------  ------------------  ---------  ----------------  ------------------  ----------------
      1          33.3 %               3.710   0.000104          0.000104               0.466             2.8 %
      2          66.7 %               2.511    0.00601           0.00605               1.318            51.1 %
      3         100.0 %               1.993     0.0231            0.0250                                80.0 %

      Notes:
      - Group sequential design, alpha spending (O'Brien–Fleming type), non-binding futility by beta spending (Pocock type).
      - Information and sample sizes are fractions of the fixed design with the same alpha and power.
      - Futility bounds are non-binding.
      "
    `);
  });
  it("groupSequentialAnalysis: continuing and stopping", () => {
    const design = groupSequentialDesign({ kMax: 3 });
    expect(text(groupSequentialAnalysis(design, { zStatistics: [1.2, 2.0] }))).toMatchInlineSnapshot(`
      "Group sequential analysis
      =========================

      Continue after look 2 (z = 2.000, efficacy bound 2.511).

      Look  Information      z  Efficacy bound  Futility bound  Decision  Repeated p
      ----  -----------  -----  --------------  --------------  --------  ----------
      1          33.3 %  1.200           3.710                  continue        0.36
      2          66.7 %  2.000           2.511                  continue       0.064

      Notes:
      - Group sequential analysis (group sequential design, alpha spending (O'Brien–Fleming type)).
      - One-sided α = 0.025.
      "
    `);
    expect(
      text(groupSequentialAnalysis(design, { zStatistics: [1.2, 2.9], standardErrors: [0.02, 0.014] })),
    ).toMatchInlineSnapshot(`
      "Group sequential analysis
      =========================

      Stop for efficacy at look 2 (z = 2.900, bound 2.511): reject H0.
      Final inference at look 2: p = 0.0019 (stagewise ordering), median-unbiased estimate +0.041, 95 % CI +0.013 to +0.068.

      Look  Information      z  Efficacy bound  Futility bound   Decision  Repeated p       Repeated CI
      ----  -----------  -----  --------------  --------------  ---------  ----------  ----------------
      1          33.3 %  1.200           3.710                   continue        0.36  -0.050 to +0.098
      2          66.7 %  2.900           2.511                  reject H0       0.011  +0.005 to +0.076

      Notes:
      - Group sequential analysis (group sequential design, alpha spending (O'Brien–Fleming type)).
      - One-sided α = 0.025.
      "
    `);
  });
  it("msprt", () => {
    const looks = [
      { control: { visitors: 1000, conversions: 50 }, treatment: { visitors: 1000, conversions: 62 } },
      { control: { visitors: 2000, conversions: 100 }, treatment: { visitors: 2000, conversions: 135 } },
    ];
    expect(text(msprt(looks, { mixingVariance: 0.0001 }))).toMatchInlineSnapshot(`
      "Mixture sequential probability ratio test
      =========================================

      Continue: always-valid p = 0.28 after 2 looks.
      Estimate +0.018 (95 % CI, always valid, -0.007 to +0.042).

      Look  Estimate       SE  Likelihood ratio  Always-valid p           95 % CI  Rejected
      ----  --------  -------  ----------------  --------------  ----------------  --------
      1       +0.012   0.0103             0.998               1  -0.026 to +0.050        no
      2       +0.018  0.00743              3.56            0.28  -0.007 to +0.042        no

      Notes:
      - Mixture sequential probability ratio test (normal mixture, two-sided).
      - α = 0.05, H0: effect = 0, mixing variance τ² = 0.0001.
      "
    `);
  });
  it("confidenceSequence", () => {
    expect(
      text(confidenceSequence({ estimate: 0.01, standardError: 0.004, sampleSize: 20000 })),
    ).toMatchInlineSnapshot(`
      "Confidence sequence
      ===================

      Estimate +0.010 (95 % confidence sequence -0.003 to +0.023), always-valid p = 0.28.

      Quantity                   Value
      -----------------------  -------
      Estimate                  +0.010
      Standard error           0.00400
      Sample size               20,000
      Tuning sample size N*      5,000
      Multiplier (replaces z)    3.127

      Notes:
      - Asymptotic normal-mixture confidence sequence (two-sided, N* = 5000).
      - Test: two-sided, H0: effect = 0.
      "
    `);
  });
  it("sprt and evanMillerSequentialTest", () => {
    expect(
      text(sprt({ p0: 0.05, p1: 0.25, alpha: 0.1, beta: 0.15, successes: [1, 4], trials: [10, 20] })),
    ).toMatchInlineSnapshot(`
      "Sequential probability ratio test
      =================================

      Reject H0 (accept H1) at look 2.
      H0: rate 5 % vs H1: rate 25 %, α = 0.1, β = 0.15.

      Look  Trials  Successes  Log-likelihood ratio   Decision
      ----  ------  ---------  --------------------  ---------
      1         10          1                -0.518   continue
      2         20          4                 2.656  reject H0

      Notes:
      - Wald sequential probability ratio test for a rate.
      "
    `);
    expect(
      text(evanMillerSequentialTest({ maxConversions: 1000, treatmentConversions: 40, controlConversions: 20 })),
    ).toMatchInlineSnapshot(`
      "Sequential A/B test (Evan Miller)
      =================================

      Stop for the treatment when its conversions lead the control's by 62; stop with no winner when the two together reach 1,000.
      Decision: continue.

      Quantity                    Value
      ------------------------  -------
      Target alpha (one-sided)     0.05
      Attained alpha            0.04998
      Threshold d                    62
      Maximum conversions N       1,000

      Notes:
      - Evan Miller's sequential A/B test (one-sided, conversions only).
      "
    `);
  });
  it("attribution results", () => {
    expect(text(heuristicAttribution(journeys, { model: "linear" }))).toMatchInlineSnapshot(`
      "Attribution by channel
      ======================

      17 conversions worth 710.50 credited across 3 channels (linear).
      Largest share: Search with 6.333 (37.3 %).

      Channel  Conversions   Share   Value
      -------  -----------  ------  ------
      Search         6.333  37.3 %  290.17
      Email          6.333  37.3 %  290.17
      Social         4.333  25.5 %  130.17

      Notes:
      - Linear attribution (equal credit per touch).
      "
    `);
    expect(text(markovAttribution(journeys))).toMatchInlineSnapshot(`
      "Attribution by channel
      ======================

      17 conversions worth 710.50 credited across 3 channels (markov).
      Largest share: Email with 7.082 (41.7 %).
      Conversion probability from the start: 35.4 %.

      Channel  Conversions   Share   Value  Removal effect
      -------  -----------  ------  ------  --------------
      Search         5.568  32.8 %  235.32          64.7 %
      Email          7.082  41.7 %  307.55          82.4 %
      Social          4.35  25.6 %  167.63          50.6 %

      Notes:
      - Markov chain attribution, order 1, removal effects computed exactly (absorbing chain).
      "
    `);
    expect(text(shapleyAttribution(journeys))).toMatchInlineSnapshot(`
      "Attribution by channel
      ======================

      17 conversions worth 710.50 credited across 3 channels (shapley).
      Largest share: Search with 6.333 (37.3 %).

      Channel  Conversions   Share   Value  Shapley value
      -------  -----------  ------  ------  -------------
      Search         6.333  37.3 %  290.17          6.333
      Email          6.333  37.3 %  290.17          6.333
      Social         4.333  25.5 %  130.17          4.333

      Notes:
      - Shapley value attribution (Zhao et al. simplified closed form).
      "
    `);
  });
  it("compareAttributionModels", () => {
    expect(text(compareAttributionModels(journeys, ["first-touch", "linear", "markov"]))).toMatchInlineSnapshot(`
      "Attribution by model
      ====================

      17 conversions credited across 3 channels by 3 models: first-touch, linear, markov.

      Conversions credited (share)
      Channel  first-touch          linear          markov
      -------  -----------  --------------  --------------
      Search   14 (82.4 %)  6.333 (37.3 %)  5.568 (32.8 %)
      Email      0 (0.0 %)  6.333 (37.3 %)  7.082 (41.7 %)
      Social    3 (17.6 %)  4.333 (25.5 %)   4.35 (25.6 %)

      Notes:
      - first-touch: First-touch attribution (all credit to the first touch).
      - linear: Linear attribution (equal credit per touch).
      - markov: Markov chain attribution, order 1, removal effects computed exactly (absorbing chain).
      "
    `);
  });
});

describe("formatResult (markdown and html)", () => {
  it("renders compareProportions as Markdown", () => {
    expect(formatResult(compareProportions(control, treatment), { format: "markdown" })).toMatchInlineSnapshot(`
      "**Conversion rate: treatment vs control**

      Treatment converts 5.6 % vs 5.0 % (+12.0 %, 95 % CI -1.1 % to +25.1 %), p = 0.058.  
      Difference +0.60 pp (95 % CI -0.02 pp to +1.22 pp).  
      Not significant at α = 0.05.

      | Arm | Visitors | Conversions | Rate |
      | :-- | --: | --: | --: |
      | Control | 10,000 | 500 | 5.0 % |
      | Treatment | 10,000 | 560 | 5.6 % |

      | Effect | Estimate | 95 % CI | p-value |
      | :-- | --: | --: | --: |
      | Difference | +0.60 pp | -0.02 pp to +1.22 pp | 0.058 |
      | Relative lift | +12.0 % | -1.1 % to +25.1 % | 0.074 |

      - Two-sample z-test of proportions (pooled variance; Pearson chi-square without continuity correction); z = 1.894.
      - Test: two-sided, H0: difference = 0 pp.
      - Interval for the difference: wald; for the relative lift: delta.
      "
    `);
  });
  it("renders compareProportions as HTML", () => {
    expect(formatResult(compareProportions(control, treatment), { format: "html" })).toMatchInlineSnapshot(`
      "<div class="experiment-stats-report">
      <p><strong>Conversion rate: treatment vs control</strong></p>
      <p>Treatment converts 5.6 % vs 5.0 % (+12.0 %, 95 % CI -1.1 % to +25.1 %), p = 0.058.<br>
      Difference +0.60 pp (95 % CI -0.02 pp to +1.22 pp).<br>
      Not significant at α = 0.05.</p>
      <table>
      <thead><tr><th style="text-align: left">Arm</th><th style="text-align: right">Visitors</th><th style="text-align: right">Conversions</th><th style="text-align: right">Rate</th></tr></thead>
      <tbody>
      <tr><td style="text-align: left">Control</td><td style="text-align: right">10,000</td><td style="text-align: right">500</td><td style="text-align: right">5.0 %</td></tr>
      <tr><td style="text-align: left">Treatment</td><td style="text-align: right">10,000</td><td style="text-align: right">560</td><td style="text-align: right">5.6 %</td></tr>
      </tbody></table>
      <table>
      <thead><tr><th style="text-align: left">Effect</th><th style="text-align: right">Estimate</th><th style="text-align: right">95 % CI</th><th style="text-align: right">p-value</th></tr></thead>
      <tbody>
      <tr><td style="text-align: left">Difference</td><td style="text-align: right">+0.60 pp</td><td style="text-align: right">-0.02 pp to +1.22 pp</td><td style="text-align: right">0.058</td></tr>
      <tr><td style="text-align: left">Relative lift</td><td style="text-align: right">+12.0 %</td><td style="text-align: right">-1.1 % to +25.1 %</td><td style="text-align: right">0.074</td></tr>
      </tbody></table>
      <ul>
      <li>Two-sample z-test of proportions (pooled variance; Pearson chi-square without continuity correction); z = 1.894.</li>
      <li>Test: two-sided, H0: difference = 0 pp.</li>
      <li>Interval for the difference: wald; for the relative lift: delta.</li>
      </ul>
      </div>
      "
    `);
  });

  const nasty = [
    { path: ["<img src=x onerror=alert(1)>", "A | B", "*bold* _it_ [x](y)"], conversions: 3, nulls: 1 },
    { path: ['Tom & "Jerry"', "line\nbreak"], conversions: 2, nulls: 2 },
  ];
  it("escapes arbitrary channel names in HTML", () => {
    const html = formatResult(heuristicAttribution(nasty, { model: "linear" }), { format: "html" });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Tom &amp; &quot;Jerry&quot;");
    const tags = html.match(/<\/?[a-z]+/g) ?? [];
    expect(new Set(tags)).toEqual(
      new Set([
        "<div",
        "<p",
        "<strong",
        "</strong",
        "</p",
        "<br",
        "<table",
        "<thead",
        "<tr",
        "<th",
        "</th",
        "</tr",
        "</thead",
        "<tbody",
        "<td",
        "</td",
        "</tbody",
        "</table",
        "<ul",
        "<li",
        "</li",
        "</ul",
        "</div",
      ]),
    );
  });
  it("escapes arbitrary channel names in Markdown, one table row per channel", () => {
    const md = formatResult(heuristicAttribution(nasty, { model: "linear" }), { format: "markdown" });
    expect(md).toContain("| \\<img src=x onerror=alert(1)\\> |");
    expect(md).toContain("| A \\| B |");
    expect(md).toContain("| \\*bold\\* \\_it\\_ \\[x\\](y) |");
    expect(md).toContain('| Tom \\& "Jerry" |');
    expect(md).toContain("| line break |");
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Channel") && !l.includes(":--"));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
  });
  it("keeps the plain-text table aligned with newlines in channel names", () => {
    const t = formatResult(heuristicAttribution(nasty, { model: "linear" }));
    expect(t).toContain("line break");
    expect(t.split("\n").some((l) => l === "break")).toBe(false);
  });
});

describe("recognizeResult", () => {
  it("documented example", () => {
    expect(
      recognizeResult(compareProportions({ visitors: 1000, conversions: 50 }, { visitors: 1000, conversions: 60 })),
    ).toBe("compare-proportions");
  });
  it("recognises every kind", () => {
    const design = groupSequentialDesign({ kMax: 2 });
    const cases: [unknown, string][] = [
      [sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 }), "two-proportions-plan"],
      [mdeTwoProportions({ baselineRate: 0.05, nControl: 20000 }), "two-proportions-plan"],
      [sampleSizeTwoMeans({ sd: 10, mde: 1 }), "two-means-plan"],
      [experimentDuration({ totalUnits: 100, dailyUnits: 10 }), "experiment-duration"],
      [powerByWeek({ weeklyUnits: 100, metrics: [{ name: "m", kind: "means", sd: 1, mde: 1 }] }), "power-by-week"],
      [compareProportions(control, treatment), "compare-proportions"],
      [compareMeans({ n: 10, mean: 1, sd: 1 }, { n: 10, mean: 2, sd: 1 }), "compare-means"],
      [compareRatios(ratioControl, ratioTreatment), "compare-ratios"],
      [
        chiSquareTest([
          [1, 2],
          [3, 4],
        ]),
        "chi-square-test",
      ],
      [sampleRatioMismatchTest([10, 12], [1, 1]), "sample-ratio-mismatch-test"],
      [adjustPValues([0.1, 0.2], "BH"), "adjust-p-values"],
      [proportionConfidenceInterval(1, 10), "proportion-confidence-interval"],
      [
        fisherExactTest([
          [3, 1],
          [1, 3],
        ]),
        "hypothesis-test",
      ],
      [bayesianProportions(control, treatment), "bayesian-proportions"],
      [bayesianMeans({ n: 10, mean: 1, sd: 1 }, { n: 10, mean: 2, sd: 1 }), "bayesian-means"],
      [probabilityToBeBest([control, treatment]), "probability-to-be-best"],
      [design, "group-sequential-design"],
      [groupSequentialAnalysis(design, { zStatistics: [1] }), "group-sequential-analysis"],
      [msprt([{ control, treatment }], { mixingVariance: 0.001 }), "msprt"],
      [confidenceSequence({ estimate: 1, standardError: 1, sampleSize: 10 }), "confidence-sequence"],
      [sprt({ p0: 0.1, p1: 0.2, successes: 1, trials: 5 }), "sprt"],
      [
        evanMillerSequentialTest({ maxConversions: 100, treatmentConversions: 4, controlConversions: 2 }),
        "evan-miller-sequential-test",
      ],
      [markovAttribution(journeys), "attribution"],
      [compareAttributionModels(journeys, ["linear"]), "attribution-comparison"],
    ];
    for (const [result, kind] of cases) expect(recognizeResult(result), kind).toBe(kind);
  });
  it("recognises results that crossed a JSON round trip (plain data)", () => {
    const r = JSON.parse(JSON.stringify(compareProportions(control, treatment))) as ReportableResult;
    expect(recognizeResult(r)).toBe("compare-proportions");
    expect(formatResult(r)).toBe(formatResult(compareProportions(control, treatment)));
  });
  it("returns undefined for anything else", () => {
    for (const x of [null, undefined, 1, "x", [], {}, { method: "m" }, { pValue: 0.1 }])
      expect(recognizeResult(x)).toBeUndefined();
  });
});

describe("formatResult rejects bad input, naming the function and the field", () => {
  const r = compareProportions(control, treatment);
  it.each([
    [
      "an unknown result",
      () => formatResult({ answer: 42 } as never),
      /^formatResult: result: must be a result of an experiment-stats procedure$/,
    ],
    ["null", () => formatResult(null as never), /^formatResult: result: /],
    [
      "an unknown format",
      () => formatResult(r, { format: "pdf" as never }),
      /^formatResult: options\.format: must be "text", "markdown" or "html"$/,
    ],
    ["an unknown option", () => formatResult(r, { colour: true } as never), /^formatResult: options/],
  ])("%s", (_, run, message) => {
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(message);
  });
});
