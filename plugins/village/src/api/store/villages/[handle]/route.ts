import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parentAreaCodes } from "../../../../lib/area-code"
import { PortalError, translated } from "../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../modules/village"
import type VillageModuleService from "../../../../modules/village/service"

type VillagePhotos = { items?: { url: string; alt?: string }[] }

/** An active village's public page. A pending one is not public yet and answers 404. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [village] = await villageModule.listVillages({ handle: req.params.handle, status: "active" })
  if (!village) throw new PortalError("village_not_found")
  const parentCodes = parentAreaCodes(village.area_code)
  const parents = await villageModule.listAdminAreas(
    { code: parentCodes },
    { select: ["code", "name", "level"], order: { code: "ASC" } }
  )
  const photos = ((village.photos as VillagePhotos | null)?.items ?? []).map((photo) => ({ url: photo.url, alt: photo.alt ?? village.name }))
  res.json({
    village: {
      id: village.id,
      handle: village.handle,
      name: village.name,
      area_code: village.area_code,
      introduction: village.introduction,
      photos,
      latitude: village.latitude,
      longitude: village.longitude,
      parents: parents.map(({ code, name, level }) => ({ code, name, level })),
    },
  })
})
