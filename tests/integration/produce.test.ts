import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import seedDemoData from "../../backend/src/scripts/seed"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD } from "../../backend/src/lib/demo"
import { MARKETPLACE_MODULE } from "../../plugins/marketplace/src/modules/marketplace"
import type MarketplaceModuleService from "../../plugins/marketplace/src/modules/marketplace/service"
import { bearer, call, type Answer } from "../support/http"
import { PORTAL_ROUTES } from "../support/portal-routes"

const ROOT = path.resolve(__dirname, "../..")
const APPLES = DEMO_COOPERATIVES[0]
const KIWI = DEMO_COOPERATIVES[1]

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const tokens: Record<string, string> = {}
    const coop: Record<string, string> = {}
    let storeHeaders: { headers: Record<string, string> }

    const login = async (identifier: string) =>
      (await api.post("/auth/member/emailpass", { email: identifier, password: DEMO_MEMBER_PASSWORD })).data.token as string

    beforeAll(async () => {
      await seedDemoData({ container: getContainer(), args: [] } as never)
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      for (const demo of [APPLES, KIWI]) {
        const [found] = await marketplace.listCooperatives({ handle: demo.handle })
        coop[demo.handle] = found.id
      }
      tokens.applesManager = await login(APPLES.manager.identifier)
      tokens.applesFarmer = await login(APPLES.farmers[0].identifier)
      tokens.applesOtherFarmer = await login(APPLES.farmers[1].identifier)
      tokens.kiwiManager = await login(KIWI.manager.identifier)
      tokens.villager = await login("13900000001")
      storeHeaders = { headers: { "x-publishable-api-key": (await api.get("/public/storefront-config")).data.publishable_key } }
    })

    const apples = () => `/portal/cooperatives/${coop[APPLES.handle]}`
    const kiwi = () => `/portal/cooperatives/${coop[KIWI.handle]}`
    const newApple = {
      title: "洛川红富士苹果（新果）",
      title_en: "Luochuan Fuji apples, new harvest",
      unit: "jin",
      harvest_date: "2026-10-20",
      variants: [{ title: "一级果", price: "7.80", stock: 200 }],
    }

    type Actor = "anonymous" | "villager" | "kiwiManager" | "applesOtherFarmer" | "applesFarmer" | "applesManager"
    // Allowed actors last: their writes (archive) must not change what the denied ones would see.
    const ACTORS: Actor[] = ["anonymous", "villager", "kiwiManager", "applesOtherFarmer", "applesFarmer", "applesManager"]
    type Row = { method: "GET" | "POST" | "PATCH"; pattern: string; path: (productId: string) => string; body?: object; allowed: Actor[] }
    const EVERYONE_IN_APPLES: Actor[] = ["applesOtherFarmer", "applesFarmer", "applesManager"]
    const OWNER_AND_MANAGER: Actor[] = ["applesFarmer", "applesManager"]
    const matrix = (): Row[] => [
      {
        method: "POST",
        pattern: "/portal/cooperatives",
        path: () => "/portal/cooperatives",
        body: { name: "桐堤第二合作社", village_code: APPLES.village },
        // Only people of the village itself; the apples manager holds a cooperative role, not a village one.
        allowed: ["villager", "applesOtherFarmer", "applesFarmer"],
      },
      { method: "GET", pattern: "/portal/cooperatives/:id", path: () => apples(), allowed: EVERYONE_IN_APPLES },
      { method: "GET", pattern: "/portal/cooperatives/:id/produce", path: () => `${apples()}/produce`, allowed: EVERYONE_IN_APPLES },
      { method: "POST", pattern: "/portal/cooperatives/:id/produce", path: () => `${apples()}/produce`, body: newApple, allowed: EVERYONE_IN_APPLES },
      { method: "GET", pattern: "/portal/cooperatives/:id/produce/:productId", path: (id) => `${apples()}/produce/${id}`, allowed: OWNER_AND_MANAGER },
      {
        method: "PATCH",
        pattern: "/portal/cooperatives/:id/produce/:productId",
        path: (id) => `${apples()}/produce/${id}`,
        body: { title: "新名字" },
        allowed: OWNER_AND_MANAGER,
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/produce/:productId/certificates",
        path: (id) => `${apples()}/produce/${id}/certificates`,
        body: { quantity: "100 斤" },
        allowed: OWNER_AND_MANAGER,
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/produce/:productId/archive",
        path: (id) => `${apples()}/produce/${id}/archive`,
        allowed: OWNER_AND_MANAGER,
      },
    ]

    it("has a row for every cooperative route", () => {
      expect(matrix().map((row) => `${row.method} ${row.pattern}`).sort()).toEqual([...PORTAL_ROUTES.cooperatives].sort())
    })

    for (const index of [...Array(8).keys()]) {
      it(`answers each actor as the cooperative access table says — row ${index + 1}`, async () => {
        const created = await api.post(`${apples()}/produce`, newApple, bearer(tokens.applesFarmer))
        const row = matrix()[index]
        const url = row.path(created.data.produce.id)
        for (const actor of ACTORS) {
          const options = actor === "anonymous" ? { headers: {} } : bearer(tokens[actor])
          const answer: Answer = await call(
            row.method === "GET" ? api.get(url, options) : row.method === "PATCH" ? api.patch(url, row.body ?? {}, options) : api.post(url, row.body ?? {}, options)
          )
          if (row.allowed.includes(actor)) {
            expect([401, 403, 404], `${actor} ${row.method} ${url} → ${answer.status} ${JSON.stringify(answer.data)}`).not.toContain(answer.status)
          } else {
            expect(answer.status, `${actor} ${row.method} ${url}`).toBe(actor === "anonymous" ? 401 : 404)
          }
        }
      })
    }

    it("lets a villager apply to open a cooperative in their own village, which waits for an operator", async () => {
      const applied = await call(api.post("/portal/cooperatives", { name: "桐堤花椒合作社", village_code: APPLES.village }, bearer(tokens.villager)))
      expect(applied.status).toBe(201)
      expect(applied.data.cooperative).toMatchObject({ name: "桐堤花椒合作社", status: "pending", village_code: APPLES.village })
      const id = applied.data.cooperative.id
      const me = (await api.get("/portal/me", bearer(tokens.villager))).data
      expect(me.cooperatives).toEqual([{ id, name: "桐堤花椒合作社", roles: ["coop_manager"] }])
      const early = await call(api.post(`/portal/cooperatives/${id}/produce`, newApple, bearer(tokens.villager)))
      expect(early.data.code).toBe("cooperative_not_active")
      // Another village's code answers like a village that does not exist.
      const elsewhere = await call(api.post("/portal/cooperatives", { name: "外村合作社", village_code: KIWI.village }, bearer(tokens.villager)))
      expect(elsewhere).toMatchObject({ status: 404, data: { code: "village_not_found" } })
    })

    it("shows farmers and managers their cooperative by name on the portal home", async () => {
      const me = (await api.get("/portal/me", bearer(tokens.applesFarmer))).data
      expect(me.cooperatives).toEqual([{ id: coop[APPLES.handle], name: APPLES.name, roles: ["farmer"] }])
      expect(me.menus).toContain("cooperative")
    })

    it("seeds four cooperatives with ten produce items each, visible in the store", async () => {
      const { data } = await api.get(`/store/cooperatives/${APPLES.handle}`, storeHeaders)
      expect(data.cooperative).toMatchObject({ name: APPLES.name, origin: { village: { handle: "tongdi", name: "桐堤村" } } })
      expect(data.produce).toHaveLength(10)
      const fuji = data.produce.find((p: { title: string }) => p.title === "洛川红富士苹果")
      expect(fuji).toMatchObject({ title_en: "Luochuan Fuji apples", unit: "box", variants: expect.arrayContaining([expect.objectContaining({ price: 68, stock: 120 })]) })
      const page = (await api.get(`/store/produce/${fuji.handle}`, storeHeaders)).data.produce
      expect(page.origin.areas.map((a: { name: string }) => a.name)).toEqual(["陕西省", "延安市", "洛川县", "旧县镇", "桐堤村委会"])
      expect(page.farmer.real_name).toBe(APPLES.farmers[0].real_name)
      const rice = await api.get(`/store/cooperatives/${DEMO_COOPERATIVES[2].handle}`, storeHeaders)
      expect(rice.data.produce.map((p: { title: string }) => p.title)).toContain("五常稻花香大米")
    })

    it("lets a farmer list produce with price and stock, and buyers see it", async () => {
      const created = await call(api.post(`${apples()}/produce`, newApple, bearer(tokens.applesFarmer)))
      expect(created.status).toBe(201)
      expect(created.data.produce).toMatchObject({
        title: newApple.title,
        unit: "jin",
        farmer: { real_name: APPLES.farmers[0].real_name },
        variants: [expect.objectContaining({ title: "一级果", price: 7.8, price_fen: 780, stock: 200 })],
        origin_area_code: APPLES.village,
      })
      const page = await api.get(`/store/produce/${created.data.produce.handle}`, storeHeaders)
      expect(page.data.produce.variants[0].stock).toBe(200)
    })

    it("edits price and stock in one request, and archives so buyers no longer see it", async () => {
      const { data } = await api.post(`${apples()}/produce`, newApple, bearer(tokens.applesFarmer))
      const { id, handle, variants } = data.produce
      const edited = await call(
        api.patch(`${apples()}/produce/${id}`, { variants: [{ id: variants[0].id, price: "8.5", stock: 150 }] }, bearer(tokens.applesFarmer))
      )
      expect(edited.status).toBe(200)
      expect(edited.data.produce.variants[0]).toMatchObject({ price: 8.5, stock: 150 })
      expect((await api.get(`/store/produce/${handle}`, storeHeaders)).data.produce.variants[0]).toMatchObject({ price: 8.5, stock: 150 })

      expect((await call(api.post(`${apples()}/produce/${id}/archive`, {}, bearer(tokens.applesManager)))).status).toBe(200)
      expect((await call(api.get(`/store/produce/${handle}`, storeHeaders))).status).toBe(404)
      const again = await call(api.patch(`${apples()}/produce/${id}`, { title: "x" }, bearer(tokens.applesFarmer)))
      expect(again.data.code).toBe("produce_archived")
    })

    it("keeps farmers to their own produce and cooperatives to their own (404 like unknown)", async () => {
      const { data } = await api.post(`${apples()}/produce`, newApple, bearer(tokens.applesFarmer))
      const mine = `${apples()}/produce/${data.produce.id}`
      // Inside one's own cooperative: someone else's produce answers like produce that does not exist.
      const unknownProduce = await call(api.get(`${apples()}/produce/prod_UNKNOWN`, bearer(tokens.applesOtherFarmer)))
      // Outside it: a cooperative one does not belong to answers like one that does not exist.
      const unknownCooperative = await call(api.get(`/portal/cooperatives/coop_UNKNOWN/produce/${data.produce.id}`, bearer(tokens.kiwiManager)))
      expect(unknownProduce.status).toBe(404)
      expect(unknownCooperative.status).toBe(404)
      for (const [token, url, like] of [
        [tokens.applesOtherFarmer, mine, unknownProduce],
        [tokens.kiwiManager, mine, unknownCooperative],
        [tokens.kiwiManager, `${kiwi()}/produce/${data.produce.id}`, unknownProduce],
        [tokens.villager, mine, unknownCooperative],
      ] as const) {
        const read = await call(api.get(url, bearer(token)))
        expect(read.status, url).toBe(404)
        expect(read.data).toEqual(like.data)
        expect((await call(api.patch(url, { title: "偷改" }, bearer(token)))).status).toBe(404)
        expect((await call(api.post(`${url}/archive`, {}, bearer(token)))).status).toBe(404)
      }
      expect((await call(api.get(mine))).status).toBe(401)
      const list = (await api.get(`${apples()}/produce`, bearer(tokens.applesOtherFarmer))).data.produce
      expect(list.every((p: { farmer: { real_name: string } }) => p.farmer.real_name === APPLES.farmers[1].real_name)).toBe(true)
      expect((await api.get(`${apples()}/produce`, bearer(tokens.applesManager))).data.produce.length).toBeGreaterThan(list.length)
      expect((await call(api.get(`${kiwi()}/produce`, bearer(tokens.applesManager)))).status).toBe(404)
      expect((await call(api.post(`${kiwi()}/produce`, newApple, bearer(tokens.applesManager)))).status).toBe(404)
    })

    it("refuses absurd prices and stock and backwards harvest windows with clear messages, saving nothing", async () => {
      const before = (await api.get(`${apples()}/produce`, bearer(tokens.applesManager))).data.produce.length
      const post = (body: object, locale: "zh-CN" | "en" = "zh-CN") => call(api.post(`${apples()}/produce`, body, bearer(tokens.applesFarmer, locale)))
      const negative = await post({ ...newApple, variants: [{ title: "一级果", price: "-1", stock: 5 }] })
      expect(negative).toMatchObject({ status: 400, data: { code: "price_out_of_range", message: expect.stringContaining("价格") } })
      const absurd = await post({ ...newApple, variants: [{ title: "一级果", price: "1000000", stock: 5 }] }, "en")
      expect(absurd.data).toMatchObject({ code: "price_out_of_range", message: expect.stringContaining("¥100,000") })
      expect((await post({ ...newApple, variants: [{ title: "一级果", price: "5", stock: -3 }] })).data.code).toBe("stock_out_of_range")
      expect((await post({ ...newApple, variants: [{ title: "一级果", price: "5", stock: 2.5 }] })).data.code).toBe("stock_out_of_range")
      const window = await post({ ...newApple, preorder_opens_at: "2026-12-10", preorder_closes_at: "2026-12-01" }, "en")
      expect(window.data).toMatchObject({ code: "window_closes_before_opening", message: "The pre-order window must close after it opens." })
      expect((await post({ ...newApple, farmer_member_id: "mem_someone_else" })).data.code).toBe("farmer_not_in_cooperative")
      expect((await post({ ...newApple, unexpected: true })).status).toBe(400)
      expect((await api.get(`${apples()}/produce`, bearer(tokens.applesManager))).data.produce.length).toBe(before)
    })

    it("records who listed produce for whom, and issues a printable compliance certificate", async () => {
      const farmerId = (await api.get("/portal/me", bearer(tokens.applesFarmer))).data.member.id
      const created = await api.post(`${apples()}/produce`, { ...newApple, farmer_member_id: farmerId }, bearer(tokens.applesManager))
      expect(created.data.produce.farmer.id).toBe(farmerId)
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      const [entry] = await marketplace.listProduceAuditEntries({ product_id: created.data.produce.id })
      expect(entry).toMatchObject({ action: "created", actor_role: "coop_manager", on_behalf_of_member_id: farmerId })

      const issued = await call(api.post(`${apples()}/produce/${created.data.produce.id}/certificates`, { quantity: "500 斤" }, bearer(tokens.applesFarmer)))
      expect(issued.status).toBe(201)
      const certificate = (await api.get(`/store/certificates/${issued.data.certificate.id}`, storeHeaders)).data.certificate
      expect(certificate).toMatchObject({ product_name: newApple.title, quantity: "500 斤", producer_name: expect.stringContaining(APPLES.name) })
      expect(certificate.commitment).toContain("我承诺")
      expect(certificate.origin.village.name).toBe("桐堤村")
    })
  },
})
