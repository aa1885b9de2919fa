import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMON_FLAGS } from "../../src/cli/args.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { sampleSizeTwoProportions } from "../../src/power/index.js";
import { type CliRun, cli, root, viaJson } from "./support.js";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

describe("experiment-stats (program)", () => {
  it("--version prints the package version", async () => {
    for (const flag of ["--version", "-v", "version"]) {
      expect(await cli(flag)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
  });

  it("--help lists every command with an example", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout).toContain("Example:");
    expect((await cli("help")).stdout).toBe(r.stdout);
  });

  it("no arguments: the help on stderr, exit 2", async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Commands:");
  });

  it("an unknown command or flag exits 2 naming it", async () => {
    const r = await cli("analyse", "x.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "analyse" (commands: sample-size, power, mde, duration, analyze');
    expect((await cli("--frobnicate")).stderr).toContain("unknown flag --frobnicate");
    expect((await cli("help", "nope")).code).toBe(2);
  });

  it("no command declares a flag twice (parseArgs would keep only one)", () => {
    for (const c of COMMANDS) {
      const names = [...c.flags, ...COMMON_FLAGS].map((f) => f.name);
      expect(new Set(names).size, c.name).toBe(names.length);
    }
  });

  it("--format and --json must agree", async () => {
    const r = await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--json", "--format", "csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--json and --format csv disagree");
    expect((await cli("sample-size", "--baseline", "5%", "--mde", "10%", "--format", "html")).stderr).toContain(
      "--format: must be one of text, markdown, csv, json",
    );
  });

  for (const command of COMMANDS) {
    it(`${command.name} --help shows the usage, every flag and a runnable example`, async () => {
      const r = await cli(command.name, "--help");
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain(`experiment-stats ${command.usage}`);
      for (const flag of command.flags) expect(r.stdout).toContain(`--${flag.name}`);
      expect(r.stdout).toContain("--json");
      expect(r.stdout).toContain("Examples:");
      expect((await cli(command.name, "-h")).stdout).toBe(r.stdout);
      expect((await cli("help", command.name)).stdout).toBe(r.stdout);
      // --help wins over bad flags
      expect((await cli(command.name, "--bogus", "--help")).code).toBe(0);
    });

    it(`${command.name}: the first example of its help runs`, async () => {
      const example = command.examples[0]!;
      const argv = example.split(" ").map((a) => (a.startsWith("examples/") ? join(root, a) : a));
      const r = await cli(...argv);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
    });
  }

  it("demo runs every step on the shipped example data, in every format", async () => {
    const r = await cli("demo");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("== 1. Plan");
    expect(r.stdout).toContain("$ experiment-stats sample-size --baseline 5% --mde 10% --daily 20000");
    expect(r.stdout).toContain("== 2. Read the result");
    expect(r.stdout).toContain("== 3. Monitor");
    expect(r.stdout).toContain("== 4. Attribute");
    const json = JSON.parse((await cli("demo", "--json")).stdout) as { steps: { command: string; result: unknown }[] };
    expect(json.steps.map((s) => s.command.split(" ")[1])).toEqual(["sample-size", "analyze", "monitor", "attribute"]);
    expect(json.steps[0]!.result).toEqual({
      plan: viaJson(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 })),
      duration: expect.anything(),
    });
    expect((await cli("demo", "--format", "markdown")).stdout).toContain(
      "```sh\nexperiment-stats analyze examples/data/conversions.csv",
    );
    expect((await cli("demo", "--format", "csv")).code).toBe(0);
  });

  it("the demo's example files are the ones in examples/data", () => {
    for (const name of ["conversions.csv", "revenue.csv", "interim.csv", "paths.csv"]) {
      expect(existsSync(join(root, "examples", "data", name))).toBe(true);
    }
  });

  it("the built binary (or, before a build, run() in-process) behaves the same", async () => {
    const bin = join(root, "dist", "cli", "main.js");
    const exec = async (...argv: string[]): Promise<CliRun> => {
      if (!existsSync(bin)) return await cli(...argv);
      const p = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", cwd: root });
      return { code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr };
    };
    const ok = await exec("sample-size", "--baseline", "5%", "--mde", "10%", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      plan: viaJson(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 })),
    });
    const usage = await exec("sample-size", "--baseline", "5%", "--mde", "ten");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--mde: must be a number or a percentage (got "ten")');
    const data = await exec("analyze", join(root, "test", "fixtures", "cli", "conversions-exceed.csv"));
    expect(data.code).toBe(1);
    expect(data.stderr).toContain('line 3, column "conversions": must be <= visitors');
    expect(data.stderr).not.toMatch(/\n\s+at /);
    const demo = await exec("demo");
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("== 4. Attribute");
    expect((await exec("--version")).stdout).toBe(`${pkg.version}\n`);
  });
});
