import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../modules/payout"
import type { PayoutRunLine } from "../../modules/payout/models/payout-run"
import type PayoutModuleService from "../../modules/payout/service"

export type SettlePayoutRunInput = {
  payout_run_id: string
  method: "manual" | "stripe_connect"
  /** The bank transfer reference (manual), or the Stripe transfer group. */
  reference: string
  settled_by: string | null
  /** Stripe Connect: the transfer of each cooperative. */
  transfers: { cooperative_id: string; transfer_id: string; status: "paid" | "reversed" }[]
}

const recordPayoutEntriesStep = createStep(
  "tianyuan-record-payout-entries",
  async (input: SettlePayoutRunInput, { container }) => {
    const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
    const run = await payout.retrievePayoutRun(input.payout_run_id)
    const lines = ((run.lines as { items?: PayoutRunLine[] }).items ?? []).filter((line) => line.amount_fen > 0)
    const transfers = new Map(input.transfers.map((transfer) => [transfer.cooperative_id, transfer.transfer_id]))
    const written = await payout.recordLedgerEntries(
      lines.map((line) => ({
        cooperative_id: line.cooperative_id,
        order_id: null,
        line_item_id: null,
        kind: "payout" as const,
        amount_fen: -line.amount_fen,
        reference_id: transfers.get(line.cooperative_id) ?? input.reference,
        payout_run_id: run.id,
        description: input.method === "manual" ? `银行转账 ${input.reference}` : `Stripe ${transfers.get(line.cooperative_id) ?? ""}`.trim(),
        idempotency_key: `payout:${run.id}:${line.cooperative_id}`,
      }))
    )
    return new StepResponse(written, written)
  },
  async (written, { container }) => {
    if (!written?.length) return
    const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
    const entries = await payout.listPayoutLedgerEntries({ idempotency_key: written }, { select: ["id"], take: null })
    if (entries.length) await payout.softDeletePayoutLedgerEntries(entries.map((entry) => entry.id))
  }
)

const markSettledStep = createStep(
  "tianyuan-mark-payout-run-settled",
  async (input: SettlePayoutRunInput, { container }) => {
    const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
    const before = await payout.retrievePayoutRun(input.payout_run_id)
    const transfers = new Map(input.transfers.map((transfer) => [transfer.cooperative_id, transfer]))
    const lines = ((before.lines as { items?: PayoutRunLine[] }).items ?? []).map((line) => {
      const transfer = transfers.get(line.cooperative_id)
      if (!transfer) return line
      // A reversal the webhook already recorded stays.
      return { ...line, transfer_id: transfer.transfer_id, transfer_status: line.transfer_status === "reversed" ? "reversed" : transfer.status }
    })
    const run = await payout.updatePayoutRuns({
      id: input.payout_run_id,
      status: "settled",
      method: input.method,
      reference: input.reference,
      settled_at: new Date(),
      settled_by: input.settled_by,
      lines: { items: lines },
    })
    return new StepResponse(run, { id: before.id, lines: before.lines, method: before.method })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<PayoutModuleService>(PAYOUT_MODULE).updatePayoutRuns({
      id: previous.id,
      status: "draft",
      method: previous.method,
      reference: null,
      settled_at: null,
      settled_by: null,
      lines: previous.lines as Record<string, unknown>,
    })
  }
)

/** Settles a draft run: one `payout` entry per cooperative in the ledger, the run marked settled with its reference. */
export const settlePayoutRunWorkflow = createWorkflow("tianyuan-settle-payout-run", (input: SettlePayoutRunInput) => {
  recordPayoutEntriesStep(input)
  const run = markSettledStep(transform({ input }, ({ input }) => input))
  return new WorkflowResponse(run)
})
