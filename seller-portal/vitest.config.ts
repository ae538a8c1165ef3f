import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so unit tests never load the Remix plugin.
export default defineConfig({
  test: {
    environment: "node",
    include: ["app/**/*.test.ts"],
    // The SDK ships plain ESM that Node loads itself; letting Vite transform it only adds
    // sourcemap warnings to the test output.
    server: { deps: { external: [/@medusajs\/js-sdk/] } },
  },
});
