import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addOrderTransactionStep, emitEventStep, refundPaymentStep } from "@medusajs/medusa/core-flows"
import { balanceRefundWithCreditLineStep, syncOrderLedgerStep } from "./steps"

export const ORDER_REFUNDED_EVENT = "marketplace.order_refunded"

export type RefundCooperativeOrderInput = {
  order_id: string
  payment_id: string
  currency_code: string
  amount_fen: number
  reason: string
  /** What the refund is for: lines (quantity and amount) and shipping; recorded on the refund. */
  lines: { item_id: string; quantity: number; amount_fen: number }[]
  shipping_fen: number
  /** A key of this request, stored on the refund, to find it on the payment afterwards. */
  request_key: string
  created_by: string
  /** false when the refund is part of a cancellation (the buyer gets the cancellation notice). */
  notify: boolean
}

/**
 * Refunds part or all of one cooperative's order from the checkout's payment: the payment module's
 * refund (the provider returns the money: Stripe, or the cooperative hands cash back for pay on
 * delivery), this order's refund transaction and credit line (as Medusa's refund workflow does, but
 * booked on this order, not on the first order of a shared payment collection), the reversal in the
 * payout ledger, and `marketplace.order_refunded` for the buyer's notice.
 */
export const refundCooperativeOrderWorkflow = createWorkflow("tianyuan-refund-cooperative-order", (input: RefundCooperativeOrderInput) => {
  const payment = refundPaymentStep(
    transform({ input }, ({ input }) => ({
      payment_id: input.payment_id,
      amount: input.amount_fen / 100,
      created_by: input.created_by,
      note: input.reason,
      metadata: {
        order_id: input.order_id,
        reason: input.reason,
        lines: input.lines,
        shipping_fen: input.shipping_fen,
        request_key: input.request_key,
      },
    }))
  )
  const refundId = transform({ input, payment }, ({ input, payment }) => {
    const refund = (payment.refunds ?? []).find((r) => ((r as { metadata?: Record<string, unknown> | null }).metadata ?? null)?.request_key === input.request_key)
    if (!refund) throw new Error(`The refund of ${input.order_id} is missing on payment ${input.payment_id}`)
    return refund.id
  })
  addOrderTransactionStep(
    transform({ input, refundId }, ({ input, refundId }) => ({
      order_id: input.order_id,
      amount: -input.amount_fen / 100,
      currency_code: input.currency_code,
      reference: "refund",
      reference_id: refundId,
    }))
  )
  balanceRefundWithCreditLineStep(
    transform({ input, refundId }, ({ input, refundId }) => ({ order_id: input.order_id, amount: input.amount_fen / 100, refund_id: refundId }))
  )
  emitEventStep({
    eventName: ORDER_REFUNDED_EVENT,
    data: transform({ input, refundId }, ({ input, refundId }) => ({
      order_id: input.order_id,
      refund_id: refundId,
      amount_fen: input.amount_fen,
      reason: input.reason,
      notify: input.notify,
    })),
  }).config({ name: "emit-order-refunded" })
  syncOrderLedgerStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  return new WorkflowResponse(refundId)
})
