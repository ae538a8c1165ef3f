import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../lib/marketplace-errors"
import { createPayoutRun, presentPayoutRun } from "../../../lib/payout-runs"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"

const day = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), "invalid_date")
const CreateBody = z.strictObject({ period_start: day, period_end: day })
const ListQuery = z.strictObject({ status: z.enum(["draft", "settled"]).optional() })

/** Operators: payout runs, newest first. */
export const GET = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = parseMarketplaceInput(ListQuery, req.query)
  const [runs, count] = await req.scope
    .resolve<PayoutModuleService>(PAYOUT_MODULE)
    .listAndCountPayoutRuns(status ? { status } : {}, { order: { created_at: "DESC" }, take: 200 })
  res.json({ payout_runs: runs.map(presentPayoutRun), count })
})

/** Operators: a draft run for a period (China days, both included) with each cooperative's amount. */
export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseMarketplaceInput(CreateBody, req.body)
  const run = await createPayoutRun(req.scope, { ...body, created_by: req.auth_context?.actor_id ?? null })
  res.status(201).json({ payout_run: presentPayoutRun(run) })
})
