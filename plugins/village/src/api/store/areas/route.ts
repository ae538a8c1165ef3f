import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VILLAGE_MODULE } from "../../../modules/village"
import type VillageModuleService from "../../../modules/village/service"

/** The provinces, each with how many villages are open on the platform. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const areas = await req.scope.resolve<VillageModuleService>(VILLAGE_MODULE).listProvinces()
  res.setHeader("Cache-Control", "public, max-age=60")
  res.json({ areas })
}
