import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import knexFactory, { type Knex } from "knex"
import type { SearchTypes } from "@medusajs/framework/types"
import { PostgreSqlPlatform } from "@mikro-orm/postgresql"
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../../../../scripts/lib/embedded-postgres"
import { describeProduceContract } from "../contract/produce-contract"
import { corpus, produceDefinition, retrievablePaths } from "../contract/produce-corpus"
import { oneEdit, oneEditVariants, PostgresCjkSearchService, type DbManager } from "./service"

/**
 * postgres-cjk on a real PostgreSQL 17 (embedded, port 55100 unless SEARCH_TEST_PG_PORT): the shared
 * produce contract (../contract) with both shapes of the Search module's database manager, then what
 * only this provider promises (stricter matching than an engine with typo tolerance everywhere).
 */
const PORT = Number(process.env.SEARCH_TEST_PG_PORT ?? 55100)

let dataDir: string
let database: EmbeddedDatabase
let knex: Knex

/**
 * Two shapes of the Search module's manager: knex bindings, and MikroORM's execute(), which the
 * module really injects and which inlines every parameter with its own escaping before knex runs it.
 */
const managers: [string, () => DbManager][] = [
  ["knex bindings", () => ({ execute: async (sql, params = []) => (await knex.raw(sql, params as any[])).rows })],
  [
    "MikroORM formatQuery",
    () => {
      const platform = new PostgreSqlPlatform()
      return { execute: async (sql, params = []) => (await knex.raw(platform.formatQuery(sql, params as any[]))).rows }
    },
  ],
]

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "tianyuan-search-pg-"))
  chmodSync(dataDir, 0o755)
  database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: PORT })
  await database.ensureDatabase("search_contract")
  knex = knexFactory({ client: "pg", connection: database.url("search_contract"), pool: { min: 0, max: 4 } })
})

afterAll(async () => {
  await knex?.destroy()
  await database?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

for (const [name, makeManager] of managers) {
  describeProduceContract({
    name: `postgres-cjk, ${name}`,
    physicalName: `produce_contract_${name.split(" ")[0].toLowerCase()}`,
    providerId: "postgres-cjk",
    create: () => new PostgresCjkSearchService({ manager: makeManager() }),
  })
}

describe("postgres-cjk beyond the contract", () => {
  const definition = produceDefinition("produce_pg_only", undefined, "postgres-cjk")
  let provider: PostgresCjkSearchService
  const search = (q: string | undefined, extra: Partial<SearchTypes.ProviderSearchQuery> = {}) =>
    provider.search({ index: definition, attributes_to_retrieve: retrievablePaths(), q, ...extra })
  const ids = (result: SearchTypes.SearchResult) => result.hits.map((h) => h.id)

  beforeAll(async () => {
    provider = new PostgresCjkSearchService({ manager: managers[1][1]() })
    await provider.upsertIndex({ index: definition })
    await provider.upsertDocuments({ index: "produce_pg_only", definition, documents: corpus })
  })

  afterAll(async () => {
    await provider.deleteIndex({ index: "produce_pg_only" })
  })

  it("matches pinyin only as contiguous syllables from a word start, and a single letter only at word starts", async () => {
    // 稻花香 without 稻 is not a run of syllables (with typos on, it is one letter from "daohuaxiang").
    expect(ids(await search("dahuaxiang", { search_options: { typo_tolerance: false } }))).toEqual([])
    expect(ids(await search("uochuan"))).toEqual([]) // words match from their start
    expect(ids(await search("u"))).toEqual([]) // inside luochuan, fruit and juicy, but no word starts with it
  })

  it("finds nothing for 200 repeated characters that no title repeats", async () => {
    expect(ids(await search("米".repeat(200)))).toEqual([])
  })

  it("filters by prefix, with LIKE wildcards taken literally", async () => {
    expect(ids(await search(undefined, { filters: { village_code: { $prefix: "6106%" } } }))).toEqual([])
    expect(ids(await search(undefined, { filters: { village_code: { $prefix: "6106" } } })).sort()).toEqual(["apple", "dates"])
  })

  it("tolerates exactly one typo: two wrong letters make another word", async () => {
    expect(ids(await search("kiwifruti"))).toEqual(["kiwi"]) // neighbours swapped: one typo
    expect(ids(await search("kiwifroot"))).toEqual([]) // two letters replaced (trigram similarity 0.38 used to match)
  })

  it("looks typos up as the spellings one edit away that keep the first letter", () => {
    const variants = oneEditVariants("pinggou")
    for (const spelling of ["pingguo", "pingou", "pinggous", "pinggo", "pinggpu"]) expect(variants.has(spelling)).toBe(true)
    for (const spelling of ["pinggou", "qinggou", "inggou", "pingguoo"]) expect(variants.has(spelling)).toBe(false)
    expect([...variants].every((spelling) => oneEdit("pinggou", spelling))).toBe(true)
  })

  it("keeps question marks in documents and filter values (MikroORM's execute would make them $n placeholders)", async () => {
    const apple = corpus.find((doc) => doc.id === "apple")!
    const asked = { ...apple, id: "asked", title: "问号苹果", description: "甜吗? 甜!", variety: "红富士?" }
    await provider.upsertDocuments({ index: "produce_pg_only", definition, documents: [asked] })
    expect((await search("问号")).hits.map((hit) => hit.document)).toEqual([asked])
    expect(ids(await search(undefined, { filters: { variety: "红富士?" } }))).toEqual(["asked"])
    await provider.deleteDocuments({ index: "produce_pg_only", filters: { id: ["asked"] } })
  })
})
