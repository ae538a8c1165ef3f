import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"
import { updateCooperativeWorkflow } from "../../../../../workflows/update-cooperative"

const StatusBody = z.strictObject({ status: z.enum(["active", "suspended"]) })

/** Operators approve (active) or suspend a cooperative; a suspended one's produce leaves search. */
export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = parseMarketplaceInput(StatusBody, req.body)
  const marketplace = req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const [cooperative] = await marketplace.listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw new PortalError("cooperative_not_found")
  const { result } = await updateCooperativeWorkflow(req.scope).run({ input: { id: cooperative.id, status } })
  res.json({ cooperative: result })
})
