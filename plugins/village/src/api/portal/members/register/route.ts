import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { isStrongEnoughPassword, parseLoginIdentifier } from "../../../../lib/login-identifier"
import { PortalError, translated } from "../../../../lib/portal-errors"
import { parseBody } from "../../../../lib/validate"
import { VILLAGE_MODULE } from "../../../../modules/village"
import type VillageModuleService from "../../../../modules/village/service"
import { registerMemberWorkflow } from "../../../../workflows/register-member"
import { presentMember } from "../../presenters"

const RegisterBody = z.strictObject({
  identifier: z.string().max(300),
  password: z.string().max(300),
  real_name: z.string().max(300),
})

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const body = parseBody(RegisterBody, req.body)
  const realName = body.real_name.trim()
  if (realName.length < 1 || [...realName].length > 40) throw new PortalError("invalid_real_name")
  const identifier = parseLoginIdentifier(body.identifier)
  if (!identifier) throw new PortalError("invalid_identifier")
  if (!isStrongEnoughPassword(body.password)) throw new PortalError("weak_password")

  // Checked before anything is written; the unique index on login_identifier settles a race.
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const authModule = req.scope.resolve(Modules.AUTH)
  const [existingMembers, existingLogins] = await Promise.all([
    villageModule.listMembers({ login_identifier: identifier.value }, { select: ["id"] }),
    authModule.listProviderIdentities({ entity_id: identifier.value, provider: "emailpass" }, { select: ["id"] }),
  ])
  if (existingMembers.length > 0 || existingLogins.length > 0) throw new PortalError("identifier_taken")

  try {
    const { result: member } = await registerMemberWorkflow(req.scope).run({
      input: { identifier, password: body.password, real_name: realName },
    })
    res.status(201).json({ member: presentMember(member) })
  } catch (error) {
    if (/already exists|duplicate|unique/i.test(String((error as Error).message))) throw new PortalError("identifier_taken")
    throw error
  }
})
