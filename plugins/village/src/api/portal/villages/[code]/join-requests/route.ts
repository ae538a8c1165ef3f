import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "../../../../../lib/portal-errors"
import { parseBody } from "../../../../../lib/validate"
import { VILLAGE_MODULE } from "../../../../../modules/village"
import type VillageModuleService from "../../../../../modules/village/service"
import { presentJoinRequest, type JoinRequestRecord } from "../../../presenters"

const ListQuery = z.strictObject({ status: z.enum(["pending", "approved", "declined"]).optional() })

/** The village's requests to join; the gate has already checked the secretary or committee role. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const code = req.params.code
  const { status } = parseBody(ListQuery, req.query)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [requests, villages] = await Promise.all([
    villageModule.listJoinRequests(
      { village_code: code, ...(status ? { status } : {}) },
      { relations: ["member"], order: { created_at: "DESC" }, take: 200 }
    ),
    villageModule.listVillages({ area_code: code }, { select: ["area_code", "name"] }),
  ])
  const names = new Map(villages.map((village) => [village.area_code, village.name]))
  res.json({ join_requests: requests.map((request) => presentJoinRequest(request as JoinRequestRecord, names)) })
})
