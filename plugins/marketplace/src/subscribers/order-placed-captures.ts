import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { orderPaymentCollections } from "../lib/order-read"
import { bookPaymentCaptures } from "../lib/stripe-events"

/**
 * A checkout paid online is captured at once for all its orders (Stripe, `capture: true`): each
 * order's share is booked as its own capture transaction, so each cooperative can later refund from
 * what its order was paid. Pay on delivery has nothing captured yet and nothing happens here.
 */
export default async function bookCapturesOnPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const entry = (await orderPaymentCollections(container, [event.data.id])).get(event.data.id)
  if (!entry) return
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "captures.id"],
    filters: { payment_collection_id: entry.payment_collection_id },
  })
  for (const payment of data as { id: string; captures?: unknown[] }[]) {
    if (payment.captures?.length) await bookPaymentCaptures(container, payment.id)
  }
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "tianyuan-order-placed-captures" } }
