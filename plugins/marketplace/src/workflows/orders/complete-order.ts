import { PaymentEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  addOrderTransactionStep,
  capturePaymentStep,
  completeOrderWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { syncOrderLedgerStep } from "./steps"

export type CompleteCooperativeOrderInput = {
  order_id: string
  fulfillment_id: string
  /** Pay on delivery / at pickup: the cash collected at hand-over, captured for this order only. */
  capture: null | { payment_id: string; amount: number; currency_code: string }
  completed_by: string
}

/**
 * The buyer has the produce (delivered, or picked up at the pickup point): Medusa's delivery
 * workflow; the payment collected on delivery captured for this order's share of the checkout's
 * payment and recorded as this order's transaction (Medusa's capture workflow would book it on the
 * first order of the payment collection); the order completed; the cooperative's earnings and
 * commission written to the payout ledger.
 */
export const completeCooperativeOrderWorkflow = createWorkflow(
  "tianyuan-complete-cooperative-order",
  (input: CompleteCooperativeOrderInput) => {
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ orderId: input.order_id, fulfillmentId: input.fulfillment_id })),
    })
    when("capture-on-delivery", { input }, ({ input }) => !!input.capture).then(() => {
      const payment = capturePaymentStep(
        transform({ input }, ({ input }) => ({
          payment_id: input.capture!.payment_id,
          amount: input.capture!.amount,
          captured_by: input.completed_by,
        }))
      )
      addOrderTransactionStep(
        transform({ input, payment }, ({ input, payment }) => {
          // The payment is locked for this order while it captures, so the newest capture is ours.
          const capture = [...(payment.captures ?? [])].sort(
            (a, b) => new Date(b.created_at as unknown as string).getTime() - new Date(a.created_at as unknown as string).getTime()
          )[0]
          return {
            order_id: input.order_id,
            amount: input.capture!.amount,
            currency_code: input.capture!.currency_code,
            reference: "capture",
            reference_id: capture.id,
          }
        })
      )
      emitEventStep({ eventName: PaymentEvents.CAPTURED, data: transform({ input }, ({ input }) => ({ id: input.capture!.payment_id })) }).config({
        name: "emit-payment-captured",
      })
    })
    completeOrderWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })) })
    syncOrderLedgerStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    return new WorkflowResponse(input.order_id)
  }
)
