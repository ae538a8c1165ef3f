import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "../../../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../../../modules/village"
import type VillageModuleService from "../../../../../../modules/village/service"

/** A secretary revokes a villager or committee membership of their village; it stops working at once. */
export const DELETE = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [membership] = await villageModule.listMemberships({
    id: req.params.id,
    scope_type: "area",
    scope_id: req.params.code,
  })
  if (!membership) throw new PortalError("membership_not_found")
  if (membership.role !== "villager" && membership.role !== "committee") throw new PortalError("role_not_revocable")
  await villageModule.deleteMemberships([membership.id])
  res.json({ id: membership.id, object: "membership", deleted: true })
})
