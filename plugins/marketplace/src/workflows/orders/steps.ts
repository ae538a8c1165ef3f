import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderCreditLinesWorkflow } from "@medusajs/medusa/core-flows"
import { syncOrderLedger } from "../../lib/ledger-sync"
import { PAYOUT_MODULE } from "../../modules/payout"
import type PayoutModuleService from "../../modules/payout/service"

/** Brings the order's payout ledger up to its state; compensation removes what this step wrote. */
export const syncOrderLedgerStep = createStep(
  "tianyuan-sync-order-ledger",
  async (input: { order_id: string }, { container }) => {
    const written = await syncOrderLedger(container, input.order_id)
    return new StepResponse(written, written)
  },
  async (written, { container }) => {
    if (!written?.length) return
    const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
    const entries = await payout.listPayoutLedgerEntries({ idempotency_key: written }, { select: ["id"], take: null })
    if (entries.length) await payout.softDeletePayoutLedgerEntries(entries.map((entry) => entry.id))
  }
)

/** Records the carrier on the fulfilment (Medusa's labels hold only the tracking number and URL). */
export const setFulfillmentMetadataStep = createStep(
  "tianyuan-set-fulfillment-metadata",
  async (input: { fulfillment_id: string; metadata: Record<string, unknown> }, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const before = await fulfillment.retrieveFulfillment(input.fulfillment_id, { select: ["id", "metadata"] })
    await fulfillment.updateFulfillment(input.fulfillment_id, { metadata: { ...(before.metadata ?? {}), ...input.metadata } })
    return new StepResponse(undefined, { id: before.id, metadata: before.metadata ?? {} })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.FULFILLMENT).updateFulfillment(previous.id, { metadata: previous.metadata })
  }
)

/** Merges keys into the order's metadata (cancel reason, who cancelled); compensation restores it. */
export const mergeOrderMetadataStep = createStep(
  "tianyuan-merge-order-metadata",
  async (input: { order_id: string; metadata: Record<string, unknown> }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const before = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    await orders.updateOrders(input.order_id, { metadata: { ...(before.metadata ?? {}), ...input.metadata } })
    return new StepResponse(undefined, { id: before.id, metadata: before.metadata ?? {} })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.ORDER).updateOrders(previous.id, { metadata: previous.metadata })
  }
)

/**
 * After a refund, a credit line of the same amount keeps the order's summary balanced in Medusa's
 * admin (as Medusa's own refund workflow does). Best effort: the money has already gone back, so a
 * summary that cannot take the credit line is logged, never a reason to fail the refund.
 */
export const balanceRefundWithCreditLineStep = createStep(
  "tianyuan-balance-refund-with-credit-line",
  async (input: { order_id: string; amount: number; refund_id: string }, { container }) => {
    try {
      await createOrderCreditLinesWorkflow(container).run({
        input: { id: input.order_id, credit_lines: [{ amount: input.amount, reference: "refund", reference_id: input.refund_id }] },
      })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Refund ${input.refund_id} of order ${input.order_id}: no credit line (${error instanceof Error ? error.message : String(error)})`)
    }
    return new StepResponse(undefined)
  }
)
