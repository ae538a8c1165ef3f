import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { PAYOUT_MODULE } from "../../../../../modules/payout"
import type PayoutModuleService from "../../../../../modules/payout/service"

const AccountBody = z.strictObject({
  stripe_account_id: z
    .string()
    .refine((value) => /^acct_[A-Za-z0-9]{6,40}$/.test(value), "stripe_account_invalid")
    .nullable()
    .optional(),
  bank_name: z.string().trim().max(60).optional(),
  bank_account_name: z.string().trim().max(60).optional(),
  bank_account_last4: z
    .string()
    .refine((value) => /^\d{0,4}$/.test(value), "bank_account_last4_invalid")
    .optional(),
})

async function cooperativeOr404(req: AuthenticatedMedusaRequest) {
  const [cooperative] = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw new PortalError("cooperative_not_found")
  return cooperative
}

function present(cooperativeId: string, account?: { stripe_account_id: string | null; bank_name: string; bank_account_name: string; bank_account_last4: string }) {
  return {
    cooperative_id: cooperativeId,
    method: account?.stripe_account_id ? "stripe_connect" : "manual",
    stripe_account_id: account?.stripe_account_id ?? null,
    bank_name: account?.bank_name ?? "",
    bank_account_name: account?.bank_account_name ?? "",
    bank_account_last4: account?.bank_account_last4 ?? "",
  }
}

/** Operators: how a cooperative is paid (bank transfer details for the statement, or a Stripe Connect account). */
export const GET = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cooperative = await cooperativeOr404(req)
  const [account] = await req.scope.resolve<PayoutModuleService>(PAYOUT_MODULE).listPayoutAccounts({ cooperative_id: cooperative.id })
  res.json({ payout_account: present(cooperative.id, account) })
})

export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cooperative = await cooperativeOr404(req)
  const body = parseMarketplaceInput(AccountBody, req.body)
  const payout = req.scope.resolve<PayoutModuleService>(PAYOUT_MODULE)
  const [existing] = await payout.listPayoutAccounts({ cooperative_id: cooperative.id })
  const account = existing
    ? await payout.updatePayoutAccounts({ id: existing.id, ...body })
    : await payout.createPayoutAccounts({ cooperative_id: cooperative.id, ...body })
  res.json({ payout_account: present(cooperative.id, account) })
})
