import type { MedusaContainer } from "@medusajs/framework/types"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"

/** The farmers of a cooperative and their names, for lists and for "whose produce is this". */
export async function cooperativeFarmers(container: MedusaContainer, cooperativeId: string) {
  const village = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const memberships = await village.listMemberships(
    { scope_type: "cooperative", scope_id: cooperativeId, role: "farmer" },
    { relations: ["member"], take: null }
  )
  return memberships.map((m) => ({ id: m.member.id, real_name: m.member.real_name }))
}

export async function memberNames(container: MedusaContainer, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const members = await container
    .resolve<VillageModuleService>(VILLAGE_MODULE)
    .listMembers({ id: [...new Set(ids)] }, { select: ["id", "real_name"] })
  return new Map(members.map((m) => [m.id, m.real_name]))
}
