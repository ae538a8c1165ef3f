import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { amountToFen } from "./amounts"
import { buyerStatusOfOrder, ORDER_STATUS_FIELDS } from "./order-status"
import type { PickupPoint } from "./shipping"

/** The buyer-facing status of a cooperative's order (docs/api/orders.md). */
export type BuyerOrderStatus =
  | "placed"
  | "packed"
  | "shipped"
  | "ready_for_pickup"
  | "completed"
  | "cancelled"
  | "refunded"
  | "partially_refunded"

type OrderRow = {
  id: string
  display_id: number
  status: string
  created_at: string | Date
  canceled_at: string | Date | null
  total: number
  metadata: Record<string, unknown> | null
  items?: {
    id: string
    title: string
    product_title: string | null
    variant_title: string | null
    thumbnail: string | null
    product_handle: string | null
    quantity: number
    unit_price: number
    total: number
    metadata: Record<string, unknown> | null
  }[]
  shipping_methods?: { id: string; name: string; amount: number; shipping_option_id: string | null; metadata: Record<string, unknown> | null }[]
  fulfillments?: {
    packed_at: string | Date | null
    shipped_at: string | Date | null
    delivered_at: string | Date | null
    canceled_at: string | Date | null
    metadata?: Record<string, unknown> | null
    labels?: { tracking_number: string | null }[] | null
  }[]
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "canceled_at",
  "total",
  "metadata",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
  "items.product_handle",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.metadata",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.shipping_option_id",
  "shipping_methods.metadata",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "fulfillments.metadata",
  ...ORDER_STATUS_FIELDS,
]

/**
 * Where a buyer's order stands: the one derivation of lib/order-status.ts (fulfilments, payment
 * transactions, cancellation), as the cooperative's portal shows it.
 */
export function buyerStatus(order: Parameters<typeof buyerStatusOfOrder>[0]): BuyerOrderStatus {
  return buyerStatusOfOrder(order).status
}

export type PresentedCheckout = Awaited<ReturnType<typeof presentCheckouts>>[number]

/** Checkouts as the confirmation page, the account's order history and `POST /store/checkouts` answer them. */
export async function presentCheckouts(container: MedusaContainer, checkoutIds: string[]) {
  if (checkoutIds.length === 0) return []
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const checkouts = await marketplace.listCheckouts({ id: checkoutIds }, { relations: ["orders"] })
  const orderIds = checkouts.flatMap((checkout) => (checkout.orders ?? []).map((row) => row.order_id))
  const cooperativeIds = [...new Set(checkouts.flatMap((checkout) => (checkout.orders ?? []).map((row) => row.cooperative_id)))]
  const [{ data: orders }, cooperatives] = await Promise.all([
    orderIds.length
      ? container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
      : Promise.resolve({ data: [] as OrderRow[] }),
    cooperativeIds.length ? marketplace.listCooperatives({ id: cooperativeIds }, { select: ["id", "handle", "name"] }) : Promise.resolve([]),
  ])
  const orderById = new Map((orders as OrderRow[]).map((order) => [order.id, order]))
  const cooperativeById = new Map(cooperatives.map((cooperative) => [cooperative.id, cooperative]))
  const byId = new Map(
    checkouts.map((checkout) => [
      checkout.id,
      {
        id: checkout.id,
        cart_id: checkout.cart_id,
        email: checkout.email,
        created_at: checkout.created_at,
        items_total_fen: checkout.items_total_fen,
        shipping_total_fen: checkout.shipping_total_fen,
        total_fen: checkout.total_fen,
        payment_provider: checkout.payment_provider,
        orders: [...(checkout.orders ?? [])]
          .sort((a, b) => a.position - b.position)
          .map((row) => {
            const order = orderById.get(row.order_id)
            const cooperative = cooperativeById.get(row.cooperative_id)
            const method = order?.shipping_methods?.[0]
            const shipped = (order?.fulfillments ?? []).find((fulfillment) => !fulfillment.canceled_at && (fulfillment.labels ?? []).some((label) => label.tracking_number))
            const tracking = shipped?.labels?.find((label) => label.tracking_number)
            const carrier = typeof shipped?.metadata?.carrier === "string" ? shipped.metadata.carrier : null
            return {
              id: row.order_id,
              display_id: order?.display_id ?? null,
              cooperative: cooperative ? { id: cooperative.id, handle: cooperative.handle, name: cooperative.name } : { id: row.cooperative_id, handle: null, name: null },
              status: order ? buyerStatus(order) : "placed",
              total_fen: order ? amountToFen(order.total) : row.total_fen,
              shipping: method
                ? {
                    kind: (method.metadata?.kind as "delivery" | "pickup" | undefined) ?? "delivery",
                    name: method.name,
                    amount_fen: amountToFen(method.amount),
                    pickup_point: (method.metadata?.pickup_point as PickupPoint | null | undefined) ?? null,
                  }
                : null,
              tracking_number: tracking?.tracking_number ?? null,
              carrier,
              items: [...(order?.items ?? [])]
                .sort((a, b) => Number(a.metadata?.position ?? 0) - Number(b.metadata?.position ?? 0))
                .map((item) => ({
                id: item.id,
                title: item.product_title ?? item.title,
                variant_title: item.variant_title,
                thumbnail: item.thumbnail,
                product_handle: item.product_handle,
                quantity: item.quantity,
                unit: (item.metadata?.unit as string | null | undefined) ?? null,
                unit_price_fen: amountToFen(item.unit_price),
                total_fen: amountToFen(item.total),
              })),
            }
          }),
      },
    ])
  )
  return checkoutIds.map((id) => byId.get(id)).filter((checkout): checkout is NonNullable<typeof checkout> => Boolean(checkout))
}
