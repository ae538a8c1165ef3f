import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import knexFactory, { type Knex } from "knex"
import { PostgreSqlPlatform } from "@mikro-orm/postgresql"
import type { SearchTypes } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { Migration20260807120000 } from "@medusajs/search-postgres/dist/migrations/Migration20260807120000"
import { PostgresCjkSearchService } from "../../plugins/search/src/providers/postgres-cjk/service"
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres"
import { BENCH_QUERIES, PRODUCE_FIELDS, generateDocuments, loadVillages, type BenchQuery, type ProduceDocument } from "./search-data"

/**
 * The search bench at provider level: both providers get the same documents through the same kind of
 * database manager the Search module injects (MikroORM's execute, which inlines parameters), and the
 * same queries the store route would hand them (the store's status + sales-channel narrowing ANDed
 * with the query's filters). No HTTP, no Medusa: what is left is the provider and PostgreSQL.
 */
export type Timing = { name: string; hits: number; count: number | null; samples: number[]; top: string[] }

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function mikroOrmManager(knex: Knex) {
  const platform = new PostgreSqlPlatform()
  return {
    execute: async (sql: string, params: unknown[] = []) => (await knex.raw(platform.formatQuery(sql, params as any[]))).rows,
    transactional: async <T>(cb: (manager: any) => Promise<T>): Promise<T> =>
      knex.transaction(async (trx) =>
        cb({ execute: async (sql: string, params: unknown[] = []) => (await trx.raw(platform.formatQuery(sql, params as any[]))).rows })
      ),
  }
}

export function resolvedDefinition(physicalName: string, provider: string, fields = PRODUCE_FIELDS): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "produce",
    entity: "product",
    primary_key: "id",
    provider,
    settings: {},
    fields,
    definition_hash: "bench",
    physical_name: physicalName,
  } as unknown as SearchTypes.ResolvedSearchIndexDefinition
}

function retrievablePaths(fields: Record<string, any>, prefix = ""): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    if (field.retrievable === false) return []
    const path = prefix ? `${prefix}.${name}` : name
    return field.type === "object" && field.fields ? [path, ...retrievablePaths(field.fields, path)] : [path]
  })
}

/** What /store/search hands the provider: the store narrowing ANDed with the query's own filters, `q` lifted. */
export function providerQuery(
  query: BenchQuery,
  index: SearchTypes.ResolvedSearchIndexDefinition,
  salesChannelId: string
): SearchTypes.ProviderSearchQuery {
  const { q, ...rest } = (query.filters ?? {}) as Record<string, unknown>
  const store = { status: "published", sales_channel_ids: [salesChannelId] }
  return {
    index,
    q: q as string | undefined,
    // What the module passes by default: every retrievable path.
    attributes_to_retrieve: retrievablePaths(index.fields as Record<string, any>),
    filters: Object.keys(rest).length ? { $and: [store, rest] } : store,
    pagination: { skip: 0, take: 20, order: query.order },
    search_options: { facets: query.facets.map((field) => ({ field, type: "value" as const })), count: "exact" },
  } as SearchTypes.ProviderSearchQuery
}

export async function createBuiltinCatalog(knex: Knex) {
  const statements: string[] = []
  await Migration20260807120000.prototype.up.call({ addSql: (sql: string) => statements.push(sql) } as any)
  for (const sql of statements) await knex.raw(sql)
}

export type Provider = { name: string; service: any; index: SearchTypes.ResolvedSearchIndexDefinition }

export function makeProviders(knex: Knex, options: { builtin: boolean }): Provider[] {
  const manager = mikroOrmManager(knex)
  const providers: Provider[] = [
    { name: "postgres-cjk", service: new PostgresCjkSearchService({ manager }), index: resolvedDefinition("produce_bench_cjk", "postgres-cjk") },
  ]
  if (options.builtin) {
    // search-postgres refuses geo fields: the same definition without `location`.
    const { location: _geo, ...fields } = PRODUCE_FIELDS
    providers.push({
      name: "search-postgres",
      service: new PostgresSearchService({ manager, logger: console as any }, {}),
      index: resolvedDefinition("produce_bench_builtin", "search-postgres", fields),
    })
  }
  return providers
}

/** Writes the documents the way a full reindex does: the Search module's batches (100 by default). */
export async function loadDocuments(provider: Provider, docs: ProduceDocument[], batchSize: number, options: { upsertIndex?: boolean } = {}) {
  if (options.upsertIndex !== false) await provider.service.upsertIndex({ index: provider.index })
  const started = performance.now()
  for (let i = 0; i < docs.length; i += batchSize) {
    await provider.service.upsertDocuments({ index: provider.index.physical_name, definition: provider.index, documents: docs.slice(i, i + batchSize) })
  }
  const seconds = (performance.now() - started) / 1000
  return { seconds, docsPerSecond: docs.length / seconds }
}

export async function runQueries(provider: Provider, salesChannelId: string, rounds: number, queries = BENCH_QUERIES): Promise<Timing[]> {
  const timings: Timing[] = queries.map((q) => ({ name: q.name, hits: 0, count: null, samples: [], top: [] }))
  // Warm-up: one pass, so each plan and the pages it reads are in the caches as they are in production.
  for (const query of queries) await provider.service.search(providerQuery(query, provider.index, salesChannelId))
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const started = performance.now()
      const result: SearchTypes.SearchResult = await provider.service.search(providerQuery(query, provider.index, salesChannelId))
      timings[i].samples.push(performance.now() - started)
      timings[i].hits = result.hits.length
      timings[i].count = result.metadata.count ?? null
      timings[i].top = result.hits.slice(0, 2).map((hit) => String((hit.document as any).title))
    }
  }
  return timings
}

export async function tableSizes(knex: Knex, pattern: string) {
  const { rows } = await knex.raw(
    `select coalesce(sum(pg_table_size(c.oid)), 0)::bigint as "table", coalesce(sum(pg_indexes_size(c.oid)), 0)::bigint as "indexes"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = 'public' and c.relname like ?`,
    [pattern]
  )
  return { table: Number(rows[0].table), indexes: Number(rows[0].indexes) }
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
const ms = (value: number) => value.toFixed(1)

/** The side-by-side table: matches found, p50 and p95 per query and over all samples. */
export function report(ours: Timing[], builtin: Timing[] | undefined): string[] {
  const lines = [
    `| query | postgres-cjk found | p50 ms | p95 ms | search-postgres found | p50 ms | p95 ms |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ]
  ours.forEach((row, i) => {
    const other = builtin?.[i]
    lines.push(
      `| ${row.name} | ${row.count ?? "—"} | ${ms(percentile(row.samples, 50))} | ${ms(percentile(row.samples, 95))} | ${
        other ? `${other.count ?? "—"} | ${ms(percentile(other.samples, 50))} | ${ms(percentile(other.samples, 95))}` : "— | — | —"
      } |`
    )
  })
  const all = ours.flatMap((row) => row.samples)
  const allBuiltin = builtin?.flatMap((row) => row.samples) ?? []
  lines.push(
    `| **all ${ours.length} queries** | | **${ms(percentile(all, 50))}** | **${ms(percentile(all, 95))}** | | ${
      allBuiltin.length ? `**${ms(percentile(allBuiltin, 50))}** | **${ms(percentile(allBuiltin, 95))}**` : "— | —"
    } |`
  )
  return lines
}

/**
 * `npm run bench -- search --provider-level`: both providers on an embedded PostgreSQL (port 54404), the
 * same documents and queries as the HTTP bench, no Medusa in between.
 */
export async function benchSearchProviders(options: { documents: number; villages: number; rounds: number; batch: number }) {
  const tmp = path.join(__dirname, "tmp")
  mkdirSync(tmp, { recursive: true })
  const dataDir = mkdtempSync(path.join(tmp, "search-providers-"))
  chmodSync(dataDir, 0o755) // embedded PostgreSQL runs as its own user
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: 54404 })
  await database.ensureDatabase("search_bench")
  const knex = knexFactory({ client: "pg", connection: database.url("search_bench"), pool: { min: 1, max: 2 } })
  try {
    await createBuiltinCatalog(knex)
    const villages = await loadVillages(options.villages)
    const documents = generateDocuments(villages, options.documents, { salesChannelId: "sc_bench" })
    const providers = makeProviders(knex, { builtin: true })
    const writes: string[] = []
    for (const provider of providers) {
      const result = await loadDocuments(provider, documents, options.batch)
      writes.push(
        `${provider.name}: upsertDocuments in batches of ${options.batch}, ${documents.length.toLocaleString("en")} documents in ${result.seconds.toFixed(1)} s — ${Math.round(result.docsPerSecond)} docs/s`
      )
      console.log(`  ${writes[writes.length - 1]}`)
    }
    await knex.raw("vacuum analyze")
    const ours = await tableSizes(knex, "tysearch_produce_bench_cjk%")
    const builtin = await tableSizes(knex, "search_pg%")
    const timings = []
    for (const provider of providers) timings.push(await runQueries(provider, "sc_bench", options.rounds))
    const lines = [
      `provider level (no HTTP): ${documents.length.toLocaleString("en")} documents, ${options.villages} villages; ${options.rounds} rounds of ${BENCH_QUERIES.length} queries, one at a time`,
      `load average: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
      ...writes,
      `index size: postgres-cjk ${mib(ours.table)} table + ${mib(ours.indexes)} indexes; search-postgres ${mib(builtin.table)} + ${mib(builtin.indexes)}`,
      "",
      ...report(timings[0], timings[1]),
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    await knex.destroy()
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export { knexFactory }
