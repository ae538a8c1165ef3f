import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import {
  DEFAULTS,
  PROVIDER_KEY,
  buildFilter,
  decodeTaskId,
  encodeTaskId,
  fieldsFromFilterable,
  flattenFields,
  idsFromFilters,
  invalid,
  lastVersions,
  planSearch,
  settingsFromDefinition,
  settleTasks,
  toMedusaError,
  toMeiliDocument,
  type FinishedTask,
  type MeiliResponse,
} from "./translate"

/**
 * A Search-module provider on Meilisearch (the official `meilisearch` client), chosen when
 * MEILISEARCH_HOST is set. See ./translate.ts for how definitions, documents, filters and queries
 * map to Meilisearch, and plugins/search/README.md for running its contract suite on a real server.
 *
 * Writes are asynchronous in Meilisearch: upsertDocuments, deleteDocuments, clearIndex and
 * deleteIndex return an "enqueued" task whose id lists the Meilisearch task uids ("12,13"), and
 * waitForTask waits for all of them and reports a failure with Meilisearch's own message — the Search
 * module then throws `Search write failed on index "produce": <that message>`. upsertIndex waits
 * itself, so a definition Meilisearch rejects fails at startup, not later.
 *
 * The client is ESM-only (0.57+) and this plugin compiles to CommonJS: it is loaded with a dynamic
 * import(), which TypeScript keeps as import() under "module": "Node16".
 */

const loadClientModule = () => import("meilisearch")
type ClientModule = Awaited<ReturnType<typeof loadClientModule>>
type Client = InstanceType<ClientModule["Meilisearch"]>

export type MeilisearchSearchOptions = {
  /** The server, e.g. http://127.0.0.1:7700 (default: MEILISEARCH_HOST). */
  host?: string
  /** An API key allowed to manage indexes, documents, settings and tasks (default: MEILISEARCH_API_KEY). */
  apiKey?: string
  /** Documents per addDocuments call (default 1,000). */
  batchSize?: number
  /** Longest accepted query, in characters (default 200). */
  maxQueryLength?: number
  /** The most hits a query can count or page to (index setting pagination.maxTotalHits; default 10,000). */
  maxTotalHits?: number
  /** The most values a facet returns (index setting faceting.maxValuesPerFacet; default 1,000). */
  maxValuesPerFacet?: number
  /** How long waitForTask waits when the caller gives no timeout (default 120 s). */
  taskTimeoutMs?: number
  /** How often waitForTask polls a task (default 50 ms). */
  taskIntervalMs?: number
  /** Timeout of one HTTP request (default 10 s). */
  requestTimeoutMs?: number
}

export class MeilisearchSearchService extends AbstractSearchProviderService {
  static override identifier = PROVIDER_KEY

  protected readonly logger_?: Logger
  protected readonly options_: Required<Omit<MeilisearchSearchOptions, "apiKey">> & { apiKey?: string }
  protected client_?: Promise<Client>
  /** The definitions seen per physical index, for deletes by filter (which carry only the index name). */
  protected readonly definitions_ = new Map<string, SearchTypes.ResolvedSearchIndexDefinition>()

  constructor({ logger }: { logger?: Logger } = {}, options: MeilisearchSearchOptions = {}) {
    super()
    const host = options.host ?? process.env.MEILISEARCH_HOST
    if (!host) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "The meilisearch search provider needs a host: set MEILISEARCH_HOST or the provider option host"
      )
    }
    this.logger_ = logger
    this.options_ = {
      host,
      apiKey: options.apiKey ?? process.env.MEILISEARCH_API_KEY ?? undefined,
      batchSize: Math.max(1, options.batchSize ?? 1000),
      maxQueryLength: options.maxQueryLength ?? DEFAULTS.maxQueryLength,
      maxTotalHits: options.maxTotalHits ?? DEFAULTS.maxTotalHits,
      maxValuesPerFacet: options.maxValuesPerFacet ?? DEFAULTS.maxValuesPerFacet,
      taskTimeoutMs: options.taskTimeoutMs ?? 120_000,
      taskIntervalMs: options.taskIntervalMs ?? 50,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    }
  }

  protected client(): Promise<Client> {
    this.client_ ??= loadClientModule().then(
      ({ Meilisearch }) =>
        new Meilisearch({
          host: this.options_.host,
          apiKey: this.options_.apiKey,
          timeout: this.options_.requestTimeoutMs,
          clientAgents: ["tianyuan-search"],
        })
    )
    return this.client_
  }

  protected async call<T>(context: string, run: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.client()
    try {
      return await run(client)
    } catch (error) {
      throw toMedusaError(error, context)
    }
  }

  protected enqueued(index: string, uids: number[]): SearchTypes.SearchTask {
    return uids.length ? { id: encodeTaskId(uids), index, status: "enqueued" } : { index, status: "succeeded" }
  }

  /** Waits for tasks this provider needs finished before it answers (index creation, settings). */
  protected async applied(index: string, uids: number[], what: string): Promise<void> {
    const task = await this.waitForTask(this.enqueued(index, uids))
    if (task.status === "failed") {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch could not ${what} "${index}": ${task.error?.message}`)
    }
  }

  override async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const uid = index.physical_name
    const settings = settingsFromDefinition(index, this.options_)
    const existing = await this.call(`Reading index "${uid}"`, async (client) => {
      try {
        return await client.getRawIndex(uid)
      } catch (error) {
        if ((error as { cause?: { code?: string } })?.cause?.code === "index_not_found") return undefined
        throw error
      }
    })
    if (!existing) {
      const created = await this.call(`Creating index "${uid}"`, async (client) => client.createIndex(uid, { primaryKey: index.primary_key }))
      await this.applied(uid, [created.taskUid], "create the index")
    } else if (existing.primaryKey && existing.primaryKey !== index.primary_key) {
      invalid(`Meilisearch index "${uid}" is keyed by "${existing.primaryKey}", not "${index.primary_key}"`)
    }
    const updated = await this.call(`Updating the settings of index "${uid}"`, async (client) =>
      client.index(uid).updateSettings(settings as Parameters<ReturnType<Client["index"]>["updateSettings"]>[0])
    )
    await this.applied(uid, [updated.taskUid], "apply the settings of index")
    this.definitions_.set(uid, index)
    return { index: uid, status: "succeeded" }
  }

  override async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const task = await this.call(`Deleting index "${index}"`, async (client) => client.deleteIndex(index))
    this.definitions_.delete(index)
    return this.enqueued(index, [task.taskUid])
  }

  override async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    return this.call("Listing indexes", async (client) => {
      const indexes: { uid: string; createdAt: string; updatedAt: string }[] = []
      for (let offset = 0; ; offset += 100) {
        const page = await client.getRawIndexes({ offset, limit: 100 })
        indexes.push(...page.results)
        if (page.results.length < 100) break
      }
      const stats = await client.getStats()
      return indexes.map((info) => ({
        name: info.uid,
        provider: PROVIDER_KEY,
        document_count: stats.indexes[info.uid]?.numberOfDocuments ?? 0,
        created_at: new Date(info.createdAt),
        updated_at: new Date(info.updatedAt),
      }))
    })
  }

  override async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    this.definitions_.set(index, definition)
    const pk = definition.primary_key || "id"
    const docs = lastVersions(documents as Record<string, unknown>[], pk).map((doc) =>
      toMeiliDocument(doc as SearchTypes.SearchDocument, definition)
    )
    const uids: number[] = []
    for (let i = 0; i < docs.length; i += this.options_.batchSize) {
      const batch = docs.slice(i, i + this.options_.batchSize)
      const task = await this.call(`Writing documents to index "${index}"`, async (client) =>
        client.index(index).addDocuments(batch, { primaryKey: pk })
      )
      uids.push(task.taskUid)
    }
    return this.enqueued(index, uids)
  }

  override async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const definition = this.definitions_.get(index)
    const pk =
      definition?.primary_key ??
      (await this.call(`Reading index "${index}"`, async (client) => (await client.getRawIndex(index)).primaryKey)) ??
      "id"
    const ids = idsFromFilters(filters, pk)
    if (ids) {
      if (!ids.length) return { index, status: "succeeded" }
      const task = await this.call(`Deleting documents from index "${index}"`, async (client) => client.index(index).deleteDocuments(ids))
      return this.enqueued(index, [task.taskUid])
    }
    // Without the definition (a restart), date fields are known from their filterable companions.
    const fields = definition
      ? flattenFields(definition.fields)
      : fieldsFromFilterable(
          await this.call(`Reading index "${index}"`, async (client) => (await client.index(index).getFilterableAttributes()) as string[])
        )
    const filter = buildFilter(filters, { fields, pk, strict: !!definition })
    if (!filter) invalid("deleteDocuments needs filters (use clearIndex to remove everything)")
    const task = await this.call(`Deleting documents from index "${index}"`, async (client) => client.index(index).deleteDocuments({ filter }))
    return this.enqueued(index, [task.taskUid])
  }

  override async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const task = await this.call(`Clearing index "${index}"`, async (client) => client.index(index).deleteAllDocuments())
    return this.enqueued(index, [task.taskUid])
  }

  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    const uids = decodeTaskId(task.id)
    if (!uids.length || task.status === "succeeded" || task.status === "failed") return task
    const timeout = options?.timeout_ms ?? this.options_.taskTimeoutMs
    const deadline = Date.now() + timeout
    const client = await this.client()
    const finished: FinishedTask[] = []
    for (const uid of uids) {
      try {
        finished.push(
          await client.tasks.waitForTask(uid, { timeout: Math.max(1, deadline - Date.now()), interval: this.options_.taskIntervalMs })
        )
      } catch (error) {
        if ((error as Error)?.name === "MeilisearchTaskTimeOutError") {
          throw new MedusaError(
            MedusaError.Types.UNEXPECTED_STATE,
            `Meilisearch task ${uid} on index "${task.index}" did not finish within ${timeout} ms`
          )
        }
        throw toMedusaError(error, `Waiting for Meilisearch task ${uid}`)
      }
    }
    const settled = settleTasks(task, finished)
    if (settled.status === "failed") this.logger_?.warn(`Search write on index "${task.index}" failed: ${settled.error?.message}`)
    return settled
  }

  override async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query (and the extra counts its range and stats facets need) in one multi-search round trip. */
  override async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    const plans = inputs.map((input) => planSearch(input, this.options_))
    const queries = plans.flatMap((plan) => plan.queries)
    if (!queries.length) return []
    const names = [...new Set(inputs.map((input) => input.index.physical_name))].join(", ")
    const { results } = await this.call(`Searching index "${names}"`, async (client) =>
      client.multiSearch({ queries: queries as Parameters<Client["multiSearch"]>[0]["queries"] })
    )
    let offset = 0
    return plans.map((plan) => {
      const responses = results.slice(offset, offset + plan.queries.length) as unknown as MeiliResponse[]
      offset += plan.queries.length
      return plan.assemble(responses)
    })
  }
}
