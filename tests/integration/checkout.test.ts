import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemoData from "../../backend/src/scripts/seed"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD, DEMO_PICKUP_POINTS } from "../../backend/src/lib/demo"
import { CHECKOUT_FAULT_POINTS } from "../../plugins/marketplace/src/lib/checkout-fault-points"
import { MARKETPLACE_MODULE } from "../../plugins/marketplace/src/modules/marketplace"
import type MarketplaceModuleService from "../../plugins/marketplace/src/modules/marketplace/service"
import { bearer, call, type Answer } from "../support/http"
import { PORTAL_ROUTES } from "../support/portal-routes"

const ROOT = path.resolve(__dirname, "../..")
const [APPLES, KIWI, RICE, GRAINS] = DEMO_COOPERATIVES

/** A buyer in 陕西 延安 洛川县: the apple, kiwi and grain cooperatives' own province (¥8), rice ships from 黑龙江 (¥15). */
const LUOCHUAN = {
  first_name: "陈小雨",
  phone: "13912345678",
  province: "陕西省",
  city: "延安市",
  address_1: "凤栖街道中心街 20 号",
  address_2: "3 单元 402",
  country_code: "cn",
  metadata: { province_code: "61", city_code: "6106", district_code: "610629" },
}

type Variant = { id: string; title: string; price_fen: number; stock: number }
type Produce = { id: string; title: string; variants: Variant[] }

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const tokens: Record<string, string> = {}
    const coop: Record<string, string> = {}
    const produce: Record<string, Produce[]> = {}
    let store: { headers: Record<string, string> }

    const login = async (identifier: string) =>
      (await api.post("/auth/member/emailpass", { email: identifier, password: DEMO_MEMBER_PASSWORD })).data.token as string
    const marketplace = () => getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    beforeAll(async () => {
      await seedDemoData({ container: getContainer(), args: [] } as never)
      for (const demo of DEMO_COOPERATIVES) {
        const [found] = await marketplace().listCooperatives({ handle: demo.handle })
        coop[demo.handle] = found.id
      }
      tokens.applesManager = await login(APPLES.manager.identifier)
      tokens.applesFarmer = await login(APPLES.farmers[0].identifier)
      tokens.kiwiManager = await login(KIWI.manager.identifier)
      tokens.villager = await login("13900000001")
      store = { headers: { "x-publishable-api-key": (await api.get("/public/storefront-config")).data.publishable_key } }
      for (const demo of DEMO_COOPERATIVES) {
        produce[demo.handle] = (await api.get(`/store/cooperatives/${demo.handle}`, store)).data.produce
      }
      // The demo seed draws and processes 40 photos: slow on a busy two-core machine.
    }, 900_000)

    const variant = (handle: string, title: string, variantTitle?: string): Variant => {
      const item = produce[handle].find((p) => p.title === title)
      if (!item) throw new Error(`No demo produce ${title}`)
      return variantTitle ? item.variants.find((v) => v.title === variantTitle)! : item.variants[0]
    }
    const FUJI = () => variant(APPLES.handle, "洛川红富士苹果", "80mm 一级果") // ¥68, 120 in stock
    const GALA = () => variant(APPLES.handle, "洛川嘎啦苹果") // ¥6.80 a jin
    const XUXIANG = () => variant(KIWI.handle, "周至徐香猕猴桃", "30 个装") // ¥59
    const DAOHUAXIANG = () => variant(RICE.handle, "五常稻花香大米", "5 千克袋装") // ¥128
    const MILLET = () => variant(GRAINS.handle, "洛川黄小米") // ¥39

    const storeIn = (locale: "zh-CN" | "en" = "zh-CN") => ({ headers: { ...store.headers, "x-tianyuan-locale": locale } })

    async function newCart(lines: { variant: Variant; quantity: number }[], options: { token?: string } = {}) {
      const headers = options.token ? { ...store.headers, authorization: `Bearer ${options.token}` } : store.headers
      const { data } = await api.post("/store/carts", {}, { headers })
      for (const line of lines) {
        await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: line.variant.id, quantity: line.quantity }, store)
      }
      return data.cart.id as string
    }
    const setAddress = (cartId: string, address: object = LUOCHUAN, email = "buyer@example.com") =>
      call(api.post(`/store/carts/${cartId}`, { email, shipping_address: address }, store))
    const groupsOf = async (cartId: string) => (await api.get(`/store/carts/${cartId}/cooperatives`, store)).data
    const choose = (cartId: string, optionId: string) => call(api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, store))
    async function pay(cartId: string) {
      const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      await api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
      return data.payment_collection.id as string
    }
    /** Chooses for each cooperative in the cart: delivery, or its first pickup point. */
    async function chooseAll(cartId: string, kind: Record<string, "delivery" | "pickup"> = {}) {
      const view = await groupsOf(cartId)
      for (const group of view.groups) {
        const wanted = kind[group.cooperative.handle] ?? "delivery"
        const option = group.options.find((o: { kind: string }) => o.kind === wanted)
        expect(option, `${group.cooperative.handle} offers ${wanted}`).toBeTruthy()
        expect((await choose(cartId, option.id)).status).toBe(200)
      }
    }
    async function readyCart(lines: { variant: Variant; quantity: number }[], kind: Record<string, "delivery" | "pickup"> = {}, options: { token?: string } = {}) {
      const cartId = await newCart(lines, options)
      expect((await setAddress(cartId)).status).toBe(200)
      await chooseAll(cartId, kind)
      await pay(cartId)
      return cartId
    }
    const checkout = (cartId: string, locale: "zh-CN" | "en" = "zh-CN") => call(api.post("/store/checkouts", { cart_id: cartId }, storeIn(locale)))

    /** Everything a checkout could have left behind, to compare before and after. */
    async function footprint(cartId: string) {
      const container = getContainer()
      const [orders, reservations, checkouts, commission, cart, links] = await Promise.all([
        container.resolve(Modules.ORDER).listAndCountOrders({}, { take: 1 }),
        container.resolve(Modules.INVENTORY).listReservationItems({}, { select: ["id", "quantity"] }),
        marketplace().listAndCountCheckouts({}, { take: 1 }),
        marketplace().listAndCountCommissionLines({}, { take: 1 }),
        container.resolve(Modules.CART).retrieveCart(cartId, { select: ["id", "completed_at"] }),
        query().graph({ entity: "order_cart", fields: ["order_id", "deleted_at"], filters: { cart_id: cartId } }),
      ])
      const { data: collections } = await query().graph({
        entity: "cart",
        fields: ["payment_collection.id", "payment_collection.status", "payment_collection.payment_sessions.status", "payment_collection.payments.canceled_at"],
        filters: { id: cartId },
      })
      const collection = collections[0]?.payment_collection
      return {
        orders: orders[1],
        reservations: reservations.length,
        reserved: reservations.reduce((sum, r) => sum + Number(r.quantity), 0),
        checkouts: checkouts[1],
        commission_lines: commission[1],
        cart_completed: Boolean(cart.completed_at),
        order_links: links.data.filter((link: { deleted_at: unknown }) => !link.deleted_at).length,
        authorized_sessions: (collection?.payment_sessions ?? []).filter((s: { status: string }) => s.status === "authorized").length,
        live_payments: (collection?.payments ?? []).filter((p: { canceled_at: unknown }) => !p.canceled_at).length,
        collection_status: collection?.status,
      }
    }

    // ——— shipping setup (portal) ———

    type Actor = "anonymous" | "villager" | "applesFarmer" | "kiwiManager" | "applesManager"
    const ACTORS: Actor[] = ["anonymous", "villager", "applesFarmer", "kiwiManager", "applesManager"]
    const apples = () => `/portal/cooperatives/${coop[APPLES.handle]}`
    /** A pickup point the matrix edits and removes (its manager's DELETE is the last call on it). */
    let matrixPointId = ""
    const matrix = () => [
      { method: "GET", pattern: "/portal/cooperatives/:id/pickup-points", path: `${apples()}/pickup-points` },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/pickup-points",
        path: `${apples()}/pickup-points`,
        body: { name: "矩阵自提点", address: "桐堤村口", hours: "全天", instructions: "" },
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/pickup-points/:pointId",
        path: `${apples()}/pickup-points/${matrixPointId}`,
        body: { hours: "每天 8:00–18:00" },
      },
      { method: "DELETE", pattern: "/portal/cooperatives/:id/pickup-points/:pointId", path: `${apples()}/pickup-points/${matrixPointId}` },
      { method: "GET", pattern: "/portal/cooperatives/:id/delivery-rates", path: `${apples()}/delivery-rates` },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/delivery-rates",
        path: `${apples()}/delivery-rates`,
        body: [{ province_code: "61", amount_fen: 600 }],
      },
    ]

    it("has a row for every shipping route", () => {
      expect(matrix().map((row) => `${row.method} ${row.pattern}`).sort()).toEqual([...PORTAL_ROUTES.shipping].sort())
    })

    it("lets only the cooperative's manager see and change its pickup points and delivery fees", async () => {
      const target = await call(api.post(`${apples()}/pickup-points`, { name: "矩阵待删自提点", address: "桐堤村委会" }, bearer(tokens.applesManager)))
      expect(target.status).toBe(201)
      matrixPointId = target.data.pickup_point.id
      for (const row of matrix()) {
        for (const actor of ACTORS) {
          const options = actor === "anonymous" ? { headers: {} } : bearer(tokens[actor])
          const answer: Answer = await call(
            row.method === "GET" ? api.get(row.path, options) : row.method === "DELETE" ? api.delete(row.path, options) : api.post(row.path, row.body, options)
          )
          if (actor === "applesManager") {
            expect([200, 201], `${actor} ${row.method} ${row.path} → ${answer.status} ${JSON.stringify(answer.data)}`).toContain(answer.status)
          } else {
            expect(answer.status, `${actor} ${row.method} ${row.path}`).toBe(actor === "anonymous" ? 401 : 404)
          }
        }
      }
    })

    it("seeds delivery fees for every province and the demo pickup points", async () => {
      const rates = (await api.get(`${apples()}/delivery-rates`, bearer(tokens.applesManager))).data.rates
      expect(rates.length).toBeGreaterThanOrEqual(31)
      expect(rates.find((r: { province_code: string }) => r.province_code === "61")).toMatchObject({ amount_fen: 800, province_name: "陕西省" })
      expect(rates.find((r: { province_code: string }) => r.province_code === "23")).toMatchObject({ amount_fen: 1500 })
      const points = (await api.get(`${apples()}/pickup-points`, bearer(tokens.applesManager))).data.pickup_points
      expect(points.map((p: { name: string }) => p.name).sort()).toEqual(DEMO_PICKUP_POINTS[APPLES.handle].map((p) => p.name).sort())
      expect(points[0]).toMatchObject({ id: expect.stringMatching(/^sloc_/), option_id: expect.stringMatching(/^so_/), hours: expect.any(String) })
    })

    it("lets a manager add a pickup point and replace the fee table, which buyers see at once", async () => {
      const created = await call(
        api.post(
          `${apples()}/pickup-points`,
          { name: "旧县镇赶集点", address: "旧县镇街道十字路口", hours: "逢三六九 8:00–12:00", instructions: "找穿红马甲的合作社社员。" },
          bearer(tokens.applesManager)
        )
      )
      expect(created.status).toBe(201)
      expect(created.data.pickup_point).toMatchObject({ name: "旧县镇赶集点", hours: "逢三六九 8:00–12:00", instructions: "找穿红马甲的合作社社员。" })

      const replaced = await call(
        api.post(`${apples()}/delivery-rates`, { rates: [{ province_code: "610000", amount_fen: 500 }, { province_code: "23", amount_fen: 2000 }] }, bearer(tokens.applesManager))
      )
      expect(replaced.status).toBe(200)
      expect(replaced.data.rates.map((r: { province_code: string; amount_fen: number }) => [r.province_code, r.amount_fen])).toEqual([
        ["23", 2000],
        ["61", 500],
      ])

      const cartId = await newCart([{ variant: FUJI(), quantity: 1 }])
      const before = await groupsOf(cartId)
      // No address yet: pickup points only, delivery fees need a province.
      expect(before.groups[0].options.every((o: { kind: string }) => o.kind === "pickup")).toBe(true)
      expect(before.groups[0].options.map((o: { pickup_point: { name: string } }) => o.pickup_point.name)).toContain("旧县镇赶集点")
      await setAddress(cartId)
      const after = await groupsOf(cartId)
      expect(after.groups[0].options.filter((o: { kind: string }) => o.kind === "delivery")).toEqual([
        expect.objectContaining({ amount_fen: 500, pickup_point: null }),
      ])

      // A province the cooperative no longer delivers to gets pickup only.
      await api.post(`${apples()}/delivery-rates`, [{ province_code: "23", amount_fen: 2000 }], bearer(tokens.applesManager))
      expect((await groupsOf(cartId)).groups[0].options.some((o: { kind: string }) => o.kind === "delivery")).toBe(false)
    })

    it("refuses unknown provinces, absurd fees and empty pickup points with clear messages", async () => {
      const unknown = await call(api.post(`${apples()}/delivery-rates`, [{ province_code: "99", amount_fen: 800 }], bearer(tokens.applesManager, "en")))
      expect(unknown).toMatchObject({ status: 400, data: { code: "province_unknown", message: "No such province." } })
      const negative = await call(api.post(`${apples()}/delivery-rates`, [{ province_code: "61", amount_fen: -1 }], bearer(tokens.applesManager)))
      expect(negative).toMatchObject({ status: 400, data: { code: "delivery_rate_invalid" } })
      const fraction = await call(api.post(`${apples()}/delivery-rates`, [{ province_code: "61", amount_fen: 8.5 }], bearer(tokens.applesManager)))
      expect(fraction.data.code).toBe("delivery_rate_invalid")
      const twice = await call(
        api.post(`${apples()}/delivery-rates`, [{ province_code: "61", amount_fen: 1 }, { province_code: "610000", amount_fen: 2 }], bearer(tokens.applesManager))
      )
      expect(twice.status).toBe(400)
      const nameless = await call(api.post(`${apples()}/pickup-points`, { name: "", address: "x" }, bearer(tokens.applesManager)))
      expect(nameless.status).toBe(400)
      // Nothing changed.
      const rates = (await api.get(`${apples()}/delivery-rates`, bearer(tokens.applesManager))).data.rates
      expect(rates.find((r: { province_code: string }) => r.province_code === "61").amount_fen).toBe(800)
    })

    // ——— editing and removing pickup points ———

    type PointView = { id: string; option_id: string; name: string; address: string; hours: string; instructions: string }
    type CartOption = { id: string; kind: string; name: string; pickup_point: PointView | null }
    const listPoints = async (): Promise<PointView[]> =>
      (await api.get(`${apples()}/pickup-points`, bearer(tokens.applesManager))).data.pickup_points
    async function addPoint(name: string, extra: Partial<PointView> = {}): Promise<PointView> {
      const created = await call(
        api.post(`${apples()}/pickup-points`, { name, address: "洛川县城北大街 1 号", hours: "每天 9:00–17:00", instructions: "到门卫室报订单号。", ...extra }, bearer(tokens.applesManager))
      )
      expect(created.status, JSON.stringify(created.data)).toBe(201)
      return created.data.pickup_point
    }
    const appleOptions = async (cartId: string): Promise<CartOption[]> =>
      (await groupsOf(cartId)).groups.find((g: { cooperative: { handle: string } }) => g.cooperative.handle === APPLES.handle).options
    async function pickupOptionRows(optionIds: string[]) {
      const { data } = await query().graph({
        entity: "shipping_option",
        fields: ["id", "name", "type.label", "type.description", "type.code"],
        filters: { id: optionIds },
      })
      return data as { id: string; name: string; type: { label: string; description: string; code: string } }[]
    }

    it("lets a manager edit a pickup point, which buyers see at once in the cart's pickup options", async () => {
      const point = await addPoint("东关集市自提点")
      const cartId = await newCart([{ variant: FUJI(), quantity: 1 }])
      expect((await appleOptions(cartId)).find((o) => o.pickup_point?.id === point.id)).toMatchObject({ name: "到「东关集市自提点」自提" })

      const edited = await call(
        api.post(`${apples()}/pickup-points/${point.id}`, { name: "东关新集市自提点", hours: "逢一四七 7:00–11:00" }, bearer(tokens.applesManager))
      )
      expect(edited.status, JSON.stringify(edited.data)).toBe(200)
      // What was left out stays as it was.
      expect(edited.data.pickup_point).toEqual({
        id: point.id,
        option_id: point.option_id,
        name: "东关新集市自提点",
        address: "洛川县城北大街 1 号",
        hours: "逢一四七 7:00–11:00",
        instructions: "到门卫室报订单号。",
      })

      // The same option, renamed, in the cart that was already open.
      const option = (await appleOptions(cartId)).find((o) => o.pickup_point?.id === point.id)
      expect(option).toMatchObject({
        id: point.option_id,
        kind: "pickup",
        name: "到「东关新集市自提点」自提",
        pickup_point: { name: "东关新集市自提点", address: "洛川县城北大街 1 号", hours: "逢一四七 7:00–11:00" },
      })
      expect(await pickupOptionRows([point.option_id])).toEqual([
        expect.objectContaining({ name: "到「东关新集市自提点」自提", type: expect.objectContaining({ label: "自提", description: "东关新集市自提点", code: "pickup" }) }),
      ])

      const address = await call(
        api.post(`${apples()}/pickup-points/${point.id}`, { address: "洛川县城东大街 8 号", instructions: "" }, bearer(tokens.applesManager))
      )
      expect(address.data.pickup_point).toMatchObject({ name: "东关新集市自提点", address: "洛川县城东大街 8 号", instructions: "" })
      const { data: locations } = await query().graph({ entity: "stock_location", fields: ["id", "name", "address.address_1", "metadata"], filters: { id: point.id } })
      expect(locations[0]).toMatchObject({
        name: "东关新集市自提点",
        address: { address_1: "洛川县城东大街 8 号" },
        metadata: { kind: "pickup_point", cooperative_id: coop[APPLES.handle], address: "洛川县城东大街 8 号", hours: "逢一四七 7:00–11:00" },
      })
      // Medusa's metadata update drops a key set to "": no instructions either way.
      expect(locations[0].metadata.instructions ?? "").toBe("")
      expect((await listPoints()).find((p) => p.id === point.id)).toMatchObject({ name: "东关新集市自提点", address: "洛川县城东大街 8 号" })
    })

    it("removes a pickup point and its option once its orders are done; an order placed there keeps the pickup point as it was", async () => {
      const point = await addPoint("南街临时自提点")
      const cartId = await newCart([{ variant: GALA(), quantity: 1 }])
      expect((await setAddress(cartId)).status).toBe(200)
      expect((await choose(cartId, point.option_id)).status).toBe(200)
      await pay(cartId)
      const placed = await checkout(cartId)
      expect(placed.status, JSON.stringify(placed.data)).toBe(201)
      const checkoutId = placed.data.checkout.id as string
      const orderId = placed.data.checkout.orders[0].id as string

      // Renamed after the order: the order keeps what the buyer chose.
      await api.post(`${apples()}/pickup-points/${point.id}`, { name: "南街新自提点" }, bearer(tokens.applesManager))
      const renamed = (await api.get(`${apples()}/orders/${orderId}`, bearer(tokens.applesManager))).data.order
      expect(renamed.shipping).toMatchObject({ name: "到「南街临时自提点」自提", pickup_point: { id: point.id, name: "南街临时自提点" } })

      // Still to be collected there: not removed.
      const busy = await call(api.delete(`${apples()}/pickup-points/${point.id}`, bearer(tokens.applesManager, "en")))
      expect(busy).toMatchObject({ status: 409, data: { code: "pickup_point_has_orders" } })
      expect(busy.data.message).toContain("1 order(s) are still to be collected at this pickup point")
      expect((await listPoints()).some((p) => p.id === point.id)).toBe(true)

      const cancelled = await call(api.post(`${apples()}/orders/${orderId}/cancel`, { reason: "买家改主意了" }, bearer(tokens.applesManager)))
      expect(cancelled.status, JSON.stringify(cancelled.data)).toBe(200)

      const otherCart = await newCart([{ variant: FUJI(), quantity: 1 }])
      expect((await appleOptions(otherCart)).some((o) => o.id === point.option_id)).toBe(true)
      const removed = await call(api.delete(`${apples()}/pickup-points/${point.id}`, bearer(tokens.applesManager)))
      expect(removed, JSON.stringify(removed.data)).toMatchObject({ status: 200, data: { id: point.id, object: "pickup_point", deleted: true } })

      // Gone from the portal, from an open cart's options, and from Medusa (option, location, its pickup set and links).
      expect((await listPoints()).some((p) => p.id === point.id)).toBe(false)
      expect((await appleOptions(otherCart)).some((o) => o.id === point.option_id || o.pickup_point?.id === point.id)).toBe(false)
      expect(await getContainer().resolve(Modules.FULFILLMENT).listShippingOptions({ id: point.option_id })).toEqual([])
      expect(await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({ id: point.id })).toEqual([])
      const { data: sets } = await query().graph({ entity: "location_fulfillment_set", fields: ["fulfillment_set_id", "deleted_at"], filters: { stock_location_id: point.id } })
      expect(sets.filter((link: { deleted_at: unknown }) => !link.deleted_at)).toEqual([])
      expect((await call(api.delete(`${apples()}/pickup-points/${point.id}`, bearer(tokens.applesManager)))).status).toBe(404)

      // The order placed there still shows the point as it was at checkout, to the manager and to the buyer.
      const detail = await call(api.get(`${apples()}/orders/${orderId}`, bearer(tokens.applesManager)))
      expect(detail.status, JSON.stringify(detail.data)).toBe(200)
      expect(detail.data.order.shipping).toMatchObject({
        kind: "pickup",
        name: "到「南街临时自提点」自提",
        pickup_point: { id: point.id, name: "南街临时自提点", address: "洛川县城北大街 1 号", hours: "每天 9:00–17:00" },
      })
      const buyerView = (await api.get(`/store/checkouts/${checkoutId}`, store)).data.checkout
      expect(buyerView.orders[0].shipping).toMatchObject({ kind: "pickup", pickup_point: { id: point.id, name: "南街临时自提点" } })
    })

    it("answers 404 for another cooperative's pickup point or a location that is not a pickup point, and 400 for bad edits, changing nothing", async () => {
      const point = await addPoint("北塬自提点")
      const kiwi = `/portal/cooperatives/${coop[KIWI.handle]}`
      const kiwiPoint = (await api.get(`${kiwi}/pickup-points`, bearer(tokens.kiwiManager))).data.pickup_points[0] as PointView
      const [applesCoop] = await marketplace().listCooperatives({ id: coop[APPLES.handle] })
      const edit = { name: "不该改的名字" }
      const tries: [string, string, string][] = [
        // Another cooperative's manager: through their own cooperative, and through ours.
        ["kiwiManager", kiwi, point.id],
        ["kiwiManager", apples(), point.id],
        // Our manager: another cooperative's point through ours, our main stock location, an unknown id.
        ["applesManager", apples(), kiwiPoint.id],
        ["applesManager", apples(), applesCoop.stock_location_id!],
        ["applesManager", apples(), "sloc_unknown"],
        // A farmer of the cooperative: the gate answers as for anything they may not see.
        ["applesFarmer", apples(), point.id],
      ]
      for (const [actor, base, pointId] of tries) {
        const edited = await call(api.post(`${base}/pickup-points/${pointId}`, edit, bearer(tokens[actor], "en")))
        expect(edited.status, `${actor} edits ${base} ${pointId}`).toBe(404)
        const deleted = await call(api.delete(`${base}/pickup-points/${pointId}`, bearer(tokens[actor], "en")))
        expect(deleted.status, `${actor} deletes ${base} ${pointId}`).toBe(404)
      }
      const notOurs = await call(api.delete(`${apples()}/pickup-points/${kiwiPoint.id}`, bearer(tokens.applesManager, "en")))
      expect(notOurs.data).toMatchObject({ code: "pickup_point_not_found", message: "No such pickup point." })
      const notOursZh = await call(api.post(`${apples()}/pickup-points/${applesCoop.stock_location_id}`, edit, bearer(tokens.applesManager)))
      expect(notOursZh.data).toMatchObject({ code: "pickup_point_not_found", message: "没有找到这个自提点。" })

      const bad: [object, string][] = [
        [{}, "pickup_point_edit_empty"],
        [{ name: "" }, "invalid_data"],
        [{ name: "   " }, "invalid_data"],
        [{ name: "长".repeat(61) }, "invalid_data"],
        [{ address: "" }, "invalid_data"],
        [{ hours: "时".repeat(121) }, "invalid_data"],
        [{ name: "新名字", kind: "delivery" }, "invalid_data"],
        [{ name: 42 }, "invalid_data"],
      ]
      for (const [body, code] of bad) {
        const refused = await call(api.post(`${apples()}/pickup-points/${point.id}`, body, bearer(tokens.applesManager, "en")))
        expect(refused.status, JSON.stringify(body)).toBe(400)
        expect(refused.data.code, JSON.stringify(body)).toBe(code)
      }
      const empty = await call(api.post(`${apples()}/pickup-points/${point.id}`, {}, bearer(tokens.applesManager)))
      expect(empty.data.message).toBe("请填写要修改的内容：名称、地址、开放时间或取货说明。")

      // Nothing changed: both points as they were, with their options.
      expect((await listPoints()).find((p) => p.id === point.id)).toEqual(point)
      const kiwiAfter = (await api.get(`${kiwi}/pickup-points`, bearer(tokens.kiwiManager))).data.pickup_points as PointView[]
      expect(kiwiAfter.find((p) => p.id === kiwiPoint.id)).toEqual(kiwiPoint)
      expect(await pickupOptionRows([point.option_id])).toEqual([expect.objectContaining({ name: "到「北塬自提点」自提" })])
      const [main] = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({ id: applesCoop.stock_location_id! })
      expect(main.name).not.toBe("不该改的名字")
    })

    // ——— the cart ———

    it("groups the cart per cooperative with stock, options, totals and what is missing", async () => {
      const cartId = await newCart([
        { variant: FUJI(), quantity: 2 },
        { variant: XUXIANG(), quantity: 1 },
        { variant: GALA(), quantity: 3 },
      ])
      const empty = await groupsOf(cartId)
      expect(empty.groups.map((g: { cooperative: { handle: string } }) => g.cooperative.handle)).toEqual([APPLES.handle, KIWI.handle])
      expect(empty.groups[0]).toMatchObject({
        cooperative: { name: APPLES.name, village_name: "桐堤村" },
        subtotal_fen: 2 * 6800 + 3 * 680,
        selected_option_id: null,
        items: [
          expect.objectContaining({ title: "洛川红富士苹果", variant_title: "80mm 一级果", quantity: 2, unit: "box", unit_price_fen: 6800, total_fen: 13600, available: 120 }),
          expect.objectContaining({ title: "洛川嘎啦苹果", quantity: 3, unit: "jin", unit_price_fen: 680, total_fen: 2040, available: 400 }),
        ],
      })
      expect(empty).toMatchObject({ ready: false, shipping_total_fen: 0, items_total_fen: 13600 + 2040 + 5900 })
      expect(empty.missing).toEqual(["email", "address", `shipping:${coop[APPLES.handle]}`, `shipping:${coop[KIWI.handle]}`, "payment"])

      await setAddress(cartId)
      await chooseAll(cartId, { [KIWI.handle]: "pickup" })
      await pay(cartId)
      const ready = await groupsOf(cartId)
      expect(ready).toMatchObject({ ready: true, missing: [], shipping_total_fen: 800, total_fen: 13600 + 2040 + 5900 + 800 })
      const pickup = ready.groups[1].options.find((o: { id: string }) => o.id === ready.groups[1].selected_option_id)
      expect(pickup).toMatchObject({ kind: "pickup", amount_fen: 0, pickup_point: { name: DEMO_PICKUP_POINTS[KIWI.handle][0].name, hours: expect.any(String) } })
    })

    it("checks the address against the area data and keeps the codes and names", async () => {
      const cartId = await newCart([{ variant: FUJI(), quantity: 1 }])
      const ok = await setAddress(cartId)
      expect(ok.status).toBe(200)
      expect(ok.data.cart.shipping_address).toMatchObject({ province: "61", city: "延安市" })
      const withNames = (await api.get(`/store/carts/${cartId}?fields=%2Bshipping_address.*`, store)).data.cart
      expect(withNames.shipping_address.metadata).toEqual({
        province_code: "61",
        city_code: "6106",
        district_code: "610629",
        province_name: "陕西省",
        city_name: "延安市",
        district_name: "洛川县",
      })
      const cases = [
        { ...LUOCHUAN, metadata: { province_code: "61", city_code: "6106", district_code: "610699" } }, // no such district
        { ...LUOCHUAN, metadata: { province_code: "23", city_code: "6106", district_code: "610629" } }, // city not in province
        { ...LUOCHUAN, metadata: { province_code: "61", city_code: "6101", district_code: "610629" } }, // district not in city
        { ...LUOCHUAN, metadata: {} },
        { ...LUOCHUAN, country_code: "us" },
      ]
      for (const address of cases) {
        const refused = await call(api.post(`/store/carts/${cartId}`, { shipping_address: address }, storeIn("en")))
        expect(refused.status, JSON.stringify(address)).toBe(400)
        expect(refused.data).toMatchObject({ code: "address_area_unknown", message: expect.stringContaining("area list") })
      }
      const zh = await call(api.post(`/store/carts/${cartId}`, { shipping_address: cases[0] }, store))
      expect(zh.data.message).toContain("省、市、区县")
      // The cart kept the good address.
      const cart = (await api.get(`/store/carts/${cartId}?fields=%2Bshipping_address.*`, store)).data.cart
      expect(cart.shipping_address.metadata.district_code).toBe("610629")
    })

    it("refuses quantities that are not whole, positive or in stock, and unknown variants, leaving the cart as it was", async () => {
      const cartId = await newCart([{ variant: FUJI(), quantity: 1 }])
      const add = (body: object, locale: "zh-CN" | "en" = "zh-CN") => call(api.post(`/store/carts/${cartId}/line-items`, body, storeIn(locale)))
      for (const quantity of [0, -2, 1.5, "3", 10_000]) {
        const refused = await add({ variant_id: GALA().id, quantity })
        expect(refused.status, String(quantity)).toBe(400)
        expect(refused.data.code).toBe("quantity_invalid")
      }
      const tooMany = await add({ variant_id: FUJI().id, quantity: 500 }, "en")
      expect(tooMany).toMatchObject({ status: 409, data: { code: "out_of_stock", message: "Not enough of 洛川红富士苹果 is left; lower the quantity." } })
      const unknown = await add({ variant_id: "variant_DOESNOTEXIST", quantity: 1 })
      expect(unknown).toMatchObject({ status: 400, data: { code: "unknown_variant", message: "没有这个规格。" } })
      const cart = (await api.get(`/store/carts/${cartId}`, store)).data.cart
      expect(cart.items.map((i: { variant_id: string; quantity: number }) => [i.variant_id, i.quantity])).toEqual([[FUJI().id, 1]])
      const update = (quantity: unknown) => call(api.post(`/store/carts/${cartId}/line-items/${cart.items[0].id}`, { quantity }, store))
      expect((await update(-1)).data.code).toBe("quantity_invalid")
      expect((await update(2.5)).data.code).toBe("quantity_invalid")
      const over = await update(121)
      expect(over).toMatchObject({ status: 409, data: { code: "out_of_stock", message: expect.stringContaining("洛川红富士苹果") } })
      expect((await update(120)).status).toBe(200)
    })

    it("answers Medusa's own cart completion with use_checkout", async () => {
      const cartId = await readyCart([{ variant: FUJI(), quantity: 1 }])
      const refused = await call(api.post(`/store/carts/${cartId}/complete`, {}, storeIn("en")))
      expect(refused).toMatchObject({ status: 400, data: { code: "use_checkout", message: expect.stringContaining("POST /store/checkouts") } })
      expect((await footprint(cartId)).cart_completed).toBe(false)
    })

    // ——— the checkout ———

    async function ordersOf(checkoutId: string) {
      const rows = await marketplace().listCheckoutOrders({ checkout_id: checkoutId } as never, { order: { position: "ASC" } })
      const { data } = await query().graph({
        entity: "order",
        fields: [
          "id",
          "email",
          "customer_id",
          "region_id",
          "sales_channel_id",
          "currency_code",
          "metadata",
          "total",
          "items.variant_id",
          "items.quantity",
          "items.unit_price",
          "items.metadata",
          "shipping_methods.name",
          "shipping_methods.amount",
          "shipping_methods.shipping_option_id",
          "shipping_address.province",
          "shipping_address.address_1",
          "shipping_address.metadata",
          "cooperative.id",
          "cart.id",
        ],
        filters: { id: rows.map((row) => row.order_id) },
      })
      return rows.map((row) => data.find((order: { id: string }) => order.id === row.order_id)!)
    }

    const splits = [
      { count: 1, lines: () => [{ variant: FUJI(), quantity: 2 }, { variant: GALA(), quantity: 5 }], kind: {} },
      { count: 2, lines: () => [{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 2 }], kind: { [KIWI.handle]: "pickup" as const } },
      {
        count: 3,
        lines: () => [{ variant: FUJI(), quantity: 1 }, { variant: DAOHUAXIANG(), quantity: 2 }, { variant: XUXIANG(), quantity: 1 }, { variant: GALA(), quantity: 2 }],
        kind: { [KIWI.handle]: "pickup" as const },
      },
    ]
    for (const split of splits) {
      it(`splits a checkout with ${split.count} cooperative(s) into one order each, with their own lines, shipping and totals`, async () => {
        const lines = split.lines()
        const cartId = await readyCart(lines, split.kind)
        const view = await groupsOf(cartId)
        const placed = await checkout(cartId)
        expect(placed.status, JSON.stringify(placed.data)).toBe(201)
        const result = placed.data.checkout
        expect(result).toMatchObject({ id: expect.stringMatching(/^chk_/), cart_id: cartId, email: "buyer@example.com", payment_provider: "pp_system_default", total_fen: view.total_fen })
        expect(result.orders).toHaveLength(split.count)
        for (const [index, group] of view.groups.entries()) {
          const order = result.orders[index]
          const option = group.options.find((o: { id: string }) => o.id === group.selected_option_id)
          expect(order).toMatchObject({
            cooperative: { id: group.cooperative.id, handle: group.cooperative.handle, name: group.cooperative.name },
            status: "placed",
            total_fen: group.subtotal_fen + option.amount_fen,
            shipping: { kind: option.kind, amount_fen: option.amount_fen, pickup_point: option.pickup_point },
            tracking_number: null,
          })
          expect(order.items.map((i: { title: string; quantity: number; total_fen: number; unit: string }) => [i.title, i.quantity, i.total_fen, i.unit])).toEqual(
            group.items.map((i: { title: string; quantity: number; total_fen: number; unit: string }) => [i.title, i.quantity, i.total_fen, i.unit])
          )
        }

        // In Medusa: one order per cooperative, each linked to the cart and its cooperative, with the checkout id.
        const orders = await ordersOf(result.id)
        for (const [index, order] of orders.entries()) {
          expect(order).toMatchObject({
            email: "buyer@example.com",
            currency_code: "cny",
            metadata: { checkout_id: result.id, cooperative_id: result.orders[index].cooperative.id },
            cooperative: { id: result.orders[index].cooperative.id },
            cart: { id: cartId },
            shipping_address: { province: "61", address_1: LUOCHUAN.address_1, metadata: expect.objectContaining({ district_code: "610629" }) },
          })
          expect(order.shipping_methods).toHaveLength(1)
          expect(order.shipping_methods[0].shipping_option_id).toBe(view.groups[index].selected_option_id)
        }
        const wanted = lines.map((l) => [l.variant.id, l.quantity]).sort()
        expect(orders.flatMap((o) => o.items.map((i: { variant_id: string; quantity: unknown }) => [i.variant_id, Number(i.quantity)])).sort()).toEqual(wanted)

        // Stock reserved per line at the cooperative's location; commission recorded per line at 5 %.
        const after = await footprint(cartId)
        expect(after).toMatchObject({ cart_completed: true, order_links: split.count, authorized_sessions: 1, live_payments: 1 })
        expect(after.reserved).toBe(lines.reduce((sum, l) => sum + l.quantity, 0))
        const commission = await marketplace().listCommissionLines({ order_id: orders.map((o) => o.id) })
        expect(commission).toHaveLength(lines.length)
        for (const line of commission) {
          expect(line.rate_bps).toBe(500)
          expect(line.commission_fen).toBe(Math.floor((line.gross_fen * 500 + 5000) / 10000))
        }
        expect(commission.reduce((sum, l) => sum + l.gross_fen, 0)).toBe(view.items_total_fen)
        const stock = (await api.get(`/store/cooperatives/${APPLES.handle}`, store)).data.produce
          .find((p: Produce) => p.title === "洛川红富士苹果")
          .variants.find((v: Variant) => v.id === FUJI().id).stock
        expect(stock).toBe(120 - (lines.find((l) => l.variant.id === FUJI().id)?.quantity ?? 0))

        // The confirmation page and the same answer again.
        expect((await api.get(`/store/checkouts/${result.id}`, store)).data.checkout).toEqual(result)
      })
    }

    it("records a cooperative's own commission rate on its lines", async () => {
      await marketplace().updateCooperatives({ id: coop[APPLES.handle], commission_rate_bps: 250 })
      const cartId = await readyCart([{ variant: FUJI(), quantity: 1 }, { variant: MILLET(), quantity: 1 }])
      const placed = await checkout(cartId)
      expect(placed.status).toBe(201)
      const lines = await marketplace().listCommissionLines({ order_id: placed.data.checkout.orders.map((o: { id: string }) => o.id) })
      const byCoop = Object.fromEntries(lines.map((l) => [l.cooperative_id, l]))
      expect(byCoop[coop[APPLES.handle]]).toMatchObject({ rate_bps: 250, gross_fen: 6800, commission_fen: 170 })
      expect(byCoop[coop[GRAINS.handle]]).toMatchObject({ rate_bps: 500, gross_fen: 3900, commission_fen: 195 })
    })

    it("gives the same checkout and orders for the same request twice, and for two at once", async () => {
      const cartId = await readyCart([{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 1 }])
      const first = await checkout(cartId)
      const again = await checkout(cartId)
      expect([first.status, again.status]).toEqual([201, 200])
      expect(again.data.checkout).toEqual(first.data.checkout)

      const racing = await readyCart([{ variant: GALA(), quantity: 1 }, { variant: DAOHUAXIANG(), quantity: 1 }])
      const before = await footprint(racing)
      const both = await Promise.all([checkout(racing), checkout(racing)])
      expect(both.map((a) => a.status).sort()).toEqual([200, 201])
      expect(both[0].data.checkout).toEqual(both[1].data.checkout)
      const after = await footprint(racing)
      expect(after.orders - before.orders).toBe(2)
      expect(after.checkouts - before.checkouts).toBe(1)
      expect(after.reservations - before.reservations).toBe(2)
    })

    it("refuses a second payment for a cart already checked out, taking nothing more", async () => {
      const cartId = await readyCart([{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 1 }])
      expect((await checkout(cartId)).status).toBe(201)
      const before = await footprint(cartId)
      const collection = await call(api.post("/store/payment-collections", { cart_id: cartId }, store))
      expect(collection).toMatchObject({ status: 409, data: { code: "checkout_already_paid", message: expect.stringContaining("已经下单") } })
      const collectionId = (await api.get(`/store/carts/${cartId}?fields=payment_collection.id`, store)).data.cart.payment_collection.id
      const session = await call(
        api.post(`/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }, storeIn("en"))
      )
      expect(session).toMatchObject({ status: 409, data: { code: "checkout_already_paid", message: expect.stringContaining("already placed") } })
      expect(await footprint(cartId)).toEqual(before)
    })

    for (const point of CHECKOUT_FAULT_POINTS) {
      it(`leaves nothing behind when the checkout fails after ${point}, and completes on the next try`, async () => {
        const cartId = await readyCart([{ variant: FUJI(), quantity: 2 }, { variant: XUXIANG(), quantity: 1 }, { variant: DAOHUAXIANG(), quantity: 1 }], {
          [KIWI.handle]: "pickup",
        })
        const before = await footprint(cartId)
        process.env.TIANYUAN_CHECKOUT_FAULT = point
        let failed: Answer
        try {
          failed = await checkout(cartId)
        } finally {
          delete process.env.TIANYUAN_CHECKOUT_FAULT
        }
        expect(failed.status).toBe(500)
        const after = await footprint(cartId)
        expect(after).toEqual({ ...before, collection_status: after.collection_status })
        expect(after).toMatchObject({ orders: before.orders, reservations: before.reservations, checkouts: before.checkouts, cart_completed: false, order_links: 0, authorized_sessions: 0, live_payments: 0 })
        expect(after.collection_status).not.toBe("authorized")

        const retried = await checkout(cartId)
        expect(retried.status, JSON.stringify(retried.data)).toBe(201)
        expect(retried.data.checkout.orders).toHaveLength(3)
        expect(await footprint(cartId)).toMatchObject({ orders: before.orders + 3, cart_completed: true, authorized_sessions: 1, live_payments: 1 })
      })
    }

    it("refuses an incomplete or invalid checkout with a clear error, changing nothing", async () => {
      const refuse = async (cartId: string, code: string, locale: "zh-CN" | "en" = "zh-CN") => {
        const before = await footprint(cartId)
        const answer = await checkout(cartId, locale)
        expect(answer.status, `${code}: ${JSON.stringify(answer.data)}`).toBeGreaterThanOrEqual(400)
        expect(answer.status).toBeLessThan(500)
        expect(answer.data.code).toBe(code)
        expect(await footprint(cartId)).toEqual(before)
        return answer
      }
      const emptyCart = (await api.post("/store/carts", {}, store)).data.cart.id
      await refuse(emptyCart, "cart_empty")

      const noEmail = await newCart([{ variant: FUJI(), quantity: 1 }])
      await refuse(noEmail, "email_missing")
      await api.post(`/store/carts/${noEmail}`, { email: "buyer@example.com" }, store)
      await refuse(noEmail, "address_missing")

      const oneMissing = await newCart([{ variant: FUJI(), quantity: 1 }, { variant: DAOHUAXIANG(), quantity: 1 }])
      await setAddress(oneMissing)
      const view = await groupsOf(oneMissing)
      await choose(oneMissing, view.groups[0].options[0].id)
      await pay(oneMissing)
      const missing = await refuse(oneMissing, "shipping_missing", "en")
      expect(missing.data.message).toBe(`Choose delivery or a pickup point for ${RICE.name}.`)

      // A pickup point of a cooperative whose produce is not in the cart (as the cart's only choice:
      // Medusa itself drops a foreign choice as soon as the cart has another one).
      const foreign = await newCart([{ variant: FUJI(), quantity: 1 }])
      await setAddress(foreign)
      const kiwiPoint = (await api.get(`/portal/cooperatives/${coop[KIWI.handle]}/pickup-points`, bearer(tokens.kiwiManager))).data.pickup_points[0]
      expect((await choose(foreign, kiwiPoint.option_id)).status).toBe(200)
      await pay(foreign)
      const refusedForeign = await refuse(foreign, "pickup_point_foreign")
      expect(refusedForeign.data.message).toContain("自提点")

      const unpaid = await newCart([{ variant: FUJI(), quantity: 1 }])
      await setAddress(unpaid)
      await chooseAll(unpaid)
      await refuse(unpaid, "payment_missing")

      // Stock that ran out after the cart was filled: the farmer lowered it.
      const late = await readyCart([{ variant: GALA(), quantity: 5 }])
      const gala = produce[APPLES.handle].find((p) => p.title === "洛川嘎啦苹果")!
      await api.patch(`${apples()}/produce/${gala.id}`, { variants: [{ id: GALA().id, stock: 4 }] }, bearer(tokens.applesManager))
      const short = await refuse(late, "out_of_stock", "en")
      expect(short.data.message).toBe("Not enough of 洛川嘎啦苹果 is left; lower the quantity.")

      expect((await call(api.post("/store/checkouts", {}, store))).status).toBe(400)
      expect((await call(api.post("/store/checkouts", { cart_id: "cart_NOPE" }, store))).data.code).toBe("cart_not_found")
      expect((await call(api.get("/store/checkouts/chk_NOPE", store))).status).toBe(404)
    })

    it("never oversells two lines of one inventory item that each fit alone", async () => {
      const gala = produce[APPLES.handle].find((p) => p.title === "洛川嘎啦苹果")!
      await api.patch(`${apples()}/produce/${gala.id}`, { variants: [{ id: GALA().id, stock: 5 }] }, bearer(tokens.applesManager))
      const cartId = await newCart([])
      // Different metadata keeps the two lines apart; each passes Medusa's own per-line check.
      for (const note of ["送给爸妈", "自己吃"]) {
        const added = await call(api.post(`/store/carts/${cartId}/line-items`, { variant_id: GALA().id, quantity: 3, metadata: { note } }, store))
        expect(added.status).toBe(200)
      }
      expect((await api.get(`/store/carts/${cartId}`, store)).data.cart.items).toHaveLength(2)
      await setAddress(cartId)
      await chooseAll(cartId)
      await pay(cartId)
      const view = await groupsOf(cartId)
      expect(view.groups[0].items.map((i: { available: number }) => i.available)).toEqual([5, 5])
      const before = await footprint(cartId)
      const refused = await checkout(cartId)
      expect(refused).toMatchObject({ status: 409, data: { code: "out_of_stock" } })
      expect(await footprint(cartId)).toEqual(before)
    })

    it("lets exactly 10 of 200 concurrent checkouts buy the last 10 units, never going below zero", { timeout: 600_000 }, async () => {
      const created = await call(
        api.post(`${apples()}/produce`, { title: "最后十箱红富士", unit: "box", variants: [{ title: "一级果", price: "50", stock: 10 }] }, bearer(tokens.applesFarmer))
      )
      expect(created.status, JSON.stringify(created.data)).toBe(201)
      const last: Variant = created.data.produce.variants[0]
      const carts: string[] = []
      const CONCURRENCY = 8
      // Every racer's cart is the same but for the e-mail: the cooperative's delivery option is asked once.
      let deliveryOptionId = ""
      for (let start = 0; start < 200; start += CONCURRENCY) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(CONCURRENCY, 200 - start) }, async (_, index) => {
            // One email each: Medusa makes a guest customer per new email, and two at once collide.
            const made = await call(api.post("/store/carts", { email: `racer${start + index}@example.com`, shipping_address: LUOCHUAN, items: [{ variant_id: last.id, quantity: 1 }] }, store))
            expect(made.status, JSON.stringify(made.data)).toBe(200)
            const cartId = made.data.cart.id as string
            if (!deliveryOptionId) {
              deliveryOptionId = (await groupsOf(cartId)).groups[0].options.find((o: { kind: string }) => o.kind === "delivery").id
            }
            const chosen = await choose(cartId, deliveryOptionId)
            expect(chosen.status, JSON.stringify(chosen.data)).toBe(200)
            await pay(cartId)
            return cartId
          })
        )
        carts.push(...batch)
      }
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const { data: variants } = await query().graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: last.id } })
      const inventoryItemId = variants[0].inventory_items[0].inventory_item_id
      const lows: number[] = []
      let watching = true
      const watcher = (async () => {
        while (watching) {
          const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
          lows.push(Number(level.stocked_quantity) - Number(level.reserved_quantity))
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      })()
      const answers = await Promise.all(carts.map((cartId) => checkout(cartId)))
      watching = false
      await watcher
      const statuses = answers.map((a) => a.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(10)
      expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true)
      // The others are told it sold out — or, when the machine is too busy to give every buyer a turn at
      // the stock lock within two minutes, to try again (which then answers out_of_stock).
      const refusals = answers.filter((a) => a.status !== 201).map((a) => a.data.code)
      expect(refusals.filter((code) => code !== "out_of_stock" && code !== "checkout_busy")).toEqual([])
      expect(refusals.filter((code) => code === "out_of_stock").length).toBeGreaterThan(150)
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
      expect([Number(level.stocked_quantity), Number(level.reserved_quantity)]).toEqual([10, 10])
      expect(Math.min(...lows)).toBeGreaterThanOrEqual(0)
      const reservations = await inventory.listReservationItems({ inventory_item_id: inventoryItemId })
      expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(10)
    })

    it("lists a logged-in buyer's checkouts, newest first, and only theirs", async () => {
      const email = "lin.mei@example.com"
      const registered = await api.post("/auth/customer/emailpass/register", { email, password: "tianyuan2026" })
      await api.post("/store/customers", { email, first_name: "林梅" }, { headers: { ...store.headers, authorization: `Bearer ${registered.data.token}` } })
      const token = (await api.post("/auth/customer/emailpass", { email, password: "tianyuan2026" })).data.token as string
      const mine = { headers: { ...store.headers, authorization: `Bearer ${token}` } }
      const first = await checkout(await readyCart([{ variant: FUJI(), quantity: 1 }], {}, { token }))
      const second = await checkout(await readyCart([{ variant: MILLET(), quantity: 2 }, { variant: XUXIANG(), quantity: 1 }], {}, { token }))
      await checkout(await readyCart([{ variant: GALA(), quantity: 1 }])) // a guest's
      const list = (await api.get("/store/customers/me/checkouts", mine)).data
      expect(list.count).toBe(2)
      expect(list.checkouts.map((c: { id: string }) => c.id)).toEqual([second.data.checkout.id, first.data.checkout.id])
      expect(list.checkouts[0].orders).toHaveLength(2)
      expect((await call(api.get("/store/customers/me/checkouts", store))).status).toBe(401)
    })
  },
})
