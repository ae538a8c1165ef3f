import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "../../../../../lib/portal-errors"
import type { MemberRole } from "../../../../../lib/roles"
import { VILLAGE_MODULE } from "../../../../../modules/village"
import type VillageModuleService from "../../../../../modules/village/service"
import { presentMember, type MemberRecord } from "../../../presenters"

/** Everyone holding a role in this village, with their roles. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const memberships = await villageModule.listMemberships(
    { scope_type: "area", scope_id: req.params.code },
    { relations: ["member"], take: null, order: { created_at: "ASC" } }
  )
  const byMember = new Map<string, { member: MemberRecord; roles: MemberRole[]; membership_ids: string[] }>()
  for (const membership of memberships) {
    const member = membership.member as MemberRecord
    const entry = byMember.get(member.id) ?? { member, roles: [], membership_ids: [] }
    entry.roles.push(membership.role)
    entry.membership_ids.push(membership.id)
    byMember.set(member.id, entry)
  }
  res.json({
    members: [...byMember.values()].map(({ member, roles, membership_ids }) => ({ ...presentMember(member), roles, membership_ids })),
  })
})
