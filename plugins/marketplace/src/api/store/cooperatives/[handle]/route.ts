import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { cooperativeProductIds, presentProduce, readProduce } from "../../../../lib/produce-read"
import { MARKETPLACE_MODULE } from "../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../modules/marketplace/service"
import { memberNames } from "../../../portal/farmers"
import { describeOrigin, isPublicFor } from "../../public-produce"

/** A cooperative's public page and its produce on sale. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const [cooperative] = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCooperatives({ handle: req.params.handle, status: "active" })
  if (!cooperative) throw new PortalError("cooperative_not_found")
  const ids = await cooperativeProductIds(req.scope, cooperative.id)
  const visible = await isPublicFor(req, ids)
  const produce = visible.size ? await readProduce(req.scope, { id: [...visible] }) : []
  const names = await memberNames(req.scope, produce.map((p) => p.produce_details!.farmer_member_id))
  res.setHeader("Cache-Control", "public, max-age=30")
  res.json({
    cooperative: {
      id: cooperative.id,
      name: cooperative.name,
      handle: cooperative.handle,
      description: cooperative.description,
      contact_name: cooperative.contact_name,
      photo_url: cooperative.photo_url,
      origin: await describeOrigin(req, cooperative.village_code),
    },
    produce: produce.map((p) =>
      presentProduce(p, { id: p.produce_details!.farmer_member_id, real_name: names.get(p.produce_details!.farmer_member_id) ?? "" })
    ),
  })
})
