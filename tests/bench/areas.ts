import { rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import knexFactory from "knex"
import pg from "pg"
import { importAdminAreas } from "../../plugins/village/src/lib/area-import"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { startStack } from "../../scripts/lib/stack"

/**
 * Issue 3 figures: importing all of China's administrative areas (about 620,000 villages) — time,
 * rows/s, table and index size, a second (no-change) run — and GET /store/areas/:code latency at
 * full data. Needs `npm run build` first; runs the built backend on port 9300 and PostgreSQL on 54369.
 */
const PORTS = { backend: 9300, storefront: 9301, sellerPortal: 9302, postgres: 54369 }
const CODES = ["61", "6106", "610629", "610629101", "230184100", "44", "4403", "330106"]

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export async function benchAreas() {
  const dataDir = benchDataDir(os.tmpdir(), "tianyuan-bench-areas-")
  const env = benchLauncherEnv(dataDir, PORTS)
  const stack = await startStack({ env, mode: "production", serviceLog: path.join(dataDir, "servers.log"), log: () => undefined, apps: false })
  const knex = knexFactory({ client: "pg", connection: stack.databaseUrl, pool: { min: 1, max: 2 } })
  try {
    const first = await importAdminAreas(knex, { kind: "all" })
    const second = await importAdminAreas(knex, { kind: "all" })
    const client = new pg.Client({ connectionString: stack.databaseUrl })
    await client.connect()
    const { rows } = await client.query(
      `select count(*) filter (where level = 'village')::int as villages, count(*)::int as areas,
              pg_relation_size('admin_area') as heap, pg_indexes_size('admin_area') as indexes,
              pg_total_relation_size('admin_area') as total
         from admin_area`
    )
    // Areas nobody has opened yet (the server caches a tree for 60 s): towns and counties at random.
    const { rows: coldRows } = await client.query<{ code: string }>(
      `(select code from admin_area where level = 'town' order by random() limit 300)
       union all (select code from admin_area where level = 'county' order by random() limit 100)`
    )
    await client.end()

    const key = (await (await fetch(`${stack.urls.backend}/public/storefront-config`)).json()).publishable_key
    const headers = { "x-publishable-api-key": key }
    for (const code of CODES) await fetch(`${stack.urls.backend}/store/areas/${code}`, { headers })
    const timings: number[] = []
    for (let round = 0; round < 100; round++) {
      for (const code of CODES) {
        const started = performance.now()
        const response = await fetch(`${stack.urls.backend}/store/areas/${code}`, { headers })
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`/store/areas/${code} answered ${response.status}`)
        timings.push(performance.now() - started)
      }
    }
    timings.sort((a, b) => a - b)
    const cold: number[] = []
    for (const { code } of coldRows) {
      const started = performance.now()
      const response = await fetch(`${stack.urls.backend}/store/areas/${code}`, { headers })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`/store/areas/${code} answered ${response.status}`)
      cold.push(performance.now() - started)
    }
    cold.sort((a, b) => a - b)
    const mib = (bytes: string) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MiB`
    const [sizes] = rows
    const lines = [
      `full import: ${first.rows} areas (${sizes.villages} villages) in ${first.seconds.toFixed(1)} s — ${Math.round(first.rows / first.seconds)} rows/s`,
      `second import (nothing changed): ${second.seconds.toFixed(1)} s, ${second.changed} rows written`,
      `admin_area size: table ${mib(sizes.heap)}, indexes ${mib(sizes.indexes)}, total ${mib(sizes.total)}`,
      `GET /store/areas/:code at full data, repeated (${timings.length} requests over ${CODES.length} codes, one at a time): p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms, max ${timings[timings.length - 1].toFixed(1)} ms`,
      `GET /store/areas/:code at full data, first request for each of ${cold.length} random towns and counties: p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms, max ${cold[cold.length - 1].toFixed(1)} ms`,
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    await knex.destroy()
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
