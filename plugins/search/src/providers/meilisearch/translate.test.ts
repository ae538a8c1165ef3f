import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { apple, kiwi, produceDefinition, produceFields, rice } from "../contract/produce-corpus"
import {
  buildFilter,
  buildSort,
  decodeTaskId,
  encodeTaskId,
  fieldsFromFilterable,
  flattenFields,
  fromMeiliHit,
  idsFromFilters,
  normalizeQuery,
  planSearch,
  settingsFromDefinition,
  settleTasks,
  toMedusaError,
  toMeiliDocument,
  type FilterContext,
  type MeiliResponse,
} from "./translate"
import { MeilisearchSearchService } from "./service"

/** The Meilisearch provider's translations, without a server: settings, documents, filters, queries, results, tasks, errors. */

const definition = produceDefinition("produce_v1", undefined, "meilisearch")
const ctx: FilterContext = { fields: flattenFields(definition.fields), pk: "id", strict: true }
const filter = (filters: SearchTypes.SearchFilters) => buildFilter(filters, ctx)
const INVALID = { type: MedusaError.Types.INVALID_DATA }
const harvested = Date.parse("2026-10-05T00:00:00.000Z")

describe("index settings from a definition", () => {
  const settings = settingsFromDefinition(definition)

  it("orders searchable attributes by weight, each followed by its Chinese and pinyin companions", () => {
    expect(settings.searchableAttributes.slice(0, 5)).toEqual(["title", "_cjk_title", "_py_title", "title_en", "description"])
    expect(settings.searchableAttributes).toContain("_cjk_province_name")
    expect(settings.searchableAttributes).toContain("title_pinyin")
    expect(settings.searchableAttributes).not.toContain("_cjk_title_en") // English has no Han companion
    expect(settings.searchableAttributes).not.toContain("category") // not searchable
    expect(settings.searchableAttributes).not.toContain("thumbnail")
  })

  it("makes filterable and facetable fields filterable, dates through their epoch companions, and sortable fields sortable", () => {
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(["id", "category", "province_code", "village_code", "price_min", "in_stock", "certifications"])
    )
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(["_ts_preorder_opens_at", "_ts_preorder_closes_at", "_ts_harvested_at", "_ts_created_at"])
    )
    expect(settings.filterableAttributes).not.toContain("title")
    expect(settings.filterableAttributes).not.toContain("harvested_at")
    expect(settings.sortableAttributes.sort()).toEqual(["_ts_created_at", "_ts_harvested_at", "id", "price_min"])
  })

  it("displays the retrievable fields only, so companions never show", () => {
    expect(settings.displayedAttributes.sort()).toEqual(Object.keys(produceFields).sort())
    const hidden = settingsFromDefinition(
      produceDefinition("x", { ...produceFields, status: { type: "keyword", filterable: true, retrievable: false } })
    )
    expect(hidden.displayedAttributes).not.toContain("status")
  })

  it("localizes Chinese text and its companions as cmn and English fields as eng", () => {
    const cmn = settings.localizedAttributes.find((l) => l.locales.includes("cmn"))
    const eng = settings.localizedAttributes.find((l) => l.locales.includes("eng"))
    expect(cmn?.attributePatterns).toEqual(expect.arrayContaining(["title", "_cjk_title", "description", "village_name", "cooperative_name"]))
    expect(cmn?.attributePatterns).not.toContain("title_pinyin")
    expect(eng?.attributePatterns.sort()).toEqual(["category_name_en", "description_en", "title_en"])
  })

  it("puts the sort rule first, sets typo tolerance from the definition and facet/pagination limits from the options", () => {
    expect(settings.rankingRules[0]).toBe("sort")
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [] })
    expect(settings.faceting.maxValuesPerFacet).toBe(1000)
    const tuned = settingsFromDefinition(
      {
        ...definition,
        settings: {
          typo_tolerance: { min_word_size_for_one_typo: 4, disabled_on_attributes: ["title_initials"] },
          distinct_attribute: "cooperative_id",
          provider_options: { meilisearch: { stopWords: ["的"] } },
        },
      },
      { maxTotalHits: 500, maxValuesPerFacet: 200 }
    )
    expect(tuned.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 }, disableOnAttributes: ["title_initials"] })
    expect(tuned).toMatchObject({ distinctAttribute: "cooperative_id", pagination: { maxTotalHits: 500 }, stopWords: ["的"] })
    expect(tuned.faceting.maxValuesPerFacet).toBe(200)
  })

  it("refuses what Meilisearch cannot hold, at startup", () => {
    const bad = (fields: Record<string, SearchTypes.SearchFieldDefinition>) => () =>
      settingsFromDefinition(produceDefinition("x", { id: { type: "keyword" }, ...fields }))
    expect(bad({ embedding: { type: "vector", dimensions: 3 } })).toThrow(expect.objectContaining(INVALID))
    expect(bad({ location: { type: "geo", filterable: true } })).toThrow(expect.objectContaining(INVALID))
    expect(bad({ "bad name": { type: "keyword" } })).toThrow(expect.objectContaining(INVALID))
    expect(bad({ _cjk_title: { type: "keyword" } })).toThrow(expect.objectContaining(INVALID))
  })
})

describe("documents", () => {
  it("keep every field and gain hidden companions: Han pieces, pinyin runs and epoch dates", () => {
    const doc = toMeiliDocument(apple, definition)
    for (const [key, value] of Object.entries(apple)) expect(doc[key]).toEqual(value)
    const cjk = String(doc._cjk_title).split(" ")
    expect(cjk).toEqual(expect.arrayContaining(["洛", "洛川", "苹", "苹果", "果"]))
    expect(cjk).not.toContain("红富士")
    const pinyin = String(doc._py_title).split(" ")
    expect(pinyin).toEqual(expect.arrayContaining(["luochuan", "pingguo", "hongfushi", "luochuanhongfushipingguo", "lchfspg", "hfs", "pg"]))
    expect(pinyin).not.toContain("l") // initials from two letters up
    expect(doc._ts_harvested_at).toBe(harvested)
    expect(doc).not.toHaveProperty("_ts_preorder_opens_at") // null: no companion, so NOT EXISTS holds
    expect(doc).not.toHaveProperty("_cjk_title_en")
    expect(String(doc._cjk_city_name).split(" ")).toContain("延安")
    // Area names have pinyin: true in their postgres-cjk options, and get the same here.
    expect(String(doc._py_county_name).split(" ")).toContain("luochuan")
    expect(doc).not.toHaveProperty("_py_description")
  })

  it("let 米 and 大米 be whole words of 五常稻花香大米", () => {
    const words = String(toMeiliDocument(rice, definition)._cjk_title).split(" ")
    expect(words).toContain("米")
    expect(words).toContain("大米")
    expect(toMeiliDocument(rice, definition)._ts_preorder_opens_at).toBe(Date.parse("2026-11-01T00:00:00.000Z"))
  })

  it("need their primary key", () => {
    const { id: _id, ...nameless } = kiwi
    expect(() => toMeiliDocument(nameless as SearchTypes.SearchDocument, definition)).toThrow(expect.objectContaining(INVALID))
  })
})

describe("filters → a Meilisearch filter expression", () => {
  it("quotes keyword values and escapes quotes and backslashes, so values never change the expression", () => {
    expect(filter({ category: "fruit" })).toBe('category = "fruit"')
    expect(filter({ category: 'fruit" OR category = "grain-oil' })).toBe('category = "fruit\\" OR category = \\"grain-oil"')
    expect(filter({ category: "fruit\\" })).toBe('category = "fruit\\\\"')
    expect(filter({ category: "' OR 1=1 --" })).toBe(`category = "' OR 1=1 --"`)
    expect(filter({ county_code: 610629 })).toBe('county_code = "610629"') // keywords stay strings
  })

  it("writes numbers, booleans and dates as literals of their type, and rejects values of another type", () => {
    expect(filter({ price_min: { $gte: 3000, $lt: "9900" } })).toBe("(price_min >= 3000) AND (price_min < 9900)")
    expect(filter({ in_stock: true, certified: "false" })).toBe("(in_stock = true) AND (certified = false)")
    expect(filter({ harvested_at: { $gte: "2026-10-05T00:00:00Z" } })).toBe(`_ts_harvested_at >= ${harvested}`)
    expect(filter({ harvested_at: { $lte: new Date(harvested) } })).toBe(`_ts_harvested_at <= ${harvested}`)
    expect(() => filter({ price_min: { $gte: "cheap" } })).toThrow(expect.objectContaining(INVALID))
    expect(() => filter({ price_min: { $gte: "" } })).toThrow(expect.objectContaining(INVALID))
    expect(() => filter({ in_stock: "yes" })).toThrow(expect.objectContaining(INVALID))
    expect(() => filter({ harvested_at: { $gte: "yesterday-ish" } })).toThrow(expect.objectContaining(INVALID))
    expect(() => filter({ category: { $gt: "a" } })).toThrow(expect.objectContaining(INVALID)) // no string ranges
  })

  it("translates $eq $ne $in $nin $exists $contains $overlaps and null", () => {
    expect(filter({ category: { $eq: "fruit" } })).toBe('category = "fruit"')
    expect(filter({ category: { $ne: "fruit" } })).toBe('category != "fruit"')
    expect(filter({ county_code: ["610629", "230184"] })).toBe('county_code IN ["610629", "230184"]')
    expect(filter({ county_code: { $in: ["610629"] } })).toBe('county_code IN ["610629"]')
    expect(filter({ county_code: { $nin: ["610629", "230184"] } })).toBe('county_code NOT IN ["610629", "230184"]')
    expect(filter({ county_code: { $in: [] } })).toBe("id NOT EXISTS") // matches nothing
    expect(filter({ county_code: { $nin: [] } })).toBeUndefined() // matches everything
    expect(filter({ county_code: { $in: ["61", null] } })).toBe('(county_code IN ["61"]) OR (county_code IS NULL OR county_code NOT EXISTS)')
    expect(filter({ preorder_opens_at: { $exists: true } })).toBe("_ts_preorder_opens_at EXISTS AND _ts_preorder_opens_at IS NOT NULL")
    expect(filter({ preorder_opens_at: { $exists: false } })).toBe("_ts_preorder_opens_at IS NULL OR _ts_preorder_opens_at NOT EXISTS")
    expect(filter({ preorder_opens_at: null })).toBe("_ts_preorder_opens_at IS NULL OR _ts_preorder_opens_at NOT EXISTS")
    expect(filter({ certifications: { $contains: ["organic", "geo-indication"] } })).toBe(
      '(certifications = "organic") AND (certifications = "geo-indication")'
    )
    expect(filter({ certifications: { $overlaps: ["organic", "green-food"] } })).toBe('certifications IN ["organic", "green-food"]')
  })

  it("nests $and, $or and $not in parentheses", () => {
    expect(filter({ $or: [{ category: "grain-oil" }, { price_min: { $lt: 3000 } }] })).toBe(
      '(category = "grain-oil") OR (price_min < 3000)'
    )
    expect(filter({ province_code: "61", $not: { category: "fruit" } })).toBe('(province_code = "61") AND (NOT (category = "fruit"))')
    expect(filter({ $and: [{ category: "dried" }, { $or: [{ in_stock: true }, { certified: true }] }] })).toBe(
      '(category = "dried") AND ((in_stock = true) OR (certified = true))'
    )
    expect(filter({ $or: [{}, { category: "fruit" }] })).toBeUndefined() // one branch matches everything
    expect(filter({ $or: [] })).toBe("id NOT EXISTS")
    expect(filter({ q: "苹果" })).toBeUndefined() // the text query is not a filter
  })

  it("rejects unknown and unfilterable fields and operators Meilisearch cannot express", () => {
    for (const bad of [
      { title: "x" },
      { nope: "x" },
      { "category OR 1": "x" },
      { village_code: { $prefix: "6106" } },
      { title: { $like: "%x%" } },
      { category: { $regex: ".*" } },
      { $nor: [{ category: "fruit" }] },
      { category: { nested: "x" } },
    ] as SearchTypes.SearchFilters[]) {
      expect(() => filter(bad), JSON.stringify(bad)).toThrow(expect.objectContaining(INVALID))
    }
  })

  it("deletes by id through the id path and, without a definition, types values by themselves", () => {
    expect(idsFromFilters({ id: ["a", "b"] }, "id")).toEqual(["a", "b"])
    expect(idsFromFilters({ id: { $in: ["a"] } }, "id")).toEqual(["a"])
    expect(idsFromFilters({ id: "a" }, "id")).toEqual(["a"])
    expect(idsFromFilters({ id: { $eq: "a" } }, "id")).toEqual(["a"])
    expect(idsFromFilters({ id: ["a"], category: "fruit" }, "id")).toBeUndefined()
    expect(idsFromFilters({ category: "fruit" }, "id")).toBeUndefined()
    const loose: FilterContext = { fields: fieldsFromFilterable(["id", "category", "_ts_harvested_at"]), pk: "id", strict: false }
    expect(buildFilter({ category: "fruit", price_min: { $lt: 5000 }, in_stock: false }, loose)).toBe(
      '(category = "fruit") AND (price_min < 5000) AND (in_stock = false)'
    )
    expect(buildFilter({ harvested_at: { $lt: "2026-10-05T00:00:00Z" } }, loose)).toBe(`_ts_harvested_at < ${harvested}`)
  })
})

describe("sort rules", () => {
  it("sort explicit orders with the primary key last, and placeholder searches by the primary key", () => {
    expect(buildSort({ price_min: "ASC" }, ctx, true)).toEqual(["price_min:asc", "id:asc"])
    expect(buildSort({ harvested_at: "DESC" }, ctx, false)).toEqual(["_ts_harvested_at:desc", "id:asc"])
    expect(buildSort({ price_min: "desc", _score: "DESC" }, ctx, true)).toEqual(["price_min:desc", "id:asc"])
    expect(buildSort(undefined, ctx, false)).toEqual(["id:asc"])
    expect(buildSort(undefined, ctx, true)).toBeUndefined() // relevance
    expect(buildSort({ _score: "DESC" }, ctx, true)).toBeUndefined()
  })

  it("rejects unsortable fields, bad directions and relevance before a field", () => {
    expect(() => buildSort({ title: "ASC" }, ctx, true)).toThrow(expect.objectContaining(INVALID))
    expect(() => buildSort({ price_min: "UP" as "ASC" }, ctx, true)).toThrow(expect.objectContaining(INVALID))
    expect(() => buildSort({ _score: "DESC", price_min: "ASC" }, ctx, true)).toThrow(expect.objectContaining(INVALID))
    expect(() => buildSort({ _score: "ASC" }, ctx, true)).toThrow(expect.objectContaining(INVALID))
  })
})

describe("the text query", () => {
  it("keeps short Han runs, splits longer ones into characters, and marks Chinese queries", () => {
    expect(normalizeQuery("米")).toEqual({ q: "米", han: true, matchesNothing: false })
    expect(normalizeQuery("大米").q).toBe("大米")
    expect(normalizeQuery("洛川苹果").q).toBe("洛 川 苹 果")
    expect(normalizeQuery("洛川 苹果").q).toBe("洛川 苹果")
    expect(normalizeQuery("米".repeat(200)).q).toBe("米")
    expect(normalizeQuery("abc苹果").q).toBe("abc 苹果")
  })

  it("lower-cases Latin words and treats symbols as separators, never as operators", () => {
    expect(normalizeQuery("LuoChuan PingGuo")).toEqual({ q: "luochuan pingguo", han: false, matchesNothing: false })
    expect(normalizeQuery("ＡＰＰＬＥ").q).toBe("apple")
    expect(normalizeQuery('"苹果').q).toBe("苹果")
    expect(normalizeQuery("-苹果 苹果%").q).toBe("苹果")
    expect(normalizeQuery("'; DROP TABLE x; --").q).toBe("drop table x")
    expect(normalizeQuery("%")).toEqual({ han: false, matchesNothing: true })
    expect(normalizeQuery("   ")).toEqual({ han: false, matchesNothing: false })
    expect(normalizeQuery(undefined)).toEqual({ han: false, matchesNothing: false })
  })

  it("without typo tolerance makes every word an exact one-word phrase", () => {
    expect(normalizeQuery("kiwifriut 苹果", false).q).toBe('"kiwifriut" "苹果"')
  })
})

describe("a search plan", () => {
  const base = { index: definition, attributes_to_retrieve: ["id", "title", "thumbnail.url_320"] }
  const plan = (extra: Partial<SearchTypes.ProviderSearchQuery>) => planSearch({ ...base, ...extra } as SearchTypes.ProviderSearchQuery)

  it("asks for one page with exact totals, the filter, sort, value facets and the top-level attributes", () => {
    const { queries } = plan({
      q: "苹果",
      filters: { province_code: "61" },
      pagination: { skip: 4, take: 2, order: { price_min: "ASC" } },
      search_options: { facets: ["county_code", { field: "in_stock", type: "value" }] },
    })
    expect(queries).toEqual([
      {
        indexUid: "produce_v1",
        q: "苹果",
        locales: ["cmn"],
        filter: 'province_code = "61"',
        sort: ["price_min:asc", "id:asc"],
        page: 3,
        hitsPerPage: 2,
        showRankingScore: true,
        attributesToRetrieve: ["id", "title", "thumbnail"],
        facets: ["county_code", "in_stock"],
      },
    ])
  })

  it("reads skip+take hits when skip is not a multiple of take, and only counts when take is 0", () => {
    expect(plan({ pagination: { skip: 1, take: 3 } }).queries[0]).toMatchObject({ page: 1, hitsPerPage: 4 })
    expect(plan({ pagination: { skip: 0, take: 0 } }).queries[0]).toMatchObject({ page: 1, hitsPerPage: 0 })
    expect(plan({}).queries[0]).toMatchObject({ page: 1, hitsPerPage: 20, sort: ["id:asc"] })
  })

  it("adds one count query per range bucket and per stats facet", () => {
    const { queries } = plan({
      q: "果",
      filters: { in_stock: true },
      search_options: {
        facets: [
          { field: "price_min", type: "range", ranges: [{ key: "cheap", to: 5000 }, { from: 5000 }] },
          { field: "price_min", type: "stats" },
        ],
      },
    })
    expect(queries).toHaveLength(4)
    expect(queries[1]).toEqual({
      indexUid: "produce_v1",
      q: "果",
      locales: ["cmn"],
      filter: "(in_stock = true) AND ((price_min EXISTS AND price_min IS NOT NULL) AND (price_min < 5000))",
      page: 1,
      hitsPerPage: 0,
    })
    expect(queries[2].filter).toBe("(in_stock = true) AND ((price_min EXISTS AND price_min IS NOT NULL) AND (price_min >= 5000))")
    expect(queries[3].filter).toBe("(in_stock = true) AND (price_min EXISTS AND price_min IS NOT NULL)")
    expect(queries[0].facets).toEqual(["price_min"])
  })

  it("matches nothing for a query of symbols, and everything for an empty one", () => {
    expect(plan({ q: "%%" }).queries[0]).toMatchObject({ filter: "id NOT EXISTS" })
    expect(plan({ q: "%%" }).queries[0]).not.toHaveProperty("q")
    expect(plan({ q: "" }).queries[0]).not.toHaveProperty("filter")
  })

  it("rejects queries over 200 characters and options Meilisearch cannot honour", () => {
    expect(() => plan({ q: "米".repeat(201) })).toThrow(expect.objectContaining(INVALID))
    expect(() => plan({ q: "米".repeat(200) })).not.toThrow()
    expect(() => plan({ search_options: { match_strategy: "any" } })).toThrow(expect.objectContaining(INVALID))
    expect(() => plan({ pagination: { cursor: "abc" } })).toThrow(expect.objectContaining(INVALID))
    expect(() => plan({ search_options: { facets: [{ field: "county_code", query: "61" }] } })).toThrow(expect.objectContaining(INVALID))
    expect(() => plan({ search_options: { facets: ["title"] } })).toThrow(expect.objectContaining(INVALID))
    expect(() => plan({ search_options: { facets: [{ field: "category", type: "range", ranges: [] }] } })).toThrow(
      expect.objectContaining(INVALID)
    )
    expect(() => plan({ search_options: { attributes_to_search_on: ["category"] } })).toThrow(expect.objectContaining(INVALID))
  })

  it("assembles Meilisearch's answers into hits without companions, sorted facets, buckets and totals", () => {
    const { assemble } = plan({
      q: "果",
      pagination: { skip: 1, take: 3 },
      search_options: {
        facets: [
          { field: "county_code", type: "value" },
          { field: "certifications", type: "value", sort: "alpha", limit: 2 },
          { field: "price_min", type: "stats" },
        ],
      },
    })
    const stored = (doc: Record<string, unknown>, score: number) => ({ ...toMeiliDocument(doc as SearchTypes.SearchDocument, definition), _rankingScore: score })
    const responses: MeiliResponse[] = [
      {
        hits: [stored(rice, 0.99), stored(apple, 0.9), stored(kiwi, 0.8)],
        totalHits: 7,
        processingTimeMs: 3,
        facetDistribution: {
          county_code: { "610629": 1, "610124": 2, "230184": 1 },
          certifications: { organic: 3, "geo-indication": 1, "green-food": 5 },
          price_min: { "4800": 1, "3500": 1 },
        },
        facetStats: { price_min: { min: 2600, max: 12800 } },
      },
      { hits: [], totalHits: 6 }, // documents with a price
    ]
    const result = assemble(responses)
    expect(result.hits.map((h) => h.id)).toEqual(["apple", "kiwi"]) // skip 1 of the skip+take read
    expect(result.hits[0]).toEqual({ id: "apple", score: 0.9, document: apple })
    expect(result.metadata).toEqual({ skip: 1, take: 3, count: 7, query: "果", processing_time_ms: 3 })
    expect(result.facets?.county_code).toEqual({
      type: "value",
      values: [
        { value: "610124", count: 2 },
        { value: "230184", count: 1 },
        { value: "610629", count: 1 },
      ],
    })
    expect(result.facets?.certifications).toEqual({
      type: "value",
      values: [
        { value: "geo-indication", count: 1 },
        { value: "green-food", count: 5 },
      ],
      other_count: 3,
    })
    expect(result.facets?.price_min).toEqual({ type: "stats", min: 2600, max: 12800, count: 6 })
  })

  it("returns range buckets under their keys", () => {
    const { assemble } = plan({
      search_options: { facets: [{ field: "price_min", type: "range", ranges: [{ key: "cheap", to: 5000 }, { from: 5000 }] }] },
      pagination: { take: 0 },
    })
    const result = assemble([{ hits: [], totalHits: 5 }, { hits: [], totalHits: 3 }, { hits: [], totalHits: 2 }])
    expect(result.facets?.price_min).toEqual({
      type: "range",
      ranges: [
        { key: "cheap", to: 5000, from: undefined, count: 3 },
        { key: "5000-*", from: 5000, to: undefined, count: 2 },
      ],
    })
    expect(result.hits).toEqual([])
    expect(result.metadata.count).toBe(5)
  })

  it("maps highlights from _formatted", () => {
    const hit = fromMeiliHit({ id: "apple", title: "洛川红富士苹果", _formatted: { title: "洛川红富士<em>苹果</em>" } }, "id", ["title"])
    expect(hit).toEqual({ id: "apple", document: { id: "apple", title: "洛川红富士苹果" }, highlights: { title: ["洛川红富士<em>苹果</em>"] } })
  })
})

describe("tasks and errors", () => {
  it("carry several Meilisearch task uids in one id", () => {
    expect(encodeTaskId([12, 13, 14])).toBe("12,13,14")
    expect(decodeTaskId("12,13,14")).toEqual([12, 13, 14])
    expect(decodeTaskId(undefined)).toEqual([])
    expect(() => decodeTaskId("12,x")).toThrow(expect.objectContaining(INVALID))
  })

  it("report a failed or canceled task with Meilisearch's message and code", () => {
    const task = { id: "1,2", index: "produce_v1", status: "enqueued" as const }
    expect(settleTasks(task, [{ uid: 1, status: "succeeded" }, { uid: 2, status: "succeeded" }])).toEqual({ ...task, status: "succeeded" })
    const failed = settleTasks(task, [
      { uid: 1, status: "succeeded" },
      {
        uid: 2,
        status: "failed",
        type: "documentAdditionOrUpdate",
        error: { message: "Document identifier `\"bad id!\"` is invalid.", code: "invalid_document_id" },
      },
    ])
    expect(failed).toEqual({
      ...task,
      status: "failed",
      error: {
        message: 'Meilisearch task 2 (documentAdditionOrUpdate) failed: Document identifier `"bad id!"` is invalid.',
        code: "invalid_document_id",
      },
    })
    expect(settleTasks(task, [{ uid: 1, status: "canceled" }]).error?.message).toBe("Meilisearch task 1 was canceled")
    // Deleting an index that is already gone is what the caller wanted.
    expect(
      settleTasks(task, [{ uid: 1, status: "failed", type: "indexDeletion", error: { message: "Index `x` not found.", code: "index_not_found" } }])
        .status
    ).toBe("succeeded")
  })

  it("turn Meilisearch API errors into NOT_FOUND, INVALID_DATA or UNEXPECTED_STATE", async () => {
    const { MeilisearchApiError, MeilisearchRequestError } = await import("meilisearch")
    const apiError = (code: string, status: number) =>
      new MeilisearchApiError(new Response(null, { status }), { message: `the ${code} message`, code, type: "invalid_request", link: "" })
    expect(toMedusaError(apiError("index_not_found", 404), "Searching")).toMatchObject({
      type: MedusaError.Types.NOT_FOUND,
      message: "Searching: the index_not_found message (index_not_found)",
    })
    expect(toMedusaError(apiError("invalid_search_filter", 400), "Searching")).toMatchObject(INVALID)
    expect(toMedusaError(apiError("internal", 500), "Searching")).toMatchObject({ type: MedusaError.Types.UNEXPECTED_STATE })
    expect(toMedusaError(new MeilisearchRequestError("http://x", new Error("refused")), "Listing")).toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
    })
  })
})

describe("the provider without a server", () => {
  it("needs a host", () => {
    const saved = process.env.MEILISEARCH_HOST
    delete process.env.MEILISEARCH_HOST
    try {
      expect(() => new MeilisearchSearchService({}, {})).toThrow(expect.objectContaining({ type: MedusaError.Types.INVALID_ARGUMENT }))
    } finally {
      if (saved !== undefined) process.env.MEILISEARCH_HOST = saved
    }
  })

  it("says clearly that Meilisearch is unreachable, and checks a query before calling it", async () => {
    const provider = new MeilisearchSearchService({}, { host: "http://127.0.0.1:9", requestTimeoutMs: 2000 })
    await expect(provider.listIndexes()).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("Meilisearch is unreachable"),
    })
    await expect(
      provider.search({ index: definition, attributes_to_retrieve: [], q: "米".repeat(201) })
    ).rejects.toMatchObject(INVALID)
    // A definition Meilisearch cannot hold fails before any request.
    await expect(
      provider.upsertIndex({ index: produceDefinition("x", { id: { type: "keyword" }, v: { type: "vector", dimensions: 2 } }) })
    ).rejects.toMatchObject(INVALID)
  })
})
