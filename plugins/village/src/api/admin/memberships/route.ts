import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { isAreaCode } from "../../../lib/area-code"
import { parseLoginIdentifier } from "../../../lib/login-identifier"
import { PortalError, translated } from "../../../lib/portal-errors"
import { MEMBER_ROLES } from "../../../lib/roles"
import { parseBody } from "../../../lib/validate"
import { VILLAGE_MODULE } from "../../../modules/village"
import type VillageModuleService from "../../../modules/village/service"

const AppointBody = z.strictObject({
  identifier: z.string().max(300),
  scope_type: z.literal("area"),
  scope_id: z.string().max(20),
  role: z.enum(MEMBER_ROLES),
})

/** Operators appoint the first secretary of a village and the officials of an area. */
export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = parseBody(AppointBody, req.body)
  const identifier = parseLoginIdentifier(body.identifier)
  if (!identifier) throw new PortalError("invalid_identifier")
  if (!isAreaCode(body.scope_id)) throw new PortalError("invalid_area_code")
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [[member], [area]] = await Promise.all([
    villageModule.listMembers({ login_identifier: identifier.value }, { select: ["id"] }),
    villageModule.listAdminAreas({ code: body.scope_id }, { select: ["code"] }),
  ])
  if (!member) throw new PortalError("member_not_found")
  if (!area) throw new PortalError("area_not_found")
  const [existing] = await villageModule.listMemberships({
    member_id: member.id,
    scope_type: "area",
    scope_id: body.scope_id,
    role: body.role,
  })
  const membership =
    existing ??
    (await villageModule.createMemberships({
      member_id: member.id,
      scope_type: "area",
      scope_id: body.scope_id,
      role: body.role,
      appointed_by: req.auth_context.actor_id,
    }))
  res.status(existing ? 200 : 201).json({ membership })
})
