import type { MedusaContainer } from "@medusajs/framework/types"
import { AREA_LEVELS, areaLevel } from "../../lib/area-code"
import { menusFor, type MemberRole } from "../../lib/roles"
import { VILLAGE_MODULE } from "../../modules/village"
import type VillageModuleService from "../../modules/village/service"
import type { PortalMembership } from "./access"
import { presentMember } from "./presenters"

/** What the portal home needs: the member, their scopes with roles, and the menus those roles open. */
export async function describeMember(container: MedusaContainer, memberId: string, memberships: PortalMembership[]) {
  const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
  const areaCodes = [...new Set(memberships.filter((m) => m.scope_type === "area").map((m) => m.scope_id))]
  const [member, areas, villages] = await Promise.all([
    villageModule.retrieveMember(memberId),
    areaCodes.length ? villageModule.listAdminAreas({ code: areaCodes }, { select: ["code", "name", "level"] }) : [],
    areaCodes.length
      ? villageModule.listVillages({ area_code: areaCodes }, { select: ["area_code", "name", "handle", "status"] })
      : [],
  ])
  const areaName = new Map(areas.map((area) => [area.code, area.name]))
  const villageByCode = new Map(villages.map((village) => [village.area_code, village]))
  const rolesByScope = new Map<string, MemberRole[]>()
  for (const membership of memberships) {
    const key = `${membership.scope_type}:${membership.scope_id}`
    rolesByScope.set(key, [...(rolesByScope.get(key) ?? []), membership.role])
  }
  const villageScopes = areaCodes.filter((code) => areaLevel(code) === "village")
  const higherAreas = areaCodes.filter((code) => areaLevel(code) !== "village")
  return {
    member: presentMember(member),
    memberships: memberships.map((membership) => ({
      ...membership,
      scope_name:
        membership.scope_type === "area"
          ? (villageByCode.get(membership.scope_id)?.name ?? areaName.get(membership.scope_id) ?? membership.scope_id)
          : membership.scope_id,
    })),
    villages: villageScopes.map((code) => ({
      code,
      name: villageByCode.get(code)?.name ?? areaName.get(code) ?? code,
      handle: villageByCode.get(code)?.status === "active" ? (villageByCode.get(code)?.handle ?? null) : null,
      roles: rolesByScope.get(`area:${code}`) ?? [],
    })),
    areas: higherAreas
      .sort((a, b) => AREA_LEVELS.indexOf(areaLevel(a)) - AREA_LEVELS.indexOf(areaLevel(b)))
      .map((code) => ({ code, name: areaName.get(code) ?? code, level: areaLevel(code), roles: rolesByScope.get(`area:${code}`) ?? [] })),
    // Filled in by the marketplace plugin's cooperative names once it exists; ids until then.
    cooperatives: [...new Set(memberships.filter((m) => m.scope_type === "cooperative").map((m) => m.scope_id))].map((id) => ({
      id,
      name: id,
      roles: rolesByScope.get(`cooperative:${id}`) ?? [],
    })),
    menus: menusFor(memberships),
  }
}
