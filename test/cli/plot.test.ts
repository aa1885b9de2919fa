import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bayesianMeans, bayesianProportions } from "../../src/bayesian/index.js";
import { betaPdf } from "../../src/distributions/beta.js";
import { normalPdf } from "../../src/distributions/normal.js";
import { powerTwoMeans, powerTwoProportions, sampleSizeTwoProportions } from "../../src/power/index.js";
import { groupSequentialDesign } from "../../src/sequential/index.js";
import { cli, example, fixture } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "experiment-stats-plot-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a command with `--plot FILE.svg` and returns the SVG written, checking the run succeeded. */
async function plotSvg(name: string, ...argv: string[]): Promise<string> {
  const file = join(dir, `${name}.svg`);
  const r = await cli(...argv, "--plot", file);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`Chart written to ${file}.`);
  const svg = readFileSync(file, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  return svg;
}

/** Runs a command with `--plot FILE.json` and returns the Vega-Lite specification written. */
async function plotSpec(name: string, ...argv: string[]): Promise<{ data: { values: Record<string, unknown>[] } }> {
  const file = join(dir, `${name}.json`);
  const r = await cli(...argv, "--plot", file);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const spec = JSON.parse(readFileSync(file, "utf8")) as {
    $schema: string;
    data: { values: Record<string, unknown>[] };
  };
  expect(spec.$schema).toContain("vega-lite");
  return spec;
}

describe("--plot: charts rendered to SVG", () => {
  it("sample-size and power draw the power curve", async () => {
    const svg = await plotSvg("sample-size", "sample-size", "--baseline", "5%", "--mde", "10%");
    expect(svg).toContain("Units per arm");
    expect(svg).toContain("Power");
    await plotSvg("power", "power", "--sd", "12.5", "--mde", "0.5", "--n", "8000", "--method", "z");
  }, 30_000);

  it("design and monitor draw the boundaries (monitor with the observed z path)", async () => {
    const design = await plotSvg("design", "design", "--looks", "5", "--spending", "obrien-fleming");
    expect(design).toContain("Efficacy bound");
    const monitor = await plotSvg("monitor", "monitor", example("interim.csv"), "--looks", "4", "--max-n", "30000");
    expect(monitor).toContain("Observed z");
  }, 30_000);

  it("analyze --bayesian draws the posterior densities; attribute the credit by model", async () => {
    const rates = await plotSvg("analyze", "analyze", example("conversions.csv"), "--bayesian");
    expect(rates).toContain("Posterior density");
    const means = await plotSvg("revenue", "analyze", example("revenue.csv"), "--bayesian");
    expect(means).toContain("Relative lift");
    const credit = await plotSvg("attribute", "attribute", example("paths.csv"), "--compare");
    expect(credit).toContain("markov");
  }, 30_000);

  it("the plot does not change the printed result", async () => {
    const file = join(dir, "same.svg");
    const plain = await cli("design", "--looks", "3", "--json");
    const plotted = await cli("design", "--looks", "3", "--json", "--plot", file);
    expect(plotted.stdout).toBe(plain.stdout);
  }, 30_000);
});

describe("--plot FILE.json: the chart data computed by the command line", () => {
  it("power curve points are powerTwoProportions at each size, through the planned size", async () => {
    const spec = await plotSpec("curve", "sample-size", "--baseline", "5%", "--mde", "10%");
    const plan = sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
    const points = spec.data.values as { sampleSize: number; power: number }[];
    expect(points.length).toBe(40);
    expect(points[0]!.sampleSize).toBe(Math.round(0.05 * plan.nControl));
    expect(points.at(-1)!.sampleSize).toBe(2 * plan.nControl);
    for (const p of points) {
      expect(p.power).toBe(powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: p.sampleSize }).power);
    }
    const atPlan = points.find((p) => p.sampleSize === plan.nControl);
    expect(atPlan?.power).toBe(plan.achievedPower);
    // increasing in the sample size
    for (let i = 1; i < points.length; i++) expect(points[i]!.power).toBeGreaterThan(points[i - 1]!.power);
  });

  it("power curve of means with an unequal split keeps the ratio", async () => {
    const spec = await plotSpec("curve-means", "power", "--sd", "10", "--mde", "1", "--n", "1000", "--ratio", "2");
    const points = spec.data.values as { sampleSize: number; power: number }[];
    const p = points.find((x) => x.sampleSize === 500)!;
    expect(p.power).toBe(powerTwoMeans({ sd: 10, mde: 1, allocationRatio: 2, nControl: 500 }).power);
  });

  it("posterior densities are betaPdf of each arm's posterior", async () => {
    const spec = await plotSpec("beta", "analyze", example("conversions.csv"), "--bayesian");
    const control = { visitors: 24978, conversions: 1249 };
    const posteriors = {
      control: bayesianProportions(control, control).control.posterior,
      "new-checkout": bayesianProportions(control, { visitors: 25125, conversions: 1404 }).treatment.posterior,
      "one-page": bayesianProportions(control, { visitors: 24897, conversions: 1281 }).treatment.posterior,
    };
    const values = spec.data.values as { arm: keyof typeof posteriors; x: number; density: number }[];
    expect(values.length).toBe(3 * 201);
    expect(new Set(values.map((v) => v.arm))).toEqual(new Set(Object.keys(posteriors)));
    for (const v of values.filter((_, i) => i % 37 === 0)) {
      const post = posteriors[v.arm];
      expect(v.density).toBe(betaPdf(v.x, post.alpha, post.beta));
    }
  });

  it("posterior of an effect on a mean is normalPdf with the posterior mean and sd", async () => {
    const spec = await plotSpec("normal", "analyze", example("revenue.csv"), "--bayesian");
    const values = spec.data.values as { arm: string; x: number; density: number }[];
    const arms = readFileSync(example("revenue.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(","));
    const [c, t] = arms as [string[], string[]];
    const r = bayesianMeans(
      { n: Number(c[1]), mean: Number(c[2]), sd: Number(c[3]) },
      { n: Number(t[1]), mean: Number(t[2]), sd: Number(t[3]) },
    );
    const mode = values.reduce((best, v) => (v.density > best.density ? v : best));
    expect(Math.abs(mode.x - r.posteriorMean)).toBeLessThan(r.posteriorSd / 20);
    for (const v of values.slice(0, 5)) expect(v.density).toBe(normalPdf(v.x, r.posteriorMean, r.posteriorSd));
  });

  it("attribute draws one model's credit too", async () => {
    const spec = await plotSpec("markov", "attribute", example("paths.csv"), "--model", "markov");
    const total = spec.data.values.reduce((sum, v) => sum + Number(v["amount"]), 0);
    expect(spec.data.values.length).toBe(6);
    expect(total).toBeCloseTo(337, 6);
  });

  it("the boundaries chart holds the design's critical values", async () => {
    const spec = await plotSpec("bounds", "design", "--looks", "4");
    const design = groupSequentialDesign({ kMax: 4 });
    const efficacy = spec.data.values.filter((v) => v["series"] === "Efficacy bound").map((v) => v["z"]);
    expect(efficacy).toEqual([...design.criticalValues]);
  });
});

describe("--plot errors", () => {
  it("a bad file name, a command without a chart, a folder that does not exist", async () => {
    const ext = await cli("design", "--plot", join(dir, "out.png"));
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('--plot: the file name must end in .svg or .json (got "');
    const noBayes = await cli("analyze", example("conversions.csv"), "--plot", join(dir, "x.svg"));
    expect(noBayes.code).toBe(2);
    expect(noBayes.stderr).toContain("--plot needs --bayesian");
    const msprt = await cli(
      "monitor",
      example("interim.csv"),
      ...["--method", "msprt", "--mixing-variance", "0.0001", "--plot", join(dir, "x.svg")],
    );
    expect(msprt.code).toBe(2);
    expect(msprt.stderr).toContain("--plot applies to --method gsd");
    const folder = join(dir, "no", "such", "folder", "x.svg");
    const missing = await cli("design", "--plot", folder);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${folder}: cannot write the chart (its folder does not exist)`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const unknown = await cli("mde", "--baseline", "5%", "--n", "1000", "--plot", join(dir, "x.svg"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown flag --plot");
    expect((await cli("monitor", fixture("zpath.csv"), "--plot", join(dir, "z.svg"))).code).toBe(0);
  }, 30_000);
});
