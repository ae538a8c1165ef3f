import { mkdirSync, readFileSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { benchDataDir, benchLauncherEnv } from "./bench-stack"
import { startStack } from "../../scripts/lib/stack"
import { BENCH_QUERIES, generateDocuments, loadVillages, storeSearchBody, type BenchQuery } from "./search-data"
import { cloneDemoProducts } from "./search-reindex"
import { benchSearchProviders, knexFactory, loadDocuments, mib, mikroOrmManager, report, tableSizes, type Provider, type Timing } from "./search-provider"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { PostgresCjkSearchService } from "../../plugins/search/src/providers/postgres-cjk/service"

/**
 * Issue 5 figures: 100,000 generated produce documents across 2,000 real villages, written into the
 * `produce` index (postgres-cjk) and into `produce_builtin` (Medusa's search-postgres, registered beside it
 * with SEARCH_COMPARE_BUILTIN=true), then the same 20 queries through `POST /store/search` with the
 * publishable key: p50/p95 per query and overall, hits found, index sizes, write throughput.
 *
 * Writes go through each provider's `upsertDocuments` in batches of 100 — what the Search module's full
 * reindex does (it streams the index's seed and flushes every `reindex.batch_size`, 100 by default) minus
 * reading the products. Needs `npm run build` first; backend on 9203, PostgreSQL on 54403; scratch data in
 * tests/bench/tmp. `npm run bench -- search --provider-level` runs the providers without HTTP (PostgreSQL
 * on 54404) — the same documents and queries, for working on the provider.
 */
const PORTS = (() => {
  // SEARCH_BENCH_PORTS="backend,storefront,portal,postgres" moves a trial run off the recorded bench's ports.
  const [backend = 9203, storefront = 9213, sellerPortal = 9223, postgres = 54403] = (process.env.SEARCH_BENCH_PORTS ?? "").split(",").filter(Boolean).map(Number)
  return { backend, storefront, sellerPortal, postgres }
})()
const DOCUMENTS = Number(process.env.SEARCH_BENCH_DOCUMENTS ?? 100_000)
const VILLAGES = 2_000
const ROUNDS = Number(process.env.SEARCH_BENCH_ROUNDS ?? 20)
/** search-postgres answers in seconds at this size: fewer rounds of it (its p95 is then its slowest). */
const BUILTIN_ROUNDS = Number(process.env.SEARCH_BENCH_BUILTIN_ROUNDS ?? 3)
const BATCH = 100
/** `--reindex`: products in the catalogue (demo produce cloned in SQL) for `search-reindex`. */
const REINDEX_PRODUCTS = Number(process.env.SEARCH_BENCH_REINDEX_PRODUCTS ?? 100_000)
const TMP = path.join(__dirname, "tmp")


async function activeIndex(client: pg.Client, name: string) {
  const { rows } = await client.query<{ physical_name: string; provider: string; status: string }>(
    `select v.physical_name, v.provider, v.status from search_index i
       join search_index_version v on v.search_index_id = i.id and v.version = i.active_version
      where i.name = $1 and i.deleted_at is null and v.deleted_at is null`,
    [name]
  )
  return rows[0]
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function timeHttp(url: string, key: string, entity: string, queries: BenchQuery[], rounds: number): Promise<Timing[]> {
  const post = async (query: BenchQuery) => {
    const started = performance.now()
    const response = await fetch(`${url}/store/search`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: JSON.stringify(storeSearchBody(query, entity)),
    })
    const body = (await response.json()) as any
    const ms = performance.now() - started
    if (!response.ok) throw new Error(`${entity} "${query.name}": ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
    const result = body.results?.[0] ?? body
    return { ms, result }
  }
  const timings: Timing[] = queries.map((query) => ({ name: query.name, samples: [], count: null, hits: 0, top: [] }))
  for (const query of queries) await post(query) // warm-up: plans, caches, connections
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const { ms, result } = await post(query)
      timings[i].samples.push(ms)
      timings[i].count = result.metadata?.count ?? null
      timings[i].hits = result.hits?.length ?? 0
      timings[i].top = (result.hits ?? []).slice(0, 2).map((hit: any) => String(hit.document?.title ?? hit.id))
    }
  }
  return timings
}

export async function benchSearch() {
  if (process.argv.includes("--provider-level")) return benchSearchProviders({ documents: DOCUMENTS, villages: VILLAGES, rounds: ROUNDS, batch: BATCH })
  if (process.argv.includes("--reindex")) return benchReindex()
  mkdirSync(TMP, { recursive: true })
  // SEARCH_BENCH_DATA=<a kept data dir> runs the queries again on documents already written.
  const reuse = process.env.SEARCH_BENCH_DATA
  const dataDir = reuse ?? benchDataDir(TMP, "search-")
  const env = benchLauncherEnv(dataDir, PORTS)
  const log = (line: string) => console.log(`  ${line}`)
  const stack = await startStack({
    env,
    mode: "production",
    apps: false,
    backendEnv: { SEARCH_COMPARE_BUILTIN: "true", ADMIN_DISABLE: "true" },
    serviceLog: path.join(dataDir, "servers.log"),
    log,
  })
  const client = new pg.Client({ connectionString: stack.databaseUrl })
  const knex = knexFactory({ client: "pg", connection: stack.databaseUrl, pool: { min: 1, max: 2 } })
  try {
    await client.connect()
    const key = (await (await fetch(`${stack.urls.backend}/public/storefront-config`)).json()).publishable_key as string
    const {
      rows: [channel],
    } = await client.query<{ sales_channel_id: string }>(
      `select pksc.sales_channel_id from publishable_api_key_sales_channel pksc join api_key k on k.id = pksc.publishable_key_id
        where k.token = $1 and pksc.deleted_at is null limit 1`,
      [key]
    )
    // The Search module builds both indexes when the backend starts (and seeds produce from the demo data).
    const produce = await waitFor("the produce index", async () => {
      const index = await activeIndex(client, "produce")
      return index?.status === "ready" ? index : undefined
    })
    const builtin = await waitFor("the produce_builtin index", async () => {
      const index = await activeIndex(client, "produce_builtin")
      return index?.status === "ready" ? index : undefined
    })
    log(`indexes: produce → ${produce.provider} ${produce.physical_name}; produce_builtin → ${builtin.provider} ${builtin.physical_name}`)

    const villages = await loadVillages(VILLAGES)
    const documents = generateDocuments(villages, DOCUMENTS, { salesChannelId: channel.sales_channel_id })
    const manager = mikroOrmManager(knex)
    const fakeIndex = (physical: string, provider: string) => ({ physical_name: physical, provider, name: physical }) as any
    const providers: Provider[] = [
      { name: "postgres-cjk", service: new PostgresCjkSearchService({ manager }), index: fakeIndex(produce.physical_name, "postgres-cjk") },
      {
        name: "search-postgres",
        service: new PostgresSearchService({ manager, logger: console as any }, {}),
        index: fakeIndex(builtin.physical_name, "search-postgres"),
      },
    ]
    const writes: string[] = []
    const held = async (provider: Provider) => {
      const catalog = provider.name === "postgres-cjk" ? "tianyuan_search_index" : "search_postgres_index"
      const { rows } = await client.query(`select document_count from ${catalog} where name = $1`, [provider.index.physical_name])
      return Number(rows[0]?.document_count ?? 0)
    }
    let loaded = false
    for (const provider of providers) {
      if (reuse && (await held(provider)) >= documents.length) continue
      if (provider.name === "search-postgres" && BUILTIN_ROUNDS === 0) continue // not timed: not loaded either
      loaded = true
      const result = await loadDocuments(provider, documents, BATCH, { upsertIndex: false })
      writes.push(`${provider.name}: ${documents.length.toLocaleString("en")} documents in ${result.seconds.toFixed(1)} s — ${Math.round(result.docsPerSecond)} docs/s`)
      log(writes[writes.length - 1])
    }
    // What autovacuum does after a bulk load (GIN pending lists merged, statistics for the planner).
    if (loaded) await client.query("vacuum analyze")
    const { rows: tables } = await client.query<{ table_name: string }>(`select table_name from search_postgres_index where name = $1`, [
      builtin.physical_name,
    ])
    const ourTable = `tysearch_${produce.physical_name.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`
    const sizes = {
      ours: await tableSizes(knex, `${ourTable}%`),
      builtin: await tableSizes(knex, tables[0]?.table_name ?? "none"),
    }
    const ourTimings = await timeHttp(stack.urls.backend, key, "produce", BENCH_QUERIES, ROUNDS)
    // On SEARCH_BENCH_DATA the backend may rebuild an index it finds changed (a new physical version
    // from the demo data only, swapped in while the queries run): such figures are not of these documents.
    const after = await activeIndex(client, "produce")
    if (after?.physical_name !== produce.physical_name) {
      throw new Error(`The produce index was rebuilt during the run (${produce.physical_name} → ${after?.physical_name}): run without SEARCH_BENCH_DATA`)
    }
    log(`postgres-cjk: ${ROUNDS} rounds done; search-postgres: ${BUILTIN_ROUNDS} rounds…`)
    // SEARCH_BENCH_BUILTIN_ROUNDS=0 (a rerun on SEARCH_BENCH_DATA after a change to ours) skips search-postgres.
    const builtinTimings = BUILTIN_ROUNDS > 0 ? await timeHttp(stack.urls.backend, key, "produce_builtin", BENCH_QUERIES, BUILTIN_ROUNDS) : undefined
    const lines = [
      `${documents.length.toLocaleString("en")} documents, ${VILLAGES} villages; ${BENCH_QUERIES.length} queries through POST /store/search, one at a time, after one warm-up pass: ${ROUNDS} rounds on postgres-cjk, ${BUILTIN_ROUNDS} on search-postgres (take 20, facets province/city/county [+ village in a county], exact count)`,
      `load average before the queries: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
      ...writes.map((w) => `upsertDocuments in batches of ${BATCH}, ${w}`),
      `index size: postgres-cjk ${mib(sizes.ours.table)} table + ${mib(sizes.ours.indexes)} indexes = ${mib(sizes.ours.table + sizes.ours.indexes)}; search-postgres ${mib(sizes.builtin.table)} + ${mib(sizes.builtin.indexes)} = ${mib(sizes.builtin.table + sizes.builtin.indexes)}`,
      "",
      ...report(ourTimings, builtinTimings),
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    await client.end().catch(() => undefined)
    await knex.destroy()
    await stack.stop()
    if (!process.env.SEARCH_BENCH_KEEP && !reuse) rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * `npm run bench -- search --reindex`: the full reindex command itself (what `npm run search:reindex`
 * runs: `medusa exec search-reindex`, the Search module's reindex of `produce`) over a catalogue of
 * SEARCH_BENCH_REINDEX_PRODUCTS products — the demo produce cloned in SQL (search-reindex.ts). Times
 * the command from spawn to exit (Medusa's boot included) and reads its own figure (reindex only).
 */
async function benchReindex() {
  mkdirSync(TMP, { recursive: true })
  const dataDir = benchDataDir(TMP, "search-reindex-")
  const env = benchLauncherEnv(dataDir, PORTS)
  const log = (line: string) => console.log(`  ${line}`)
  const serviceLog = path.join(dataDir, "servers.log")
  const stack = await startStack({ env, mode: "production", apps: false, backendEnv: { ADMIN_DISABLE: "true" }, serviceLog, log })
  const client = new pg.Client({ connectionString: stack.databaseUrl })
  try {
    await client.connect()
    await waitFor("the produce index", async () => {
      const index = await activeIndex(client, "produce")
      return index?.status === "ready" ? index : undefined
    })
    const clonedAt = performance.now()
    const { products, villages } = await cloneDemoProducts(client, REINDEX_PRODUCTS, log)
    await client.query("vacuum analyze")
    log(`${products.toLocaleString("en")} products over ${villages} villages in ${((performance.now() - clonedAt) / 1000).toFixed(1)} s`)
    const load = os.loadavg()
    const started = performance.now()
    // Only `produce` is declared in this stack (no SEARCH_COMPARE_BUILTIN): the command rebuilds it alone.
    await stack.runBackendScript("search-reindex")
    const seconds = (performance.now() - started) / 1000
    const produce = await activeIndex(client, "produce")
    const {
      rows: [held],
    } = await client.query<{ document_count: string }>(`select document_count from tianyuan_search_index where name = $1`, [produce.physical_name])
    const documents = Number(held?.document_count ?? 0)
    // The script's own line: "Reindexed "produce": N documents from M products in S s — R documents/s".
    // (The log line is JSON, its quotes escaped.)
    const own = readFileSync(serviceLog, "utf8")
      .match(/Reindexed \\?"produce\\?": \d+ documents from \d+ products in [\d.]+ s — \d+ documents\/s/g)
      ?.pop()
      ?.replace(/\\"/g, '"')
    const lines = [
      `search:reindex over ${products.toLocaleString("en")} products (demo produce cloned in SQL across ${villages} villages); load average before: ${load.map((l) => l.toFixed(1)).join(" ")}`,
      `command, spawn to exit (Medusa boot included): ${documents.toLocaleString("en")} documents in ${seconds.toFixed(1)} s — ${Math.round(documents / seconds)} docs/s`,
      `the command's own figure: ${own ?? "(not found in the log)"}`,
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    await client.end().catch(() => undefined)
    await stack.stop()
    if (!process.env.SEARCH_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true })
  }
}
