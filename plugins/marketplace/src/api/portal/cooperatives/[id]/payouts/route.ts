import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { orderViewer } from "../../../../../lib/order-viewer"
import { PAYOUT_MODULE } from "../../../../../modules/payout"
import type { PayoutRunLine } from "../../../../../modules/payout/models/payout-run"
import type PayoutModuleService from "../../../../../modules/payout/service"

const PAGE_SIZE = 50
const PayoutsQuery = z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).default(1) })

/**
 * The cooperative's payouts statement (managers): the balance owed to it, what no payout run has
 * claimed yet, the ledger entries newest first (50 a page) and the payout runs that paid it.
 */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const { page } = parseMarketplaceInput(PayoutsQuery, req.query)
  const payout = req.scope.resolve<PayoutModuleService>(PAYOUT_MODULE)
  const [[balance], [entries, count], runs, [account]] = await Promise.all([
    payout.cooperativeBalances([viewer.cooperativeId]),
    payout.listAndCountPayoutLedgerEntries(
      { cooperative_id: viewer.cooperativeId },
      { order: { created_at: "DESC", id: "DESC" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }
    ),
    payout.listPayoutRuns({}, { order: { created_at: "DESC" }, take: null }),
    payout.listPayoutAccounts({ cooperative_id: viewer.cooperativeId }),
  ])
  res.json({
    balance_fen: balance?.balance_fen ?? 0,
    unpaid_fen: balance?.unpaid_fen ?? 0,
    entries: entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      amount_fen: entry.amount_fen,
      order_id: entry.order_id,
      line_item_id: entry.line_item_id,
      commission_rate_bps: entry.commission_rate_bps,
      description: entry.description,
      payout_run_id: entry.payout_run_id,
      created_at: entry.created_at,
    })),
    count,
    page,
    page_size: PAGE_SIZE,
    payout_runs: runs
      .map((run) => ({ run, line: ((run.lines as { items?: PayoutRunLine[] }).items ?? []).find((l) => l.cooperative_id === viewer.cooperativeId) }))
      .filter(({ line }) => line)
      .map(({ run, line }) => ({
        id: run.id,
        period_start: run.period_start,
        period_end: run.period_end,
        status: run.status,
        method: run.method,
        reference: run.reference,
        settled_at: run.settled_at,
        amount_fen: line!.amount_fen,
        transfer_status: line!.transfer_status,
      })),
    account: { method: account?.stripe_account_id ? "stripe_connect" : "manual", bank_name: account?.bank_name ?? "", bank_account_last4: account?.bank_account_last4 ?? "" },
  })
})
