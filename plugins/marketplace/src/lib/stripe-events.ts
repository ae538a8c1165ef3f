import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { PAYOUT_MODULE } from "../modules/payout"
import type PayoutModuleService from "../modules/payout/service"
import type { PayoutRunLine } from "../modules/payout/models/payout-run"
import { reconcileStripePaymentWorkflow, type ReconcileStripePaymentInput } from "../workflows/orders/reconcile-stripe-payment"
import { ordersOfPaymentCollection, readOrders, toFen } from "./order-read"

/**
 * Applies a verified Stripe event once. The event is recorded by its id first (a replay finds it and
 * stops there), under a lock on the object it is about, and its effect is decided from the state the
 * event carries compared with what we have recorded — never applied as a delta — so events arriving
 * late, twice or out of order (a `charge.refunded` before the `payment_intent.succeeded`) end in the
 * same state.
 */
export type StripeEventOutcome =
  | { result: "applied" }
  | { result: "duplicate" }
  | { result: "ignored" }
  /** We cannot apply it yet (the payment is not in Medusa yet): answered non-2xx so Stripe delivers it again. */
  | { result: "pending"; reason: string }

type Applied = { done: true; note?: string } | { done: false; reason: string }

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: string; object?: string; payment_intent?: string | { id: string } | null }
  if (object.object === "charge" && object.payment_intent) {
    return typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent.id
  }
  return object.id ?? null
}

export async function receiveStripeEvent(container: MedusaContainer, event: Stripe.Event): Promise<StripeEventOutcome> {
  const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
  const objectId = objectIdOf(event)
  return container.resolve(Modules.LOCKING).execute(
    `tianyuan-stripe:${objectId ?? event.id}`,
    async (): Promise<StripeEventOutcome> => {
      const record = await payout.recordStripeEvent({ event_id: event.id, type: event.type, object_id: objectId })
      if (record.processed) return { result: "duplicate" }
      const applied = await applyStripeEvent(container, event)
      await payout.updateStripeEvents({
        id: record.id,
        processed_at: applied.done ? new Date() : null,
        error: applied.done ? applied.note ?? null : applied.reason,
      })
      if (!applied.done) return { result: "pending", reason: applied.reason }
      return applied.note === "ignored" ? { result: "ignored" } : { result: "applied" }
    },
    { timeout: 15 }
  )
}

async function applyStripeEvent(container: MedusaContainer, event: Stripe.Event): Promise<Applied> {
  switch (event.type) {
    case "payment_intent.succeeded": {
      const intent = event.data.object as Stripe.PaymentIntent
      return reconcilePayment(container, { intentId: intent.id, captured: intent.amount_received, refunded: null, chargeId: null })
    }
    case "charge.succeeded":
    case "charge.captured":
    case "charge.refunded": {
      const charge = event.data.object as Stripe.Charge
      if (!charge.payment_intent) return { done: true, note: "ignored" }
      return reconcilePayment(container, {
        intentId: typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent.id,
        captured: charge.captured ? charge.amount_captured : 0,
        refunded: charge.amount_refunded,
        chargeId: charge.id,
        refundOrderIds: (charge.refunds?.data ?? []).map((refund) => refund.metadata?.order_id).filter((id): id is string => Boolean(id)),
      })
    }
    case "transfer.created":
    case "transfer.updated":
    case "transfer.reversed":
      return reconcileTransfer(container, event.data.object as Stripe.Transfer)
    default:
      return { done: true, note: "ignored" }
  }
}

/** The Medusa payment of a PaymentIntent (Medusa's Stripe provider keeps the intent in `payment.data`). */
async function paymentOfIntent(container: MedusaContainer, intentId: string): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await knex("payment").select("id").whereRaw(`data->>'id' = ?`, [intentId]).whereNull("deleted_at").first()
  return row?.id ?? null
}

type PaymentState = { captured: number | null; refunded: number | null; chargeId: string | null; refundOrderIds?: string[] }

/**
 * Books each order's share of what was captured on a checkout's payment (Stripe captures the whole
 * checkout at once): run when orders are placed and whenever Stripe reports the payment.
 */
export async function bookPaymentCaptures(container: MedusaContainer, paymentId: string): Promise<void> {
  await container.resolve(Modules.LOCKING).execute(
    `tianyuan-payment:${paymentId}`,
    () => reconcileLockedPayment(container, paymentId, { captured: null, refunded: null, chargeId: null }),
    { timeout: 15 }
  )
}

async function reconcilePayment(container: MedusaContainer, state: PaymentState & { intentId: string }): Promise<Applied> {
  const paymentId = await paymentOfIntent(container, state.intentId)
  if (!paymentId) return { done: false, reason: `No payment for ${state.intentId} yet` }
  // Our own refunds hold this lock while Stripe and Medusa record them, so Stripe's echo of one of
  // them is never mistaken for a refund made elsewhere.
  return container.resolve(Modules.LOCKING).execute(`tianyuan-payment:${paymentId}`, () => reconcileLockedPayment(container, paymentId, state), {
    timeout: 15,
  })
}

async function reconcileLockedPayment(container: MedusaContainer, paymentId: string, state: PaymentState): Promise<Applied> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "amount", "currency_code", "captured_at", "canceled_at", "payment_collection_id", "captures.amount", "refunds.amount"],
    filters: { id: paymentId },
  })
  const payment = data[0] as { amount: unknown; currency_code: string; payment_collection_id: string; captures?: { amount: unknown }[]; refunds?: { amount: unknown }[] }
  const capturedFen = (payment.captures ?? []).reduce((sum, capture) => sum + toFen(capture.amount as number), 0)
  const refundedFen = (payment.refunds ?? []).reduce((sum, refund) => sum + toFen(refund.amount as number), 0)

  const orders = await readOrders(container, await ordersOfPaymentCollection(container, payment.payment_collection_id))

  const input: ReconcileStripePaymentInput = {
    payment_id: paymentId,
    capture: state.captured !== null && state.captured > capturedFen ? { amount: (state.captured - capturedFen) / 100 } : null,
    order_captures: [],
    refund: null,
    currency_code: payment.currency_code,
  }
  // Each order's share of what Stripe captured, booked on the order if its completion did not.
  let unbooked = Math.max(state.captured ?? 0, capturedFen) - orders.reduce((sum, order) => sum + order.payment.paid_fen, 0)
  for (const order of orders) {
    const owed = Math.min(order.totals.total_fen - order.payment.paid_fen, unbooked)
    if (owed > 0 && !order.canceled_at) {
      input.order_captures.push({ order_id: order.id, amount: owed / 100 })
      unbooked -= owed
    }
  }
  let note: string | undefined
  if (state.refunded !== null && state.refunded > refundedFen) {
    const amount = state.refunded - refundedFen
    const named = orders.filter((order) => state.refundOrderIds?.includes(order.id))
    const order = orders.length === 1 ? orders[0] : named.length === 1 ? named[0] : null
    if (order) {
      input.refund = { order_id: order.id, amount_fen: amount, charge_id: state.chargeId ?? "", reason: "Stripe" }
    } else {
      // A refund of a payment shared by several cooperatives' orders that names none of them cannot
      // be booked on a cooperative: kept on the event for the operator.
      note = `refund_unattributed: ${amount} fen refunded in Stripe on ${paymentId} names no order (metadata.order_id)`
    }
  }
  if (input.capture || input.order_captures.length || input.refund) {
    await reconcileStripePaymentWorkflow(container).run({ input })
  }
  return { done: true, note }
}

const TRANSFER_ORDER: Record<NonNullable<PayoutRunLine["transfer_status"]>, number> = { pending: 0, paid: 1, reversed: 2 }

async function reconcileTransfer(container: MedusaContainer, transfer: Stripe.Transfer): Promise<Applied> {
  const runId = transfer.metadata?.payout_run_id
  const cooperativeId = transfer.metadata?.cooperative_id
  if (!runId || !cooperativeId) return { done: true, note: "ignored" }
  const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
  const [run] = await payout.listPayoutRuns({ id: runId })
  if (!run) return { done: true, note: `unknown payout run ${runId}` }
  return container.resolve(Modules.LOCKING).execute(
    `tianyuan-payout-run:${runId}`,
    async (): Promise<Applied> => {
      const [fresh] = await payout.listPayoutRuns({ id: runId })
      const lines = ((fresh.lines as { items: PayoutRunLine[] }).items ?? []).map((line) => ({ ...line }))
      const line = lines.find((candidate) => candidate.cooperative_id === cooperativeId)
      if (!line) return { done: true, note: `cooperative ${cooperativeId} is not in run ${runId}` }
      const status: "paid" | "reversed" = transfer.reversed || transfer.amount_reversed >= transfer.amount ? "reversed" : "paid"
      // States only move forward: a late `transfer.created` never undoes a reversal already seen.
      if (!line.transfer_status || TRANSFER_ORDER[status] > TRANSFER_ORDER[line.transfer_status]) line.transfer_status = status
      line.transfer_id = transfer.id
      await payout.updatePayoutRuns({ id: runId, lines: { items: lines } })
      // A reversal gives the money back to the cooperative's balance: the entries written so far for
      // this transfer's reversals are topped up to Stripe's cumulative reversed amount.
      const reversed = Math.min(transfer.amount_reversed, line.amount_fen)
      const written = (
        await payout.listPayoutLedgerEntries({ payout_run_id: runId, cooperative_id: cooperativeId, kind: "payout" }, { select: ["amount_fen"], take: null })
      )
        .filter((entry) => entry.amount_fen > 0)
        .reduce((sum, entry) => sum + entry.amount_fen, 0)
      if (reversed > written) {
        await payout.recordLedgerEntries([
          {
            cooperative_id: cooperativeId,
            order_id: null,
            line_item_id: null,
            kind: "payout",
            amount_fen: reversed - written,
            reference_id: transfer.id,
            payout_run_id: runId,
            description: `Stripe transfer ${transfer.id} reversed`,
            idempotency_key: `payout:${runId}:${cooperativeId}:reversed-to:${reversed}`,
          },
        ])
      }
      return { done: true }
    },
    { timeout: 15 }
  )
}
