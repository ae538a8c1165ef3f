import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
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
    cooperatives: (await cooperativeNames(container, memberships)).map(([id, name]) => ({
      id,
      name,
      roles: rolesByScope.get(`cooperative:${id}`) ?? [],
    })),
    menus: menusFor(memberships),
  }
}

/**
 * Cooperatives belong to the marketplace plugin, which depends on this one and not the other way
 * round: their names are read through Query by entity name, and ids stand in when it is absent.
 */
async function cooperativeNames(container: MedusaContainer, memberships: PortalMembership[]): Promise<[string, string][]> {
  const ids = [...new Set(memberships.filter((m) => m.scope_type === "cooperative").map((m) => m.scope_id))]
  if (ids.length === 0) return []
  try {
    const { data } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "cooperative", fields: ["id", "name"], filters: { id: ids } })
    const names = new Map((data as { id: string; name: string }[]).map((cooperative) => [cooperative.id, cooperative.name]))
    return ids.map((id) => [id, names.get(id) ?? id])
  } catch {
    return ids.map((id) => [id, id])
  }
}
