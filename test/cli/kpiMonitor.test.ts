import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { monitorMetric } from "../../src/kpi/index.js";
import { cli, cliJson, example, fixture, viaJson } from "./support.js";

/** The example campaign, read independently of the command line. */
const campaign = readFileSync(example("campaign.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [date, impressions, clicks, conversions, cost] = line.split(",");
    return {
      date: date!,
      impressions: Number(impressions),
      clicks: Number(clicks),
      conversions: Number(conversions),
      cost: Number(cost),
    };
  });
const dates = campaign.map((d) => d.date);

describe("experiment-stats monitor --method binomial|poisson|ewma|cusum (campaign monitoring)", () => {
  it("binomial: the click-through drop of the example campaign, as monitorMetric finds it", async () => {
    const argv = ["monitor", example("campaign.csv"), "--method", "binomial", "--column", "clicks"];
    const flags = ["--per", "impressions", "--baseline-points", "14"];
    const out = await cliJson(...argv, ...flags);
    const expected = monitorMetric(
      campaign.map((d) => ({ successes: d.clicks, trials: d.impressions })),
      { method: "binomial", baseline: 14 },
    );
    expect(out).toEqual({ periods: dates, monitor: viaJson(expected) });
    expect(expected.alarms).toEqual([19, 20, 21]);
    const text = await cli(...argv, ...flags);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(/^2026-03-20\s+1,307\s+124,619\s+1\.049 %\s+1\.3e-178\s+ALARM \(low\)$/m);
    expect(text.stdout).toMatch(/^2026-03-01\s+2,441\s+116,556\s+2\.094 %\s+baseline$/m);
    expect(text.stdout).toContain(
      "3 alarms in 14 monitored periods: 2026-03-20 (low), 2026-03-21 (low), 2026-03-22 (low).",
    );
    expect(text.stdout).toContain(`2026-03-20: ${expected.points[19]!.reason}.`);
  });

  it("binomial against a known rate, one-sided, with alpha", async () => {
    const out = await cliJson(
      ...["monitor", example("campaign.csv"), "--method", "binomial", "--column", "clicks", "--per", "impressions"],
      ...["--baseline", "2.1%", "--alternative", "less", "--alpha", "1%"],
    );
    expect(out["monitor"]).toEqual(
      viaJson(
        monitorMetric(
          campaign.map((d) => ({ successes: d.clicks, trials: d.impressions })),
          { method: "binomial", baseline: { rate: 0.021 }, alternative: "less", alpha: 0.01 },
        ),
      ),
    );
  });

  it("ewma on the cost column flags the cost jump; with known mean and sd too", async () => {
    const cost = campaign.map((d) => d.cost);
    const out = await cliJson(
      "monitor",
      example("campaign.csv"),
      "--method",
      "ewma",
      "--column",
      "cost",
      "--baseline-points",
      "14",
    );
    const expected = monitorMetric(cost, { method: "ewma", baseline: 14 });
    expect(out).toEqual({ periods: dates, monitor: viaJson(expected) });
    expect(expected.alarms.every((i) => i >= 24)).toBe(true);
    expect(expected.alarms.length).toBeGreaterThan(0);
    const known = await cliJson(
      ...["monitor", example("campaign.csv"), "--method", "ewma", "--column", "cost"],
      ...["--baseline-mean", "1500", "--baseline-sd", "40", "--lambda", "0.1", "--alpha", "0.005"],
    );
    expect(known["monitor"]).toEqual(
      viaJson(monitorMetric(cost, { method: "ewma", baseline: { mean: 1500, sd: 40 }, lambda: 0.1, alpha: 0.005 })),
    );
    const text = (
      await cli("monitor", example("campaign.csv"), "--method", "ewma", "--column", "cost", "--baseline-points", "14")
    ).stdout;
    expect(text).toContain("EWMA");
    expect(text).toMatch(/control limit L \(sd\)\s+2\.8593/);
  });

  it("cusum watches one side with a reference value; the table shows only that side", async () => {
    const argv = [
      "monitor",
      example("campaign.csv"),
      "--method",
      "cusum",
      "--column",
      "cost",
      "--baseline-points",
      "14",
    ];
    const flags = ["--alternative", "greater", "--reference-value", "1"];
    const out = await cliJson(...argv, ...flags);
    expect(out["monitor"]).toEqual(
      viaJson(
        monitorMetric(
          campaign.map((d) => d.cost),
          { method: "cusum", baseline: 14, alternative: "greater", referenceValue: 1 },
        ),
      ),
    );
    const text = (await cli(...argv, ...flags)).stdout;
    expect(text).toContain("CUSUM+");
    expect(text).not.toContain("CUSUM−");
  });

  it("poisson on counts per hour (no exposure) and per impression (--per)", async () => {
    const counts = await cliJson(
      "monitor",
      fixture("campaign-counts.csv"),
      "--method",
      "poisson",
      "--baseline-points",
      "8",
    );
    const expected = monitorMetric(
      [12, 9, 11, 10, 13, 8, 10, 11, 31, 12].map((count) => ({ count })),
      {
        method: "poisson",
        baseline: 8,
      },
    );
    expect(counts).toEqual({
      periods: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
      monitor: viaJson(expected),
    });
    expect(expected.alarms).toEqual([8]);
    const perImpression = await cliJson(
      ...["monitor", example("campaign.csv"), "--method", "poisson", "--column", "conversions"],
      ...["--per", "impressions", "--baseline-points", "14"],
    );
    expect(perImpression["monitor"]).toEqual(
      viaJson(
        monitorMetric(
          campaign.map((d) => ({ count: d.conversions, exposure: d.impressions })),
          { method: "poisson", baseline: 14 },
        ),
      ),
    );
    const text = (await cli("monitor", fixture("campaign-counts.csv"), "--method", "poisson", "--baseline-points", "8"))
      .stdout;
    expect(text).toMatch(/^9\s+31\s+\S+\s+ALARM \(high\)$/m);
  });

  it("--help documents the CSV shape of every method", async () => {
    const help = (await cli("monitor", "--help")).stdout;
    for (const shape of [
      "date,value",
      "date,successes,trials",
      "date,count[,exposure]",
      "look,variant,visitors,conversions",
    ]) {
      expect(help).toContain(shape);
    }
    for (const method of ["ewma", "cusum", "binomial", "poisson"]) expect(help).toContain(method);
    expect(help).toContain("monitor examples/data/campaign.csv --method binomial");
  });
});

describe("campaign monitoring errors name the file, row and column, or the flag", () => {
  it("a bad cell, more successes than trials, a missing column", async () => {
    const bad = await cli(
      "monitor",
      fixture("campaign-bad-cell.csv"),
      "--method",
      "binomial",
      "--column",
      "clicks",
      "--per",
      "impressions",
      "--baseline-points",
      "3",
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'campaign-bad-cell.csv: line 5, column "clicks": must be a whole number >= 0 (got "24x3")',
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const exceeds = await cli(
      "monitor",
      fixture("campaign-exceeds.csv"),
      "--method",
      "binomial",
      "--column",
      "clicks",
      "--per",
      "impressions",
      "--baseline-points",
      "3",
    );
    expect(exceeds.code).toBe(1);
    expect(exceeds.stderr).toContain(
      'campaign-exceeds.csv: line 6, column "clicks": must be <= impressions (214347 > 114347)',
    );
    const missing = await cli("monitor", example("campaign.csv"), "--method", "ewma", "--baseline-points", "14");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'campaign.csv: column "value" not found in the header (date, impressions, clicks, conversions, cost)',
    );
    const cell = await cli(
      "monitor",
      fixture("campaign-bad-cell.csv"),
      "--method",
      "cusum",
      "--column",
      "clicks",
      "--baseline-points",
      "3",
    );
    expect(cell.stderr).toContain('line 5, column "clicks": must be a finite number (got "24x3")');
  });

  it("a degenerate baseline is a data error naming the file", async () => {
    const r = await cli("monitor", fixture("campaign-constant.csv"), "--method", "ewma", "--baseline-points", "4");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("campaign-constant.csv: ");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("library rejections name the flag", async () => {
    const base = ["monitor", example("campaign.csv"), "--method", "ewma", "--column", "cost"];
    const long = await cli(...base, "--baseline-points", "40");
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("--baseline-points: must be <= the number of points in series (28) (monitorMetric)");
    const alpha = await cli(...base, "--baseline-points", "14", "--alpha", "0.9");
    expect(alpha.code).toBe(2);
    expect(alpha.stderr).toContain("--alpha: must be <= 0.5 (monitorMetric)");
    const lambda = await cli(...base, "--baseline-points", "14", "--lambda", "0.01");
    expect(lambda.stderr).toContain("--lambda: must be >= 0.02 (monitorMetric)");
    const sd = await cli(...base, "--baseline-mean", "1500", "--baseline-sd", "0");
    expect(sd.code).toBe(2);
    expect(sd.stderr).toContain("--baseline-sd: must be > 0 (monitorMetric)");
    const rate = await cli(
      "monitor",
      example("campaign.csv"),
      "--method",
      "binomial",
      "--column",
      "clicks",
      "--per",
      "impressions",
      "--baseline",
      "150%",
    );
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain("--baseline: ");
  });

  it("flags that do not belong to the method, and a missing baseline", async () => {
    const file = example("campaign.csv");
    const cases: [string[], string][] = [
      [["--method", "ewma", "--column", "cost"], "needs the in-control reference: --baseline-points N"],
      [["--method", "binomial", "--column", "clicks", "--per", "impressions"], "or --baseline RATE (the known rate)"],
      [
        ["--method", "ewma", "--column", "cost", "--baseline-mean", "1500"],
        "--baseline-mean and --baseline-sd go together",
      ],
      [
        ["--method", "cusum", "--column", "cost", "--baseline-points", "14", "--lambda", "0.1"],
        "--lambda applies to --method ewma, not cusum",
      ],
      [
        ["--method", "ewma", "--column", "cost", "--baseline-points", "14", "--looks", "3"],
        "--looks applies to --method gsd or msprt, not ewma",
      ],
      [
        ["--method", "ewma", "--column", "cost", "--baseline-points", "14", "--baseline", "5%"],
        "--baseline applies to --method binomial and poisson",
      ],
      [
        ["--method", "ewma", "--column", "cost", "--baseline-points", "14", "--alternative", "greater"],
        "the EWMA chart is two-sided only",
      ],
      [
        ["--method", "binomial", "--baseline-points", "3", "--baseline", "2%"],
        "--baseline-points and --baseline cannot be combined",
      ],
      [
        ["--method", "gsd", "--column", "cost"],
        "--column applies to --method ewma, cusum, binomial or poisson, not gsd",
      ],
      [
        ["--method", "poisson", "--column", "clicks", "--baseline-points", "3", "--plot", "x.svg"],
        "--plot applies to --method gsd or msprt, not poisson",
      ],
      [["--method", "shewhart"], "--method: must be one of gsd, msprt, ewma, cusum, binomial, poisson"],
    ];
    for (const [flags, message] of cases) {
      const r = await cli("monitor", file, ...flags);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr, flags.join(" ")).toContain(message);
    }
  });
});
