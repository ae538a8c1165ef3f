import { model } from "@medusajs/framework/utils"

export type PayoutRunLine = {
  cooperative_id: string
  cooperative_name: string
  amount_fen: number
  entry_count: number
  /** Stripe Connect only: the connected account, the transfer and its state. */
  stripe_account_id: string | null
  transfer_id: string | null
  transfer_status: "pending" | "paid" | "reversed" | null
}

/**
 * A payout run settles a period: every unpaid ledger entry of the period is claimed by the run while
 * it is a draft (a cooperative whose balance is not positive keeps its entries for a later run), and
 * settling writes one `payout` entry per cooperative — after a bank transfer the operator records
 * (manual, the default), or after Stripe Connect transfers.
 */
export const PayoutRun = model
  .define("payout_run", {
    id: model.id({ prefix: "prun" }).primaryKey(),
    period_start: model.dateTime(),
    period_end: model.dateTime(),
    status: model.enum(["draft", "settled"]).default("draft"),
    method: model.enum(["manual", "stripe_connect"]).default("manual"),
    reference: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
    total_fen: model.number().default(0),
    lines: model.json().default({ items: [] }),
    created_by: model.text().nullable(),
    settled_by: model.text().nullable(),
  })
  .indexes([{ on: ["status"] }])
