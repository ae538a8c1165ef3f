import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { presentPayoutRun, settlePayoutRun } from "../../../../../lib/payout-runs"

const SettleBody = z.strictObject({
  method: z.enum(["manual", "stripe_connect"]).default("manual"),
  reference: z.string().max(200).optional(),
})

/**
 * Operators: settles a draft run — after making the bank transfers, with their reference (manual,
 * the default), or by Stripe Connect transfers when Stripe and the cooperatives' accounts are set.
 */
export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseMarketplaceInput(SettleBody, req.body)
  const run = await settlePayoutRun(req.scope, { id: req.params.id, ...body, settled_by: req.auth_context?.actor_id ?? null })
  res.json({ payout_run: presentPayoutRun(run) })
})
