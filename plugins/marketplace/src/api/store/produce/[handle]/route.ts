import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { presentProduce, readProduce } from "../../../../lib/produce-read"
import { memberNames } from "../../../portal/farmers"
import { describeOrigin, isPublicFor } from "../../public-produce"

/** The produce page: product, details, stock, origin village, cooperative, farmer, certificates. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const [produce] = await readProduce(req.scope, { handle: req.params.handle })
  if (!produce || !(await isPublicFor(req, [produce.id])).has(produce.id)) throw new PortalError("produce_not_found")
  const farmerId = produce.produce_details!.farmer_member_id
  const [names, origin] = await Promise.all([memberNames(req.scope, [farmerId]), describeOrigin(req, produce.produce_details!.origin_area_code)])
  res.setHeader("Cache-Control", "public, max-age=30")
  res.json({
    produce: { ...presentProduce(produce, { id: farmerId, real_name: names.get(farmerId) ?? "" }), origin },
  })
})
