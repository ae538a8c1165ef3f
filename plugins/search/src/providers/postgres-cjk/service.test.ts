import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import knexFactory, { type Knex } from "knex"
import type { SearchTypes } from "@medusajs/framework/types"
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../../../../scripts/lib/embedded-postgres"
import { PostgreSqlPlatform } from "@mikro-orm/postgresql"
import { PostgresCjkSearchService, type DbManager } from "./service"

/**
 * The provider contract on a real PostgreSQL 17 (embedded, port 55100 unless SEARCH_TEST_PG_PORT):
 * Chinese 1–2 character queries, pinyin, initials, English, one typo, filters, facets, sort, pages,
 * update and delete, bad input.
 */
const PORT = Number(process.env.SEARCH_TEST_PG_PORT ?? 55100)

const fields: Record<string, any> = {
  id: { type: "keyword", filterable: true },
  title: { type: "text", searchable: { weight: 3 } },
  title_en: { type: "text", searchable: { weight: 2 } },
  description: { type: "text", searchable: true },
  category: { type: "keyword", filterable: true, facetable: true },
  province_code: { type: "keyword", filterable: true, facetable: true },
  city_code: { type: "keyword", filterable: true, facetable: true },
  county_code: { type: "keyword", filterable: true, facetable: true },
  town_code: { type: "keyword", filterable: true, facetable: true },
  village_code: { type: "keyword", filterable: true, facetable: true },
  certifications: { type: "keyword", array: true, filterable: true, facetable: true },
  price: { type: "integer", filterable: true, sortable: true, facetable: true },
  in_stock: { type: "boolean", filterable: true, facetable: true },
  created_at: { type: "date", filterable: true, sortable: true },
}

const definition = {
  name: "produce",
  entity: "produce",
  primary_key: "id",
  provider: "postgres-cjk",
  settings: {},
  fields,
  definition_hash: "test",
  physical_name: "produce_v1",
  seed: async function* () {},
} as unknown as SearchTypes.ResolvedSearchIndexDefinition

/** 610629101204: 陕西 61 / 延安 6106 / 洛川 610629 / 镇 610629101 / 村 610629101204 */
function area(code: string) {
  return {
    province_code: code.slice(0, 2),
    city_code: code.slice(0, 4),
    county_code: code.slice(0, 6),
    town_code: code.slice(0, 9),
    village_code: code,
  }
}

const corpus = [
  {
    id: "apple",
    title: "洛川红富士苹果",
    title_en: "Luochuan Fuji apples",
    description: "黄土高原的红富士，脆甜多汁",
    category: "fruit",
    ...area("610629101204"),
    certifications: ["green-food"],
    price: 4800,
    in_stock: true,
    created_at: "2026-10-01T00:00:00Z",
  },
  {
    id: "rice",
    title: "五常稻花香大米",
    title_en: "Wuchang fragrant rice",
    description: "黑龙江五常的稻花香2号",
    category: "grain",
    ...area("230184100200"),
    certifications: ["organic", "geo-indication"],
    price: 9900,
    in_stock: true,
    created_at: "2026-11-01T00:00:00Z",
  },
  {
    id: "kiwi",
    title: "周至徐香猕猴桃",
    title_en: "Zhouzhi Xuxiang kiwifruit",
    description: "秦岭北麓的猕猴桃",
    category: "fruit",
    ...area("610124101201"),
    certifications: [],
    price: 3500,
    in_stock: false,
    created_at: "2026-09-15T00:00:00Z",
  },
]

let dataDir: string
let database: EmbeddedDatabase
let knex: Knex
let provider: PostgresCjkSearchService

const search = (q: string | undefined, extra: Partial<SearchTypes.ProviderSearchQuery> = {}) =>
  provider.search({ index: definition, attributes_to_retrieve: ["*"], q, ...extra })
const ids = (result: SearchTypes.SearchResult) => result.hits.map((h) => h.id)

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

describe.each(managers)("postgres-cjk search provider (%s)", (_name, makeManager) => {
  beforeAll(async () => {
    provider = new PostgresCjkSearchService({ manager: makeManager() })
    await provider.upsertIndex({ index: definition })
    await provider.upsertDocuments({ index: "produce_v1", definition, documents: corpus })
  })

  it("lists its index with the document count", async () => {
    const list = await provider.listIndexes()
    expect(list).toEqual([expect.objectContaining({ name: "produce_v1", provider: "postgres-cjk", document_count: 3 })])
  })

  it("finds Chinese titles by one and two characters", async () => {
    expect(ids(await search("米"))).toEqual(["rice"])
    expect(ids(await search("大米"))).toEqual(["rice"])
    expect(ids(await search("苹果"))).toEqual(["apple"])
    expect(ids(await search("猕猴桃"))).toEqual(["kiwi"])
    expect(ids(await search("洛川 苹果"))).toEqual(["apple"])
    expect(ids(await search("洛川苹果"))).toEqual(["apple"]) // words apart in the title
    expect(ids(await search("五常大米"))).toEqual(["rice"])
    expect(ids(await search("洛川大米"))).toEqual([]) // characters from two titles
    expect(ids(await search("稻花香米"))).toEqual(["rice"])
    expect(ids(await search("香蕉"))).toEqual([])
  })

  it("finds by pinyin and initials", async () => {
    expect(ids(await search("luochuan"))).toEqual(["apple"])
    expect(ids(await search("pingguo"))).toEqual(["apple"])
    expect(ids(await search("LuoChuan PingGuo"))).toEqual(["apple"])
    expect(ids(await search("lchfspg"))).toEqual(["apple"])
    expect(ids(await search("dahuaxiang"))).toEqual([]) // not a contiguous pinyin
    expect(ids(await search("daohuaxiang"))).toEqual(["rice"])
    expect(ids(await search("hongfushi"))).toEqual(["apple"]) // any run of syllables
    expect(ids(await search("hfs"))).toEqual(["apple"]) // any run of initials
    expect(ids(await search("uochuan"))).toEqual([]) // words match from their start
    expect(ids(await search("a"))).toEqual(["apple"]) // "apples"; not every title with an "a" inside
  })

  it("finds English words and tolerates one typo in a word of 5+ letters", async () => {
    expect(ids(await search("apples"))).toEqual(["apple"])
    expect(ids(await search("Fuji"))).toEqual(["apple"])
    expect(ids(await search("kiwifruit"))).toEqual(["kiwi"])
    expect(ids(await search("kiwifriut"))).toEqual(["kiwi"]) // transposition
    expect(ids(await search("fragant rice"))).toEqual(["rice"]) // a missing letter
    expect(ids(await search("wuchamg"))).toEqual(["rice"]) // a wrong letter
    expect(ids(await search("xyzzyq"))).toEqual([])
    expect(ids(await search("kiwifriut", { search_options: { typo_tolerance: false } }))).toEqual([])
    expect(ids(await search("apqlws"))).toEqual([]) // two typos
    expect(ids(await search("ric"))).toEqual(["rice"]) // a word start, no typo needed
  })

  it("filters on keywords, arrays, ranges and booleans", async () => {
    expect(ids(await search(undefined, { filters: { category: "fruit" } })).sort()).toEqual(["apple", "kiwi"])
    expect(ids(await search(undefined, { filters: { county_code: { $in: ["610629", "230184"] } } })).sort()).toEqual(["apple", "rice"])
    expect(ids(await search(undefined, { filters: { price: { $gte: 4000, $lt: 9900 } } }))).toEqual(["apple"])
    expect(ids(await search(undefined, { filters: { in_stock: false } }))).toEqual(["kiwi"])
    expect(ids(await search(undefined, { filters: { certifications: "organic" } }))).toEqual(["rice"])
    expect(ids(await search(undefined, { filters: { certifications: { $contains: ["organic", "geo-indication"] } } }))).toEqual(["rice"])
    expect(ids(await search(undefined, { filters: { certifications: { $overlaps: ["organic", "green-food"] } } })).sort()).toEqual(["apple", "rice"])
    expect(ids(await search(undefined, { filters: { $or: [{ category: "grain" }, { price: { $lt: 4000 } }] } })).sort()).toEqual(["kiwi", "rice"])
    expect(ids(await search(undefined, { filters: { $not: { category: "fruit" } } }))).toEqual(["rice"])
    expect(ids(await search("果", { filters: { province_code: "61", in_stock: true } }))).toEqual(["apple"])
    await expect(search(undefined, { filters: { title: "x" } })).rejects.toMatchObject({ type: "invalid_data" })
    await expect(search(undefined, { filters: { nope: "x" } })).rejects.toMatchObject({ type: "invalid_data" })
  })

  it("counts facets by area at every level, scoped by the query", async () => {
    const all = await search(undefined, {
      search_options: { facets: ["province_code", "city_code", "county_code", "village_code", "certifications"] },
    })
    expect(all.facets?.province_code).toEqual({
      type: "value",
      values: [
        { value: "61", count: 2 },
        { value: "23", count: 1 },
      ],
    })
    expect((all.facets?.city_code as any).values).toEqual([
      { value: "2301", count: 1 },
      { value: "6101", count: 1 },
      { value: "6106", count: 1 },
    ])
    expect((all.facets?.village_code as any).values).toHaveLength(3)
    expect((all.facets?.certifications as any).values).toEqual([
      { value: "geo-indication", count: 1 },
      { value: "green-food", count: 1 },
      { value: "organic", count: 1 },
    ])
    const fruit = await search("果", { search_options: { facets: ["county_code"] } })
    expect((fruit.facets?.county_code as any).values).toEqual([{ value: "610629", count: 1 }])
    const prices = await search(undefined, {
      search_options: { facets: [{ field: "price", type: "range", ranges: [{ key: "cheap", to: 5000 }, { key: "dear", from: 5000 }] }] },
    })
    expect((prices.facets?.price as any).ranges.map((r: any) => [r.key, r.count])).toEqual([
      ["cheap", 2],
      ["dear", 1],
    ])
  })

  it("sorts by relevance, price and newest, and pages", async () => {
    const byPrice = await search(undefined, { pagination: { order: { price: "ASC" } } })
    expect(ids(byPrice)).toEqual(["kiwi", "apple", "rice"])
    const newest = await search(undefined, { pagination: { order: { created_at: "DESC" } } })
    expect(ids(newest)).toEqual(["rice", "apple", "kiwi"])
    const page2 = await search(undefined, { pagination: { order: { price: "DESC" }, skip: 1, take: 1 } })
    expect(ids(page2)).toEqual(["apple"])
    expect(page2.metadata).toMatchObject({ skip: 1, take: 1, count: 3 })
    const pastTheEnd = await search("香", { pagination: { skip: 10, take: 5 } })
    expect(pastTheEnd.hits).toEqual([])
    expect(pastTheEnd.metadata.count).toBe(2)
    expect((await search("香", { pagination: { take: 0 } })).metadata.count).toBe(2)
    // Relevance: the title match outranks a description-only match.
    const relevance = await search("香")
    expect(ids(relevance).sort()).toEqual(["kiwi", "rice"])
    expect(relevance.hits[0].score).toBeGreaterThan(0)
    await expect(search(undefined, { pagination: { order: { title: "ASC" } } })).rejects.toMatchObject({ type: "invalid_data" })
  })

  it("treats SQL and regex metacharacters as data and rejects queries over 200 characters", async () => {
    for (const q of ["'; DROP TABLE tysearch_produce_v1; --", "%", "_", "\\", ".*", "(", "?", "$1", "[q]+"]) {
      expect(ids(await search(q))).toEqual([])
    }
    // Symbols separate words; they are never wildcards.
    expect(ids(await search("苹果%"))).toEqual(["apple"])
    expect(ids(await search(undefined, { filters: { village_code: { $prefix: "6106%" } } }))).toEqual([])
    expect(ids(await search(undefined, { filters: { village_code: { $prefix: "6106" } } }))).toEqual(["apple"])
    expect(ids(await search(""))).toHaveLength(3)
    expect(ids(await search(undefined, { filters: { category: "' OR 1=1 --" } }))).toEqual([])
    await expect(search("米".repeat(201))).rejects.toMatchObject({ type: "invalid_data" })
    expect(ids(await search("米".repeat(200)))).toEqual([])
  })

  it("updates and deletes documents", async () => {
    await provider.upsertDocuments({
      index: "produce_v1",
      definition,
      documents: [corpus[2], { ...corpus[2], title: "周至翠香猕猴桃", price: 3000, in_stock: true }], // the last one wins
    })
    expect(ids(await search("翠香"))).toEqual(["kiwi"])
    expect(ids(await search("徐香"))).toEqual([])
    expect(ids(await search("cuixiang"))).toEqual(["kiwi"])
    expect(ids(await search(undefined, { filters: { in_stock: true } })).sort()).toEqual(["apple", "kiwi", "rice"])

    await provider.deleteDocuments({ index: "produce_v1", filters: { id: { $in: ["kiwi"] } } })
    expect(ids(await search("猕猴桃"))).toEqual([])
    expect((await provider.listIndexes())[0].document_count).toBe(2)

    await provider.clearIndex({ index: "produce_v1" })
    expect(ids(await search(undefined))).toEqual([])
    await provider.deleteIndex({ index: "produce_v1" })
    expect(await provider.listIndexes()).toEqual([])
  })
})
