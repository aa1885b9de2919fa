import { describe, expect, it } from "vitest";
import { bayesianMeans, bayesianProportions } from "../../src/bayesian/index.js";
import { msprt } from "../../src/sequential/index.js";
import {
  adjustPValues,
  compareMeans,
  compareProportions,
  sampleRatioMismatchTest,
} from "../../src/significance/index.js";
import { cli, cliJson, example, fixture, viaJson } from "./support.js";

const control = { visitors: 24978, conversions: 1249 };
const checkout = { visitors: 25125, conversions: 1404 };
const onePage = { visitors: 24897, conversions: 1281 };

describe("experiment-stats analyze (conversion rates)", () => {
  it("prints the arms, the comparisons and the readout", async () => {
    const r = await cli("analyze", example("conversions.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Comparison with control");
    expect(r.stdout).toMatch(/new-checkout\s+25,125\s+1,404\s+5\.59 %/);
    expect(r.stdout).toContain(
      "new-checkout converts 5.59 % vs 5.00 % for control (+11.8 %, 95 % CI +3.5 % to +20.0 %), p = 0.0033.",
    );
  });

  it("--json carries compareProportions for every arm against the control", async () => {
    const out = await cliJson("analyze", example("conversions.csv"));
    expect(out["kind"]).toBe("proportions");
    expect(out["control"]).toBe("control");
    expect(out["arms"]).toEqual([
      { variant: "control", ...control },
      { variant: "new-checkout", ...checkout },
      { variant: "one-page", ...onePage },
    ]);
    expect(out["comparisons"]).toEqual([
      { variant: "new-checkout", result: viaJson(compareProportions(control, checkout)) },
      { variant: "one-page", result: viaJson(compareProportions(control, onePage)) },
    ]);
  });

  it("passes the test options through", async () => {
    const out = await cliJson(
      "analyze",
      example("conversions.csv"),
      ...["--alternative", "greater", "--confidence", "90%", "--test", "z-unpooled", "--interval", "newcombe"],
    );
    const options = { alternative: "greater", confidenceLevel: 0.9, test: "z-unpooled", interval: "newcombe" } as const;
    expect((out["comparisons"] as { result: unknown }[])[0]!.result).toEqual(
      viaJson(compareProportions(control, checkout, options)),
    );
  });

  it("--control picks the control arm", async () => {
    const out = await cliJson("analyze", example("conversions.csv"), "--control", "one-page");
    expect(out["control"]).toBe("one-page");
    expect((out["comparisons"] as { variant: string }[]).map((c) => c.variant)).toEqual(["control", "new-checkout"]);
    const r = await cli("analyze", example("conversions.csv"), "--control", "nope");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--control: ");
    expect(r.stderr).toContain('has no variant named "nope" (variants: control, new-checkout, one-page)');
  });

  it("--correction holm adjusts the p-values of the comparisons", async () => {
    const out = await cliJson("analyze", example("conversions.csv"), "--correction", "holm");
    const p = [compareProportions(control, checkout).pValue, compareProportions(control, onePage).pValue];
    const adjusted = adjustPValues(p, "holm");
    expect(out["correction"]).toEqual(viaJson(adjusted));
    expect((out["comparisons"] as { adjustedPValue: number }[]).map((c) => c.adjustedPValue)).toEqual(
      adjusted.adjustedPValues,
    );
    expect((await cli("analyze", example("conversions.csv"), "--correction", "holm")).stdout).toContain("p (holm)");
    const bad = await cli("analyze", example("conversions.csv"), "--correction", "tukey");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--correction: must be one of holm, bonferroni");
  });

  it("--srm checks the split against --weights", async () => {
    const out = await cliJson("analyze", example("conversions.csv"), "--srm");
    expect(out["srm"]).toEqual(viaJson(sampleRatioMismatchTest([24978, 25125, 24897], [1, 1, 1])));
    const weighted = await cliJson(
      "analyze",
      example("conversions.csv"),
      "--weights",
      "50,25,25",
      "--srm-threshold",
      "0.01",
    );
    expect(weighted["srm"]).toEqual(
      viaJson(sampleRatioMismatchTest([24978, 25125, 24897], [50, 25, 25], { threshold: 0.01 })),
    );
    const text = (await cli("analyze", example("conversions.csv"), "--weights", "50,25,25")).stdout;
    expect(text).toContain("MISMATCH");
    expect(text).toContain("Sample ratio mismatch: p = ");
    const bad = await cli("analyze", example("conversions.csv"), "--weights", "50,50");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--weights: needs one weight per arm (3), got 2");
    const neg = await cli("analyze", example("conversions.csv"), "--weights", "1,1,-1");
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain("--weights: ");
    expect(neg.stderr).toContain("(sampleRatioMismatchTest)");
  });

  it("--bayesian adds bayesianProportions for every arm", async () => {
    const out = await cliJson("analyze", example("conversions.csv"), "--bayesian");
    expect(out["bayesian"]).toEqual([
      { variant: "new-checkout", result: viaJson(bayesianProportions(control, checkout)) },
      { variant: "one-page", result: viaJson(bayesianProportions(control, onePage)) },
    ]);
    expect((await cli("analyze", example("conversions.csv"), "--bayesian")).stdout).toContain("chance to beat control");
  });

  it("--sequential adds msprt on the file as the latest look", async () => {
    const out = await cliJson(
      "analyze",
      example("conversions.csv"),
      "--sequential",
      "--max-n",
      "30000",
      "--baseline",
      "5%",
    );
    const plan = { plannedSampleSize: 30000, plannedVariance: 2 * 0.05 * 0.95 };
    expect(out["sequential"]).toEqual([
      { variant: "new-checkout", result: viaJson(msprt([{ control, treatment: checkout }], plan)) },
      { variant: "one-page", result: viaJson(msprt([{ control, treatment: onePage }], plan)) },
    ]);
    const tau = await cliJson(
      "analyze",
      example("conversions.csv"),
      "--sequential",
      "--mixing-variance",
      "1e-5",
      "--confidence",
      "90%",
    );
    expect((tau["sequential"] as { result: unknown }[])[0]!.result).toEqual(
      viaJson(msprt([{ control, treatment: checkout }], { mixingVariance: 1e-5, alpha: 0.1 })),
    );
    expect(
      (await cli("analyze", example("conversions.csv"), "--sequential", "--mixing-variance", "1e-5")).stdout,
    ).toContain("Always-valid readout (mSPRT) against control");
    const none = await cli("analyze", example("conversions.csv"), "--sequential");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "--mixing-variance: is required unless plannedSampleSize and plannedVariance are given",
    );
    const stray = await cli("analyze", example("conversions.csv"), "--max-n", "30000");
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("--max-n applies to --sequential");
  });

  it("reads other delimiters, CRLF line ends and quoted names", async () => {
    const out = await cliJson("analyze", fixture("semicolon.csv"), "--delimiter", ";");
    expect((out["comparisons"] as { variant: string }[])[0]!.variant).toBe("new; checkout");
    const bad = await cli("analyze", fixture("semicolon.csv"), "--delimiter", ";;");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--delimiter: must be one character");
    const bom = await cli("analyze", fixture("semicolon.csv"), "--delimiter", "\uFEFF");
    expect(bom.code).toBe(2);
    expect(bom.stderr).toContain("other than a quote, a line break or a byte-order mark");
  });

  it("writes markdown and CSV tables", async () => {
    const md = (await cli("analyze", example("conversions.csv"), "--format", "markdown")).stdout;
    expect(md).toContain("### Comparison with control");
    expect(md).toContain("| variant | difference | 95 % CI |");
    const csv = (await cli("analyze", example("conversions.csv"), "--format", "csv")).stdout;
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("variant,visitors,conversions,rate");
    expect(lines[1]).toBe(`control,24978,1249,${1249 / 24978}`);
    const r = compareProportions(control, checkout);
    expect(lines).toContain(
      "variant,difference,95 % CI lower,95 % CI upper,relative lift,95 % CI of lift lower,95 % CI of lift upper,p-value",
    );
    expect(lines).toContain(
      [
        "new-checkout",
        r.difference.estimate,
        r.difference.confidenceInterval.lower,
        r.difference.confidenceInterval.upper,
        r.relativeLift.estimate,
        r.relativeLift.confidenceInterval.lower,
        r.relativeLift.confidenceInterval.upper,
        r.pValue,
      ].join(","),
    );
    const oneSided = (await cli("analyze", example("conversions.csv"), "--alternative", "greater", "--format", "csv"))
      .stdout;
    expect(oneSided).toMatch(/^new-checkout,[^,]+,[^,]+,Infinity,/m);
  });
});

describe("experiment-stats analyze (means)", () => {
  const c = { n: 8012, mean: 23.41, sd: 41.8 };
  const t = { n: 7988, mean: 24.92, sd: 43.1 };

  it("--json carries compareMeans and bayesianMeans", async () => {
    const out = await cliJson("analyze", example("revenue.csv"), "--bayesian");
    expect(out["kind"]).toBe("means");
    expect(out["comparisons"]).toEqual([{ variant: "bundle-offer", result: viaJson(compareMeans(c, t)) }]);
    expect(out["bayesian"]).toEqual([{ variant: "bundle-offer", result: viaJson(bayesianMeans(c, t)) }]);
    const student = await cliJson("analyze", example("revenue.csv"), "--equal-variance");
    expect((student["comparisons"] as { result: unknown }[])[0]!.result).toEqual(
      viaJson(compareMeans(c, t, { equalVariance: true })),
    );
    expect((await cli("analyze", example("revenue.csv"))).stdout).toContain("bundle-offer averages 24.92 vs 23.41");
  });

  it("rejects the options of the other layout", async () => {
    expect((await cli("analyze", example("revenue.csv"), "--test", "yates")).stderr).toContain(
      "--test applies to conversion rates, not to means",
    );
    expect((await cli("analyze", example("conversions.csv"), "--equal-variance")).stderr).toContain(
      "--equal-variance applies to means",
    );
  });
});

describe("experiment-stats analyze errors", () => {
  const cases: [string, string][] = [
    ["bad-visitors.csv", 'bad-visitors.csv: line 3, column "visitors": must be a whole number >= 1 (got "1000.5")'],
    [
      "conversions-exceed.csv",
      'conversions-exceed.csv: line 3, column "conversions": must be <= visitors (1200 > 1000)',
    ],
    ["missing-column.csv", 'missing-column.csv: column "conversions" not found in the header (variant, visitors)'],
    ["short-row.csv", "short-row.csv: line 3: has 2 fields, the header (line 1) has 3"],
    ["duplicate-variant.csv", 'duplicate-variant.csv: line 3, column "variant": "control" already appears on line 2'],
    ["unterminated-quote.csv", "unterminated-quote.csv: line 2: unterminated quoted field"],
    ["one-arm.csv", "one-arm.csv: needs at least two arms (a control and a treatment)"],
    ["header-only.csv", "header-only.csv: no data rows under the header"],
    ["negative-sd.csv", 'negative-sd.csv: line 2, column "sd": must be a finite number >= 0 (got "-3")'],
  ];
  for (const [file, message] of cases) {
    it(`${file}: names the file, row and column and exits 1`, async () => {
      const r = await cli("analyze", fixture(file));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("reports degenerate data from the library with the file and the arm", async () => {
    const r = await cli("analyze", fixture("zero-control.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero-control\.csv: treatment: compareProportions: /);
  });

  it("a missing file, a folder, no file and two files", async () => {
    const missing = await cli("analyze", fixture("nope.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.csv: no such file");
    const folder = await cli("analyze", fixture(""));
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("is a directory, not a file");
    const none = await cli("analyze");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("needs the results file (RESULTS.csv)");
    const two = await cli("analyze", example("conversions.csv"), example("revenue.csv"));
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("takes one input file");
  });

  it("a file in neither layout", async () => {
    const r = await cli("analyze", example("paths.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('column "variant" not found in the header');
  });
});
