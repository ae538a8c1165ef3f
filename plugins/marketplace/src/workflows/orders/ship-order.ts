import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFulfillmentWorkflow, createOrderShipmentWorkflow } from "@medusajs/medusa/core-flows"
import { setFulfillmentMetadataStep } from "./steps"

export type ShipCooperativeOrderInput = {
  order_id: string
  /** The packed fulfilment, or null to pack first (the order is packed and sent in one go). */
  fulfillment_id: string | null
  /** Where the stock was reserved (the cooperative's own location): packing takes it from there. */
  location_id: string
  items: { id: string; quantity: number }[]
  /** Delivery: the courier's tracking number; none for a pickup point. */
  labels: { tracking_number: string; tracking_url: string; label_url: string }[]
  metadata: Record<string, unknown>
  created_by: string
}

/**
 * Ships a delivery order (carrier and tracking number) or brings a pickup order to its pickup point:
 * Medusa's own fulfilment (when not packed yet) and shipment workflows, then the carrier on the
 * fulfilment. Medusa emits `order.fulfillment_created` and `shipment.created`; our subscribers tell
 * the buyer.
 */
export const shipCooperativeOrderWorkflow = createWorkflow("tianyuan-ship-cooperative-order", (input: ShipCooperativeOrderInput) => {
  const packed = when("pack-before-shipping", { input }, ({ input }) => !input.fulfillment_id).then(() =>
    createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        location_id: input.location_id,
        items: input.items,
        created_by: input.created_by,
      })),
    })
  )
  const fulfillmentId = transform({ input, packed }, ({ input, packed }) => input.fulfillment_id ?? packed!.id)
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ input, fulfillmentId }, ({ input, fulfillmentId }) => ({
      order_id: input.order_id,
      fulfillment_id: fulfillmentId,
      items: input.items,
      labels: input.labels,
      created_by: input.created_by,
    })),
  })
  setFulfillmentMetadataStep(transform({ input, fulfillmentId }, ({ input, fulfillmentId }) => ({ fulfillment_id: fulfillmentId, metadata: input.metadata })))
  return new WorkflowResponse(fulfillmentId)
})
