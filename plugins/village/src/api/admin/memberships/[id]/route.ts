import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../modules/village"
import type VillageModuleService from "../../../../modules/village/service"

export const DELETE = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [membership] = await villageModule.listMemberships({ id: req.params.id }, { select: ["id"] })
  if (!membership) throw new PortalError("membership_not_found")
  await villageModule.deleteMemberships([membership.id])
  res.json({ id: membership.id, object: "membership", deleted: true })
})
