import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  emitEventStep,
  updateInventoryLevelsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ProduceEvents } from "../lib/produce-events"
import { recordProduceAuditStep } from "./steps/record-produce-audit"

export type UpdateProduceWorkflowInput = {
  product_id: string
  cooperative_id: string
  stock_location_id: string
  product?: { title?: string; description?: string; category_ids?: string[] }
  prices: { variant_id: string; price_fen: number }[]
  stocks: { inventory_item_id: string; stock: number }[]
  actor: { member_id: string; role: string; on_behalf_of_member_id: string | null }
}

/**
 * The farmer's one-tap edit: price and stock per size, the title, description and category; recorded
 * in the audit trail. Medusa emits its product, variant and inventory-level events for the parts it
 * changes; `produce.updated` tells the search index about the whole edit.
 */
export const updateProduceWorkflow = createWorkflow("update-produce", (input: UpdateProduceWorkflowInput) => {
  when({ input }, ({ input }) => Boolean(input.product && Object.keys(input.product).length > 0)).then(() => {
    updateProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ selector: { id: input.product_id }, update: input.product! })),
    })
  })
  when({ input }, ({ input }) => input.prices.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        product_variants: input.prices.map((price) => ({
          id: price.variant_id,
          prices: [{ currency_code: "cny", amount: price.price_fen / 100 }],
        })),
      })),
    })
  })
  when({ input }, ({ input }) => input.stocks.length > 0).then(() => {
    updateInventoryLevelsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        updates: input.stocks.map((stock) => ({
          inventory_item_id: stock.inventory_item_id,
          location_id: input.stock_location_id,
          stocked_quantity: stock.stock,
        })),
      })),
    })
  })
  const entry = recordProduceAuditStep(
    transform({ input }, ({ input }) => ({
      cooperative_id: input.cooperative_id,
      product_id: input.product_id,
      action: "updated" as const,
      actor_member_id: input.actor.member_id,
      actor_role: input.actor.role,
      on_behalf_of_member_id: input.actor.on_behalf_of_member_id,
      changes: { product: input.product ?? {}, prices: input.prices, stocks: input.stocks },
    }))
  )
  emitEventStep({
    eventName: ProduceEvents.UPDATED,
    data: transform({ input }, ({ input }) => ({ id: input.product_id })),
  })
  return new WorkflowResponse(entry)
})
