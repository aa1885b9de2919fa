import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/package/**", "node_modules/**"],
    testTimeout: 30_000,
    benchmark: { include: ["benchmarks/**/*.bench.ts"] },
  },
});
