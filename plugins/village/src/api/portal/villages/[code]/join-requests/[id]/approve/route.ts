import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "../../../../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../../../../modules/village"
import type VillageModuleService from "../../../../../../../modules/village/service"
import { approveJoinRequestWorkflow } from "../../../../../../../workflows/approve-join-request"
import { portalContext } from "../../../../../access"
import { presentJoinRequest, type JoinRequestRecord } from "../../../../../presenters"
import { pendingRequestOfVillage } from "../../decide"

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const request = await pendingRequestOfVillage(req)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const alreadyVillager = await villageModule.listMemberships(
    { member_id: request.member_id, scope_type: "area", scope_id: request.village_code, role: "villager" },
    { select: ["id"] }
  )
  if (alreadyVillager.length > 0) {
    // Appointed meanwhile by someone else: the request is simply settled.
    await villageModule.updateJoinRequests({ id: request.id, status: "approved", decided_by: memberId, decided_at: new Date() })
  } else {
    await approveJoinRequestWorkflow(req.scope).run({
      input: { join_request_id: request.id, member_id: request.member_id, village_code: request.village_code, decided_by: memberId },
    })
  }
  const [decided] = await villageModule.listJoinRequests({ id: request.id }, { relations: ["member"] })
  const [village] = await villageModule.listVillages({ area_code: request.village_code }, { select: ["area_code", "name"] })
  res.json({ join_request: presentJoinRequest(decided as JoinRequestRecord, new Map([[village.area_code, village.name]])) })
})
