import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: ".",
    include: ["test/**/*.test.ts"],
    // One test file per core (vitest's default leaves one core to itself: a single worker on a
    // 2-core runner, where most of a test's time is its own CPU).
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { TZ: "Asia/Ho_Chi_Minh" },
    // One temporary folder for the run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ["test/helpers/temp-root.ts"],
    // `npm test` (scripts/test.sh) turns coverage on for a full run: lines of scripts/lib/ run by
    // the tests in-process (code run only in worker threads or child processes is not counted).
    coverage: {
      provider: "v8",
      include: ["scripts/lib/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "test-output/coverage",
      thresholds: { lines: 85 },
    },
  },
});
