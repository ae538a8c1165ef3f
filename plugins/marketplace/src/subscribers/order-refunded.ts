import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncOrderLedger } from "../lib/ledger-sync"
import { notifyBuyer } from "../lib/order-notify"
import { readOrder } from "../lib/order-read"
import { ORDER_REFUNDED_EVENT } from "../workflows/orders/refund-order"

type RefundedEvent = { order_id: string; refund_id: string; amount_fen: number; reason: string; notify: boolean }

/** A refund of a cooperative's order: the buyer is told (unless it came with a cancellation), the ledger reversed. */
export default async function orderRefunded({ event, container }: SubscriberArgs<RefundedEvent>) {
  await syncOrderLedger(container, event.data.order_id)
  if (!event.data.notify) return
  const order = await readOrder(container, event.data.order_id)
  if (!order?.cooperative.id) return
  await notifyBuyer(container, order, "refunded", event.data.refund_id, { amount_fen: event.data.amount_fen, reason: event.data.reason })
}

export const config: SubscriberConfig = { event: ORDER_REFUNDED_EVENT, context: { subscriberId: "tianyuan-order-refunded" } }
