import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { PAYOUT_MODULE } from "../modules/payout"
import type { PayoutRunLine } from "../modules/payout/models/payout-run"
import type PayoutModuleService from "../modules/payout/service"
import { createPayoutRunWorkflow } from "../workflows/payouts/create-payout-run"
import { settlePayoutRunWorkflow } from "../workflows/payouts/settle-payout-run"
import { chinaDayRange, chinaToday } from "./order-viewer"
import "./order-errors"
import { createPayoutTransfers, stripeClient, type StripeOptions } from "./stripe"

/**
 * Payout runs for operators: a draft for a period (China days, both included), then settled by a
 * recorded bank transfer (default) or by Stripe Connect transfers when Stripe is configured and
 * every cooperative of the run has a connected account.
 */
export function presentPayoutRun(run: Awaited<ReturnType<PayoutModuleService["retrievePayoutRun"]>>) {
  return {
    id: run.id,
    period_start: run.period_start,
    period_end: run.period_end,
    status: run.status,
    method: run.method,
    reference: run.reference,
    settled_at: run.settled_at,
    total_fen: run.total_fen,
    lines: (run.lines as { items?: PayoutRunLine[] }).items ?? [],
    created_at: run.created_at,
  }
}

export async function createPayoutRun(container: MedusaContainer, input: { period_start: string; period_end: string; created_by: string | null }) {
  const start = chinaDayRange(input.period_start).start
  const end = chinaDayRange(input.period_end).end
  if (start >= end || input.period_end > chinaToday()) throw new PortalError("payout_period_invalid")
  const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
  return container.resolve(Modules.LOCKING).execute(
    "tianyuan-payout-runs",
    async () => {
      const balances = await payout.cooperativeBalances(null)
      if (!balances.some((balance) => balance.unpaid_fen !== 0)) throw new PortalError("payout_run_empty")
      const { result } = await createPayoutRunWorkflow(container).run({ input: { period_start: start, period_end: end, created_by: input.created_by } })
      if (((result.lines as { items?: unknown[] }).items ?? []).length === 0) {
        await payout.deletePayoutRuns([result.id])
        throw new PortalError("payout_run_empty")
      }
      return result
    },
    { timeout: 30 }
  )
}

export async function settlePayoutRun(
  container: MedusaContainer,
  input: { id: string; method: "manual" | "stripe_connect"; reference?: string; settled_by: string | null },
  stripeOptions: StripeOptions = {}
) {
  const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
  return container.resolve(Modules.LOCKING).execute(
    `tianyuan-payout-run:${input.id}`,
    async () => {
      const [run] = await payout.listPayoutRuns({ id: input.id })
      if (!run) throw new PortalError("payout_run_not_found")
      if (run.status === "settled") throw new PortalError("payout_run_settled")
      const lines = ((run.lines as { items?: PayoutRunLine[] }).items ?? []).filter((line) => line.amount_fen > 0)
      let transfers: { cooperative_id: string; transfer_id: string; status: "paid" | "reversed" }[] = []
      let reference = input.reference?.trim() ?? ""
      if (input.method === "manual") {
        if (reference.length < 1 || reference.length > 100) throw new PortalError("payout_reference_missing")
      } else {
        const stripe = stripeClient(stripeOptions)
        if (!stripe) throw new PortalError("stripe_not_configured")
        const accounts = new Map(
          (await payout.listPayoutAccounts({ cooperative_id: lines.map((line) => line.cooperative_id) }, { take: null })).map((account) => [
            account.cooperative_id,
            account.stripe_account_id,
          ])
        )
        const missing = lines.find((line) => !accounts.get(line.cooperative_id))
        if (missing) throw new PortalError("stripe_account_missing", { cooperative: missing.cooperative_name || missing.cooperative_id })
        try {
          transfers = await createPayoutTransfers(
            stripe,
            lines.map((line) => ({
              payout_run_id: run.id,
              cooperative_id: line.cooperative_id,
              stripe_account_id: accounts.get(line.cooperative_id)!,
              amount_fen: line.amount_fen,
              currency: "cny",
            }))
          )
        } catch (error) {
          throw new PortalError("stripe_transfer_failed", { detail: error instanceof Error ? error.message : String(error) })
        }
        reference = run.id
      }
      const { result } = await settlePayoutRunWorkflow(container).run({
        input: { payout_run_id: run.id, method: input.method, reference, settled_by: input.settled_by, transfers },
      })
      return result
    },
    { timeout: 60 }
  )
}
