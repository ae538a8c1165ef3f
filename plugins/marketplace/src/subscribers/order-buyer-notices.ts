import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FulfillmentWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { notifyBuyer } from "../lib/order-notify"
import { readOrder } from "../lib/order-read"

type NoticeEvent =
  | { order_id: string; fulfillment_id: string; no_notification?: boolean } // order.fulfillment_created
  | { id: string; no_notification?: boolean; reason?: string } // shipment.created (a fulfilment id), order.canceled (an order id)

/**
 * Tells the buyer when a cooperative packs, ships, brings to the pickup point or cancels their
 * order — whether it was done in the seller portal or in Medusa's admin — from Medusa's own events.
 * Refunds are told by order-refunded.ts.
 */
export default async function sendOrderNotices({ event, container }: SubscriberArgs<NoticeEvent>) {
  const data = event.data
  if (data.no_notification) return
  if (event.name === OrderWorkflowEvents.FULFILLMENT_CREATED && "order_id" in data) {
    const order = await readOrder(container, data.order_id)
    if (order?.cooperative.id) await notifyBuyer(container, order, "packed", data.fulfillment_id)
    return
  }
  if (event.name === FulfillmentWorkflowEvents.SHIPMENT_CREATED && "id" in data) {
    const orderId = await orderOfFulfillment(container, data.id)
    const order = orderId ? await readOrder(container, orderId) : null
    if (order?.cooperative.id) await notifyBuyer(container, order, order.shipping.kind === "pickup" ? "ready_for_pickup" : "shipped", data.id)
    return
  }
  if (event.name === OrderWorkflowEvents.CANCELED && "id" in data) {
    const order = await readOrder(container, data.id)
    if (order?.cooperative.id) await notifyBuyer(container, order, "cancelled", order.id, { reason: data.reason ?? order.cancel_reason ?? undefined })
  }
}

async function orderOfFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<string | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: fulfillmentId },
  } as never)
  return (data as { order_id: string }[])[0]?.order_id ?? null
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.FULFILLMENT_CREATED, FulfillmentWorkflowEvents.SHIPMENT_CREATED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "tianyuan-order-buyer-notices" },
}
