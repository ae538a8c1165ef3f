import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres"

/**
 * Tests run against a real PostgreSQL of their own: embedded, in a throw-away directory, on a port
 * apart from `npm start`'s, so a developer's running system and its data are never touched.
 * TEST_DATABASE_URL=postgres://user:pass@localhost:5432 uses an existing server instead.
 */
export const TEST_POSTGRES_PORT = Number(process.env.TEST_POSTGRES_PORT ?? 54339)

export async function startTestPostgres(): Promise<{ database: EmbeddedDatabase; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tianyuan-test-pg-"))
  // As root, embedded-postgres runs the server as the "postgres" user, which must reach the directory.
  chmodSync(dataDir, 0o755)
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: TEST_POSTGRES_PORT, throwAway: true })
  return {
    database,
    cleanup: async () => {
      await database.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
