import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "../../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../../modules/village"
import type VillageModuleService from "../../../../../modules/village/service"

/** Operators make a pending village public. */
export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [village] = await villageModule.listVillages({ id: req.params.id }, { select: ["id"] })
  if (!village) throw new PortalError("village_not_found")
  res.json({ village: await villageModule.updateVillages({ id: village.id, status: "active" }) })
})
