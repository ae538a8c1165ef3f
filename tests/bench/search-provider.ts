import knexFactory, { type Knex } from "knex"
import { PostgreSqlPlatform } from "@mikro-orm/postgresql"
import type { SearchTypes } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { Migration20260807120000 } from "@medusajs/search-postgres/dist/migrations/Migration20260807120000"
import { PostgresCjkSearchService } from "../../plugins/search/src/providers/postgres-cjk/service"
import { BENCH_QUERIES, PRODUCE_FIELDS, type BenchQuery, type ProduceDocument } from "./search-data"

/**
 * The search bench at provider level: both providers get the same documents through the same kind of
 * database manager the Search module injects (MikroORM's execute, which inlines parameters), and the
 * same queries the store route would hand them (the store's status + sales-channel narrowing ANDed
 * with the query's filters). No HTTP, no Medusa: what is left is the provider and PostgreSQL.
 */
export type Timing = { name: string; hits: number; count: number | null; samples: number[]; topTitles: string[] }

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

export function resolvedDefinition(physicalName: string, provider: string): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "produce",
    entity: "product",
    primary_key: "id",
    provider,
    settings: {},
    fields: PRODUCE_FIELDS,
    definition_hash: "bench",
    physical_name: physicalName,
  } as unknown as SearchTypes.ResolvedSearchIndexDefinition
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
    attributes_to_retrieve: undefined as any,
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
    providers.push({
      name: "search-postgres",
      service: new PostgresSearchService({ manager, logger: console as any }, {}),
      index: resolvedDefinition("produce_bench_builtin", "search-postgres"),
    })
  }
  return providers
}

/** Writes the documents the way a full reindex does: the Search module's batches (100 by default). */
export async function loadDocuments(provider: Provider, docs: ProduceDocument[], batchSize: number, onProgress?: (done: number) => void) {
  await provider.service.upsertIndex({ index: provider.index })
  const started = performance.now()
  for (let i = 0; i < docs.length; i += batchSize) {
    await provider.service.upsertDocuments({ index: provider.index.physical_name, definition: provider.index, documents: docs.slice(i, i + batchSize) })
    onProgress?.(Math.min(docs.length, i + batchSize))
  }
  const seconds = (performance.now() - started) / 1000
  return { seconds, docsPerSecond: docs.length / seconds }
}

export async function runQueries(provider: Provider, salesChannelId: string, rounds: number, queries = BENCH_QUERIES): Promise<Timing[]> {
  const timings: Timing[] = queries.map((q) => ({ name: q.name, hits: 0, count: null, samples: [], topTitles: [] }))
  // Warm-up: one pass, so each plan and the pages it reads are in the caches as they are in production.
  for (const query of queries) await provider.service.search(providerQuery(query, provider.index, salesChannelId))
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const started = performance.now()
      const result: SearchTypes.SearchResult = await provider.service.search(providerQuery(query, provider.index, salesChannelId))
      timings[i].samples.push(performance.now() - started)
      timings[i].hits = result.hits.length
      timings[i].count = result.metadata.count ?? null
      timings[i].topTitles = result.hits.slice(0, 3).map((hit) => String((hit.document as any).title))
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

export { knexFactory }
