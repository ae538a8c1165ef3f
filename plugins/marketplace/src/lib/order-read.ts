import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import CooperativeOrderLink from "../links/cooperative-order"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { amountToFen } from "./amounts"
import { pickupPointOf, type PickupPoint } from "./shipping"
import { deriveOrderStatus, type DerivedStatus, type ShippingKind, type StatusFulfillment } from "./order-status"

/**
 * Reads a cooperative's orders through Query in one shape that the portal routes, the workflows, the
 * ledger and the notifications share. Money is integer fen. Each order's paid and refunded amounts
 * come from its own order transactions (`capture` / `refund`), because one checkout payment serves
 * the orders of several cooperatives (decision 007).
 *
 * Line totals are unit price × quantity and the order total is lines + shipping: the China region
 * has no automatic taxes and the marketplace has no promotions. Refund credit lines never change them.
 */
const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "canceled_at",
  "email",
  "locale",
  "currency_code",
  "customer_id",
  "sales_channel_id",
  "metadata",
  "items.id",
  "items.title",
  "items.subtitle",
  "items.product_title",
  "items.variant_title",
  "items.product_id",
  "items.variant_id",
  "items.thumbnail",
  "items.quantity",
  // Query leaves items.quantity out unless the order item detail is read too (Medusa 2.21).
  "items.detail.quantity",
  "items.unit_price",
  "items.metadata",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.phone",
  "shipping_address.province",
  "shipping_address.city",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.postal_code",
  "shipping_address.metadata",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.shipping_option_id",
  "shipping_methods.metadata",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.location_id",
  "fulfillments.metadata",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "transactions.id",
  "transactions.amount",
  "transactions.reference",
  "transactions.reference_id",
  "transactions.created_at",
  "payment_collections.id",
  "cooperative.id",
  "cooperative.name",
  "cooperative.handle",
  "cooperative.stock_location_id",
]

/** Medusa amount (yuan, number or BigNumber) → integer fen, through Medusa's big-number maths. */
export const toFen = amountToFen

export type { PickupPoint }

const PAYMENT_FIELDS = [
  "id",
  "payments.id",
  "payments.provider_id",
  "payments.amount",
  "payments.captured_at",
  "payments.canceled_at",
  "payments.captures.amount",
  "payments.refunds.id",
  "payments.refunds.amount",
  "payments.refunds.created_at",
  "payments.refunds.note",
  "payments.refunds.metadata",
]

/**
 * The payment collection each order is paid from and the orders sharing it: Medusa's order ↔ payment
 * collection link when there is one, else the checkout record (decision 007: one payment per checkout).
 */
export async function orderPaymentCollections(
  container: MedusaContainer,
  orderIds: string[]
): Promise<Map<string, { payment_collection_id: string; order_ids: string[] }>> {
  const result = new Map<string, { payment_collection_id: string; order_ids: string[] }>()
  if (orderIds.length === 0) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const [{ data: links }, rows] = await Promise.all([
    query.graph({ entity: "order_payment_collection", fields: ["order_id", "payment_collection_id"], filters: { order_id: orderIds } } as never),
    marketplace.listCheckoutOrders({ order_id: orderIds }, { relations: ["checkout", "checkout.orders"], take: null }),
  ])
  for (const row of rows) {
    if (row.checkout?.payment_collection_id) {
      result.set(row.order_id, {
        payment_collection_id: row.checkout.payment_collection_id,
        order_ids: (row.checkout.orders ?? []).map((o) => o.order_id),
      })
    }
  }
  const linked = links as { order_id: string; payment_collection_id: string }[]
  for (const link of linked) {
    if (result.has(link.order_id)) continue
    result.set(link.order_id, { payment_collection_id: link.payment_collection_id, order_ids: [link.order_id] })
  }
  if (linked.length) {
    const { data: sharing } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id", "payment_collection_id"],
      filters: { payment_collection_id: [...new Set(linked.map((link) => link.payment_collection_id))] },
    } as never)
    for (const [orderId, entry] of result) {
      const others = (sharing as { order_id: string; payment_collection_id: string }[])
        .filter((row) => row.payment_collection_id === entry.payment_collection_id)
        .map((row) => row.order_id)
      result.set(orderId, { ...entry, order_ids: [...new Set([...entry.order_ids, ...others])] })
    }
  }
  return result
}

/** The orders paid from a payment collection (link or checkout record). */
export async function ordersOfPaymentCollection(container: MedusaContainer, paymentCollectionId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: links }, checkouts] = await Promise.all([
    query.graph({ entity: "order_payment_collection", fields: ["order_id"], filters: { payment_collection_id: paymentCollectionId } } as never),
    container
      .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      .listCheckouts({ payment_collection_id: paymentCollectionId }, { relations: ["orders"], take: null }),
  ])
  return [
    ...new Set([
      ...(links as { order_id: string }[]).map((link) => link.order_id),
      ...checkouts.flatMap((checkout) => (checkout.orders ?? []).map((row) => row.order_id)),
    ]),
  ]
}

export type OrderLine = {
  id: string
  title: string
  variant_title: string | null
  product_id: string | null
  variant_id: string | null
  thumbnail: string | null
  quantity: number
  unit: string | null
  unit_price_fen: number
  total_fen: number
  farmer_member_id: string | null
  refunded_quantity: number
  refunded_fen: number
}

export type OrderRefund = {
  id: string
  payment_id: string
  amount_fen: number
  reason: string
  created_at: string
  lines: { item_id: string; quantity: number; amount_fen: number }[]
  shipping_fen: number
}

export type CooperativeOrder = {
  id: string
  display_id: number
  created_at: string
  canceled_at: string | null
  cancel_reason: string | null
  email: string | null
  locale: "zh-CN" | "en"
  customer_id: string | null
  cooperative: { id: string; name: string; handle: string; stock_location_id: string | null }
  items: OrderLine[]
  shipping: {
    kind: ShippingKind
    name: string
    amount_fen: number
    shipping_option_id: string | null
    pickup_point: PickupPoint | null
  }
  buyer: {
    name: string
    phone: string
    email: string | null
    address: null | { province: string; city: string; address: string; postal_code: string; codes: Record<string, string> }
  }
  fulfillments: StatusFulfillment[]
  payment: {
    provider_id: string | null
    payment_id: string | null
    /** How many orders share this checkout's payment. */
    shared_by: number
    authorized_fen: number
    paid_fen: number
    refunded_fen: number
  }
  refunds: OrderRefund[]
  totals: { items_fen: number; shipping_fen: number; total_fen: number }
  derived: DerivedStatus
}

type RawOrder = Record<string, any>

/** Order ids of a cooperative, newest link first. */
export async function cooperativeOrderIds(container: MedusaContainer, cooperativeId: string): Promise<string[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: CooperativeOrderLink.entryPoint,
    fields: ["order_id", "created_at"],
    filters: { cooperative_id: cooperativeId },
    pagination: { order: { created_at: "DESC" } },
  } as never)
  return (data as { order_id: string }[]).map((row) => row.order_id)
}

/**
 * The cooperative's orders still to be handed over at a pickup point (neither cancelled nor
 * collected): chosen with one of its options, or carrying its copy in the shipping method.
 * Packing needs the option, so a point with such orders is not removed.
 */
export async function openPickupOrderIds(
  container: MedusaContainer,
  cooperativeId: string,
  point: { location_id: string; option_ids: string[] }
): Promise<string[]> {
  const ids = await cooperativeOrderIds(container, cooperativeId)
  if (ids.length === 0) return []
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "id",
      "canceled_at",
      "shipping_methods.shipping_option_id",
      "shipping_methods.metadata",
      "fulfillments.delivered_at",
      "fulfillments.canceled_at",
    ],
    filters: { id: ids },
  })
  const options = new Set(point.option_ids)
  return (data as RawOrder[])
    .filter((order) => !order.canceled_at)
    .filter((order) =>
      (order.shipping_methods ?? []).some(
        (method: RawOrder | null) =>
          method &&
          ((method.shipping_option_id && options.has(method.shipping_option_id)) || method.metadata?.pickup_point?.id === point.location_id)
      )
    )
    .filter((order) => !(order.fulfillments ?? []).some((f: RawOrder | null) => f && !f.canceled_at && f.delivered_at))
    .map((order) => order.id as string)
}

/** The orders with these ids (any cooperative), in the shared shape; unknown ids are left out. */
export async function readOrders(container: MedusaContainer, ids: string[], filters: Record<string, unknown> = {}): Promise<CooperativeOrder[]> {
  if (ids.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids, ...filters } as never })
  const orders = data as RawOrder[]
  if (orders.length === 0) return []

  const optionIds = [...new Set(orders.flatMap((o) => (o.shipping_methods ?? []).map((m: RawOrder) => m?.shipping_option_id)).filter(Boolean))]
  const productIds = [...new Set(orders.flatMap((o) => (o.items ?? []).map((i: RawOrder) => i?.product_id)).filter(Boolean))]
  const collections = await orderPaymentCollections(container, orders.map((o) => o.id))
  const collectionIds = [...new Set([...collections.values()].map((entry) => entry.payment_collection_id))]
  const [options, products, paymentCollections] = await Promise.all([
    optionIds.length
      ? query.graph({
          entity: "shipping_option",
          fields: [
            "id",
            "name",
            "service_zone.fulfillment_set.type",
            "service_zone.fulfillment_set.location.id",
            "service_zone.fulfillment_set.location.name",
            "service_zone.fulfillment_set.location.metadata",
          ],
          filters: { id: optionIds },
        })
      : { data: [] },
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "produce_details.unit", "produce_details.farmer_member_id"], filters: { id: productIds } })
      : { data: [] },
    collectionIds.length ? query.graph({ entity: "payment_collection", fields: PAYMENT_FIELDS, filters: { id: collectionIds } }) : { data: [] },
  ])
  const optionById = new Map((options.data as RawOrder[]).map((o) => [o.id, o]))
  const productById = new Map((products.data as RawOrder[]).map((p) => [p.id, p]))
  const collectionById = new Map((paymentCollections.data as RawOrder[]).map((pc) => [pc.id, pc]))
  const payment = (orderId: string) => {
    const entry = collections.get(orderId)
    return { collection: entry ? collectionById.get(entry.payment_collection_id) ?? null : null, shared_by: entry?.order_ids.length ?? 0 }
  }
  return orders.map((order) => presentOrder(order, optionById, productById, payment(order.id)))
}

export async function readOrder(container: MedusaContainer, id: string): Promise<CooperativeOrder | null> {
  const [order] = await readOrders(container, [id])
  return order ?? null
}

function presentOrder(
  order: RawOrder,
  optionById: Map<string, RawOrder>,
  productById: Map<string, RawOrder>,
  paidFrom: { collection: RawOrder | null; shared_by: number }
): CooperativeOrder {
  const method = (order.shipping_methods ?? []).filter(Boolean)[0] as RawOrder | undefined
  const option = method?.shipping_option_id ? optionById.get(method.shipping_option_id) : undefined
  const fulfillmentSet = option?.service_zone?.fulfillment_set
  // What the buyer chose is kept on the shipping method at checkout; the option is the fallback.
  const chosen = (method?.metadata ?? {}) as { kind?: string; pickup_point?: PickupPoint | null }
  const kind: ShippingKind = chosen.kind === "pickup" || chosen.kind === "delivery" ? chosen.kind : fulfillmentSet?.type === "pickup" ? "pickup" : "delivery"
  const location = fulfillmentSet?.location
  const pickupPoint: PickupPoint | null = kind === "pickup" ? chosen.pickup_point ?? (location ? pickupPointOf(location) : null) : null

  const payments = ((paidFrom.collection?.payments ?? []) as RawOrder[]).filter(Boolean)
  const payment = payments.find((p: RawOrder) => !p.canceled_at) ?? payments[0]
  const transactions = (order.transactions ?? []).filter(Boolean) as RawOrder[]
  const paid = transactions.filter((t) => t.reference === "capture").reduce((sum, t) => sum + toFen(t.amount), 0)
  const refundTransactions = transactions.filter((t) => t.reference === "refund")
  const refunded = -refundTransactions.reduce((sum, t) => sum + toFen(t.amount), 0)
  const refundIds = new Set(refundTransactions.map((t) => t.reference_id))
  const refunds: OrderRefund[] = payments
    .flatMap((p: RawOrder) => (p.refunds ?? []).filter(Boolean).map((r: RawOrder) => ({ ...r, payment_id: p.id })))
    .filter((r: RawOrder) => refundIds.has(r.id))
    .map((r: RawOrder) => ({
      id: r.id,
      payment_id: r.payment_id,
      amount_fen: toFen(r.amount),
      reason: String(r.metadata?.reason ?? r.note ?? ""),
      created_at: new Date(r.created_at).toISOString(),
      lines: Array.isArray(r.metadata?.lines) ? r.metadata.lines : [],
      shipping_fen: Number(r.metadata?.shipping_fen ?? 0),
    }))
    .sort((a: OrderRefund, b: OrderRefund) => a.created_at.localeCompare(b.created_at))

  const refundedByLine = new Map<string, { quantity: number; amount_fen: number }>()
  for (const refund of refunds) {
    for (const line of refund.lines) {
      const sum = refundedByLine.get(line.item_id) ?? { quantity: 0, amount_fen: 0 }
      refundedByLine.set(line.item_id, { quantity: sum.quantity + line.quantity, amount_fen: sum.amount_fen + line.amount_fen })
    }
  }
  const items: OrderLine[] = (order.items ?? []).filter(Boolean).map((item: RawOrder) => {
    const details = item.product_id ? productById.get(item.product_id)?.produce_details : null
    const unitPrice = toFen(item.unit_price)
    // Medusa keeps quantities as big numbers too.
    const quantity = MathBN.convert(item.quantity ?? item.detail?.quantity ?? 0).toNumber()
    return {
      id: item.id,
      title: item.product_title ?? item.title,
      variant_title: item.variant_title ?? null,
      product_id: item.product_id ?? null,
      variant_id: item.variant_id ?? null,
      thumbnail: item.thumbnail ?? null,
      quantity,
      unit: (typeof item.metadata?.unit === "string" ? item.metadata.unit : null) ?? details?.unit ?? null,
      unit_price_fen: unitPrice,
      total_fen: unitPrice * quantity,
      farmer_member_id: details?.farmer_member_id ?? null,
      refunded_quantity: refundedByLine.get(item.id)?.quantity ?? 0,
      refunded_fen: refundedByLine.get(item.id)?.amount_fen ?? 0,
    }
  })
  const itemsFen = items.reduce((sum, item) => sum + item.total_fen, 0)
  const shippingFen = (order.shipping_methods ?? []).filter(Boolean).reduce((sum: number, m: RawOrder) => sum + toFen(m.amount), 0)
  const address = order.shipping_address as RawOrder | null
  const fulfillments: StatusFulfillment[] = (order.fulfillments ?? []).filter(Boolean)

  const shape: Omit<CooperativeOrder, "derived"> = {
    id: order.id,
    display_id: order.display_id,
    created_at: new Date(order.created_at).toISOString(),
    canceled_at: order.canceled_at ? new Date(order.canceled_at).toISOString() : null,
    cancel_reason: typeof order.metadata?.cancel_reason === "string" ? order.metadata.cancel_reason : null,
    email: order.email ?? null,
    locale: String(order.locale ?? order.metadata?.locale ?? "").toLowerCase().startsWith("en") ? "en" : "zh-CN",
    customer_id: order.customer_id ?? null,
    cooperative: {
      id: order.cooperative?.id ?? "",
      name: order.cooperative?.name ?? "",
      handle: order.cooperative?.handle ?? "",
      stock_location_id: order.cooperative?.stock_location_id ?? null,
    },
    items,
    shipping: {
      kind,
      // As chosen at checkout: a pickup point renamed later keeps its old name on the order.
      name: method?.name || option?.name || "",
      amount_fen: shippingFen,
      shipping_option_id: method?.shipping_option_id ?? null,
      pickup_point: pickupPoint,
    },
    buyer: {
      name: [address?.last_name, address?.first_name].filter(Boolean).join("") || "",
      phone: address?.phone ?? "",
      email: order.email ?? null,
      address:
        kind === "delivery" && address
          ? {
              province: address.province ?? "",
              city: address.city ?? "",
              address: [address.address_1, address.address_2].filter(Boolean).join(" "),
              postal_code: address.postal_code ?? "",
              codes: Object.fromEntries(
                Object.entries(address.metadata ?? {}).filter(([key, value]) => key.endsWith("_code") && typeof value === "string")
              ) as Record<string, string>,
            }
          : null,
    },
    fulfillments,
    payment: {
      provider_id: payment?.provider_id ?? null,
      payment_id: payment?.id ?? null,
      shared_by: paidFrom.shared_by,
      authorized_fen: payment ? toFen(payment.amount) : 0,
      paid_fen: paid,
      refunded_fen: refunded,
    },
    refunds,
    totals: { items_fen: itemsFen, shipping_fen: shippingFen, total_fen: itemsFen + shippingFen },
  }
  return {
    ...shape,
    derived: deriveOrderStatus({
      created_at: shape.created_at,
      canceled_at: shape.canceled_at,
      kind,
      fulfillments,
      paid_fen: paid,
      refunded_fen: refunded,
      refunds: refunds.map((r) => ({ created_at: r.created_at, amount_fen: r.amount_fen })),
    }),
  }
}
