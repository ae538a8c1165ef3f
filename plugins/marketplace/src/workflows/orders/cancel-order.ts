import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderFulfillmentWorkflow,
  cancelOrdersStep,
  deleteReservationsByLineItemsStep,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { refundCooperativeOrderWorkflow, type RefundCooperativeOrderInput } from "./refund-order"
import { mergeOrderMetadataStep } from "./steps"

export type CancelCooperativeOrderInput = {
  order_id: string
  /** The packed (not shipped) fulfilment to undo first, or null. */
  fulfillment_id: string | null
  line_item_ids: string[]
  /** What was paid online and not refunded yet goes back to the buyer. */
  refund: RefundCooperativeOrderInput | null
  reason: string
  canceled_by: string
}

/**
 * Cancels one cooperative's order of a checkout and puts its produce back on sale: the packed
 * fulfilment cancelled (Medusa gives the stock back to its location), the reservations released,
 * what was paid for this order refunded, the order cancelled with its reason. Medusa's own
 * cancelOrderWorkflow is not used because it cancels or refunds whole payments, and one checkout
 * payment also pays the other cooperatives' orders.
 */
export const cancelCooperativeOrderWorkflow = createWorkflow("tianyuan-cancel-cooperative-order", (input: CancelCooperativeOrderInput) => {
  when("unpack-before-cancel", { input }, ({ input }) => !!input.fulfillment_id).then(() => {
    cancelOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        fulfillment_id: input.fulfillment_id!,
        canceled_by: input.canceled_by,
        no_notification: true,
      })),
    })
  })
  deleteReservationsByLineItemsStep(transform({ input }, ({ input }) => input.line_item_ids))
  when("refund-on-cancel", { input }, ({ input }) => !!input.refund).then(() => {
    refundCooperativeOrderWorkflow.runAsStep({ input: transform({ input }, ({ input }) => input.refund!) })
  })
  mergeOrderMetadataStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      metadata: { cancel_reason: input.reason, canceled_by: input.canceled_by },
    }))
  )
  cancelOrdersStep(transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })))
  emitEventStep({
    eventName: OrderWorkflowEvents.CANCELED,
    data: transform({ input }, ({ input }) => ({ id: input.order_id, reason: input.reason })),
  }).config({ name: "emit-order-canceled" })
  return new WorkflowResponse(input.order_id)
})
