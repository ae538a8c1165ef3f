import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError, translated } from "../../../../../lib/portal-errors"
import { parseBody } from "../../../../../lib/validate"
import { VILLAGE_MODULE } from "../../../../../modules/village"
import type VillageModuleService from "../../../../../modules/village/service"

const VerificationBody = z.strictObject({ status: z.enum(["unverified", "verified", "rejected"]) })

export const POST = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = parseBody(VerificationBody, req.body)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [member] = await villageModule.listMembers({ id: req.params.id }, { select: ["id"] })
  if (!member) throw new PortalError("member_not_found")
  const updated = await villageModule.updateMembers({
    id: member.id,
    verification_status: status,
    verified_by: req.auth_context.actor_id,
    verified_at: new Date(),
  })
  res.json({ member: updated })
})
