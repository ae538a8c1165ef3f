import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isAreaCode } from "../../../../lib/area-code"
import { PortalError, translated } from "../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../modules/village"
import type VillageModuleService from "../../../../modules/village/service"

/** An area with its parents and the next level down. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const code = req.params.code
  if (!isAreaCode(code)) throw new PortalError("invalid_area_code")
  const tree = await req.scope.resolve<VillageModuleService>(VILLAGE_MODULE).retrieveAreaTree(code)
  if (!tree) throw new PortalError("area_not_found")
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json(tree)
})
