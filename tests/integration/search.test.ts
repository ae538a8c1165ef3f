import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seedDemoData from "../../backend/src/scripts/seed"
import reindexSearch from "../../backend/src/scripts/search-reindex"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD, DEMO_OPERATOR } from "../../backend/src/lib/demo"
import { MARKETPLACE_MODULE } from "../../plugins/marketplace/src/modules/marketplace"
import type MarketplaceModuleService from "../../plugins/marketplace/src/modules/marketplace/service"
import { bearer, call, type Answer } from "../support/http"

/**
 * Buyers find produce through Medusa's POST /store/search with the storefront's publishable key: the
 * `produce` index (plugins/marketplace src/search/produce.ts) on the CJK-aware Postgres provider,
 * kept in sync by the Search module's event ingestion as farmers, operators and orders change things.
 */

const ROOT = path.resolve(__dirname, "../..")
const APPLES = DEMO_COOPERATIVES[0]
const KIWI = DEMO_COOPERATIVES[1]
const RICE = DEMO_COOPERATIVES[2]
const ALL_DEMO = DEMO_COOPERATIVES.flatMap((cooperative) => cooperative.produce)

type Hit = { id: string; score?: number; document: Record<string, any> }
type Result = { hits: Hit[]; facets?: Record<string, { type: string; values: { value: string; count: number }[] }>; metadata: { count: number } }

/** Retries an assertion until the index has caught up with a change (events are handled after the answer). */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const tokens: Record<string, string> = {}
    const coop: Record<string, string> = {}
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    /** Events being turned into index writes right now; a test ends only when none are left. */
    let ingesting = 0

    const login = async (identifier: string) =>
      (await api.post("/auth/member/emailpass", { email: identifier, password: DEMO_MEMBER_PASSWORD })).data.token as string

    const searchModule = () => getContainer().resolve(Modules.SEARCH)

    async function searchIdle() {
      let quietSince = Date.now()
      while (Date.now() - quietSince < 300) {
        if (ingesting > 0) quietSince = Date.now()
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }

    beforeAll(async () => {
      const search = searchModule()
      const ingest = search.ingest.bind(search)
      search.ingest = async (event) => {
        ingesting++
        try {
          return await ingest(event)
        } finally {
          ingesting--
        }
      }
      // The app seeds its (still empty) index when it starts; the demo data then arrives through events.
      await eventually(async () => expect((await search.listIndexes()).find((index) => index.name === "produce")?.status).toBe("ready"), 60_000)
      await seedDemoData({ container: getContainer(), args: [] } as never)
      await searchIdle()
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      for (const demo of DEMO_COOPERATIVES) {
        const [found] = await marketplace.listCooperatives({ handle: demo.handle })
        coop[demo.handle] = found.id
      }
      tokens.applesFarmer = await login(APPLES.farmers[0].identifier)
      tokens.applesManager = await login(APPLES.manager.identifier)
      admin = { headers: { authorization: `Bearer ${(await api.post("/auth/user/emailpass", DEMO_OPERATOR)).data.token}` } }
      storeHeaders = { headers: { "x-publishable-api-key": (await api.get("/public/storefront-config")).data.publishable_key } }
    })

    afterEach(async () => {
      await searchIdle()
    })

    const searchAnswer = (body: Record<string, unknown>, headers = storeHeaders, locale: "zh-CN" | "en" = "zh-CN"): Promise<Answer> =>
      call(api.post("/store/search", { entity: "produce", ...body }, { headers: { ...headers.headers, "x-tianyuan-locale": locale } }))

    async function search(body: Record<string, unknown>, headers = storeHeaders): Promise<Result> {
      const answer = await searchAnswer(body, headers)
      expect(answer.status, JSON.stringify(answer.data)).toBe(200)
      return answer.data.results[0]
    }

    const titlesFor = async (q: string, extra: { filters?: Record<string, unknown> } & Record<string, unknown> = {}) =>
      (await search({ pagination: { take: 100 }, ...extra, filters: { q, ...extra.filters } })).hits.map((hit) => hit.document.title as string)

    const apples = () => `/portal/cooperatives/${coop[APPLES.handle]}`
    const newProduce = {
      title: "桐堤冰糖心苹果",
      title_en: "Tongdi honey-core apples",
      unit: "jin",
      category: "fruit",
      variety: "冰糖心",
      harvest_date: "2026-10-25",
      variants: [{ title: "一级果", price: "9.90", stock: 50 }],
    }
    const listProduce = async (body: Record<string, unknown> = newProduce) => {
      const created = await call(api.post(`${apples()}/produce`, body, bearer(tokens.applesFarmer)))
      expect(created.status, JSON.stringify(created.data)).toBe(201)
      return created.data.produce as { id: string; handle: string; title: string; variants: { id: string }[]; category: { handle: string } }
    }

    it("finds produce by one- and two-character Chinese words inside longer titles", async () => {
      expect(await titlesFor("米")).toContain("五常稻花香大米")
      expect(await titlesFor("大米")).toContain("五常稻花香大米")
      const apples = await titlesFor("苹果")
      expect(apples).toContain("洛川红富士苹果")
      expect(apples).not.toContain("五常稻花香大米")
      // Words need not be next to each other: 洛川 … 苹果.
      expect(await titlesFor("洛川苹果")).toContain("洛川红富士苹果")
      expect((await titlesFor("猕猴桃"))[0]).toMatch(/猕猴桃/)
    })

    it("finds produce by pinyin and by the initials of its name, and by the pinyin of where it grew", async () => {
      expect(await titlesFor("pingguo")).toContain("洛川红富士苹果")
      expect(await titlesFor("wuchang dami")).toContain("五常稻花香大米")
      expect((await titlesFor("lchfspg"))[0]).toBe("洛川红富士苹果")
      // 瑞阳苹果 has no 洛川 in its name; its county 洛川县 does.
      expect(await titlesFor("luochuan")).toContain("瑞阳苹果")
    })

    it("finds produce by English words, and by a Latin word with one typo", async () => {
      expect(await titlesFor("kiwifruit")).toEqual(expect.arrayContaining(["周至徐香猕猴桃", "周至翠香猕猴桃"]))
      expect(await titlesFor("rice")).toContain("五常稻花香大米")
      expect(await titlesFor("Fuji apples")).toContain("洛川红富士苹果")
      expect(await titlesFor("kiwifriut")).toContain("周至徐香猕猴桃")
      expect(await titlesFor("millet")).toEqual(expect.arrayContaining(["五常小米", "洛川黄小米"]))
    })

    it("documents carry what a result card shows: price per unit, origin, cooperative, category, photo", async () => {
      const [fuji] = (await search({ filters: { q: "洛川红富士苹果" }, pagination: { take: 1 } })).hits
      expect(fuji.document).toMatchObject({
        title: "洛川红富士苹果",
        title_en: "Luochuan Fuji apples",
        category: "fruit",
        category_name: "水果",
        unit: "box",
        price_min: 6800,
        in_stock: true,
        certified: true,
        certifications: ["地理标志产品"],
        province_code: "61",
        province_name: "陕西省",
        city_code: "6106",
        county_code: "610629",
        county_name: "洛川县",
        town_code: "610629101",
        village_code: APPLES.village,
        village_name: "桐堤村",
        village_handle: "tongdi",
        cooperative_name: APPLES.name,
        cooperative_handle: APPLES.handle,
        status: "published",
        location: { lat: 35.78, lng: 109.36 },
        title_initials: expect.stringContaining("lchfspg"),
        title_pinyin: expect.stringContaining("pingguo"),
      })
      expect(fuji.document.thumbnail).toMatchObject({ url_320: expect.stringMatching(/^http/), url_640: expect.stringMatching(/^http/), thumbhash: expect.any(String) })
      expect(fuji.document.harvested_at).toEqual(expect.any(String))
      // What the card adds to the cart, stored and handed back as built, also when the storefront
      // asks for just its leaves (as for the thumbnail).
      const buyVariants = [
        { id: expect.stringMatching(/^variant_/), title: "80mm 一级果", price: 68, in_stock: true },
        { id: expect.stringMatching(/^variant_/), title: "85mm 特级果", price: 88, in_stock: true },
      ]
      expect(fuji.document.buy_variants).toEqual(expect.arrayContaining(buyVariants))
      const fields = ["id", "buy_variants.id", "buy_variants.title", "buy_variants.price", "buy_variants.in_stock"]
      const [narrow] = (await search({ filters: { q: "洛川红富士苹果" }, pagination: { take: 1 }, fields })).hits
      expect(Object.keys(narrow.document).sort()).toEqual(["buy_variants", "id"])
      expect(narrow.document.buy_variants).toEqual(expect.arrayContaining(buyVariants))
    })

    it("counts produce per area at every level, and drills down by filtering the level above", async () => {
      const all = await search({
        filters: {},
        pagination: { take: 0 },
        search_options: { facets: ["province_code", "city_code", "county_code", "town_code", "village_code"] },
      })
      expect(all.metadata.count).toBe(ALL_DEMO.length)
      const counts = (field: string, result: Result) =>
        Object.fromEntries((result.facets?.[field]?.values ?? []).map(({ value, count }) => [value, count]))
      expect(counts("province_code", all)).toEqual({ "61": 30, "23": 10 })
      expect(counts("city_code", all)).toEqual({ "6106": 20, "6101": 10, "2301": 10 })
      expect(counts("county_code", all)).toEqual({ "610629": 20, "610124": 10, "230184": 10 })
      expect(counts("village_code", all)).toEqual({ [APPLES.village]: 10, [KIWI.village]: 10, [RICE.village]: 10, [DEMO_COOPERATIVES[3].village]: 10 })

      const luochuan = await search({ filters: { county_code: "610629" }, pagination: { take: 0 }, search_options: { facets: ["village_code"] } })
      expect(luochuan.metadata.count).toBe(20)
      expect(counts("village_code", luochuan)).toEqual({ [APPLES.village]: 10, [DEMO_COOPERATIVES[3].village]: 10 })

      // With words: 苹果 in 洛川县 only, the counts follow the matches.
      const applesThere = await search({ filters: { q: "苹果", county_code: "610629" }, pagination: { take: 0 }, search_options: { facets: ["village_code"] } })
      expect(counts("village_code", applesThere)[APPLES.village]).toBeGreaterThanOrEqual(9)
      expect(applesThere.metadata.count).toBe(counts("village_code", applesThere)[APPLES.village] ?? 0)
    })

    it("filters by category, stock, certification, an open pre-order window and area", async () => {
      const fruit = await search({ filters: { category: "fruit" }, pagination: { take: 100 } })
      expect(fruit.metadata.count).toBe(ALL_DEMO.filter((item) => item.category === "fruit").length)
      expect(fruit.hits.every((hit) => hit.document.category === "fruit")).toBe(true)

      const grainsInWuchang = await titlesFor("", { filters: { category: "grain-oil", county_code: "230184" } })
      expect(grainsInWuchang).toContain("五常稻花香大米")
      expect(grainsInWuchang).not.toContain("洛川黄小米")

      const certified = await search({ filters: { certified: true }, pagination: { take: 100 } })
      expect(certified.hits.map((hit) => hit.document.title).sort()).toEqual(
        ALL_DEMO.filter((item) => item.certifications?.length).map((item) => item.title).sort()
      )

      const now = new Date().toISOString()
      const preorder = await search({ filters: { preorder_opens_at: { $lte: now }, preorder_closes_at: { $gte: now } }, pagination: { take: 100 } })
      expect(preorder.hits.map((hit) => hit.document.title).sort()).toEqual(ALL_DEMO.filter((item) => item.preorder).map((item) => item.title).sort())

      const inStock = await search({ filters: { in_stock: true }, pagination: { take: 0 } })
      expect(inStock.metadata.count).toBe(ALL_DEMO.length)

      const village = await search({ filters: { village_code: KIWI.village }, pagination: { take: 100 } })
      expect(village.hits.map((hit) => hit.document.title).sort()).toEqual(KIWI.produce.map((item) => item.title).sort())
    })

    it("sorts by price and by newest harvest", async () => {
      const cheapest = await search({ filters: {}, pagination: { take: 100, order: { price_min: "ASC" } } })
      const prices = cheapest.hits.map((hit) => hit.document.price_min as number)
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
      expect(cheapest.hits[0].document.title).toBe("洛川土豆")

      const dearest = await search({ filters: { q: "苹果" }, pagination: { take: 3, order: { price_min: "DESC" } } })
      expect(dearest.hits[0].document.price_min).toBeGreaterThanOrEqual(dearest.hits[1].document.price_min)

      const newest = await search({ filters: {}, pagination: { take: 100, order: { harvested_at: "DESC" } } })
      const dates = newest.hits.map((hit) => hit.document.harvested_at as string | null)
      const harvested = dates.filter((date): date is string => date !== null)
      expect(harvested).toEqual([...harvested].sort().reverse())
      // Pre-orders (not harvested yet) come last.
      expect(dates.slice(harvested.length).every((date) => date === null)).toBe(true)
    })

    it("finds newly listed produce, follows its price and title, and forgets it when archived", async () => {
      const produce = await listProduce()
      expect(produce.category).toMatchObject({ handle: "fruit", name: "水果", name_en: "Fruit" })
      await eventually(async () => expect(await titlesFor("冰糖心")).toEqual(["桐堤冰糖心苹果"]))
      await eventually(async () => expect(await titlesFor("bingtangxin")).toContain("桐堤冰糖心苹果"))

      const edited = await call(
        api.patch(
          `${apples()}/produce/${produce.id}`,
          { title: "桐堤糖心红苹果", variants: [{ id: produce.variants[0].id, price: "12.50" }] },
          bearer(tokens.applesFarmer)
        )
      )
      expect(edited.status).toBe(200)
      await eventually(async () => {
        const [hit] = (await search({ filters: { q: "糖心红" } })).hits
        expect(hit?.document).toMatchObject({ id: produce.id, title: "桐堤糖心红苹果", price_min: 1250 })
      })
      // The variety is still 冰糖心: found by it, under its new title.
      expect(await titlesFor("冰糖心")).toEqual(["桐堤糖心红苹果"])

      expect((await call(api.post(`${apples()}/produce/${produce.id}/archive`, {}, bearer(tokens.applesFarmer)))).status).toBe(200)
      await eventually(async () => expect(await titlesFor("糖心红")).toEqual([]))
    })

    it("changes a produce's category and finds it under the new one; an unknown category is a clear 400", async () => {
      const produce = await listProduce({ ...newProduce, title: "桐堤苹果干", category: "fruit" })
      const unknown = await call(api.patch(`${apples()}/produce/${produce.id}`, { category: "spaceships" }, bearer(tokens.applesFarmer, "en")))
      expect(unknown).toMatchObject({ status: 400, data: { code: "unknown_category", message: "No such category; choose one from the list." } })
      const refused = await call(api.post(`${apples()}/produce`, { ...newProduce, category: "DROP TABLE" }, bearer(tokens.applesFarmer)))
      expect(refused).toMatchObject({ status: 400, data: { code: "unknown_category", message: expect.stringContaining("品类") } })

      const moved = await call(api.patch(`${apples()}/produce/${produce.id}`, { category: "dried" }, bearer(tokens.applesFarmer)))
      expect(moved.data.produce.category).toMatchObject({ handle: "dried", name: "干货山珍" })
      const inCategory = async (category: string) => (await search({ filters: { id: produce.id, category } })).hits.length
      await eventually(async () => expect(await inCategory("dried")).toBe(1))
      expect(await inCategory("fruit")).toBe(0)
      // 干货山珍 is searchable too.
      expect(await titlesFor("干货", { filters: { cooperative_id: coop[APPLES.handle] } })).toContain("桐堤苹果干")
    })

    it("follows stock: sold out leaves the in-stock filter, restocked comes back", async () => {
      const produce = await listProduce({ ...newProduce, title: "桐堤富硒苹果" })
      const inStock = () => titlesFor("富硒", { filters: { in_stock: true } })
      await eventually(async () => expect(await inStock()).toEqual(["桐堤富硒苹果"]))
      await call(api.patch(`${apples()}/produce/${produce.id}`, { variants: [{ id: produce.variants[0].id, stock: 0 }] }, bearer(tokens.applesFarmer)))
      await eventually(async () => expect(await inStock()).toEqual([]))
      // Still found without the filter, marked sold out.
      expect((await search({ filters: { q: "富硒" } })).hits[0].document.in_stock).toBe(false)
      await call(api.patch(`${apples()}/produce/${produce.id}`, { variants: [{ id: produce.variants[0].id, stock: 8 }] }, bearer(tokens.applesFarmer)))
      await eventually(async () => expect(await inStock()).toEqual(["桐堤富硒苹果"]))
    })

    it("follows price, stock and deletion made by operators in Medusa's admin (variant, inventory-level and product events)", async () => {
      const produce = await listProduce({ ...newProduce, title: "桐堤黄金苹果" })
      await eventually(async () => expect(await titlesFor("黄金苹果")).toEqual(["桐堤黄金苹果"]))
      const { data } = await api.get(`/admin/products/${produce.id}?fields=id,variants.id,variants.inventory_items.inventory_item_id`, admin)
      const variant = data.product.variants[0]
      const priced = await call(api.post(`/admin/products/${produce.id}/variants/${variant.id}`, { prices: [{ currency_code: "cny", amount: 3.3 }] }, admin))
      expect(priced.status, JSON.stringify(priced.data)).toBe(200)
      await eventually(async () => expect((await search({ filters: { q: "黄金苹果" } })).hits[0].document.price_min).toBe(330))

      const [cooperative] = await getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).listCooperatives({ id: coop[APPLES.handle] })
      const itemId = variant.inventory_items[0].inventory_item_id
      const emptied = await call(api.post(`/admin/inventory-items/${itemId}/location-levels/${cooperative.stock_location_id}`, { stocked_quantity: 0 }, admin))
      expect(emptied.status, JSON.stringify(emptied.data)).toBe(200)
      await eventually(async () => expect((await search({ filters: { q: "黄金苹果" } })).hits[0].document.in_stock).toBe(false))

      expect((await call(api.delete(`/admin/products/${produce.id}`, admin))).status).toBe(200)
      await eventually(async () => expect(await titlesFor("黄金苹果")).toEqual([]))
    })

    it("hides a suspended cooperative's produce and shows it again when it is approved", async () => {
      const kiwiCount = async () => (await search({ filters: { cooperative_id: coop[KIWI.handle] }, pagination: { take: 0 } })).metadata.count
      expect(await kiwiCount()).toBe(KIWI.produce.length)
      const [kiwi] = (await search({ filters: { cooperative_id: coop[KIWI.handle] }, pagination: { take: 1 } })).hits
      const kiwiPage = `/store/produce/${kiwi.document.handle}`
      expect((await call(api.get(kiwiPage, storeHeaders))).status).toBe(200)
      const suspended = await call(api.post(`/admin/cooperatives/${coop[KIWI.handle]}/status`, { status: "suspended" }, admin))
      expect(suspended.status).toBe(200)
      await eventually(async () => expect(await kiwiCount()).toBe(0))
      expect(await titlesFor("猕猴桃")).toEqual([])
      // Its produce pages go too, not just the search: a buyer with an old link reads "not found".
      expect((await call(api.get(kiwiPage, storeHeaders))).status).toBe(404)
      await call(api.post(`/admin/cooperatives/${coop[KIWI.handle]}/status`, { status: "active" }, admin))
      await eventually(async () => expect(await kiwiCount()).toBe(KIWI.produce.length))
      expect((await call(api.get(kiwiPage, storeHeaders))).status).toBe(200)
    })

    it("never shows unpublished produce or produce of another sales channel", async () => {
      const draft = await listProduce({ ...newProduce, title: "桐堤试种苹果" })
      const other = await listProduce({ ...newProduce, title: "桐堤团购苹果" })
      await eventually(async () => expect((await titlesFor("桐堤")).filter((title) => ["桐堤试种苹果", "桐堤团购苹果"].includes(title)).length).toBe(2))

      expect((await call(api.post(`/admin/products/${draft.id}`, { status: "draft" }, admin))).status).toBe(200)
      const channel = (await api.post("/admin/sales-channels", { name: "团购 Group buying" }, admin)).data.sales_channel
      expect((await call(api.post(`/admin/products/${other.id}`, { sales_channels: [{ id: channel.id }] }, admin))).status).toBe(200)
      await eventually(async () => expect((await titlesFor("桐堤")).filter((title) => ["桐堤试种苹果", "桐堤团购苹果"].includes(title))).toEqual([]))

      // A key of the other channel finds only that channel's produce.
      const key = (await api.post("/admin/api-keys", { title: "团购 key", type: "publishable" }, admin)).data.api_key
      await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] }, admin)
      const groupBuying = { headers: { "x-publishable-api-key": key.token } }
      const found = await search({ filters: { q: "苹果" }, pagination: { take: 100 } }, groupBuying)
      expect(found.hits.map((hit) => hit.document.title)).toEqual(["桐堤团购苹果"])
      // Asking for drafts or another channel cannot widen what the key sees.
      expect((await search({ filters: { q: "试种", status: "draft" } })).hits).toEqual([])
      expect((await search({ filters: { q: "团购", sales_channel_ids: [channel.id] } })).hits).toEqual([])
    })

    it("answers odd input normally and an over-long query with a clear 400, never a 500", async () => {
      expect((await search({ filters: { q: "" } })).metadata.count).toBe(ALL_DEMO.length)
      expect((await search({ filters: { q: "   " } })).metadata.count).toBe(ALL_DEMO.length)
      expect((await search({})).metadata.count).toBe(ALL_DEMO.length)

      const long = "苹".repeat(201)
      const tooLong = await searchAnswer({ filters: { q: long } })
      expect(tooLong).toMatchObject({ status: 400, data: { code: "search_query_too_long", message: expect.stringContaining("200") } })
      expect((await searchAnswer({ filters: { q: long } }, storeHeaders, "en")).data.message).toBe("The search words are too long: at most 200 characters.")
      expect((await searchAnswer({ queries: [{ entity: "produce", filters: { q: "a".repeat(250) } }] })).status).toBe(400)
      expect((await search({ filters: { q: "苹".repeat(200) } })).hits).toEqual([])

      for (const q of ["'; DROP TABLE product; --", "苹果' OR '1'='1", ".*[a-z]+(", "%_\\", "苹果?", "a??b", "$1 \\d+ ^(", "\u0000", "🍎", "<script>alert(1)</script>"]) {
        const answer = await searchAnswer({ filters: { q }, search_options: { facets: ["county_code"] } })
        expect(answer.status, `${JSON.stringify(q)} → ${JSON.stringify(answer.data)}`).toBe(200)
      }
      expect(await titlesFor("苹果' OR '1'='1")).not.toContain("五常稻花香大米")

      // Unknown or malformed area codes: nothing there, an ordinary empty answer.
      for (const filters of [{ county_code: "999999" }, { village_code: "abc" }, { province_code: "61' OR 1=1" }]) {
        const answer = await searchAnswer({ filters, search_options: { facets: ["village_code"] } })
        expect(answer.status).toBe(200)
        expect(answer.data.results[0].metadata.count).toBe(0)
      }
      // A field the index does not have, or a sort it does not allow: 400 naming it.
      const unknownField = await searchAnswer({ filters: { colour: "red" } })
      expect(unknownField.status).toBe(400)
      expect(unknownField.data.message).toContain("colour")
      expect((await searchAnswer({ pagination: { order: { title: "ASC" } } })).status).toBe(400)
      expect((await searchAnswer({ filters: { q: 42 } })).status).toBe(400)
      expect((await searchAnswer({ filters: { price_min: { $gte: "cheap" } } })).status).toBe(400)
      expect((await call(api.post("/store/search", { entity: "orders" }, storeHeaders))).status).toBe(404)
    })

    it("rebuilds the whole index with the reindex command, showing progress, without losing anything", async () => {
      const before = await search({ filters: { q: "苹果" }, pagination: { take: 100 } })
      await reindexSearch({ container: getContainer(), args: [] } as never)
      const after = await search({ filters: { q: "苹果" }, pagination: { take: 100 } })
      expect(after.hits.map((hit) => hit.id).sort()).toEqual(before.hits.map((hit) => hit.id).sort())
      expect((await search({ filters: {}, pagination: { take: 0 } })).metadata.count).toBe(ALL_DEMO.length)
      await expect(reindexSearch({ container: getContainer(), args: ["--index=nope"] } as never)).rejects.toThrow(/No search index named nope/)
    })
  },
})
