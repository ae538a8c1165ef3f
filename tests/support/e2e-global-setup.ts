import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { parseLauncherEnv } from "../../scripts/lib/launcher-env"
import { startStack } from "../../scripts/lib/stack"
import { E2E_PORTS } from "./e2e-stack"

/**
 * Starts the built system (production servers) on fresh data, exactly as `npm start` does, and returns
 * the teardown. `npm test` builds everything before Playwright runs.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tianyuan-e2e-"))
  chmodSync(dataDir, 0o755)
  const env = parseLauncherEnv({
    TIANYUAN_DATA_DIR: dataDir,
    BACKEND_PORT: String(E2E_PORTS.backend),
    STOREFRONT_PORT: String(E2E_PORTS.storefront),
    SELLER_PORTAL_PORT: String(E2E_PORTS.sellerPortal),
    EMBEDDED_POSTGRES_PORT: String(E2E_PORTS.postgres),
    DATABASE_URL: process.env.E2E_DATABASE_URL,
  })
  // The servers' output goes to a file that stays after the run, for reading when a test fails.
  mkdirSync(path.join(__dirname, "../test-results"), { recursive: true })
  const serviceLog = path.join(__dirname, "../test-results/e2e-servers.log")
  writeFileSync(serviceLog, "")
  const stack = await startStack({ env, mode: "production", serviceLog, log: (line) => appendFileSync(serviceLog, `${line}\n`) })
  return async () => {
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
