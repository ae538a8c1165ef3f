import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError, translated } from "../../../../../../../lib/portal-errors"
import { parseBody } from "../../../../../../../lib/validate"
import { VILLAGE_MODULE } from "../../../../../../../modules/village"
import type VillageModuleService from "../../../../../../../modules/village/service"
import { portalContext } from "../../../../../access"
import { presentMember } from "../../../../../presenters"

const VerificationBody = z.strictObject({ status: z.enum(["verified", "rejected"]) })

/** A secretary or official confirms (or rejects) the real name of someone in the village. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const { status } = parseBody(VerificationBody, req.body)
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const inVillage = await villageModule.listMemberships(
    { member_id: req.params.id, scope_type: "area", scope_id: req.params.code },
    { select: ["id"] }
  )
  if (inVillage.length === 0) throw new PortalError("member_not_found")
  const member = await villageModule.updateMembers({
    id: req.params.id,
    verification_status: status,
    verified_by: memberId,
    verified_at: new Date(),
  })
  res.json({ member: presentMember(member) })
})
