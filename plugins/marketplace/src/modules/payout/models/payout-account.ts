import { model } from "@medusajs/framework/utils"

/**
 * Where a cooperative is paid: by bank transfer the operator makes (the default; mainland-China
 * cooperatives cannot hold Stripe accounts), or to a Stripe Connect account when one is set.
 */
export const PayoutAccount = model.define("payout_account", {
  id: model.id({ prefix: "pacc" }).primaryKey(),
  cooperative_id: model.text().unique(),
  stripe_account_id: model.text().nullable(),
  bank_account_name: model.text().default(""),
  bank_name: model.text().default(""),
  /** Only the last digits are kept, to recognise the account on a statement. */
  bank_account_last4: model.text().default(""),
})
