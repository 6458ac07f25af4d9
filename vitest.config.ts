// One test run for every package: sources are imported directly (no build needed), end-to-end tests run dist/.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@diplograph/model": pkg("model"),
      "@diplograph/store": pkg("store"),
      "@diplograph/ingest": pkg("ingest"),
      "@diplograph/export": pkg("export"),
      "@diplograph/analysis": pkg("analysis"),
      "@diplograph/api": pkg("api"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
