import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    globals: true,
    environment: "node",
    include: ["integration/**/*.test.ts"],
    globalSetup: ["./support/integration-global-setup.ts"],
    setupFiles: ["./support/register-ts-node.cjs", "./support/fail-on-console-error.ts"],
    // Medusa's runner names its database from the worker id and collides with process.send under forks.
    pool: "threads",
    poolOptions: { threads: { minThreads: 1, maxThreads: 1, isolate: true } },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // The runner restores the database under Medusa's feet between tests, which an in-memory cache
    // cannot see; caching stays on in the end-to-end suite, which runs the real configuration.
    env: { MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error", MEDUSA_FF_CACHING: "false" },
  },
})
