import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { sampleSizeTwoProportions } from "../../src/power/sampleSizeTwoProportions.js";
import { display, formatResult, jupyterDisplay } from "../../src/report/index.js";
import { compareProportions } from "../../src/significance/compareProportions.js";

describe("display(result)", () => {
  const r = compareProportions({ visitors: 10000, conversions: 500 }, { visitors: 10000, conversions: 560 });

  it("documented example: the Jupyter display hook returns a MIME bundle", () => {
    const shown = display(sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 }));
    expect(Object.keys(shown[Symbol.for("Jupyter.display") as typeof jupyterDisplay]())).toEqual([
      "text/plain",
      "text/markdown",
      "text/html",
    ]);
  });

  it("uses the symbol Deno's Jupyter kernel looks up", () => {
    expect(jupyterDisplay).toBe(Symbol.for("Jupyter.display"));
    const shown = display(r) as unknown as Record<symbol, unknown>;
    expect(typeof shown[Symbol.for("Jupyter.display")]).toBe("function");
  });

  it("bundles the three renderings of formatResult", () => {
    const bundle = display(r)[jupyterDisplay]();
    expect(bundle).toEqual({
      "text/plain": formatResult(r, { format: "text" }),
      "text/markdown": formatResult(r, { format: "markdown" }),
      "text/html": formatResult(r, { format: "html" }),
    });
    // The bundle is plain JSON (what the kernel sends over the wire).
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it("prints as plain text", () => {
    expect(String(display(r))).toBe(formatResult(r));
    expect(`${display(r)}`.split("\n")[0]).toBe("Conversion rate: treatment vs control");
  });

  it("rejects anything that is not a result, naming display", () => {
    expect(() => display({} as never)).toThrow(InvalidArgumentError);
    expect(() => display({} as never)).toThrow(/^display: result: must be a result of an experiment-stats procedure$/);
  });
});
