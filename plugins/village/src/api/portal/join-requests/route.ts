import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { isAreaCode, areaLevel } from "../../../lib/area-code"
import { PortalError, translated } from "../../../lib/portal-errors"
import { parseBody } from "../../../lib/validate"
import { VILLAGE_MODULE } from "../../../modules/village"
import type VillageModuleService from "../../../modules/village/service"
import { portalContext } from "../access"
import { presentJoinRequest, type JoinRequestRecord } from "../presenters"

export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const requests = await villageModule.listJoinRequests(
    { member_id: memberId },
    { relations: ["member"], order: { created_at: "DESC" }, take: 100 }
  )
  const villages = requests.length
    ? await villageModule.listVillages({ area_code: requests.map((r) => r.village_code) }, { select: ["area_code", "name"] })
    : []
  const names = new Map(villages.map((village) => [village.area_code, village.name]))
  res.json({ join_requests: requests.map((request) => presentJoinRequest(request as JoinRequestRecord, names)) })
})

const JoinBody = z.strictObject({
  village_code: z.string().max(20),
  message: z.string().max(500).optional(),
})

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId, memberships } = portalContext(req)
  const body = parseBody(JoinBody, req.body)
  if (!isAreaCode(body.village_code) || areaLevel(body.village_code) !== "village") {
    throw new PortalError("village_not_found")
  }
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [village] = await villageModule.listVillages({ area_code: body.village_code, status: "active" })
  if (!village) throw new PortalError("village_not_found")
  if (memberships.some((m) => m.scope_type === "area" && m.scope_id === village.area_code)) {
    throw new PortalError("already_member")
  }
  const pending = await villageModule.listJoinRequests(
    { member_id: memberId, village_code: village.area_code, status: "pending" },
    { select: ["id"] }
  )
  if (pending.length > 0) throw new PortalError("already_requested")
  let request
  try {
    request = await villageModule.createJoinRequests({
      member_id: memberId,
      village_code: village.area_code,
      message: body.message?.trim() || null,
    })
  } catch (error) {
    // Two taps at once: the partial unique index lets only one pending request through.
    if (/unique|duplicate|already exists/i.test(String((error as Error).message))) throw new PortalError("already_requested")
    throw error
  }
  const [withMember] = await villageModule.listJoinRequests({ id: request.id }, { relations: ["member"] })
  res.status(201).json({
    join_request: presentJoinRequest(withMember as JoinRequestRecord, new Map([[village.area_code, village.name]])),
  })
})
