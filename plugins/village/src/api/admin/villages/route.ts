import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError, translated } from "../../../lib/portal-errors"
import { parseBody } from "../../../lib/validate"
import { VILLAGE_MODULE } from "../../../modules/village"
import type VillageModuleService from "../../../modules/village/service"

const ListQuery = z.strictObject({ status: z.enum(["pending", "active"]).optional() })

/** Operators: villages waiting for approval (or all). */
export const GET = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = parseBody(ListQuery, req.query)
  const villages = await req.scope
    .resolve<VillageModuleService>(VILLAGE_MODULE)
    .listVillages(status ? { status } : {}, { order: { created_at: "DESC" }, take: 500 })
  res.json({ villages })
})

const CreateBody = z.strictObject({
  area_code: z.string().regex(/^\d{12}$/),
  handle: z.string().regex(/^[a-z0-9-]{2,80}$/).optional(),
  introduction: z.string().max(5000).optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
})

export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseBody(CreateBody, req.body)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [existing] = await villageModule.listVillages({ area_code: body.area_code }, { select: ["id"] })
  if (existing) throw new PortalError("village_exists")
  const village = await villageModule.openVillage({ ...body, status: "pending", proposed_by: req.auth_context.actor_id })
  if (!village) throw new PortalError("not_a_village_area")
  res.status(201).json({ village })
})
