import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addOrderTransactionStep, capturePaymentStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { ORDER_REFUNDED_EVENT } from "./refund-order"
import { syncOrderLedgerStep } from "./steps"

export type ReconcileStripePaymentInput = {
  payment_id: string
  /** Money Stripe captured that Medusa has not recorded yet (yuan); recorded without calling Stripe. */
  capture: null | { amount: number }
  /** Each order's share of the capture not booked on the order yet. */
  order_captures: { order_id: string; amount: number }[]
  /** A refund made in Stripe (its dashboard) that Medusa does not know yet, booked on one order. */
  refund: null | { order_id: string; amount_fen: number; charge_id: string; reason: string }
  currency_code: string
}

/**
 * Records on Medusa's payment what Stripe says happened outside our own calls, without calling
 * Stripe again: a capture (`is_captured`, as Medusa does for auto-captured payments), a refund (a
 * refund row only — the money has already gone back), each order's transactions, and the ledger.
 */
const recordExternalRefundStep = createStep(
  "tianyuan-record-external-refund",
  async (input: { payment_id: string; amount: number; metadata: Record<string, unknown>; note: string }, { container }) => {
    const payment = container.resolve(Modules.PAYMENT) as unknown as {
      createRefunds(data: Record<string, unknown>): Promise<{ id: string }>
      deleteRefunds(ids: string[]): Promise<void>
    }
    const refund = await payment.createRefunds({ payment_id: input.payment_id, amount: input.amount, note: input.note, metadata: input.metadata })
    return new StepResponse(refund.id, refund.id)
  },
  async (id, { container }) => {
    if (!id) return
    const payment = container.resolve(Modules.PAYMENT) as unknown as { deleteRefunds(ids: string[]): Promise<void> }
    await payment.deleteRefunds([id])
  }
)

export const reconcileStripePaymentWorkflow = createWorkflow("tianyuan-reconcile-stripe-payment", (input: ReconcileStripePaymentInput) => {
  when("record-stripe-capture", { input }, ({ input }) => !!input.capture).then(() => {
    capturePaymentStep(
      transform({ input }, ({ input }) => ({ payment_id: input.payment_id, amount: input.capture!.amount, is_captured: true }) as never)
    )
  })
  when("book-order-captures", { input }, ({ input }) => input.order_captures.length > 0).then(() => {
    addOrderTransactionStep(
      transform({ input }, ({ input }) =>
        input.order_captures.map((share) => ({
          order_id: share.order_id,
          amount: share.amount,
          currency_code: input.currency_code,
          reference: "capture",
          reference_id: input.payment_id,
        }))
      )
    ).config({ name: "add-order-capture-transactions" })
  })
  when("record-stripe-refund", { input }, ({ input }) => !!input.refund).then(() => {
    const refundId = recordExternalRefundStep(
      transform({ input }, ({ input }) => ({
        payment_id: input.payment_id,
        amount: input.refund!.amount_fen / 100,
        note: input.refund!.reason,
        metadata: { order_id: input.refund!.order_id, reason: input.refund!.reason, source: "stripe", charge_id: input.refund!.charge_id, lines: [], shipping_fen: 0 },
      }))
    )
    addOrderTransactionStep(
      transform({ input, refundId }, ({ input, refundId }) => ({
        order_id: input.refund!.order_id,
        amount: -input.refund!.amount_fen / 100,
        currency_code: input.currency_code,
        reference: "refund",
        reference_id: refundId,
      }))
    ).config({ name: "add-order-refund-transaction" })
    emitEventStep({
      eventName: ORDER_REFUNDED_EVENT,
      data: transform({ input, refundId }, ({ input, refundId }) => ({
        order_id: input.refund!.order_id,
        refund_id: refundId,
        amount_fen: input.refund!.amount_fen,
        reason: input.refund!.reason,
        notify: true,
      })),
    }).config({ name: "emit-order-refunded" })
    syncOrderLedgerStep(transform({ input }, ({ input }) => ({ order_id: input.refund!.order_id })))
  })
  return new WorkflowResponse(input.payment_id)
})
