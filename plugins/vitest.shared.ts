/** One vitest setup for every plugin: Medusa sources load through ts-node, tests run one thread at a time. */
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    globals: true,
    environment: "node",
    include: ["src/**/*.test.ts", "integration-tests/**/*.spec.ts"],
    setupFiles: ["../../tests/support/register-ts-node.cjs"],
    pool: "threads",
    poolOptions: { threads: { singleThread: true } },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
