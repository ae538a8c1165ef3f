import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { INCOME_ORDER_EVENTS, incomeEventRef } from "../lib/income-events"
import { syncOrderIncome } from "../lib/income-sync"

type OrderEventData = { id?: string; order_id?: string; refund_id?: string }

/**
 * Village income follows every order event that changes it — placed, fulfilled (delivered or picked
 * up), cancelled, refunded — whether it came from the seller portal, a checkout or Medusa's admin.
 * Each event is recorded by key, so a second delivery of it counts once.
 */
export default async function incomeOnOrderEvents({ event, container }: SubscriberArgs<OrderEventData>) {
  const orderId = await orderOf(container, event.name, event.data)
  if (!orderId) return
  // A failure is the event bus's to report (and, with Redis, to retry); `npm run income:check` finds
  // what was missed and `npm run income:rebuild` repairs it.
  await syncOrderIncome(container, orderId, incomeEventRef(event.name, event.data, orderId))
}

async function orderOf(container: MedusaContainer, name: string, data: OrderEventData): Promise<string | null> {
  if (name === FulfillmentWorkflowEvents.DELIVERY_CREATED) {
    if (!data.id) return null
    const { data: rows } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order_fulfillment",
      fields: ["order_id"],
      filters: { fulfillment_id: data.id },
    } as never)
    return (rows as { order_id: string }[])[0]?.order_id ?? null
  }
  return data.order_id ?? data.id ?? null
}

export const config: SubscriberConfig = {
  event: [...INCOME_ORDER_EVENTS],
  context: { subscriberId: "tianyuan-income-order-events" },
}
