import { defineConfig } from "tsup";

const areas = [
  "distributions",
  "power",
  "significance",
  "bayesian",
  "sequential",
  "attribution",
  "kpi",
  "report",
] as const;

export default defineConfig([
  {
    // The library: runtime-neutral, one entry per area, ESM + CommonJS + declarations.
    entry: {
      index: "src/index.ts",
      ...Object.fromEntries(areas.map((area) => [`${area}/index`, `src/${area}/index.ts`])),
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false, // the build script empties dist/ once for both configs
    splitting: true,
    treeshake: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The command line: the only Node-specific build.
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
