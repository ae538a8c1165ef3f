import { model } from "@medusajs/framework/utils"

/**
 * One line of a cooperative's payout ledger, in signed integer fen: `earned` (+, a line or the
 * shipping fee of a fulfilled order), `commission` (−, at the rate recorded for the line),
 * `refund` (−) and `refund_commission` (+, the commission given back), `payout` (− when a payout run
 * settles; + if a transfer is reversed). Every write carries an idempotency key, unique, so writing
 * the same fact twice — a replayed event, a retried request — changes nothing.
 */
export const PayoutLedgerEntry = model
  .define("payout_ledger_entry", {
    id: model.id({ prefix: "ple" }).primaryKey(),
    cooperative_id: model.text(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    kind: model.enum(["earned", "commission", "refund", "refund_commission", "payout"]),
    amount_fen: model.number(),
    /** The commission rate applied (commission and refund_commission entries). */
    commission_rate_bps: model.number().nullable(),
    /** The refund, transfer or payout run the entry comes from. */
    reference_id: model.text().nullable(),
    description: model.text().default(""),
    payout_run_id: model.text().nullable(),
    idempotency_key: model.text().unique(),
  })
  .indexes([{ on: ["cooperative_id", "created_at"] }, { on: ["order_id"] }, { on: ["payout_run_id"] }])
