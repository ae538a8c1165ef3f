/**
 * The one buyer-facing status of a cooperative's order, derived from Medusa's own records (order,
 * fulfillment, payment transactions) — used by the portal, the store and the notifications alike.
 *
 *   placed → packed → shipped (carrier, tracking number) → completed      (delivery)
 *   placed → packed → ready_for_pickup → completed                          (pickup point)
 *   or cancelled; a refund shows as refunded (all paid money returned) or partially_refunded.
 *
 * Cancelled wins over everything, then refunds, then the fulfilment stage; `stage` keeps the
 * fulfilment stage even when a refund is shown, so a partly refunded parcel still shows its tracking.
 */
export const ORDER_STATUSES = [
  "placed",
  "packed",
  "shipped",
  "ready_for_pickup",
  "completed",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type OrderStage = "placed" | "packed" | "shipped" | "ready_for_pickup" | "completed" | "cancelled"
export type ShippingKind = "delivery" | "pickup"

type When = string | Date | null | undefined

export type StatusFulfillment = {
  id: string
  created_at: When
  packed_at?: When
  shipped_at?: When
  delivered_at?: When
  canceled_at?: When
  labels?: { tracking_number?: string | null; tracking_url?: string | null }[] | null
  metadata?: Record<string, unknown> | null
}

export type StatusInput = {
  created_at: When
  canceled_at?: When
  kind: ShippingKind
  fulfillments: StatusFulfillment[]
  paid_fen: number
  refunded_fen: number
  refunds?: { created_at: When; amount_fen: number }[]
}

export type Tracking = { carrier: string; tracking_number: string; tracking_url: string | null }

export type DerivedStatus = {
  status: OrderStatus
  stage: OrderStage
  tracking: Tracking | null
  /** The current (not cancelled) fulfilment, if the order was packed. */
  fulfillment_id: string | null
  history: { status: OrderStatus; at: string }[]
}

const iso = (when: When): string | null => (when ? new Date(when).toISOString() : null)

export function deriveOrderStatus(order: StatusInput): DerivedStatus {
  const fulfillment = order.fulfillments.filter((f) => !f.canceled_at).sort((a, b) => time(b.created_at) - time(a.created_at))[0]
  const canceledAt = iso(order.canceled_at)
  const shippedStage: OrderStage = order.kind === "pickup" ? "ready_for_pickup" : "shipped"
  const stage: OrderStage = canceledAt
    ? "cancelled"
    : !fulfillment
      ? "placed"
      : fulfillment.delivered_at
        ? "completed"
        : fulfillment.shipped_at
          ? shippedStage
          : "packed"
  const status: OrderStatus =
    stage === "cancelled"
      ? "cancelled"
      : order.refunded_fen > 0 && order.refunded_fen >= order.paid_fen
        ? "refunded"
        : order.refunded_fen > 0
          ? "partially_refunded"
          : stage

  const label = fulfillment?.labels?.find((l) => l.tracking_number)
  const tracking: Tracking | null =
    order.kind === "delivery" && fulfillment?.shipped_at && label?.tracking_number
      ? {
          carrier: typeof fulfillment.metadata?.carrier === "string" ? fulfillment.metadata.carrier : "",
          tracking_number: label.tracking_number,
          tracking_url: label.tracking_url || null,
        }
      : null

  const history: { status: OrderStatus; at: string }[] = []
  const push = (s: OrderStatus, when: When) => {
    const at = iso(when)
    if (at) history.push({ status: s, at })
  }
  push("placed", order.created_at)
  if (fulfillment) {
    push("packed", fulfillment.packed_at ?? fulfillment.created_at)
    push(shippedStage, fulfillment.shipped_at)
    push("completed", fulfillment.delivered_at)
  }
  let refunded = 0
  for (const refund of [...(order.refunds ?? [])].sort((a, b) => time(a.created_at) - time(b.created_at))) {
    refunded += refund.amount_fen
    push(refunded >= order.paid_fen ? "refunded" : "partially_refunded", refund.created_at)
  }
  push("cancelled", canceledAt)
  history.sort((a, b) => a.at.localeCompare(b.at))

  return { status, stage, tracking, fulfillment_id: fulfillment?.id ?? null, history }
}

function time(when: When): number {
  return when ? new Date(when).getTime() : 0
}

/**
 * The Query fields `buyerStatusOfOrder` needs — add them to any `query.graph({ entity: "order" })`
 * whose answer shows a status (the store's checkout pages, the portal, notifications).
 */
export const ORDER_STATUS_FIELDS = [
  "created_at",
  "canceled_at",
  "shipping_methods.metadata",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "transactions.amount",
  "transactions.reference",
] as const

type GraphOrder = {
  created_at: When
  canceled_at?: When
  shipping_methods?: ({ metadata?: Record<string, unknown> | null } | null)[] | null
  fulfillments?: (Partial<StatusFulfillment> | null)[] | null
  transactions?: ({ amount: unknown; reference?: string | null } | null)[] | null
}

/** `deriveOrderStatus` of an order read through Query with ORDER_STATUS_FIELDS. */
export function buyerStatusOfOrder(order: GraphOrder): DerivedStatus {
  const fen = (amount: unknown) => Math.round(Number(typeof amount === "object" && amount ? (amount as { valueOf(): unknown }).valueOf() : amount) * 100)
  const transactions = (order.transactions ?? []).filter((t): t is NonNullable<typeof t> => Boolean(t))
  return deriveOrderStatus({
    created_at: order.created_at,
    canceled_at: order.canceled_at,
    kind: order.shipping_methods?.find(Boolean)?.metadata?.kind === "pickup" ? "pickup" : "delivery",
    fulfillments: (order.fulfillments ?? [])
      .filter((f): f is Partial<StatusFulfillment> => Boolean(f))
      .map((f, index) => ({ ...f, id: f.id ?? `fulfillment-${index}`, created_at: f.created_at ?? f.packed_at ?? null })),
    paid_fen: transactions.filter((t) => t.reference === "capture").reduce((sum, t) => sum + fen(t.amount), 0),
    refunded_fen: -transactions.filter((t) => t.reference === "refund").reduce((sum, t) => sum + fen(t.amount), 0),
  })
}
