import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FulfillmentWorkflowEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { syncOrderLedger } from "../lib/ledger-sync"

/**
 * The payout ledger follows orders completed outside the seller portal too (an operator marks a
 * delivery in Medusa's admin): earnings and commission are written when the order is fulfilled.
 * Writing twice changes nothing (idempotency keys).
 */
export default async function ledgerOnDelivery({ event, container }: SubscriberArgs<{ id: string }>) {
  let orderId: string | undefined = event.data.id
  if (event.name === FulfillmentWorkflowEvents.DELIVERY_CREATED) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order_fulfillment",
      fields: ["order_id"],
      filters: { fulfillment_id: event.data.id },
    } as never)
    orderId = (data as { order_id: string }[])[0]?.order_id
  }
  if (orderId) await syncOrderLedger(container, orderId)
}

export const config: SubscriberConfig = {
  event: [FulfillmentWorkflowEvents.DELIVERY_CREATED, OrderWorkflowEvents.COMPLETED],
  context: { subscriberId: "tianyuan-order-ledger-on-delivery" },
}
