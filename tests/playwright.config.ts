import { defineConfig, devices } from "@playwright/test"
import { E2E_URLS } from "./support/e2e-stack"

/**
 * End-to-end tests drive Debian's Chromium against the whole system, started by global-setup on its
 * own ports and data directory (so a running `npm start` is untouched).
 */
export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./support/e2e-global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: E2E_URLS.storefront,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without these, Chromium keeps calling home and this machine's closed network refuses it.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 5"], browserName: "chromium", viewport: { width: 390, height: 844 } } },
  ],
})
