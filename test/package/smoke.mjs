// Imports the built package through its exports map, as an ESM consumer would.
import assert from "node:assert/strict";
import * as rootModule from "experiment-stats";
import * as distributions from "experiment-stats/distributions";
import pkg from "experiment-stats/package.json" with { type: "json" };

const root = new Map(Object.entries(rootModule));
const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
for (const subpath of subpaths) {
  const mod = await import(`experiment-stats/${subpath.slice(2)}`);
  const names = Object.keys(mod);
  assert.ok(names.length > 0, `${subpath} exports nothing`);
  for (const name of names) assert.equal(root.get(name), mod[name], `root and ${subpath} disagree on ${name}`);
}

assert.ok(Math.abs(distributions.normalCdf(-1.959963984540054) - 0.025) < 1e-15);
assert.equal(typeof rootModule.isStatsError, "function");
console.log(`ESM smoke test passed (${subpaths.length} subpaths, ${root.size} root exports)`);
