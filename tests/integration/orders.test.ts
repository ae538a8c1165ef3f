import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Stripe from "stripe"
import seedDemoData from "../../backend/src/scripts/seed"
import { DEMO_COOPERATIVES, DEMO_MEMBER_PASSWORD, DEMO_OPERATOR, DEMO_PICKUP_POINTS } from "../../backend/src/lib/demo"
import { MARKETPLACE_MODULE } from "../../plugins/marketplace/src/modules/marketplace"
import type MarketplaceModuleService from "../../plugins/marketplace/src/modules/marketplace/service"
import { PAYOUT_MODULE } from "../../plugins/marketplace/src/modules/payout"
import type PayoutModuleService from "../../plugins/marketplace/src/modules/payout/service"
import { bearer, call, type Answer } from "../support/http"
import { PORTAL_ROUTES } from "../support/portal-routes"

/**
 * The after-checkout side of issue 6: cooperative order screens (access, actions and their effects),
 * the buyer's notices, the payout ledger and its invariant, payout runs and the Stripe webhook.
 * Orders are made the real way, through the store's cart and `POST /store/checkouts`.
 */
const ROOT = path.resolve(__dirname, "../..")
const [APPLES, KIWI, RICE] = DEMO_COOPERATIVES
const WEBHOOK_SECRET = "whsec_tianyuan_orders_test"
process.env.STRIPE_CONNECT_WEBHOOK_SECRET = WEBHOOK_SECRET

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
type Kind = "delivery" | "pickup"
type PlacedOrder = { id: string; display_id: number; total_fen: number; cooperative: { id: string; handle: string } }

/** A small seeded generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)] }
}

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const tokens: Record<string, string> = {}
    const coop: Record<string, string> = {}
    const produce: Record<string, Produce[]> = {}
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    const login = async (identifier: string) =>
      (await api.post("/auth/member/emailpass", { email: identifier, password: DEMO_MEMBER_PASSWORD })).data.token as string
    const container = () => getContainer()
    const payout = () => container().resolve<PayoutModuleService>(PAYOUT_MODULE)
    const query = () => container().resolve(ContainerRegistrationKeys.QUERY)

    beforeAll(async () => {
      await seedDemoData({ container: getContainer(), args: [] } as never)
      const marketplace = getContainer().resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      for (const demo of DEMO_COOPERATIVES) {
        const [found] = await marketplace.listCooperatives({ handle: demo.handle })
        coop[demo.handle] = found.id
      }
      tokens.applesManager = await login(APPLES.manager.identifier)
      tokens.applesFarmer = await login(APPLES.farmers[0].identifier) // grows the Fuji apples
      tokens.applesOtherFarmer = await login(APPLES.farmers[1].identifier) // grows the Gala apples
      tokens.kiwiManager = await login(KIWI.manager.identifier)
      tokens.villager = await login("13900000001")
      store = { headers: { "x-publishable-api-key": (await api.get("/public/storefront-config")).data.publishable_key } }
      for (const demo of DEMO_COOPERATIVES) {
        produce[demo.handle] = (await api.get(`/store/cooperatives/${demo.handle}`, store)).data.produce
      }
      const operator = await api.post("/auth/user/emailpass", { email: DEMO_OPERATOR.email, password: DEMO_OPERATOR.password })
      admin = { headers: { authorization: `Bearer ${operator.data.token}`, "x-tianyuan-locale": "en" } }
    })

    const variant = (handle: string, title: string, variantTitle?: string): Variant => {
      const item = produce[handle].find((p) => p.title === title)
      if (!item) throw new Error(`No demo produce ${title}`)
      return variantTitle ? item.variants.find((v) => v.title === variantTitle)! : item.variants[0]
    }
    const FUJI = () => variant(APPLES.handle, "洛川红富士苹果", "80mm 一级果") // ¥68 a box, farmer 0
    const GALA = () => variant(APPLES.handle, "洛川嘎啦苹果") // ¥6.80 a jin, farmer 1
    const XUXIANG = () => variant(KIWI.handle, "周至徐香猕猴桃", "30 个装") // ¥59
    const DAOHUAXIANG = () => variant(RICE.handle, "五常稻花香大米", "5 千克袋装") // ¥128

    const apples = () => `/portal/cooperatives/${coop[APPLES.handle]}`
    const kiwi = () => `/portal/cooperatives/${coop[KIWI.handle]}`
    const as = (who: string, locale: "zh-CN" | "en" = "zh-CN") => bearer(tokens[who], locale)

    /** A buyer's checkout through the store: cart, address, one choice per cooperative, pay on delivery. */
    async function buy(
      lines: { variant: Variant; quantity: number }[],
      kinds: Record<string, Kind> = {},
      options: { locale?: "zh-CN" | "en"; email?: string } = {}
    ): Promise<{ checkout_id: string; orders: Record<string, PlacedOrder>; payment_collection_id: string }> {
      const { data } = await api.post("/store/carts", options.locale === "en" ? { locale: "en" } : {}, store)
      const cartId = data.cart.id as string
      for (const line of lines) {
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: line.variant.id, quantity: line.quantity }, store)
      }
      await api.post(`/store/carts/${cartId}`, { email: options.email ?? "buyer@example.com", shipping_address: LUOCHUAN }, store)
      const view = (await api.get(`/store/carts/${cartId}/cooperatives`, store)).data
      for (const group of view.groups) {
        const option = group.options.find((o: { kind: string }) => o.kind === (kinds[group.cooperative.handle] ?? "delivery"))
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store)
      }
      const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      await api.post(`/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
      const placed = await call(api.post("/store/checkouts", { cart_id: cartId }, store))
      expect(placed.status, JSON.stringify(placed.data)).toBe(201)
      return {
        checkout_id: placed.data.checkout.id,
        payment_collection_id: collection.data.payment_collection.id,
        orders: Object.fromEntries(placed.data.checkout.orders.map((order: PlacedOrder) => [order.cooperative.handle, order])),
      }
    }

    const act = (who: string, url: string, action: string, body: object = {}, locale: "zh-CN" | "en" = "zh-CN") =>
      call(api.post(`${url}/${action}`, body, as(who, locale)))
    /** An action that must succeed; its answer otherwise shows in the failure. */
    const ok = async (who: string, url: string, action: string, body: object = {}) => {
      const answer = await act(who, url, action, body)
      expect(answer.status, `${action} ${url} → ${JSON.stringify(answer.data)}`).toBe(200)
      return answer
    }
    const detail = async (orderId: string, who = "applesManager", base = apples()) =>
      (await api.get(`${base}/orders/${orderId}`, as(who))).data.order

    /** Notifications are sent by subscribers after the request: wait for them. */
    async function notices(orderId: string, count: number) {
      const notification = container().resolve(Modules.NOTIFICATION)
      for (let attempt = 0; attempt < 100; attempt++) {
        const found = await notification.listNotifications({ resource_id: orderId }, { order: { created_at: "ASC" } })
        if (found.length >= count) return found
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      return notification.listNotifications({ resource_id: orderId }, { order: { created_at: "ASC" } })
    }

    async function available(variantId: string) {
      const { data } = await query().graph({
        entity: "variant",
        fields: ["inventory_items.inventory.location_levels.stocked_quantity", "inventory_items.inventory.location_levels.reserved_quantity"],
        filters: { id: variantId },
      })
      const levels = (data[0] as { inventory_items: { inventory: { location_levels: { stocked_quantity: number; reserved_quantity: number }[] } }[] })
        .inventory_items[0].inventory.location_levels
      return {
        stocked: levels.reduce((sum, l) => sum + Number(l.stocked_quantity), 0),
        reserved: levels.reduce((sum, l) => sum + Number(l.reserved_quantity), 0),
      }
    }

    const ledger = async (filters: Record<string, unknown> = {}) => payout().listPayoutLedgerEntries(filters, { take: null })
    const sum = (entries: { amount_fen: number }[]) => entries.reduce((total, entry) => total + entry.amount_fen, 0)

    /** What the payment module says was captured and refunded, over every payment. */
    async function paymentTotals() {
      const payments = await container().resolve(Modules.PAYMENT).listPayments({}, { relations: ["captures", "refunds"], take: null })
      const fen = (value: unknown) => Math.round(Number(value) * 100)
      return {
        captured: payments.reduce((total, p) => total + (p.captures ?? []).reduce((s, c) => s + fen(c.amount), 0), 0),
        refunded: payments.reduce((total, p) => total + (p.refunds ?? []).reduce((s, r) => s + fen(r.amount), 0), 0),
      }
    }

    // ——— access ———

    type Actor = "anonymous" | "villager" | "kiwiManager" | "applesOtherFarmer" | "applesFarmer" | "applesManager"
    const ACTORS: Actor[] = ["anonymous", "villager", "kiwiManager", "applesOtherFarmer", "applesFarmer", "applesManager"]
    type Row = {
      method: "GET" | "POST"
      pattern: string
      /** Prepares an order in the state the action needs and returns the path. */
      prepare: () => Promise<{ path: string; orderId: string | null }>
      body?: object
      /** Who may use it; `readers` get 200 on reads and 403 on actions (farmers of the order's produce). */
      allowed: Actor[]
      readers?: Actor[]
      /** The stage of the order once the manager acted. */
      after?: string
    }
    async function orderInStage(kind: Kind, steps: { action: string; body?: object }[]) {
      const placed = await buy([{ variant: FUJI(), quantity: 1 }], { [APPLES.handle]: kind })
      const orderId = placed.orders[APPLES.handle].id
      for (const step of steps) {
        const done = await ok("applesManager", `${apples()}/orders/${orderId}`, step.action, step.body)
        expect(done.status, `${step.action} ${JSON.stringify(done.data)}`).toBe(200)
      }
      return { orderId, path: `${apples()}/orders/${orderId}` }
    }
    const SHIP = { carrier: "顺丰速运", tracking_number: "SF1234567890123" }
    /** The action's path on an order prepared for it. */
    const forAction = async (action: string, prepared: Promise<{ orderId: string; path: string }>) => {
      const { orderId, path: orderPath } = await prepared
      return { orderId, path: `${orderPath}/${action}` }
    }
    const FARMERS_OF_FUJI: Actor[] = ["applesFarmer"]
    const matrix = (): Row[] => [
      {
        method: "GET",
        pattern: "/portal/cooperatives/:id/orders",
        prepare: async () => ({ ...(await orderInStage("delivery", [])), path: `${apples()}/orders` }),
        allowed: ["applesOtherFarmer", "applesFarmer", "applesManager"],
      },
      {
        method: "GET",
        pattern: "/portal/cooperatives/:id/orders/:orderId",
        prepare: () => orderInStage("delivery", []),
        allowed: ["applesFarmer", "applesManager"],
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/pack",
        prepare: () => forAction("pack", orderInStage("delivery", [])),
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "packed",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/ship",
        prepare: () => forAction("ship", orderInStage("delivery", [])),
        body: SHIP,
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "shipped",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/ready-for-pickup",
        prepare: () => forAction("ready-for-pickup", orderInStage("pickup", [{ action: "pack" }])),
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "ready_for_pickup",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/picked-up",
        prepare: () => forAction("picked-up", orderInStage("pickup", [{ action: "ready-for-pickup" }])),
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "completed",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/delivered",
        prepare: () => forAction("delivered", orderInStage("delivery", [{ action: "ship", body: SHIP }])),
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "completed",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/cancel",
        prepare: () => forAction("cancel", orderInStage("delivery", [])),
        body: { reason: "买家电话里说不要了" },
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "cancelled",
      },
      {
        method: "POST",
        pattern: "/portal/cooperatives/:id/orders/:orderId/refund",
        prepare: () => forAction("refund", orderInStage("delivery", [{ action: "ship", body: SHIP }, { action: "delivered" }])),
        body: { reason: "有两个苹果磕伤了" },
        allowed: ["applesManager"],
        readers: FARMERS_OF_FUJI,
        after: "completed",
      },
      {
        method: "GET",
        pattern: "/portal/cooperatives/:id/packing-list",
        prepare: async () => ({ ...(await orderInStage("pickup", [])), path: `${apples()}/packing-list` }),
        allowed: ["applesOtherFarmer", "applesFarmer", "applesManager"],
      },
      {
        method: "GET",
        pattern: "/portal/cooperatives/:id/payouts",
        prepare: async () => ({ ...(await orderInStage("delivery", [{ action: "ship", body: SHIP }, { action: "delivered" }])), path: `${apples()}/payouts` }),
        allowed: ["applesManager"],
      },
    ]

    it("has a row for every order route", () => {
      expect(matrix().map((row) => `${row.method} ${row.pattern}`).sort()).toEqual([...PORTAL_ROUTES.orders].sort())
    })

    for (const index of [...Array(11).keys()]) {
      it(`answers each actor as the order access table says — row ${index + 1}`, async () => {
        const row = matrix()[index]
        const { path: url, orderId } = await row.prepare()
        const stageOf = async () => (orderId ? (await detail(orderId)).stage : null)
        const before = await stageOf()
        for (const actor of ACTORS) {
          const options = actor === "anonymous" ? { headers: {} } : as(actor)
          const answer: Answer = await call(row.method === "GET" ? api.get(url, options) : api.post(url, row.body ?? {}, options))
          const label = `${actor} ${row.method} ${url} → ${answer.status} ${JSON.stringify(answer.data)}`
          if (row.allowed.includes(actor)) {
            expect(answer.status, label).toBe(200)
          } else if (row.readers?.includes(actor)) {
            expect(answer.status, label).toBe(403)
            expect(answer.data.code).toBe("orders_manager_only")
          } else {
            expect(answer.status, label).toBe(actor === "anonymous" ? 401 : 404)
          }
          // Nobody but the manager changes anything.
          if (actor !== "applesManager" && orderId) expect(await stageOf(), label).toBe(before)
        }
        if (row.after && orderId) expect(await stageOf()).toBe(row.after)
      })
    }

    it("answers another cooperative's order like an unknown one, through any cooperative's path", async () => {
      const placed = await buy([{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 1 }])
      const applesOrder = placed.orders[APPLES.handle].id
      const kiwiOrder = placed.orders[KIWI.handle].id
      const unknown = await call(api.get(`${kiwi()}/orders/order_UNKNOWN`, as("kiwiManager")))
      expect(unknown).toMatchObject({ status: 404, data: { code: "order_not_found" } })
      // The kiwi manager asking for the apple order under their own cooperative: 404, same answer.
      const foreign = await call(api.get(`${kiwi()}/orders/${applesOrder}`, as("kiwiManager")))
      expect(foreign).toEqual(unknown)
      for (const action of ["pack", "cancel", "refund"]) {
        expect((await act("kiwiManager", `${kiwi()}/orders/${applesOrder}`, action, { reason: "x" })).status).toBe(404)
      }
      // Each manager's list holds only their cooperative's part of the same checkout.
      const applesList = (await api.get(`${apples()}/orders`, as("applesManager"))).data
      const kiwiList = (await api.get(`${kiwi()}/orders`, as("kiwiManager"))).data
      expect(applesList.orders.map((o: { id: string }) => o.id)).toEqual([applesOrder])
      expect(kiwiList.orders.map((o: { id: string }) => o.id)).toEqual([kiwiOrder])
      expect((await detail(applesOrder)).stage).toBe("placed")
    })

    it("shows a farmer only the orders of their own produce, only their lines, without the buyer's contact or payment", async () => {
      const mixed = await buy([{ variant: FUJI(), quantity: 2 }, { variant: GALA(), quantity: 5 }])
      const galaOnly = await buy([{ variant: GALA(), quantity: 3 }])
      const orderId = mixed.orders[APPLES.handle].id
      const farmer = await detail(orderId, "applesFarmer")
      expect(farmer.items.map((i: { title: string; quantity: number }) => [i.title, i.quantity])).toEqual([["洛川红富士苹果", 2]])
      expect(farmer).toMatchObject({ buyer: { name: "陈小雨", phone: null, address: null }, payment: null, refunds: [], actions: [] })
      expect(farmer.totals).toMatchObject({ items_fen: 2 * 6800, total_fen: 2 * 6800, paid_fen: null })
      const manager = await detail(orderId)
      expect(manager.items).toHaveLength(2)
      expect(manager.buyer).toMatchObject({ name: "陈小雨", phone: LUOCHUAN.phone, address: { address: expect.stringContaining("凤栖街道") } })
      expect(manager.actions).toEqual(["pack", "ship", "cancel"])
      // The Gala-only order is not the Fuji farmer's: it answers 404 and stays out of their list.
      expect((await call(api.get(`${apples()}/orders/${galaOnly.orders[APPLES.handle].id}`, as("applesFarmer")))).status).toBe(404)
      const list = (await api.get(`${apples()}/orders`, as("applesFarmer"))).data
      expect(list.orders.map((o: { id: string }) => o.id)).toEqual([orderId])
      expect(list.orders[0]).toMatchObject({ total_fen: 2 * 6800, items: [expect.objectContaining({ title: "洛川红富士苹果" })], actions: [] })
      const other = (await api.get(`${apples()}/orders`, as("applesOtherFarmer"))).data
      expect(other.count).toBe(2)
    })

    // ——— the actions and what they do ———

    it("packs, ships with a tracking number and completes a delivery order; the buyer is told in Chinese; cash on delivery is captured", async () => {
      const placed = await buy([{ variant: FUJI(), quantity: 2 }, { variant: GALA(), quantity: 3 }])
      const order = placed.orders[APPLES.handle]
      const url = `${apples()}/orders/${order.id}`
      expect(order.total_fen).toBe(2 * 6800 + 3 * 680 + 800)
      const stockBefore = await available(FUJI().id)

      const packed = await ok("applesManager", url, "pack")
      expect(packed.data.order).toMatchObject({ status: "packed", actions: ["ship", "cancel"] })
      // Packing takes the reserved boxes out of stock.
      const stockPacked = await available(FUJI().id)
      expect(stockPacked).toEqual({ stocked: stockBefore.stocked - 2, reserved: stockBefore.reserved - 2 })

      const shipped = await ok("applesManager", url, "ship", SHIP)
      expect(shipped.data.order).toMatchObject({
        status: "shipped",
        tracking: { carrier: "顺丰速运", tracking_number: "SF1234567890123", tracking_url: expect.stringContaining("SF1234567890123") },
        actions: ["delivered"],
        payment: { method: "pay_on_delivery", status: "awaiting_payment", paid_fen: 0 },
      })
      const again = await act("applesManager", url, "ship", SHIP, "en")
      expect(again).toMatchObject({ status: 409, data: { code: "order_already_shipped", message: expect.stringContaining("refund") } })

      const delivered = await ok("applesManager", url, "delivered")
      expect(delivered.data.order).toMatchObject({
        status: "completed",
        payment: { status: "paid", paid_fen: order.total_fen, refundable_fen: order.total_fen },
        actions: ["refund"],
      })
      expect(delivered.data.order.history.map((h: { status: string }) => h.status)).toEqual(["placed", "packed", "shipped", "completed"])

      const sent = await notices(order.id, 2)
      expect(sent.map((n) => n.template)).toEqual(["order-packed", "order-shipped"])
      expect(sent[1]).toMatchObject({ to: "buyer@example.com", channel: "email" })
      expect(sent[1].data).toMatchObject({ subject: `订单 #${order.display_id} 已发货`, text: expect.stringContaining("顺丰速运运单号 SF1234567890123") })

      // The buyer's own view of the checkout shows the same status.
      const mine = (await api.get(`/store/checkouts/${placed.checkout_id}`, store)).data.checkout
      expect(mine.orders[0]).toMatchObject({ status: "completed", tracking_number: "SF1234567890123", carrier: "顺丰速运" })

      // The cooperative earned its lines and the delivery fee, less 5 % commission on the lines.
      const entries = await ledger({ order_id: order.id })
      expect(entries.filter((e) => e.kind === "earned").map((e) => e.amount_fen).sort((a, b) => a - b)).toEqual([800, 3 * 680, 2 * 6800])
      expect(entries.filter((e) => e.kind === "commission").map((e) => e.amount_fen).sort((a, b) => a - b)).toEqual([-680, -102])
      const statement = (await api.get(`${apples()}/payouts`, as("applesManager"))).data
      expect(statement).toMatchObject({ balance_fen: order.total_fen - 680 - 102, unpaid_fen: order.total_fen - 680 - 102, count: 5, account: { method: "manual" } })
    })

    it("brings a pickup order to its pickup point and hands it over; the buyer learns where and when, in English when they bought in English", async () => {
      const placed = await buy([{ variant: XUXIANG(), quantity: 1 }], { [KIWI.handle]: "pickup" }, { locale: "en" })
      const order = placed.orders[KIWI.handle]
      const url = `${kiwi()}/orders/${order.id}`
      expect((await act("kiwiManager", url, "ship", SHIP)).data.code).toBe("order_is_pickup")
      expect((await act("kiwiManager", url, "picked-up")).data.code).toBe("order_not_ready")
      const ready = await ok("kiwiManager", url, "ready-for-pickup")
      expect(ready.data.order).toMatchObject({
        status: "ready_for_pickup",
        tracking: null,
        shipping: { kind: "pickup", pickup_point: { name: DEMO_PICKUP_POINTS[KIWI.handle][0].name } },
        actions: ["picked_up"],
      })
      // The buyer's confirmation page says the same, from the same derivation.
      const mine = (await api.get(`/store/checkouts/${placed.checkout_id}`, store)).data.checkout
      expect(mine.orders[0].status).toBe("ready_for_pickup")
      const done = await ok("kiwiManager", url, "picked-up")
      expect(done.data.order.status).toBe("completed")
      const sent = await notices(order.id, 2)
      expect(sent.map((n) => n.template).sort()).toEqual(["order-packed", "order-ready-for-pickup"])
      expect(sent.find((n) => n.template === "order-ready-for-pickup")!.data).toMatchObject({
        subject: `Order #${order.display_id} is ready for pickup`,
        text: expect.stringContaining(DEMO_PICKUP_POINTS[KIWI.handle][0].hours),
      })
    })

    it("cancels with a reason and puts the stock back on sale, packed or not; a shipped order cannot be cancelled", async () => {
      const before = await available(FUJI().id)
      const first = await buy([{ variant: FUJI(), quantity: 3 }])
      const second = await buy([{ variant: FUJI(), quantity: 2 }])
      expect(await available(FUJI().id)).toEqual({ stocked: before.stocked, reserved: before.reserved + 5 })

      const noReason = await act("applesManager", `${apples()}/orders/${first.orders[APPLES.handle].id}`, "cancel", {}, "en")
      expect(noReason).toMatchObject({ status: 400, data: { code: "reason_missing", message: "Give a reason (1 to 200 characters)." } })

      const cancelled = await ok("applesManager", `${apples()}/orders/${first.orders[APPLES.handle].id}`, "cancel", { reason: "冰雹打坏了这批果子" })
      expect(cancelled.data.order).toMatchObject({ status: "cancelled", cancel_reason: "冰雹打坏了这批果子", actions: [] })
      expect(await available(FUJI().id)).toEqual({ stocked: before.stocked, reserved: before.reserved + 2 })

      const secondUrl = `${apples()}/orders/${second.orders[APPLES.handle].id}`
      await ok("applesManager", secondUrl, "pack")
      expect(await available(FUJI().id)).toEqual({ stocked: before.stocked - 2, reserved: before.reserved })
      await ok("applesManager", secondUrl, "cancel", { reason: "买家要求取消" })
      expect(await available(FUJI().id)).toEqual(before)

      const third = await buy([{ variant: FUJI(), quantity: 1 }])
      const thirdUrl = `${apples()}/orders/${third.orders[APPLES.handle].id}`
      await ok("applesManager", thirdUrl, "ship", SHIP)
      expect((await act("applesManager", thirdUrl, "cancel", { reason: "太晚了" })).data.code).toBe("order_already_shipped")
      expect((await act("applesManager", `${apples()}/orders/${first.orders[APPLES.handle].id}`, "pack")).data.code).toBe("order_cancelled")

      const sent = await notices(first.orders[APPLES.handle].id, 1)
      expect(sent[0]).toMatchObject({ template: "order-cancelled" })
      expect(sent[0].data?.text).toContain("冰雹打坏了这批果子")
      // Nothing was paid on delivery yet, so nothing was refunded and nothing earned.
      expect(await ledger({ order_id: first.orders[APPLES.handle].id })).toEqual([])
      expect((await paymentTotals()).refunded).toBe(0)
    })

    it("refunds lines and then the rest with a reason, within what was paid, and reverses the ledger", async () => {
      const placed = await buy([{ variant: FUJI(), quantity: 3 }, { variant: GALA(), quantity: 10 }])
      const order = placed.orders[APPLES.handle]
      const url = `${apples()}/orders/${order.id}`
      const manager = await detail(order.id)
      const fuji = manager.items.find((i: { title: string }) => i.title === "洛川红富士苹果")
      const gala = manager.items.find((i: { title: string }) => i.title === "洛川嘎啦苹果")

      // Pay on delivery: nothing is paid before hand-over.
      const early = await act("applesManager", url, "refund", { reason: "坏果" }, "en")
      expect(early).toMatchObject({ status: 409, data: { code: "refund_nothing_paid", message: expect.stringContaining("cancel it instead") } })
      await ok("applesManager", url, "ship", SHIP)
      await ok("applesManager", url, "delivered")

      const bad = [
        [{ item_id: fuji.id, quantity: 4 }, "refund_quantity_invalid"],
        [{ item_id: fuji.id, quantity: 0 }, "refund_quantity_invalid"],
        [{ item_id: fuji.id, quantity: 1.5 }, "refund_quantity_invalid"],
        [{ item_id: "ordli_UNKNOWN", quantity: 1 }, "refund_line_unknown"],
      ] as const
      for (const [line, code] of bad) {
        const refused = await act("applesManager", url, "refund", { reason: "坏果", lines: [line] })
        expect(refused.status, JSON.stringify(line)).toBe(400)
        expect(refused.data.code).toBe(code)
      }
      expect((await act("applesManager", url, "refund", { reason: "坏果", lines: [{ item_id: fuji.id, quantity: 4 }] }, "en")).data.message).toBe(
        "The quantity to refund must be a whole number from 1 to 3."
      )

      const partial = await ok("applesManager", url, "refund", { reason: "一箱磕伤", lines: [{ item_id: fuji.id, quantity: 1 }] })
      expect(partial.data.order).toMatchObject({
        status: "partially_refunded",
        stage: "completed",
        payment: { paid_fen: order.total_fen, refunded_fen: 6800, refundable_fen: order.total_fen - 6800, status: "partially_refunded" },
        refunds: [{ amount_fen: 6800, reason: "一箱磕伤", lines: [{ item_id: fuji.id, quantity: 1, amount_fen: 6800 }], shipping_fen: 0 }],
      })
      expect(partial.data.order.items.find((i: { id: string }) => i.id === fuji.id)).toMatchObject({ refunded_quantity: 1, refunded_fen: 6800 })

      const rest = await ok("applesManager", url, "refund", { reason: "整单退了" })
      expect(rest.data.order).toMatchObject({ status: "refunded", payment: { refunded_fen: order.total_fen, refundable_fen: 0 }, actions: [] })
      expect(rest.data.order.refunds[1]).toMatchObject({
        amount_fen: order.total_fen - 6800,
        shipping_fen: 800,
        lines: expect.arrayContaining([
          { item_id: fuji.id, quantity: 2, amount_fen: 13600 },
          { item_id: gala.id, quantity: 10, amount_fen: 6800 },
        ]),
      })
      const more = await act("applesManager", url, "refund", { reason: "再退" })
      expect(more).toMatchObject({ status: 409, data: { code: "refund_exceeds_paid" } })

      // Payment module: captured once on delivery, refunded twice; the ledger is back to zero.
      expect(await paymentTotals()).toEqual({ captured: order.total_fen, refunded: order.total_fen })
      const entries = await ledger({ order_id: order.id })
      expect(sum(entries)).toBe(0)
      expect(sum(entries.filter((e) => e.kind === "refund_commission"))).toBe(-sum(entries.filter((e) => e.kind === "commission")))
      const sent = await notices(order.id, 4)
      const refunds = sent.filter((n) => n.template === "order-refunded")
      expect(refunds.map((n) => n.data!.text)).toEqual([expect.stringContaining("¥68.00"), expect.stringContaining(`¥${((order.total_fen - 6800) / 100).toFixed(2)}`)])
    })

    it("refuses actions that do not fit the order, with messages in the member's language", async () => {
      const placed = await buy([{ variant: FUJI(), quantity: 1 }])
      const url = `${apples()}/orders/${placed.orders[APPLES.handle].id}`
      expect(await act("applesManager", url, "ready-for-pickup", {}, "en")).toMatchObject({ status: 409, data: { code: "order_is_delivery" } })
      expect(await act("applesManager", url, "delivered", {}, "en")).toMatchObject({ status: 409, data: { code: "order_not_shipped", message: "This order has not been shipped yet." } })
      const noTracking = await act("applesManager", url, "ship", { carrier: "顺丰" }, "en")
      expect(noTracking).toMatchObject({ status: 400, data: { code: "tracking_number_invalid", message: "A tracking number is 6 to 40 letters, digits or dashes." } })
      expect((await act("applesManager", url, "ship", { carrier: "顺丰", tracking_number: "SF 12 34" })).data.code).toBe("tracking_number_invalid")
      expect((await act("applesManager", url, "ship", { carrier: "", tracking_number: "SF1234567890" })).data).toMatchObject({ code: "carrier_invalid", message: "请填写快递公司（1 到 40 个字）。" })
      expect((await act("applesManager", url, "pack", { extra: true })).status).toBe(400)
      await ok("applesManager", url, "pack")
      expect((await act("applesManager", url, "pack")).data.code).toBe("order_already_packed")
      expect((await detail(placed.orders[APPLES.handle].id)).stage).toBe("packed")
    })

    it("lists with filters: status, order number, produce, day and pickup point, twenty a page", async () => {
      const delivery = await buy([{ variant: FUJI(), quantity: 1 }])
      const pickup = await buy([{ variant: GALA(), quantity: 2 }], { [APPLES.handle]: "pickup" })
      await ok("applesManager", `${apples()}/orders/${delivery.orders[APPLES.handle].id}`, "pack")
      const list = async (search: string) => (await api.get(`${apples()}/orders${search}`, as("applesManager"))).data
      expect((await list("")).count).toBe(2)
      expect((await list("?status=packed")).orders.map((o: { id: string }) => o.id)).toEqual([delivery.orders[APPLES.handle].id])
      expect((await list("?status=placed")).orders.map((o: { id: string }) => o.id)).toEqual([pickup.orders[APPLES.handle].id])
      expect((await list(`?q=%23${pickup.orders[APPLES.handle].display_id}`)).count).toBe(1)
      expect((await list(`?q=${encodeURIComponent("嘎啦")}`)).count).toBe(1)
      expect((await list(`?q=${encodeURIComponent("陈小雨")}`)).count).toBe(2)
      expect((await list(`?q=${LUOCHUAN.phone.slice(-4)}`)).count).toBe(2)
      const pointId = (await detail(pickup.orders[APPLES.handle].id)).shipping.pickup_point.id
      expect((await list(`?pickup_point=${pointId}`)).orders).toEqual([expect.objectContaining({ id: pickup.orders[APPLES.handle].id, shipping: expect.objectContaining({ kind: "pickup" }) })])
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      expect((await list(`?from=${today}&to=${today}`)).count).toBe(2)
      expect((await list("?from=2020-01-01&to=2020-01-31")).count).toBe(0)
      expect((await list("?page=2")).orders).toEqual([])
      const wrong = await call(api.get(`${apples()}/orders?from=2026-02-30`, as("applesManager", "en")))
      expect(wrong).toMatchObject({ status: 400, data: { code: "invalid_date" } })
      expect((await call(api.get(`${apples()}/orders?status=lost`, as("applesManager")))).status).toBe(400)
    })

    it("prints a packing list per pickup point and day, with the produce summed; farmers get their own lines", async () => {
      const [point] = DEMO_PICKUP_POINTS[APPLES.handle]
      await buy([{ variant: FUJI(), quantity: 2 }, { variant: GALA(), quantity: 5 }], { [APPLES.handle]: "pickup" })
      await buy([{ variant: FUJI(), quantity: 1 }], { [APPLES.handle]: "pickup" })
      await buy([{ variant: GALA(), quantity: 4 }])
      const cancelled = await buy([{ variant: FUJI(), quantity: 9 }], { [APPLES.handle]: "pickup" })
      await ok("applesManager", `${apples()}/orders/${cancelled.orders[APPLES.handle].id}`, "cancel", { reason: "重复下单" })

      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const list = (await api.get(`${apples()}/packing-list?date=${today}`, as("applesManager"))).data
      expect(list.date).toBe(today)
      expect(list.groups.map((g: { kind: string }) => g.kind)).toEqual(["pickup", "delivery"])
      const pickupGroup = list.groups[0]
      expect(pickupGroup.pickup_point).toMatchObject({ name: point.name, hours: point.hours })
      expect(pickupGroup.totals).toEqual([
        { title: "洛川嘎啦苹果", variant_title: "一级果", unit: "jin", quantity: 5 },
        { title: "洛川红富士苹果", variant_title: "80mm 一级果", unit: "box", quantity: 3 },
      ])
      expect(pickupGroup.orders).toHaveLength(2)
      expect(pickupGroup.orders[0].buyer).toMatchObject({ name: "陈小雨", phone: LUOCHUAN.phone })
      expect(list.groups[1].totals).toEqual([{ title: "洛川嘎啦苹果", variant_title: "一级果", unit: "jin", quantity: 4 }])

      const farmer = (await api.get(`${apples()}/packing-list?date=${today}&pickup_point=${pickupGroup.pickup_point.id}`, as("applesFarmer"))).data
      expect(farmer.groups).toHaveLength(1)
      expect(farmer.groups[0].totals).toEqual([{ title: "洛川红富士苹果", variant_title: "80mm 一级果", unit: "box", quantity: 3 }])
      expect(farmer.groups[0].orders[0].buyer.phone).toBeNull()
      expect((await api.get(`${apples()}/packing-list?date=2020-01-01`, as("applesManager"))).data.groups).toEqual([])
      expect(await call(api.get(`${apples()}/packing-list?date=tomorrow`, as("applesManager", "en")))).toMatchObject({ status: 400, data: { code: "invalid_date" } })
    })

    // ——— Stripe, offline ———

    const signed = (event: object, secret = WEBHOOK_SECRET) => {
      const payload = JSON.stringify(event)
      return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) }
    }
    const deliver = (event: object, secret = WEBHOOK_SECRET) => {
      const { payload, header } = signed(event, secret)
      return call(api.post("/hooks/stripe/connect", payload, { headers: { "content-type": "application/json", "stripe-signature": header } }))
    }
    let eventNumber = 0
    const stripeEvent = (type: string, object: object) => ({ id: `evt_test_${++eventNumber}_${Date.now()}`, object: "event", type, data: { object }, created: Math.floor(Date.now() / 1000) })

    /** Makes a checkout's payment look like Medusa's Stripe provider made it: the PaymentIntent id in `payment.data`. */
    async function asStripePayment<T extends Awaited<ReturnType<typeof buy>>>(placed: T) {
      const { data } = await query().graph({ entity: "payment", fields: ["id"], filters: { payment_collection_id: placed.payment_collection_id } })
      const payment = data[0] as { id: string }
      const intent = `pi_test_${payment.id.slice(-12)}`
      // Medusa's Stripe provider keeps the PaymentIntent in the payment's data (not in the public DTO).
      await container().resolve(Modules.PAYMENT).updatePayment({ id: payment.id, data: { id: intent } } as never)
      const total = Object.values(placed.orders).reduce((s, o) => s + o.total_fen, 0)
      return { ...placed, payment_id: payment.id as string, intent, total }
    }
    const paidOnline = async (lines: { variant: Variant; quantity: number }[]) => asStripePayment(await buy(lines))
    /** Stripe reports the PaymentIntent succeeded: the checkout is paid online. */
    async function payOnline<T extends Awaited<ReturnType<typeof buy>>>(placed: T) {
      const paid = await asStripePayment(placed)
      const answer = await deliver(stripeEvent("payment_intent.succeeded", { id: paid.intent, object: "payment_intent", amount_received: paid.total, currency: "cny" }))
      expect(answer.status, JSON.stringify(answer.data)).toBe(200)
      return paid
    }

    // ——— the ledger ———

    it("keeps the ledger invariant over random sequences of orders, fulfilments, refunds and cancellations (seeded)", async () => {
      const seed = Number(process.env.LEDGER_SEED ?? 20261129)
      const rng = random(seed)
      const catalogue = [FUJI, GALA, XUXIANG, DAOHUAXIANG]
      const managers: Record<string, { token: string; base: () => string }> = {
        [APPLES.handle]: { token: "applesManager", base: apples },
        [KIWI.handle]: { token: "kiwiManager", base: kiwi },
        [RICE.handle]: { token: "riceManager", base: () => `/portal/cooperatives/${coop[RICE.handle]}` },
      }
      tokens.riceManager ??= await login(RICE.manager.identifier)
      const open: { handle: string; id: string; kind: Kind }[] = []
      /** Completed or cancelled: nothing held for them any more (refunds of completed orders are in the ledger). */
      const closed = new Set<string>()
      const log: string[] = []

      async function check(step: string) {
        const entries = await ledger()
        const platform = -sum(entries.filter((e) => e.kind === "commission" || e.kind === "refund_commission"))
        const paidOut = -sum(entries.filter((e) => e.kind === "payout"))
        const totals = await paymentTotals()
        // Money held by the platform for orders not fulfilled yet: what they were paid, less refunds.
        let heldFen = 0
        for (const o of open.filter((candidate) => !closed.has(candidate.id))) {
          const d = await detail(o.id, managers[o.handle].token, managers[o.handle].base())
          if (d.stage === "completed" || d.stage === "cancelled") closed.add(o.id)
          else heldFen += d.payment.paid_fen - d.payment.refunded_fen
        }
        expect(sum(entries) + platform + paidOut + heldFen, `seed ${seed} after ${step}\n${log.join("\n")}`).toBe(totals.captured - totals.refunded)
        // Every fact once.
        expect(new Set(entries.map((e) => e.idempotency_key)).size).toBe(entries.length)
      }

      for (let step = 0; step < 24; step++) {
        const move = open.length < 2 || rng.next() < 0.3 ? "buy" : rng.pick(["advance", "advance", "refund", "cancel"] as const)
        if (move === "buy") {
          const picks = [...new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(catalogue)))]
          const lines = picks.map((v) => ({ variant: v(), quantity: 1 + rng.int(3) }))
          const kinds = Object.fromEntries(Object.keys(managers).map((h) => [h, rng.next() < 0.5 ? "pickup" : "delivery"])) as Record<string, Kind>
          const online = rng.next() < 0.4
          const placed = online ? await payOnline(await buy(lines, kinds)) : await buy(lines, kinds)
          for (const [handle, order] of Object.entries(placed.orders)) open.push({ handle, id: order.id, kind: kinds[handle] })
          log.push(`buy ${online ? "online" : "on delivery"} ${lines.map((l) => `${l.variant.title}×${l.quantity}`).join(", ")}`)
        } else {
          const target = rng.pick(open)
          const { token, base } = managers[target.handle]
          const url = `${base()}/orders/${target.id}`
          const order = await detail(target.id, token, base())
          let action: string | null = null
          let body: object = {}
          if (move === "advance") {
            action =
              order.stage === "placed" ? (target.kind === "pickup" ? "ready-for-pickup" : "ship") : order.stage === "shipped" ? "delivered" : order.stage === "ready_for_pickup" ? "picked-up" : null
            body = action === "ship" ? SHIP : {}
          } else if (move === "refund" && order.payment.refundable_fen > 0) {
            const item = rng.pick(order.items as { id: string; quantity: number; refunded_quantity: number }[])
            const left = item.quantity - item.refunded_quantity
            action = "refund"
            body = left > 0 && rng.next() < 0.7 ? { reason: "随机退款", lines: [{ item_id: item.id, quantity: 1 + rng.int(left) }] } : { reason: "整单退款" }
          } else if (move === "cancel" && (order.stage === "placed" || order.stage === "packed")) {
            action = "cancel"
            body = { reason: "随机取消" }
          }
          if (!action) continue
          const answer = await act(token, url, action, body)
          log.push(`${action} ${target.id} ${JSON.stringify(body)} → ${answer.status}`)
          expect(answer.status, `${action} ${JSON.stringify(answer.data)}`).toBe(200)
        }
        await check(`step ${step}`)
      }
      // Everything still open is handed over: all money is then in the ledger or refunded.
      for (const o of open) {
        const { token, base } = managers[o.handle]
        const url = `${base()}/orders/${o.id}`
        let order = await detail(o.id, token, base())
        if (order.stage === "placed") await ok(token, url, o.kind === "pickup" ? "ready-for-pickup" : "ship", o.kind === "pickup" ? {} : SHIP)
        order = await detail(o.id, token, base())
        if (order.stage === "shipped") await ok(token, url, "delivered")
        if (order.stage === "ready_for_pickup") await ok(token, url, "picked-up")
      }
      await check("all handed over")
      const totals = await paymentTotals()
      const entries = await ledger()
      const platform = -sum(entries.filter((e) => e.kind === "commission" || e.kind === "refund_commission"))
      expect(sum(entries) + platform).toBe(totals.captured - totals.refunded)
      expect(totals.captured).toBeGreaterThan(0)
    }, 480_000) // about 25 checkouts and 40 actions: 1.5 minutes on a quiet machine

    // ——— payout runs ———

    it("settles a payout run by bank transfer: per-cooperative amounts, payout entries, balances back to zero", async () => {
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const empty = await call(api.post("/admin/payout-runs", { period_start: today, period_end: today }, admin))
      expect(empty).toMatchObject({ status: 409, data: { code: "payout_run_empty" } })

      const placed = await buy([{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 2 }])
      for (const [handle, who, base] of [[APPLES.handle, "applesManager", apples()], [KIWI.handle, "kiwiManager", kiwi()]] as const) {
        const url = `${base}/orders/${placed.orders[handle].id}`
        await ok(who, url, "ship", SHIP)
        await ok(who, url, "delivered")
      }
      expect((await act("kiwiManager", `${kiwi()}/orders/${placed.orders[KIWI.handle].id}`, "refund", { reason: "少了两个", lines: [] })).status).toBe(400)
      const balances = async () => Object.fromEntries((await payout().cooperativeBalances(null)).map((b) => [b.cooperative_id, b.balance_fen]))
      const owed = await balances()
      expect(owed[coop[APPLES.handle]]).toBe(6800 + 800 - 340)
      expect(owed[coop[KIWI.handle]]).toBe(2 * 5900 + 800 - 590)

      const wrong = await call(api.post("/admin/payout-runs", { period_start: today, period_end: "2999-01-01" }, admin))
      expect(wrong).toMatchObject({ status: 400, data: { code: "payout_period_invalid" } })
      const created = await call(api.post("/admin/payout-runs", { period_start: today, period_end: today }, admin))
      expect(created.status, JSON.stringify(created.data)).toBe(201)
      const run = created.data.payout_run
      expect(run).toMatchObject({ status: "draft", method: "manual", total_fen: owed[coop[APPLES.handle]] + owed[coop[KIWI.handle]] })
      expect(run.lines.map((l: { cooperative_name: string; amount_fen: number }) => [l.cooperative_name, l.amount_fen]).sort()).toEqual(
        [[APPLES.name, owed[coop[APPLES.handle]]], [KIWI.name, owed[coop[KIWI.handle]]]].sort()
      )
      // Everything of the period is claimed: a second run finds nothing.
      expect((await call(api.post("/admin/payout-runs", { period_start: today, period_end: today }, admin))).data.code).toBe("payout_run_empty")

      const stripe = await call(api.post(`/admin/payout-runs/${run.id}/settle`, { method: "stripe_connect" }, admin))
      expect(stripe).toMatchObject({ status: 409, data: { code: "stripe_not_configured" } })
      const noReference = await call(api.post(`/admin/payout-runs/${run.id}/settle`, {}, admin))
      expect(noReference).toMatchObject({ status: 400, data: { code: "payout_reference_missing" } })
      const settled = await call(api.post(`/admin/payout-runs/${run.id}/settle`, { reference: "ICBC-20261130-0001" }, admin))
      expect(settled.status, JSON.stringify(settled.data)).toBe(200)
      expect(settled.data.payout_run).toMatchObject({ status: "settled", method: "manual", reference: "ICBC-20261130-0001", settled_at: expect.any(String) })
      expect((await call(api.post(`/admin/payout-runs/${run.id}/settle`, { reference: "again" }, admin))).data.code).toBe("payout_run_settled")
      expect(await balances()).toMatchObject({ [coop[APPLES.handle]]: 0, [coop[KIWI.handle]]: 0 })

      const statement = (await api.get(`${apples()}/payouts`, as("applesManager"))).data
      expect(statement).toMatchObject({ balance_fen: 0, unpaid_fen: 0, payout_runs: [{ id: run.id, status: "settled", reference: "ICBC-20261130-0001", amount_fen: owed[coop[APPLES.handle]] }] })
      expect(statement.entries[0]).toMatchObject({ kind: "payout", amount_fen: -owed[coop[APPLES.handle]] })
      expect((await api.get("/admin/payout-runs", admin)).data.payout_runs.map((r: { id: string }) => r.id)).toEqual([run.id])
      expect((await call(api.get("/admin/payout-runs/prun_UNKNOWN", admin))).status).toBe(404)
      // Operators only.
      expect((await call(api.post("/admin/payout-runs", { period_start: today, period_end: today }, as("applesManager")))).status).toBe(401)
    })

    // ——— Stripe webhooks ———

    it("refuses a webhook with a bad signature and changes nothing", async () => {
      const paid = await paidOnline([{ variant: FUJI(), quantity: 1 }])
      const event = stripeEvent("payment_intent.succeeded", { id: paid.intent, object: "payment_intent", amount_received: paid.total, currency: "cny" })
      const forged = await deliver(event, "whsec_someone_else")
      expect(forged).toMatchObject({ status: 400, data: { code: "webhook_signature_invalid" } })
      const unsigned = await call(api.post("/hooks/stripe/connect", event, { headers: { "content-type": "application/json" } }))
      expect(unsigned.status).toBe(400)
      const { payload, header } = signed(event)
      const tampered = await call(
        api.post("/hooks/stripe/connect", payload.replace(String(paid.total), String(paid.total * 10)), { headers: { "content-type": "application/json", "stripe-signature": header } })
      )
      expect(tampered.status).toBe(400)
      expect(await payout().listStripeEvents({})).toEqual([])
      expect((await paymentTotals()).captured).toBe(0)
    })

    it("applies a payment event replayed ten times once: one capture, each order's share booked", async () => {
      const paid = await paidOnline([{ variant: FUJI(), quantity: 1 }, { variant: XUXIANG(), quantity: 1 }])
      const event = stripeEvent("payment_intent.succeeded", { id: paid.intent, object: "payment_intent", amount_received: paid.total, currency: "cny" })
      const answers = []
      for (let i = 0; i < 10; i++) answers.push(await deliver(event))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      expect(answers.map((a) => a.data.result)).toEqual(["applied", ...Array(9).fill("duplicate")])
      expect(await payout().listStripeEvents({ event_id: event.id })).toHaveLength(1)
      const payment = await container().resolve(Modules.PAYMENT).retrievePayment(paid.payment_id, { relations: ["captures"] })
      expect(payment.captures).toHaveLength(1)
      // Each cooperative's order is now paid and can refund.
      const apple = await detail(paid.orders[APPLES.handle].id)
      expect(apple.payment).toMatchObject({ paid_fen: paid.orders[APPLES.handle].total_fen, status: "paid" })
      const kiwiOrder = await detail(paid.orders[KIWI.handle].id, "kiwiManager", kiwi())
      expect(kiwiOrder.payment.paid_fen).toBe(paid.orders[KIWI.handle].total_fen)
      // Paid online and cancelled: the order's own share goes back, the other order keeps its payment.
      const cancelled = await ok("applesManager", `${apples()}/orders/${apple.id}`, "cancel", { reason: "缺货" })
      expect(cancelled.data.order).toMatchObject({ status: "cancelled", payment: { refunded_fen: paid.orders[APPLES.handle].total_fen } })
      expect((await detail(paid.orders[KIWI.handle].id, "kiwiManager", kiwi())).payment).toMatchObject({ paid_fen: paid.orders[KIWI.handle].total_fen, refunded_fen: 0 })
      expect(await paymentTotals()).toEqual({ captured: paid.total, refunded: paid.orders[APPLES.handle].total_fen })
    })

    it("reconciles a charge.refunded that arrives before payment_intent.succeeded, once however often either comes", async () => {
      const paid = await paidOnline([{ variant: FUJI(), quantity: 2 }])
      const order = paid.orders[APPLES.handle]
      const refunded = stripeEvent("charge.refunded", {
        id: "ch_test_1",
        object: "charge",
        payment_intent: paid.intent,
        captured: true,
        amount_captured: paid.total,
        amount_refunded: 3000,
        refunds: { object: "list", data: [{ id: "re_test_1", object: "refund", amount: 3000, metadata: {} }] },
      })
      const succeeded = stripeEvent("payment_intent.succeeded", { id: paid.intent, object: "payment_intent", amount_received: paid.total, currency: "cny" })
      for (let i = 0; i < 10; i++) expect((await deliver(refunded)).status).toBe(200)
      for (let i = 0; i < 10; i++) expect((await deliver(succeeded)).status).toBe(200)
      expect(await paymentTotals()).toEqual({ captured: paid.total, refunded: 3000 })
      const d = await detail(order.id)
      expect(d).toMatchObject({ status: "partially_refunded", payment: { paid_fen: paid.total, refunded_fen: 3000 } })
      expect(d.refunds).toEqual([expect.objectContaining({ amount_fen: 3000, reason: "Stripe" })])
      // Delivered afterwards: the ledger holds the earnings less the Stripe refund, nothing captured again.
      await ok("applesManager", `${apples()}/orders/${order.id}`, "ship", SHIP)
      await ok("applesManager", `${apples()}/orders/${order.id}`, "delivered")
      const entries = await ledger({ order_id: order.id })
      const platform = -sum(entries.filter((e) => e.kind === "commission" || e.kind === "refund_commission"))
      expect(sum(entries) + platform).toBe(paid.total - 3000)
      expect(await paymentTotals()).toEqual({ captured: paid.total, refunded: 3000 })
      const sent = await notices(order.id, 3)
      expect(sent.filter((n) => n.template === "order-refunded")).toHaveLength(1)
    })

    it("answers 409 for a payment it does not know yet, so Stripe delivers again", async () => {
      const event = stripeEvent("payment_intent.succeeded", { id: "pi_test_not_yet", object: "payment_intent", amount_received: 100, currency: "cny" })
      const first = await deliver(event)
      expect(first).toMatchObject({ status: 409, data: { result: "pending" } })
      const [row] = await payout().listStripeEvents({ event_id: event.id })
      expect(row).toMatchObject({ processed_at: null, error: expect.stringContaining("pi_test_not_yet") })
      expect((await deliver(stripeEvent("customer.created", { id: "cus_1", object: "customer" }))).data.result).toBe("ignored")
    })

    it("follows Connect transfers of a payout run by state, a reversal before the creation included", async () => {
      const placed = await buy([{ variant: FUJI(), quantity: 1 }])
      const url = `${apples()}/orders/${placed.orders[APPLES.handle].id}`
      await ok("applesManager", url, "ship", SHIP)
      await ok("applesManager", url, "delivered")
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const run = (await api.post("/admin/payout-runs", { period_start: today, period_end: today }, admin)).data.payout_run
      await api.post(`/admin/payout-runs/${run.id}/settle`, { reference: "ABC-1" }, admin)
      const amount = run.lines[0].amount_fen
      const transfer = (over: object) => ({
        id: "tr_test_1",
        object: "transfer",
        amount,
        amount_reversed: 0,
        reversed: false,
        metadata: { payout_run_id: run.id, cooperative_id: coop[APPLES.handle] },
        ...over,
      })
      const reversed = stripeEvent("transfer.reversed", transfer({ amount_reversed: amount, reversed: true }))
      const created = stripeEvent("transfer.created", transfer({}))
      for (let i = 0; i < 10; i++) await deliver(reversed)
      await deliver(created)
      const [fresh] = await payout().listPayoutRuns({ id: run.id })
      expect((fresh.lines as { items: { transfer_status: string; transfer_id: string }[] }).items[0]).toMatchObject({ transfer_status: "reversed", transfer_id: "tr_test_1" })
      // The money came back: the cooperative is owed it again, once.
      expect((await payout().cooperativeBalances([coop[APPLES.handle]]))[0].balance_fen).toBe(amount)
    })
  },
})
