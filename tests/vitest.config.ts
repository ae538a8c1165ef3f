import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    globals: true,
    environment: "node",
    include: ["integration/**/*.test.ts"],
    globalSetup: ["./support/integration-global-setup.ts"],
    setupFiles: ["./support/register-ts-node.cjs", "./support/isolate-uploads.ts", "./support/fail-on-console-error.ts"],
    // Medusa's runner collides with process.send under forks, so threads. Two files at a time: each
    // boots its own Medusa app on its own database (a fresh ulid name, a free port), and most of a
    // file's time is that boot and the database copies between tests, which two cores share well.
    pool: "threads",
    poolOptions: { threads: { minThreads: 1, maxThreads: Number(process.env.TEST_INTEGRATION_THREADS ?? 2), isolate: true } },
    fileParallelism: true,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // The runner restores the database under Medusa's feet between tests, which an in-memory cache
    // cannot see; caching stays on in the end-to-end suite, which runs the real configuration.
    env: { MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error", MEDUSA_FF_CACHING: "false" },
  },
})
