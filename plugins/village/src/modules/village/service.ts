import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { AREA_LEVELS, type AreaLevel, areaLevel, isAreaCode, parentAreaCodes } from "../../lib/area-code"
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

const CODE_LENGTH: Record<AreaLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 }

type AreaRow = { code: string; name: string; level: AreaLevel; pinyin: string }

class VillageModuleService extends MedusaService({ AdminArea, Village, Member, Membership, JoinRequest }) {
  /**
   * An area's summaries with the number of active platform villages under each, in one aggregate:
   * village codes are fixed-width digits, so "under area X" is the range [X, X+1) on the unique index.
   */
  @InjectManager()
  async summarizeAreas(areas: AreaRow[], @MedusaContext() sharedContext: Context = {}): Promise<AreaSummary[]> {
    if (areas.length === 0) return []
    const manager = sharedContext.manager as SqlEntityManager
    const width = CODE_LENGTH[areas[0].level]
    const codes = areas.map((area) => area.code).sort()
    const counts = (await manager.execute(
      `select substr(area_code, 1, ${width}) as code, count(*)::int as count
         from village
        where status = 'active' and deleted_at is null
          and area_code >= ? and area_code < ?
          and substr(area_code, 1, ${width}) in (?)
        group by 1`,
      [codes[0], nextCode(codes[codes.length - 1]), codes]
    )) as { code: string; count: number }[]
    const countByCode = new Map(counts.map((row) => [row.code, row.count]))
    const villages =
      areas[0].level === "village"
        ? await this.listVillages({ area_code: codes, status: "active" }, { select: ["area_code", "handle", "name"] }, sharedContext)
        : []
    const villageByCode = new Map(villages.map((village) => [village.area_code, village]))
    return areas.map((area) => {
      const village = villageByCode.get(area.code)
      return {
        code: area.code,
        name: area.name,
        level: area.level,
        pinyin: area.pinyin,
        active_village_count: countByCode.get(area.code) ?? 0,
        village: village ? { handle: village.handle, name: village.name } : null,
      }
    })
  }

  /** The area, its parents (province first) and its children, or null when the code is unknown. */
  @InjectManager()
  async retrieveAreaTree(
    code: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<null | { area: AreaSummary & { parents: AreaRef[] }; children: AreaSummary[] }> {
    const parentCodes = parentAreaCodes(code)
    const rows = await this.listAdminAreas(
      { code: [...parentCodes, code] },
      { select: ["code", "name", "level", "pinyin"] },
      sharedContext
    )
    const area = rows.find((row) => row.code === code)
    if (!area) return null
    const parents = parentCodes
      .map((parentCode) => rows.find((row) => row.code === parentCode))
      .filter((row): row is (typeof rows)[number] => Boolean(row))
      .map(({ code, name, level }) => ({ code, name, level }))
    const childRows = await this.listAdminAreas(
      { parent_code: code },
      { select: ["code", "name", "level", "pinyin"], order: { code: "ASC" } },
      sharedContext
    )
    const [summary] = await this.summarizeAreas([area], sharedContext)
    return { area: { ...summary, parents }, children: await this.summarizeAreas(childRows, sharedContext) }
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

  @InjectManager()
  async listProvinces(@MedusaContext() sharedContext: Context = {}): Promise<AreaSummary[]> {
    const provinces = await this.listAdminAreas(
      { level: "province" },
      { select: ["code", "name", "level", "pinyin"], order: { code: "ASC" } },
      sharedContext
    )
    return this.summarizeAreas(provinces, sharedContext)
  }
}

/** The smallest code string greater than every code that starts with `code`. */
function nextCode(code: string): string {
  return code.slice(0, -1) + String.fromCharCode(code.charCodeAt(code.length - 1) + 1)
}

export { AREA_LEVELS }
export default VillageModuleService
