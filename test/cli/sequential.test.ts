import { describe, expect, it } from "vitest";
import { groupSequentialAnalysis, groupSequentialDesign, msprt } from "../../src/sequential/index.js";
import { compareProportions } from "../../src/significance/index.js";
import { cli, cliJson, example, fixture, viaJson } from "./support.js";

describe("experiment-stats design", () => {
  it("--looks 5 --spending obrien-fleming is groupSequentialDesign", async () => {
    const out = await cliJson("design", "--looks", "5", "--spending", "obrien-fleming");
    expect(out).toEqual({
      design: viaJson(groupSequentialDesign({ kMax: 5, spending: { family: "obrien-fleming" } })),
    });
    const text = (await cli("design", "--looks", "5", "--spending", "obrien-fleming")).stdout;
    expect(text).toContain("Boundaries");
    expect(text).toMatch(/^5\s+100\.0 %\s+2\.031/m);
  });

  it("passes every design option through", async () => {
    const out = await cliJson(
      "design",
      ...["--rates", "0.3,0.6,1", "--spending", "kim-demets", "--parameter", "3", "--alpha", "5%", "--sided", "2"],
      ...["--power", "90%", "--n-fixed", "1000"],
    );
    const design = groupSequentialDesign({
      informationRates: [0.3, 0.6, 1],
      spending: { family: "kim-demets", parameter: 3 },
      alpha: 0.05,
      sided: 2,
      power: 0.9,
    });
    expect(out).toEqual({ design: viaJson(design), nFixed: 1000, maxSampleSize: 1000 * design.inflationFactor });
    const futility = await cliJson(
      "design",
      ...["--looks", "3", "--futility", "kim-demets", "--futility-parameter", "2", "--binding"],
    );
    expect(futility).toEqual({
      design: viaJson(
        groupSequentialDesign({ kMax: 3, futility: { family: "kim-demets", parameter: 2, binding: true } }),
      ),
    });
    expect(await cliJson("design", "--classical", "wang-tsiatis", "--delta-wt", "0.25")).toEqual({
      design: viaJson(groupSequentialDesign({ classical: "wang-tsiatis", deltaWT: 0.25 })),
    });
  });

  it("names the flag behind a library rejection", async () => {
    const looks = await cli("design", "--looks", "30");
    expect(looks.code).toBe(2);
    expect(looks.stderr).toContain("--looks: must be <= 20 (groupSequentialDesign)");
    const parameter = await cli("design", "--spending", "kim-demets");
    expect(parameter.code).toBe(2);
    expect(parameter.stderr).toContain('--parameter: is required for family "kim-demets"');
    const futility = await cli("design", "--futility", "kim-demets");
    expect(futility.code).toBe(2);
    expect(futility.stderr).toContain("--futility-parameter: ");
  });

  it("rejects conflicting or bad flags", async () => {
    expect((await cli("design", "--spending", "pocock", "--classical", "pocock")).stderr).toContain(
      "--spending and --classical cannot be combined",
    );
    expect((await cli("design", "--sided", "3")).stderr).toContain("--sided: must be 1 or 2");
    expect((await cli("design", "--spending", "linear")).stderr).toContain("--spending: must be one of obrien-fleming");
    expect((await cli("design", "--binding")).stderr).toContain("need --futility");
    expect((await cli("design", "--n-fixed", "0")).stderr).toContain("--n-fixed: must be > 0");
  });
});

const looks = [
  [
    { visitors: 7512, conversions: 371 },
    { visitors: 7488, conversions: 409 },
  ],
  [
    { visitors: 15034, conversions: 748 },
    { visitors: 14966, conversions: 842 },
  ],
  [
    { visitors: 22496, conversions: 1121 },
    { visitors: 22504, conversions: 1275 },
  ],
] as const;

describe("experiment-stats monitor", () => {
  it("gsd: z = difference / unpooled SE and information = n so far / --max-n, into groupSequentialAnalysis", async () => {
    const out = await cliJson("monitor", example("interim.csv"), "--looks", "4", "--max-n", "30000");
    const design = groupSequentialDesign({ kMax: 4 });
    const z: number[] = [];
    const se: number[] = [];
    const rates: number[] = [];
    for (const [c, t] of looks) {
      const r = compareProportions(c, t, { test: "z-unpooled" });
      z.push(r.difference.estimate / r.difference.standardError);
      se.push(r.difference.standardError);
      rates.push(1 / (1 / c.visitors + 1 / t.visitors) / 15000);
    }
    expect(out).toEqual({
      design: viaJson(design),
      analysis: viaJson(
        groupSequentialAnalysis(design, { zStatistics: z, informationRates: rates, standardErrors: se }),
      ),
    });
    const text = (await cli("monitor", example("interim.csv"), "--looks", "4", "--max-n", "30000")).stdout;
    expect(text).toContain("Stop for efficacy at look 3 (z = 3.225, bound 2.359): reject H0.");
    expect(text).toContain("Final inference at look 3: p = 0.0019 (stagewise ordering)");
  });

  it("gsd on a z path", async () => {
    const out = await cliJson("monitor", fixture("zpath.csv"), "--looks", "5", "--alpha", "5%", "--sided", "2");
    const design = groupSequentialDesign({ kMax: 5, alpha: 0.05, sided: 2 });
    expect(out).toEqual({
      design: viaJson(design),
      analysis: viaJson(groupSequentialAnalysis(design, { zStatistics: [1.2, 2.1] })),
    });
    expect((await cli("monitor", fixture("zpath.csv"))).stdout).toContain(
      "Continue after look 2 (z = 2.100, efficacy bound 2.511).",
    );
  });

  it("msprt with a planned variance from --baseline", async () => {
    const out = await cliJson(
      "monitor",
      example("interim.csv"),
      "--method",
      "msprt",
      "--max-n",
      "30000",
      "--baseline",
      "5%",
    );
    const expected = msprt(
      looks.map(([control, treatment]) => ({ control, treatment })),
      { plannedSampleSize: 30000, plannedVariance: 2 * 0.05 * 0.95 },
    );
    expect(out).toEqual({ msprt: viaJson(expected) });
    expect(
      (await cli("monitor", example("interim.csv"), "--method", "msprt", "--mixing-variance", "0.0001")).stdout,
    ).toContain("Always-valid monitoring (mSPRT)");
  });

  it("errors: flags of the other method, missing looks, a missing file", async () => {
    const both = await cli(
      "monitor",
      example("interim.csv"),
      "--method",
      "msprt",
      "--looks",
      "4",
      "--mixing-variance",
      "1",
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--looks applies to --method gsd, not msprt");
    const noTau = await cli("monitor", example("interim.csv"), "--method", "msprt");
    expect(noTau.code).toBe(2);
    expect(noTau.stderr).toContain("--mixing-variance: is required unless plannedSampleSize and plannedVariance");
    const gap = await cli("monitor", fixture("missing-look.csv"));
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain("missing-look.csv: looks must be numbered 1, 2, 3, …; look 2 is missing");
    const tooMany = await cli("monitor", fixture("zpath.csv"), "--looks", "1");
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain("zpath.csv");
    expect((await cli("monitor", fixture("none.csv"))).stderr).toContain("none.csv: no such file");
    expect((await cli("monitor", example("interim.csv"), "--method", "bayes")).stderr).toContain(
      "--method: must be one of gsd, msprt",
    );
  });
});
