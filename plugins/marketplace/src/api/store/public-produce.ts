import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import { parentAreaCodes } from "@tianyuan/village/lib/area-code"

/**
 * Buyers see published, unarchived produce of their key's sales channels only, and only while its
 * cooperative is active (a suspended cooperative's produce leaves the store, not just the search).
 */
export async function isPublicFor(req: MedusaRequest, productIds: string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set()
  const channels = new Set((req as MedusaRequest & { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? [])
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "status", "sales_channels.id", "produce_details.archived_at", "produce_details.cooperative.status"],
    filters: { id: productIds },
  })
  return new Set(
    (data as PublicCheckRow[])
      .filter(
        (p) =>
          p.status === "published" &&
          !p.produce_details?.archived_at &&
          p.produce_details?.cooperative?.status === "active" &&
          (p.sales_channels ?? []).some((c) => channels.has(c.id))
      )
      .map((p) => p.id)
  )
}

type PublicCheckRow = {
  id: string
  status: string
  sales_channels?: { id: string }[]
  produce_details?: { archived_at: unknown; cooperative?: { status: string } | null } | null
}

/** Where the produce grew, as buyers read it: the village page when it is open, and the area names. */
export async function describeOrigin(req: MedusaRequest, areaCode: string) {
  const village = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [areas, villages] = await Promise.all([
    village.listAdminAreas({ code: [...parentAreaCodes(areaCode), areaCode] }, { select: ["code", "name", "level"], order: { code: "ASC" } }),
    village.listVillages({ area_code: areaCode, status: "active" }, { select: ["handle", "name"] }),
  ])
  return {
    area_code: areaCode,
    areas: areas.map(({ code, name, level }) => ({ code, name, level })),
    village: villages[0] ? { handle: villages[0].handle, name: villages[0].name } : null,
  }
}
