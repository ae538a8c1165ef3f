import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { cancelCooperativeOrderWorkflow } from "../workflows/orders/cancel-order"
import { completeCooperativeOrderWorkflow } from "../workflows/orders/complete-order"
import { refundCooperativeOrderWorkflow, type RefundCooperativeOrderInput } from "../workflows/orders/refund-order"
import { shipCooperativeOrderWorkflow } from "../workflows/orders/ship-order"
import { parseMarketplaceInput } from "./marketplace-errors"
import "./order-errors"
import { formatFen } from "./order-notify"
import { readOrder, type CooperativeOrder } from "./order-read"

/**
 * What a cooperative manager does to an order, checked against the order's state under a lock on
 * the order (and on the checkout's payment, which other cooperatives' orders share), then carried
 * out by a workflow. A farmer's or an agent's view is read-only.
 */
export type OrderAction = "pack" | "ship" | "ready_for_pickup" | "picked_up" | "delivered" | "cancel" | "refund"

export type OrderViewer = { memberId: string; acting: "coop_manager" | "agent" | "farmer"; cooperativeId: string }

/** The order as this viewer may see it; another cooperative's, or (for a farmer) one without their produce, is 404. */
export async function findOrderFor(container: MedusaContainer, viewer: OrderViewer, orderId: string): Promise<CooperativeOrder> {
  const order = await readOrder(container, orderId)
  if (!order || order.cooperative.id !== viewer.cooperativeId) throw new PortalError("order_not_found")
  if (viewer.acting === "farmer" && !order.items.some((item) => item.farmer_member_id === viewer.memberId)) {
    throw new PortalError("order_not_found")
  }
  return order
}

/** What a manager can do with the order now (the portal shows these buttons). */
export function availableActions(order: CooperativeOrder): OrderAction[] {
  const actions: OrderAction[] = []
  const stage = order.derived.stage
  const delivery = order.shipping.kind === "delivery"
  if (stage === "placed") actions.push("pack")
  if (stage === "placed" || stage === "packed") actions.push(delivery ? "ship" : "ready_for_pickup", "cancel")
  if (stage === "shipped") actions.push("delivered")
  if (stage === "ready_for_pickup") actions.push("picked_up")
  if (stage !== "cancelled" && order.payment.paid_fen - order.payment.refunded_fen > 0) actions.push("refund")
  return actions
}

/** A trimmed text of min–max characters; anything else is the given error code. */
function text(code: string, min: number, max: number) {
  return z.unknown().transform((value, ctx) => {
    const trimmed = typeof value === "string" ? value.trim() : ""
    if (trimmed.length < min || trimmed.length > max) {
      ctx.addIssue({ code: "custom", message: code })
      return z.NEVER
    }
    return trimmed
  })
}

export const ShipBody = z.strictObject({
  carrier: text("carrier_invalid", 1, 40),
  tracking_number: text("tracking_number_invalid", 6, 40).refine((value) => /^[A-Za-z0-9-]+$/.test(value), "tracking_number_invalid"),
})
export const CancelBody = z.strictObject({ reason: text("reason_missing", 1, 200) })
export const RefundBody = z.strictObject({
  reason: text("reason_missing", 1, 200),
  lines: z
    .array(z.strictObject({ item_id: z.string().min(1), quantity: z.coerce.number() }))
    .min(1)
    .optional(),
})
const Empty = z.strictObject({})

function assertStage(order: CooperativeOrder, action: OrderAction) {
  const { stage } = order.derived
  const kind = order.shipping.kind
  if (stage === "cancelled") throw new PortalError("order_cancelled")
  if (action === "refund") return
  if (stage === "completed") throw new PortalError("order_completed")
  if ((action === "ship" || action === "delivered") && kind === "pickup") throw new PortalError("order_is_pickup")
  if ((action === "ready_for_pickup" || action === "picked_up") && kind === "delivery") throw new PortalError("order_is_delivery")
  switch (action) {
    case "pack":
      if (stage === "packed") throw new PortalError("order_already_packed")
      if (stage !== "placed") throw new PortalError("order_already_shipped")
      return
    case "ship":
    case "ready_for_pickup":
    case "cancel":
      if (stage !== "placed" && stage !== "packed") throw new PortalError("order_already_shipped")
      return
    case "delivered":
      if (stage !== "shipped") throw new PortalError("order_not_shipped")
      return
    case "picked_up":
      if (stage !== "ready_for_pickup") throw new PortalError("order_not_ready")
      return
  }
}

/** Where the order's stock is reserved (the cooperative's own location); packing takes it from there. */
async function reservedLocation(container: MedusaContainer, order: CooperativeOrder): Promise<string> {
  const reservations = await container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ line_item_id: order.items.map((item) => item.id) }, { select: ["location_id"], take: 1 })
  const location = reservations[0]?.location_id ?? order.cooperative.stock_location_id
  if (!location) throw new Error(`Order ${order.id}: no reservation and no cooperative stock location`)
  return location
}

type RefundPlan = Pick<RefundCooperativeOrderInput, "amount_fen" | "lines" | "shipping_fen">

/** The refund a request asks for: the given lines, or everything not refunded yet. */
export function planRefund(order: CooperativeOrder, lines: { item_id: string; quantity: number }[] | undefined): RefundPlan {
  const available = order.payment.paid_fen - order.payment.refunded_fen
  if (order.payment.paid_fen <= 0) throw new PortalError("refund_nothing_paid")
  let plan: RefundPlan
  if (!lines) {
    const shippingRefunded = order.refunds.reduce((sum, refund) => sum + refund.shipping_fen, 0)
    const parts = order.items
      .filter((item) => item.quantity > item.refunded_quantity)
      .map((item) => ({ item_id: item.id, quantity: item.quantity - item.refunded_quantity, amount_fen: item.total_fen - item.refunded_fen }))
    const shipping = Math.max(0, order.totals.shipping_fen - shippingRefunded)
    const total = parts.reduce((sum, part) => sum + part.amount_fen, shipping)
    // After a refund made outside Tianyuan (Stripe's dashboard) less may be left than the lines are
    // worth: what is left is refunded as a whole, without a breakdown.
    plan = total <= available ? { amount_fen: total, lines: parts, shipping_fen: shipping } : { amount_fen: available, lines: [], shipping_fen: 0 }
  } else {
    const seen = new Set<string>()
    const parts = lines.map((line) => {
      const item = order.items.find((candidate) => candidate.id === line.item_id)
      if (!item) throw new PortalError("refund_line_unknown")
      if (seen.has(item.id)) throw new PortalError("refund_line_repeated")
      seen.add(item.id)
      const left = item.quantity - item.refunded_quantity
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > left) {
        throw new PortalError("refund_quantity_invalid", { max: String(left) })
      }
      // The last units of a line take exactly what is left of it, so a line never refunds more than it cost.
      const amount = line.quantity === left ? item.total_fen - item.refunded_fen : item.unit_price_fen * line.quantity
      return { item_id: item.id, quantity: line.quantity, amount_fen: amount }
    })
    plan = { amount_fen: parts.reduce((sum, part) => sum + part.amount_fen, 0), lines: parts, shipping_fen: 0 }
  }
  if (plan.amount_fen <= 0 || plan.amount_fen > available) {
    throw new PortalError("refund_exceeds_paid", { available: formatFen(Math.max(0, available), order.locale) })
  }
  return plan
}

function refundInput(order: CooperativeOrder, plan: RefundPlan, reason: string, memberId: string, notify: boolean): RefundCooperativeOrderInput {
  return {
    order_id: order.id,
    payment_id: order.payment.payment_id!,
    currency_code: "cny",
    ...plan,
    reason,
    request_key: randomUUID(),
    created_by: memberId,
    notify,
  }
}

async function withOrderLock<T>(container: MedusaContainer, order: CooperativeOrder, job: () => Promise<T>): Promise<T> {
  const keys = [`tianyuan-order:${order.id}`]
  if (order.payment.payment_id) keys.push(`tianyuan-payment:${order.payment.payment_id}`)
  try {
    return await container.resolve(Modules.LOCKING).execute(keys, job, { timeout: 10 })
  } catch (error) {
    // In-memory: "Timed-out acquiring lock."; Redis: "Failed to acquire lock …".
    if (error instanceof Error && /timed?[- ]?out|acquir/i.test(error.message)) throw new PortalError("order_busy")
    throw error
  }
}

/** Runs a manager's action on an order of their cooperative and returns the order afterwards. */
export async function runOrderAction(
  container: MedusaContainer,
  viewer: OrderViewer,
  orderId: string,
  action: OrderAction,
  body: unknown
): Promise<CooperativeOrder> {
  const seen = await findOrderFor(container, viewer, orderId)
  if (viewer.acting !== "coop_manager") throw new PortalError("orders_manager_only")
  const input =
    action === "ship"
      ? parseMarketplaceInput(ShipBody, body)
      : action === "cancel"
        ? parseMarketplaceInput(CancelBody, body)
        : action === "refund"
          ? parseMarketplaceInput(RefundBody, body)
          : parseMarketplaceInput(Empty, body)

  await withOrderLock(container, seen, async () => {
    // Read again under the lock: another manager may have acted in between.
    const order = (await readOrder(container, orderId))!
    assertStage(order, action)
    const items = order.items.map((item) => ({ id: item.id, quantity: item.quantity }))
    const by = viewer.memberId
    switch (action) {
      case "pack":
        await createOrderFulfillmentWorkflow(container).run({
          input: { order_id: order.id, location_id: await reservedLocation(container, order), items, created_by: by },
        })
        return
      case "ship":
      case "ready_for_pickup": {
        const shipping = action === "ship" ? (input as z.infer<typeof ShipBody>) : null
        await shipCooperativeOrderWorkflow(container).run({
          input: {
            order_id: order.id,
            fulfillment_id: order.derived.fulfillment_id,
            location_id: order.derived.fulfillment_id ? "" : await reservedLocation(container, order),
            items,
            labels: shipping
              ? [
                  {
                    tracking_number: shipping.tracking_number,
                    tracking_url: `https://www.kuaidi100.com/chaxun?nu=${encodeURIComponent(shipping.tracking_number)}`,
                    label_url: "",
                  },
                ]
              : [],
            metadata: shipping ? { carrier: shipping.carrier } : { ready_for_pickup_by: by },
            created_by: by,
          },
        })
        return
      }
      case "delivered":
      case "picked_up": {
        const owed = order.totals.total_fen - order.payment.paid_fen
        const capture =
          owed > 0 && order.payment.payment_id && !(await fullyCaptured(container, order.payment.payment_id))
            ? { payment_id: order.payment.payment_id, amount: owed / 100, currency_code: "cny" }
            : null
        await completeCooperativeOrderWorkflow(container).run({
          input: { order_id: order.id, fulfillment_id: order.derived.fulfillment_id!, capture, completed_by: by },
        })
        return
      }
      case "cancel": {
        const { reason } = input as z.infer<typeof CancelBody>
        const owed = order.payment.paid_fen - order.payment.refunded_fen
        await cancelCooperativeOrderWorkflow(container).run({
          input: {
            order_id: order.id,
            fulfillment_id: order.derived.fulfillment_id,
            line_item_ids: order.items.map((item) => item.id),
            refund: owed > 0 && order.payment.payment_id ? refundInput(order, planRefund(order, undefined), reason, by, false) : null,
            reason,
            canceled_by: by,
          },
        })
        return
      }
      case "refund": {
        const { reason, lines } = input as z.infer<typeof RefundBody>
        const plan = planRefund(order, lines)
        await refundCooperativeOrderWorkflow(container).run({ input: refundInput(order, plan, reason, by, true) })
        return
      }
    }
  })
  return (await readOrder(container, orderId))!
}

async function fullyCaptured(container: MedusaContainer, paymentId: string): Promise<boolean> {
  const payment = await container.resolve(Modules.PAYMENT).retrievePayment(paymentId, { select: ["id", "captured_at", "canceled_at"] })
  return Boolean(payment.captured_at || payment.canceled_at)
}
