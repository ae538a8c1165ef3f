import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { parseLoginIdentifier } from "../../../lib/login-identifier"
import { PortalError, translated } from "../../../lib/portal-errors"
import { parseBody } from "../../../lib/validate"
import { VILLAGE_MODULE } from "../../../modules/village"
import type VillageModuleService from "../../../modules/village/service"
import { portalContext } from "../access"
import { describeMember } from "../describe-member"
import { presentMember } from "../presenters"

export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId, memberships } = portalContext(req)
  res.json(await describeMember(req.scope, memberId, memberships))
})

const ProfileBody = z.strictObject({
  real_name: z.string().max(300).optional(),
  phone: z.string().max(40).nullable().optional(),
})

export const PATCH = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId } = portalContext(req)
  const body = parseBody(ProfileBody, req.body)
  const update: { id: string; real_name?: string; phone?: string | null } = { id: memberId }
  if (body.real_name !== undefined) {
    const realName = body.real_name.trim()
    if (realName.length < 1 || [...realName].length > 40) throw new PortalError("invalid_real_name")
    update.real_name = realName
  }
  if (body.phone !== undefined) {
    if (body.phone === null || body.phone.trim() === "") {
      update.phone = null
    } else {
      const phone = parseLoginIdentifier(body.phone)
      if (phone?.kind !== "phone") throw new PortalError("invalid_identifier")
      update.phone = phone.value
    }
  }
  const member = await req.scope.resolve<VillageModuleService>(VILLAGE_MODULE).updateMembers(update)
  res.json({ member: presentMember(member) })
})
