// Requires the built package through its exports map, as a CommonJS consumer would.
const assert = require("node:assert/strict");
const root = require("experiment-stats");
const pkg = require("experiment-stats/package.json");

const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
for (const subpath of subpaths) {
  const mod = require(`experiment-stats/${subpath.slice(2)}`);
  const names = Object.keys(mod);
  assert.ok(names.length > 0, `${subpath} exports nothing`);
  for (const name of names) assert.equal(root[name], mod[name], `root and ${subpath} disagree on ${name}`);
}

assert.ok(Math.abs(root.normalQuantile(0.975) - 1.959963984540054) < 1e-15);
assert.equal(root.isStatsError(new root.StatsError("NO_SOLUTION", "x")), true);
console.log(`CommonJS smoke test passed (${subpaths.length} subpaths, ${Object.keys(root).length} root exports)`);
