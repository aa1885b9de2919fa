import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/package/**", "node_modules/**"],
    testTimeout: 30_000,
    setupFiles: ["test/helpers/fastCheckSeed.ts"],
    // Type tests (*.test-d.ts) run with every `vitest run`: misuse of the public API must not compile.
    typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "tsconfig.test.json" },
    benchmark: { include: ["benchmarks/**/*.bench.ts"] },
  },
});
