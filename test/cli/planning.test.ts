import { describe, expect, it } from "vitest";
import {
  experimentDuration,
  mdeTwoMeans,
  mdeTwoProportions,
  powerByWeek,
  powerTwoMeans,
  powerTwoProportions,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
} from "../../src/power/index.js";
import { cli, cliJson, viaJson } from "./support.js";

describe("experiment-stats sample-size", () => {
  it("prints the plan as a table and the readout in words", async () => {
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "10%");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Sample size");
    expect(r.stdout).toMatch(/n control\s+31,234/);
    expect(r.stdout).toMatch(/n total\s+62,468/);
    // The readout sentence is the report area's (formatResult), the numbers are the table's.
    expect(r.stdout).toContain(
      "Needs 31,234 visitors per arm (62,468 in total over 2 arms) to detect a +10 % relative change",
    );
  });

  it("--json is the library's result for the same options (10% is 0.1, 5% is 0.05)", async () => {
    const out = await cliJson("sample-size", "--baseline", "5%", "--mde", "10%", "--power", "90%", "--alpha", "0.01");
    expect(out).toEqual({
      plan: viaJson(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1, power: 0.9, alpha: 0.01 })),
    });
  });

  it("fraction and percentage spellings give the same plan", async () => {
    expect(await cliJson("sample-size", "--baseline", "0.05", "--mde", "0.1")).toEqual(
      await cliJson("sample-size", "--baseline", "5%", "--mde", "10%"),
    );
  });

  it("maps the design flags to the library options (arms include the control)", async () => {
    const out = await cliJson(
      "sample-size",
      ...["--baseline", "0.1", "--mde", "0.02", "--mde-type", "absolute", "--arms", "3"],
      ...["--correction", "bonferroni", "--ratio", "2", "--alternative", "greater", "--method", "unpooled"],
      ...["--continuity-correction", "--variance-reduction", "20%"],
    );
    expect(out).toEqual({
      plan: viaJson(
        sampleSizeTwoProportions({
          baselineRate: 0.1,
          mde: 0.02,
          mdeType: "absolute",
          treatmentArms: 2,
          multipleComparison: "bonferroni",
          allocationRatio: 2,
          alternative: "greater",
          method: "unpooled",
          continuityCorrection: true,
          varianceReduction: 0.2,
        }),
      ),
    });
  });

  it("plans means with --sd", async () => {
    const out = await cliJson(
      "sample-size",
      "--sd",
      "12.5",
      "--baseline",
      "48",
      "--mde",
      "2%",
      "--mde-type",
      "relative",
    );
    expect(out).toEqual({
      plan: viaJson(sampleSizeTwoMeans({ sd: 12.5, baselineMean: 48, mde: 0.02, mdeType: "relative" })),
    });
  });

  it("adds the duration with --daily", async () => {
    const out = await cliJson(
      "sample-size",
      "--baseline",
      "5%",
      "--mde",
      "10%",
      "--daily",
      "20000",
      "--traffic-share",
      "50%",
    );
    const plan = sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
    expect(out["duration"]).toEqual(
      viaJson(experimentDuration({ sampleSize: plan, dailyUnits: 20000, trafficShare: 0.5 })),
    );
    const text = (await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--daily", "20000")).stdout;
    expect(text).toContain("Duration");
    expect(text).toContain("Run for 4 days (1 full week): 62,468 units at 20,000 a day.");
  });

  it("writes markdown and CSV", async () => {
    const md = (await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--format", "markdown")).stdout;
    expect(md).toContain("### Sample size");
    expect(md).toContain("| n total | 62,468 |");
    const csv = (await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--format", "csv")).stdout;
    expect(csv.split("\r\n")[0]).toBe("quantity,value");
    expect(csv).toContain("n total,62468\r\n");
    expect(csv).toContain("baseline rate,0.05\r\n");
  });

  it("names the flag of a bad value and exits 2", async () => {
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "ten");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('--mde: must be a number or a percentage (got "ten")');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the flags the library rejects, with the library function", async () => {
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--alpha", "1.5", "--power", "3");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--alpha: must be < 1; --power: must be < 1 (sampleSizeTwoProportions)");
  });

  it("reports an unreachable plan as a data error (exit 1)", async () => {
    const r = await cli("sample-size", "--baseline", "95%", "--mde", "10%");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^experiment-stats sample-size: error: sampleSizeTwoProportions: /);
  });

  it("rejects unknown flags, suggesting the near one", async () => {
    const r = await cli("sample-size", "--baseline", "5%", "--mdee", "10%");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown flag --mdee (did you mean --mde?)");
    expect(r.stderr).toContain("Run 'experiment-stats sample-size --help' for usage.");
  });

  it("requires --baseline and --mde", async () => {
    expect((await cli("sample-size", "--mde", "10%")).stderr).toContain("--baseline is required");
    expect((await cli("sample-size", "--baseline", "5%")).stderr).toContain("--mde is required");
  });

  it("rejects a missing flag value, a percentage where a count is needed, and too few arms", async () => {
    expect((await cli("sample-size", "--baseline")).code).toBe(2);
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--daily", "10%");
    expect(r.stderr).toContain('--daily: must be a plain number, not a percentage (got "10%")');
    expect((await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--arms", "1")).stderr).toContain(
      "--arms: must be a whole number >= 2",
    );
    expect((await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--arms", "2.5")).stderr).toContain(
      '--arms: must be a whole number (got "2.5")',
    );
  });

  it("rejects flags of the other metric and a file argument", async () => {
    expect((await cli("sample-size", "--baseline", "5%", "--mde", "1", "--sd-treatment", "3")).stderr).toContain(
      "--sd-treatment needs --sd",
    );
    expect((await cli("sample-size", "--sd", "3", "--mde", "1", "--continuity-correction")).stderr).toContain(
      "--continuity-correction applies to conversion rates",
    );
    const r = await cli("sample-size", "results.csv", "--baseline", "5%", "--mde", "10%");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('takes no file or other argument (got "results.csv")');
  });

  it("accepts a negative effect written --mde=-10%", async () => {
    const out = await cliJson("sample-size", "--baseline", "5%", "--mde=-10%");
    expect(out).toEqual({ plan: viaJson(sampleSizeTwoProportions({ baselineRate: 0.05, mde: -0.1 })) });
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "-10%");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--mde");
  });
});

describe("experiment-stats power and mde", () => {
  it("power --json is powerTwoProportions / powerTwoMeans", async () => {
    expect(await cliJson("power", "--baseline", "5%", "--mde", "10%", "--n", "20000")).toEqual({
      plan: viaJson(powerTwoProportions({ baselineRate: 0.05, mde: 0.1, nControl: 20000 })),
    });
    expect(await cliJson("power", "--sd", "12.5", "--mde", "0.5", "--n", "8000", "--method", "z")).toEqual({
      plan: viaJson(powerTwoMeans({ sd: 12.5, mde: 0.5, nControl: 8000, test: "z" })),
    });
    const text = (await cli("power", "--baseline", "5%", "--mde", "10%", "--n", "20000")).stdout;
    expect(text).toContain("a +10 % relative change (5 % → 5.5 %, +0.5 pp) is detected with");
  });

  it("power needs a whole --n", async () => {
    const r = await cli("power", "--baseline", "5%", "--mde", "10%", "--n", "200.5");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--n: must be a whole number (got "200.5")');
    expect((await cli("power", "--baseline", "5%", "--mde", "10%")).stderr).toContain("--n is required");
  });

  it("mde --json is mdeTwoProportions / mdeTwoMeans", async () => {
    expect(await cliJson("mde", "--baseline", "5%", "--n", "10000")).toEqual({
      plan: viaJson(mdeTwoProportions({ baselineRate: 0.05, nControl: 10000 })),
    });
    expect(await cliJson("mde", "--sd", "10", "--n", "500", "--direction", "decrease", "--power", "0.9")).toEqual({
      plan: viaJson(mdeTwoMeans({ sd: 10, nControl: 500, direction: "decrease", power: 0.9 })),
    });
  });

  it("mde rejects a bad direction", async () => {
    const r = await cli("mde", "--baseline", "5%", "--n", "10000", "--direction", "up");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--direction: must be one of increase, decrease (got "up")');
  });
});

describe("always-valid and Bayesian planning flags", () => {
  const g21 = ["--sd", "62.529991004312784", "--baseline", "10", "--mde-type", "relative", "--method", "z-relative"];
  const design = {
    sd: 62.529991004312784,
    baselineMean: 10,
    mdeType: "relative",
    test: "z-relative",
  } as const;

  it("--always-valid plans GrowthBook's sequential test (sample-size, power, mde)", async () => {
    const size = await cliJson("sample-size", ...g21, "--mde", "5%", "--always-valid", "5000");
    expect(size["plan"]).toEqual(
      viaJson(sampleSizeTwoMeans({ ...design, mde: 0.05, alwaysValid: { tuningSampleSize: 5000 } })),
    );
    expect((size["plan"] as { nControl: number }).nControl).toBe(940_481);
    const power = await cliJson("power", ...g21, "--mde", "5%", "--n", "133333", "--always-valid", "5000");
    expect(power["plan"]).toEqual(
      viaJson(powerTwoMeans({ ...design, mde: 0.05, nControl: 133_333, alwaysValid: { tuningSampleSize: 5000 } })),
    );
    const text = await cli("mde", ...g21, "--n", "133333", "--always-valid", "5000");
    expect(text.stdout).toMatch(/SE inflation \(M\/z\)\s+1\.77/);
  });

  it("--prior MEAN,VAR gives Bayesian power and MDE", async () => {
    const prior = { mean: 0.2, variance: 0.3 };
    const power = await cliJson("power", ...g21, "--mde", "5%", "--n", "1500", "--prior", "0.2,0.3");
    expect(power["plan"]).toEqual(viaJson(powerTwoMeans({ ...design, mde: 0.05, nControl: 1500, prior })));
    const mde = await cliJson("mde", ...g21, "--n", "1500", "--prior", "0.2, 0.3");
    expect(mde["plan"]).toEqual(viaJson(mdeTwoMeans({ ...design, nControl: 1500, prior })));
  });

  it("bad uses name the flag", async () => {
    const rate = await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--always-valid", "5000");
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain("--always-valid needs --sd (a comparison of means)");
    const shape = await cli("power", ...g21, "--mde", "5%", "--n", "100", "--prior", "0.2");
    expect(shape.stderr).toContain('--prior: must be MEAN,VARIANCE (got "0.2")');
    const t = await cli("power", "--sd", "2", "--mde", "0.5", "--n", "100", "--prior", "0,1");
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--prior: needs test "z" or "z-relative" (powerTwoMeans)');
    const variance = await cli("power", ...g21, "--mde", "5%", "--n", "100", "--prior", "0,0");
    expect(variance.stderr).toContain("--prior: must be > 0");
  });
});

describe("experiment-stats duration", () => {
  it("from --units", async () => {
    expect(await cliJson("duration", "--daily", "1500", "--traffic-share", "50%", "--units", "62468")).toEqual({
      duration: viaJson(experimentDuration({ totalUnits: 62468, dailyUnits: 1500, trafficShare: 0.5 })),
    });
  });

  it("from a design", async () => {
    const out = await cliJson("duration", "--daily", "20000", "--baseline", "5%", "--mde", "10%");
    const plan = sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
    expect(out).toEqual({
      duration: viaJson(experimentDuration({ sampleSize: plan, dailyUnits: 20000 })),
      plan: viaJson(plan),
    });
  });

  it("--by-week adds GrowthBook's week-by-week table (7 days of traffic a week)", async () => {
    const out = await cliJson(
      "duration",
      "--daily",
      "500",
      "--baseline",
      "10%",
      "--mde",
      "20%",
      "--arms",
      "3",
      "--by-week",
      "4",
    );
    const expected = powerByWeek({
      weeklyUnits: 3500,
      weeks: 4,
      treatmentArms: 2,
      metrics: [{ name: "conversion rate", kind: "proportions", baselineRate: 0.1, mde: 0.2 }],
    });
    expect(out["byWeek"]).toEqual(viaJson(expected));
    const text = await cli("duration", "--daily", "500", "--baseline", "10%", "--mde", "20%", "--by-week", "3");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Power by week");
    expect(text.stdout).toMatch(/MDE at 80 % power/);
  });

  it("--by-week needs a design and a whole number of weeks", async () => {
    const units = await cli("duration", "--daily", "500", "--units", "1000", "--by-week", "4");
    expect(units.code).toBe(2);
    expect(units.stderr).toContain("--by-week needs the design flags, not --units");
    const zero = await cli("duration", "--daily", "500", "--baseline", "10%", "--mde", "20%", "--by-week", "0");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("--by-week: must be >= 1 (powerByWeek)");
  });

  it("needs --daily, and --units alone", async () => {
    expect((await cli("duration", "--units", "100")).stderr).toContain("--daily is required");
    expect((await cli("duration", "--daily", "100", "--units", "100", "--mde", "10%")).stderr).toContain(
      "--units cannot be combined with the design flags (--mde)",
    );
    const r = await cli("duration", "--daily", "0", "--units", "100");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--daily: must be > 0 (experimentDuration)");
  });
});
