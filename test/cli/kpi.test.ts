import { describe, expect, it } from "vitest";
import {
  clickThroughRate,
  costPerAcquisition,
  customerLifetimeValue,
  returnOnAdSpend,
  returnOnInvestment,
} from "../../src/kpi/index.js";
import { cli, cliJson, viaJson } from "./support.js";

describe("experiment-stats kpi", () => {
  it("--json is the KPI area's result for the flags given", async () => {
    expect(await cliJson("kpi", "--metric", "roas", "--spend", "1000", "--revenue", "4200")).toEqual({
      kpi: viaJson(returnOnAdSpend({ cost: 1000, revenue: 4200 })),
    });
    expect(
      await cliJson("kpi", "--metric", "ctr", "--clicks", "2441", "--impressions", "116556", "--interval", "jeffreys"),
    ).toEqual({
      kpi: viaJson(clickThroughRate({ clicks: 2441, impressions: 116556 }, { method: "jeffreys" })),
    });
    expect(
      await cliJson(
        "kpi",
        "--metric",
        "cpa",
        "--spend",
        "1500",
        "--conversions",
        "97",
        "--interval",
        "delta",
        "--confidence",
        "90%",
      ),
    ).toEqual({
      kpi: viaJson(costPerAcquisition({ cost: 1500, conversions: 97 }, { interval: "delta", confidenceLevel: 0.9 })),
    });
    expect(
      await cliJson(
        ...["kpi", "--metric", "roi", "--spend", "1000", "--revenue", "4200"],
        ...["--revenue-sum-squares", "900000", "--gross-margin", "40%"],
      ),
    ).toEqual({
      kpi: viaJson(returnOnInvestment({ cost: 1000, revenue: 4200, revenueSumSquares: 900000 }, { grossMargin: 0.4 })),
    });
    expect(
      await cliJson(
        "kpi",
        "--metric",
        "ltv",
        "--margin",
        "30",
        "--customers",
        "1000",
        "--retained",
        "820",
        "--discount-rate",
        "1%",
      ),
    ).toEqual({
      kpi: viaJson(
        customerLifetimeValue({ marginPerPeriod: 30, customersAtStart: 1000, retained: 820 }, { discountRate: 0.01 }),
      ),
    });
  });

  it("prints the estimate, the interval and the readout", async () => {
    const r = await cli("kpi", "--metric", "ctr", "--clicks", "2441", "--impressions", "116556");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/estimate\s+2\.094 %/);
    expect(r.stdout).toMatch(/95 % CI\s+\[2\.01 %, 2\.18 %\]/);
    expect(r.stdout).toContain("Click-through rate: 2.09 % (95 % CI 2.01 % to 2.18 %).");
    const roas = await cli("kpi", "--metric", "roas", "--spend", "1000", "--revenue", "4200");
    expect(roas.stdout).toContain("Return on ad spend: 4.2 (no interval; see the note under the table).");
  });

  it("errors name the flag", async () => {
    const cases: [string[], string][] = [
      [[], "--metric is required (conversion-rate, ctr, cpm"],
      [["--metric", "arpu"], "--metric: must be one of conversion-rate, ctr"],
      [["--metric", "ctr", "--clicks", "10"], "--impressions is required"],
      [
        ["--metric", "ctr", "--clicks", "10", "--impressions", "100", "--spend", "3"],
        "--spend does not apply to --metric ctr",
      ],
      [["--metric", "roas", "--spend", "0", "--revenue", "4200"], "--spend: must be > 0 (returnOnAdSpend)"],
      [["--metric", "ctr", "--clicks", "200", "--impressions", "100"], "--clicks: "],
      [["--metric", "ctr", "--clicks", "20", "--impressions", "100", "--interval", "exact"], "--interval: "],
      [["--metric", "ctr", "--clicks", "ten", "--impressions", "100"], '--clicks: must be a number (got "ten")'],
    ];
    for (const [flags, message] of cases) {
      const r = await cli("kpi", ...flags);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr, flags.join(" ")).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
