import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { type AreaLevel, areaLevel, isAreaCode, parentAreaCodes } from "../../lib/area-code"
import { pinyin } from "pinyin-pro"
import { handleFromPinyin, villageDisplayName } from "../../lib/village-name"
import { AdminArea } from "./models/admin-area"
import { JoinRequest } from "./models/join-request"
import { Member } from "./models/member"
import { Membership } from "./models/membership"
import { Village } from "./models/village"

export type AreaRef = { code: string; name: string; level: AreaLevel }
export type AreaSummary = AreaRef & {
  pinyin: string
  active_village_count: number
  village: null | { handle: string; name: string }
}

type AreaRow = { code: string; name: string; level: AreaLevel; pinyin: string }

type TreeRow = AreaRow & {
  kind: "self" | "parent" | "child"
  active_village_count: number
  village_handle: string | null
  village_name: string | null
}

/**
 * One round trip for an area page: the area, its parents, its children, and for each the number of
 * active platform villages under it. Village codes are fixed-width digits, so "under X" is the range
 * [X, X || ':') on the village index (':' sorts right after '9').
 */
const AREA_TREE_SQL = `
  select a.code, a.name, a.level, a.pinyin,
         case when a.code = ? then 'self' when a.parent_code = ? then 'child' else 'parent' end as kind,
         (select count(*)::int from village c
           where c.status = 'active' and c.deleted_at is null
             and c.area_code >= a.code and c.area_code < a.code || ':') as active_village_count,
         v.handle as village_handle, v.name as village_name
    from admin_area a
    left join village v on a.level = 'village' and v.area_code = a.code and v.status = 'active' and v.deleted_at is null
   where a.deleted_at is null and WHERE_CLAUSE
   order by a.code`

function summary(row: TreeRow): AreaSummary {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    pinyin: row.pinyin,
    active_village_count: row.active_village_count,
    village: row.village_handle ? { handle: row.village_handle, name: row.village_name ?? row.name } : null,
  }
}

class VillageModuleService extends MedusaService({ AdminArea, Village, Member, Membership, JoinRequest }) {
  /** The area, its parents (province first) and its children, or null when the code is unknown. */
  @InjectManager()
  async retrieveAreaTree(
    code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<null | { area: AreaSummary & { parents: AreaRef[] }; children: AreaSummary[] }> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(AREA_TREE_SQL.replace("WHERE_CLAUSE", "(a.code in (?) or a.parent_code = ?)"), [
      code,
      code,
      [...parentAreaCodes(code), code],
      code,
    ])) as TreeRow[]
    const self = rows.find((row) => row.kind === "self")
    if (!self) return null
    return {
      area: {
        ...summary(self),
        parents: rows.filter((row) => row.kind === "parent").map(({ code, name, level }) => ({ code, name, level })),
      },
      children: rows.filter((row) => row.kind === "child").map(summary),
    }
  }

  @InjectManager()
  async listProvinces(@MedusaContext() sharedContext: Context = {}): Promise<AreaSummary[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows = (await manager.execute(AREA_TREE_SQL.replace("WHERE_CLAUSE", "a.parent_code is null and a.level = 'province'"), [
      "",
      "",
    ])) as TreeRow[]
    return rows.map(summary)
  }

  /**
   * Opens a village page for a village-level area (pending until an operator approves it). Returns
   * null when the area is unknown or not a village, and the existing village when there is one.
   */
  @InjectManager()
  async openVillage(
    input: {
      area_code: string
      handle?: string
      introduction?: string
      latitude?: number | null
      longitude?: number | null
      status?: "pending" | "active"
      proposed_by?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!isAreaCode(input.area_code) || areaLevel(input.area_code) !== "village") return null
    const [area] = await this.listAdminAreas({ code: input.area_code }, {}, sharedContext)
    if (!area) return null
    const [existing] = await this.listVillages({ area_code: input.area_code }, {}, sharedContext)
    if (existing) return existing
    const name = villageDisplayName(area.name)
    const base = input.handle ?? handleFromPinyin(pinyin(name, { toneType: "none" }))
    const taken = await this.listVillages({ handle: base }, { select: ["id"] }, sharedContext)
    return this.createVillages(
      {
        area_code: area.code,
        name,
        handle: taken.length === 0 ? base : `${base}-${area.code}`,
        introduction: input.introduction ?? "",
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        status: input.status ?? "pending",
        proposed_by: input.proposed_by ?? null,
      },
      sharedContext
    )
  }
}

export default VillageModuleService
