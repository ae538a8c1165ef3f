import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "../../../../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../../../../modules/village"
import type VillageModuleService from "../../../../../../../modules/village/service"
import { portalContext } from "../../../../../access"
import { presentJoinRequest, type JoinRequestRecord } from "../../../../../presenters"
import { pendingRequestOfVillage } from "../../decide"

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const request = await pendingRequestOfVillage(req)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  await villageModule.updateJoinRequests({ id: request.id, status: "declined", decided_by: memberId, decided_at: new Date() })
  const [decided] = await villageModule.listJoinRequests({ id: request.id }, { relations: ["member"] })
  const [village] = await villageModule.listVillages({ area_code: request.village_code }, { select: ["area_code", "name"] })
  res.json({ join_request: presentJoinRequest(decided as JoinRequestRecord, new Map([[village.area_code, village.name]])) })
})
