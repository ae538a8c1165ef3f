import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { presentPayoutRun } from "../../../../lib/payout-runs"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"

export const GET = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [run] = await req.scope.resolve<PayoutModuleService>(PAYOUT_MODULE).listPayoutRuns({ id: req.params.id })
  if (!run) throw new PortalError("payout_run_not_found")
  res.json({ payout_run: presentPayoutRun(run) })
})
