import { availableActions, type OrderViewer } from "./order-actions"
import type { CooperativeOrder } from "./order-read"

/**
 * The portal's shape of an order. A manager sees everything; a farmer sees only the lines of their
 * own produce (and totals of those lines); farmers and agents see the buyer's name and the pickup or
 * delivery choice, not the buyer's contact details, payment or refunds.
 */
function paymentLabel(providerId: string | null): "pay_on_delivery" | "stripe" | "other" | null {
  if (!providerId) return null
  if (providerId === "pp_system_default") return "pay_on_delivery"
  if (providerId.startsWith("pp_stripe")) return "stripe"
  return "other"
}

function visibleItems(order: CooperativeOrder, viewer: OrderViewer) {
  return order.items.filter((item) => viewer.acting !== "farmer" || item.farmer_member_id === viewer.memberId)
}

export function presentOrderSummary(order: CooperativeOrder, viewer: OrderViewer) {
  const items = visibleItems(order, viewer)
  const manager = viewer.acting === "coop_manager"
  const itemsFen = items.reduce((sum, item) => sum + item.total_fen, 0)
  return {
    id: order.id,
    display_id: order.display_id,
    created_at: order.created_at,
    status: order.derived.status,
    stage: order.derived.stage,
    shipping: {
      kind: order.shipping.kind,
      name: order.shipping.name,
      pickup_point: order.shipping.pickup_point ? { id: order.shipping.pickup_point.id, name: order.shipping.pickup_point.name } : null,
    },
    tracking: order.derived.tracking,
    buyer: { name: order.buyer.name },
    items: items.map((item) => ({ title: item.title, variant_title: item.variant_title, quantity: item.quantity, unit: item.unit })),
    total_fen: manager ? order.totals.total_fen : itemsFen,
    actions: manager ? availableActions(order) : [],
  }
}

export function presentOrderDetail(order: CooperativeOrder, viewer: OrderViewer) {
  const items = visibleItems(order, viewer)
  const manager = viewer.acting === "coop_manager"
  const itemsFen = items.reduce((sum, item) => sum + item.total_fen, 0)
  const paidFen = order.payment.paid_fen
  const refundedFen = order.payment.refunded_fen
  return {
    id: order.id,
    display_id: order.display_id,
    created_at: order.created_at,
    status: order.derived.status,
    stage: order.derived.stage,
    history: order.derived.history,
    cancel_reason: order.cancel_reason,
    cooperative: { id: order.cooperative.id, name: order.cooperative.name, handle: order.cooperative.handle },
    shipping: order.shipping.kind === "pickup"
      ? { kind: "pickup" as const, name: order.shipping.name, amount_fen: order.shipping.amount_fen, pickup_point: order.shipping.pickup_point }
      : { kind: "delivery" as const, name: order.shipping.name, amount_fen: order.shipping.amount_fen, pickup_point: null },
    tracking: order.derived.tracking,
    buyer: manager
      ? { name: order.buyer.name, phone: order.buyer.phone, email: order.buyer.email, address: order.buyer.address }
      : { name: order.buyer.name, phone: null, email: null, address: null },
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      variant_title: item.variant_title,
      thumbnail: item.thumbnail,
      quantity: item.quantity,
      unit: item.unit,
      unit_price_fen: item.unit_price_fen,
      total_fen: item.total_fen,
      refunded_quantity: item.refunded_quantity,
      refunded_fen: item.refunded_fen,
    })),
    totals: manager
      ? { ...order.totals, paid_fen: paidFen, refunded_fen: refundedFen }
      : { items_fen: itemsFen, shipping_fen: null, total_fen: itemsFen, paid_fen: null, refunded_fen: null },
    payment: manager
      ? {
          method: paymentLabel(order.payment.provider_id),
          status: paidFen === 0 ? "awaiting_payment" : refundedFen >= paidFen ? "refunded" : refundedFen > 0 ? "partially_refunded" : "paid",
          paid_fen: paidFen,
          refunded_fen: refundedFen,
          refundable_fen: Math.max(0, paidFen - refundedFen),
        }
      : null,
    refunds: manager ? order.refunds.map(({ payment_id: _payment, ...refund }) => refund) : [],
    actions: manager ? availableActions(order) : [],
  }
}
