import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { INCOME_MODULE } from "../modules/income"
import type IncomeModuleService from "../modules/income/service"
import type { SyncOutcome } from "../modules/income/service"
import { platformCommissionBps } from "./commission"
import { buyerKey, incomeFactsForOrder, type IncomeOrder } from "./income-facts"

/**
 * Reads orders in the shape income facts are derived from, with one Query of the order and its
 * cooperative (lines, fulfilments, refund transactions) plus the refunds those transactions name,
 * the produce details and the commission rate recorded per line at checkout. Refunds are read as the
 * marketplace's refund workflow records them (their lines in the refund's metadata), and only those
 * booked on this order (its `refund` transactions; one checkout payment serves several orders), as
 * the payout ledger does.
 */
const ORDER_FIELDS = [
  "id",
  "created_at",
  "canceled_at",
  "customer_id",
  "email",
  "items.id",
  "items.product_id",
  // Medusa 2.21's Query leaves `items.quantity` out; the order item's detail has it.
  "items.detail.quantity",
  "items.unit_price",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "transactions.reference",
  "transactions.reference_id",
  "cooperative.id",
  "cooperative.village_code",
  "cooperative.commission_rate_bps",
]

type Raw = Record<string, any>

/** A Medusa number (number, string, BigNumber, or a BigNumber that lost its prototype in a copy). */
export function numberOf(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  const object = value as Raw
  if (object.numeric_ !== undefined) return Number(object.numeric_)
  if (object.raw_?.value !== undefined) return Number(object.raw_.value)
  if (object.value !== undefined) return Number(object.value)
  return Number(object.valueOf())
}

const fenOf = (yuan: unknown) => Math.round(numberOf(yuan) * 100)
const iso = (when: unknown) => new Date(when as string).toISOString()

export async function readIncomeOrders(container: MedusaContainer, ids: string[]): Promise<IncomeOrder[]> {
  if (ids.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } } as never)
  const orders = (data as Raw[]).filter((order) => order.cooperative?.id)
  if (orders.length === 0) return []
  const productIds = [...new Set(orders.flatMap((order) => (order.items ?? []).map((item: Raw) => item?.product_id)).filter(Boolean))] as string[]
  const refundIds = [
    ...new Set(orders.flatMap((order) => ((order.transactions ?? []) as Raw[]).filter((t) => t?.reference === "refund" && t.reference_id).map((t) => t.reference_id as string))),
  ]
  const [products, commissionLines, refunds] = await Promise.all([
    productIds.length
      ? query.graph({
          entity: "product",
          fields: ["id", "produce_details.unit", "produce_details.farmer_member_id", "produce_details.origin_area_code"],
          filters: { id: productIds },
          withDeleted: true,
        } as never)
      : { data: [] },
    container
      .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      .listCommissionLines({ order_id: orders.map((order) => order.id) }, { select: ["line_item_id", "rate_bps"], take: null }),
    refundIds.length
      ? container.resolve(Modules.PAYMENT).listRefunds({ id: refundIds }, { select: ["id", "amount", "created_at", "metadata"], take: null })
      : [],
  ])
  const refundOf = new Map((refunds as Raw[]).map((refund) => [refund.id as string, refund]))
  const detailsOf = new Map((products.data as Raw[]).map((product) => [product.id as string, (product.produce_details ?? {}) as Raw]))
  const rateOf = new Map(commissionLines.map((line) => [line.line_item_id, line.rate_bps]))
  return orders.map((order) => toIncomeOrder(order, detailsOf, rateOf, refundOf))
}

function toIncomeOrder(order: Raw, detailsOf: Map<string, Raw>, rateOf: Map<string, number>, refundOf: Map<string, Raw>): IncomeOrder {
  const cooperative = order.cooperative as Raw
  const fallbackRate = typeof cooperative.commission_rate_bps === "number" ? cooperative.commission_rate_bps : platformCommissionBps()
  const refunds = [
    ...new Set(((order.transactions ?? []) as Raw[]).filter((t) => t?.reference === "refund").map((t) => t.reference_id as string)),
  ]
    .map((id) => refundOf.get(id))
    .filter((refund): refund is Raw => !!refund)
  const fulfilled = ((order.fulfillments ?? []) as Raw[]).some((f) => f && f.delivered_at && !f.canceled_at)
  return {
    id: order.id,
    created_at: iso(order.created_at),
    canceled_at: order.canceled_at ? iso(order.canceled_at) : null,
    buyer_key: buyerKey(order.customer_id, order.email),
    cooperative_id: cooperative.id,
    cooperative_village_code: cooperative.village_code,
    fulfilled,
    lines: ((order.items ?? []) as Raw[]).filter(Boolean).map((item) => {
      const details = item.product_id ? detailsOf.get(item.product_id) : undefined
      const quantity = numberOf(item.detail?.quantity ?? item.quantity)
      return {
        id: item.id,
        product_id: item.product_id ?? null,
        quantity,
        total_fen: fenOf(item.unit_price) * quantity,
        unit: details?.unit ?? null,
        farmer_member_id: details?.farmer_member_id ?? null,
        origin_area_code: details?.origin_area_code ?? null,
        commission_bps: rateOf.get(item.id) ?? fallbackRate,
      }
    }),
    refunds: refunds.map((refund) => {
      const metadata = (refund.metadata ?? {}) as Raw
      return {
        id: refund.id,
        created_at: iso(refund.created_at),
        amount_fen: fenOf(refund.amount),
        shipping_fen: numberOf(metadata.shipping_fen),
        lines: Array.isArray(metadata.lines)
          ? (metadata.lines as Raw[]).map((line) => ({ item_id: String(line.item_id), quantity: numberOf(line.quantity), amount_fen: numberOf(line.amount_fen) }))
          : [],
      }
    }),
  }
}

export type IncomeEventRef = { name: string; key: string }

/**
 * Brings one order's income facts and the rollups they feed up to the order's current state.
 * With an event: an event handled before changes nothing. Safe to run any number of times, from
 * any event, in any order, in several processes at once.
 */
export async function syncOrderIncome(container: MedusaContainer, orderId: string, event?: IncomeEventRef): Promise<SyncOutcome> {
  const started = performance.now()
  const income = container.resolve<IncomeModuleService>(INCOME_MODULE)
  if (event && (await income.eventHandled(event.key))) return { outcome: "duplicate", changed: 0 }
  // Stamped before reading: a handler that read earlier never overwrites one that read later.
  const readAt = await income.clock()
  const [order] = await readIncomeOrders(container, [orderId])
  const facts = order ? incomeFactsForOrder(order) : []
  return income.applyOrderFacts({ order_id: orderId, read_at: readAt, facts, event: event && { ...event, started } })
}

/** Re-derives many orders (the rebuild and the tests): reads in batches, writes one order at a time. */
export async function syncOrdersIncome(
  container: MedusaContainer,
  orderIds: string[],
  onProgress?: (done: number) => void,
  batchSize = 50
): Promise<{ applied: number; unchanged: number; dropped: number }> {
  const income = container.resolve<IncomeModuleService>(INCOME_MODULE)
  const tally = { applied: 0, unchanged: 0, dropped: 0 }
  for (let start = 0; start < orderIds.length; start += batchSize) {
    const batch = orderIds.slice(start, start + batchSize)
    const readAt = await income.clock()
    const orders = new Map((await readIncomeOrders(container, batch)).map((order) => [order.id, order]))
    for (const id of batch) {
      const order = orders.get(id)
      if (!order) {
        // Gone, or no longer a cooperative's order: its facts go with it.
        if ((await income.dropOrder(id)) > 0) tally.dropped++
        continue
      }
      const outcome = await income.applyOrderFacts({ order_id: id, read_at: readAt, facts: incomeFactsForOrder(order) })
      if (outcome.outcome === "applied") tally.applied++
      else tally.unchanged++
    }
    onProgress?.(Math.min(orderIds.length, start + batch.length))
  }
  return tally
}
