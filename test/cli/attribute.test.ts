import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compareAttributionModels,
  heuristicAttribution,
  markovAttribution,
  parseJourneys,
  shapleyAttribution,
} from "../../src/attribution/index.js";
import { run } from "../../src/cli/run.js";
import { cli, cliJson, example, fixture, viaJson } from "./support.js";

const journeys = parseJourneys(readFileSync(example("paths.csv"), "utf8"));

describe("experiment-stats attribute", () => {
  it("markov by default, --order 2", async () => {
    expect(await cliJson("attribute", example("paths.csv"))).toEqual({
      attribution: viaJson(markovAttribution(journeys)),
    });
    expect(await cliJson("attribute", example("paths.csv"), "--model", "markov", "--order", "2")).toEqual({
      attribution: viaJson(markovAttribution(journeys, { order: 2 })),
    });
    expect(await cliJson("attribute", example("paths.csv"), "--no-nulls")).toEqual({
      attribution: viaJson(markovAttribution(journeys, { includeNulls: false })),
    });
    const text = (await cli("attribute", example("paths.csv"), "--model", "markov", "--order", "2")).stdout;
    expect(text).toContain("Attribution (markov)");
    expect(text).toContain("removal effect");
  });

  it("shapley and the rules", async () => {
    expect(await cliJson("attribute", example("paths.csv"), "--model", "shapley")).toEqual({
      attribution: viaJson(shapleyAttribution(journeys)),
    });
    expect(
      await cliJson("attribute", example("paths.csv"), "--model", "last-non-direct", "--direct", "Direct,Organic"),
    ).toEqual({
      attribution: viaJson(
        heuristicAttribution(journeys, { model: "last-non-direct", directChannels: ["Direct", "Organic"] }),
      ),
    });
  });

  it("--compare is compareAttributionModels", async () => {
    expect(await cliJson("attribute", example("paths.csv"), "--compare")).toEqual({
      comparison: viaJson(compareAttributionModels(journeys)),
    });
    expect(
      await cliJson("attribute", example("paths.csv"), "--compare", "--models", "first-touch,markov", "--order", "2"),
    ).toEqual({
      comparison: viaJson(compareAttributionModels(journeys, ["first-touch", { model: "markov", order: 2 }])),
    });
    const md = (await cli("attribute", example("paths.csv"), "--compare", "--format", "markdown")).stdout;
    expect(md).toContain("| channel | first-touch | last-touch | linear | position-based | markov | shapley |");
  });

  it("errors name the flag, or the file, line and column", async () => {
    const order = await cli("attribute", example("paths.csv"), "--order", "11");
    expect(order.code).toBe(2);
    expect(order.stderr).toContain("--order: ");
    expect(order.stderr).toContain("(markovAttribution)");
    const model = await cli("attribute", example("paths.csv"), "--model", "time-decay");
    expect(model.code).toBe(2);
    expect(model.stderr).toContain("--model: must be one of markov, shapley");
    const models = await cli("attribute", example("paths.csv"), "--compare", "--models", "markov,magic");
    expect(models.stderr).toContain('--models: unknown model "magic"');
    expect((await cli("attribute", example("paths.csv"), "--model", "linear", "--order", "2")).stderr).toContain(
      "--order and --no-nulls apply to --model markov",
    );
    expect((await cli("attribute", example("paths.csv"), "--compare", "--model", "linear")).stderr).toContain(
      "--compare and --model cannot be combined",
    );
    const row = await cli("attribute", fixture("bad-paths.csv"));
    expect(row.code).toBe(1);
    expect(row.stderr).toContain(
      "bad-paths.csv: parseJourneys: csvText.line 2.total_null: must be a finite number >= 0",
    );
    const column = await cli("attribute", example("paths.csv"), "--path-column", "journey");
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('--path-column: column "journey" not found in the header');
    const missing = await cli("attribute", fixture("no-such-paths.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no-such-paths.csv: no such file");
  });

  it("prints a progress line for large inputs only on a terminal", async () => {
    const big = `path,total_conversions,total_null\n${"Email > Paid Search,1,2\n".repeat(45_000)}`;
    const stderrOf = async (interactive: boolean): Promise<string> => {
      let stderr = "";
      const io = {
        stdout: () => {},
        stderr: (t: string) => {
          stderr += t;
        },
        readFile: () => big,
        interactive,
      };
      expect(await run(["attribute", "big.csv"], io)).toBe(0);
      return stderr;
    };
    const tty = await stderrOf(true);
    expect(tty).toContain("reading big.csv");
    expect(tty).toContain("fitting markov on 45,000 path rows…");
    expect(tty).toContain("\r\u001b[K");
    expect(await stderrOf(false)).toBe("");
  });
});
