import { chmodSync, mkdtempSync } from "node:fs"
import path from "node:path"
import { parseLauncherEnv } from "../../scripts/lib/launcher-env"

export type BenchPorts = { backend: number; storefront: number; sellerPortal: number; postgres: number }

/** A throw-away data directory for a bench's stack; embedded PostgreSQL runs as its own user, so it must reach it. */
export function benchDataDir(parent: string, prefix: string): string {
  const dataDir = mkdtempSync(path.join(parent, prefix))
  chmodSync(dataDir, 0o755)
  return dataDir
}

/** The launcher's settings for a bench's own stack: its data directory and its ports, apart from `npm start`'s. */
export function benchLauncherEnv(dataDir: string, ports: BenchPorts) {
  return parseLauncherEnv({
    TIANYUAN_DATA_DIR: dataDir,
    BACKEND_PORT: String(ports.backend),
    STOREFRONT_PORT: String(ports.storefront),
    SELLER_PORTAL_PORT: String(ports.sellerPortal),
    EMBEDDED_POSTGRES_PORT: String(ports.postgres),
  })
}
