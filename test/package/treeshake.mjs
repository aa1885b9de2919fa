// Bundles one kernel from the built package and checks that nothing else comes along:
// a dashboard that imports normalCdf must not ship zod or the attribution code.
import assert from "node:assert/strict";
import { build } from "esbuild";

async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["import"],
    logLevel: "error", // bare chunk imports dropped under sideEffects: false are what we want
  });
  return result.outputFiles[0].text;
}

const kernel = await bundle('import { normalCdf } from "experiment-stats/distributions"; console.log(normalCdf(1));');
assert.ok(!/zod|ZodError|\$ZodType/.test(kernel), "a kernel import pulled in zod");
assert.ok(!/markov|journey/i.test(kernel), "a kernel import pulled in attribution code");
assert.ok(kernel.length < 8000, `normalCdf bundles to ${kernel.length} bytes`);

const viaRoot = await bundle('import { normalCdf } from "experiment-stats"; console.log(normalCdf(1));');
assert.ok(!/zod|ZodError/.test(viaRoot), "importing a kernel from the root entry pulled in zod");
console.log(
  `tree-shaking test passed (normalCdf: ${kernel.length} B from its subpath, ${viaRoot.length} B from the root)`,
);
