import { FulfillmentWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { ORDER_REFUNDED_EVENT } from "../workflows/orders/refund-order"
import type { IncomeEventRef } from "./income-sync"

/**
 * The order events village income follows: placed (one per cooperative's order of a checkout),
 * fulfilled (Medusa's delivery — delivered or picked up — and order completion), cancelled, and
 * refunded (the marketplace's refund of a cooperative's order, which names the refund).
 */
export const INCOME_ORDER_EVENTS = [
  OrderWorkflowEvents.PLACED,
  FulfillmentWorkflowEvents.DELIVERY_CREATED,
  OrderWorkflowEvents.COMPLETED,
  OrderWorkflowEvents.CANCELED,
  ORDER_REFUNDED_EVENT,
] as const

/**
 * The key an event is recorded under: what it is about, so a redelivered event has the same key and
 * two different events never share one (each refund has its own id; an order is placed, completed
 * and cancelled at most once; each fulfilment is delivered at most once).
 */
export function incomeEventRef(name: string, data: { id?: string; refund_id?: string }, orderId: string): IncomeEventRef {
  if (name === ORDER_REFUNDED_EVENT) return { name, key: `${name}:${data.refund_id ?? orderId}` }
  if (name === FulfillmentWorkflowEvents.DELIVERY_CREATED) return { name, key: `${name}:${data.id ?? orderId}` }
  return { name, key: `${name}:${orderId}` }
}
