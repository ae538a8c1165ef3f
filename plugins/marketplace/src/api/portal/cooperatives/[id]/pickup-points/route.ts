import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import "../../../../../lib/checkout-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { listCooperativeOptions } from "../../../../../lib/shipping"
import { PickupPointInput } from "../../../../../lib/shipping-input"
import { createPickupPointWorkflow } from "../../../../../workflows/cooperative-shipping"
import { cooperativeStanding } from "../../../cooperative-access"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"

async function pickupPoints(req: MedusaRequest, cooperativeId: string) {
  const cooperative = await req.scope.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).retrieveCooperative(cooperativeId)
  const options = await listCooperativeOptions(req.scope, cooperative.shipping_profile_id ? [cooperative.shipping_profile_id] : [])
  return options
    .filter((option) => option.kind === "pickup" && option.pickup_point)
    .map((option) => ({ ...option.pickup_point!, option_id: option.id }))
}

/** The cooperative's pickup points (manager only): place, hours and instructions buyers see at checkout. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  res.json({ pickup_points: await pickupPoints(req, standing.cooperative.id) })
})

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  if (!standing.cooperative.stock_location_id) throw new PortalError("cooperative_no_location")
  const input = parseMarketplaceInput(PickupPointInput, req.body)
  const { result } = await createPickupPointWorkflow(req.scope).run({ input: { cooperative_id: standing.cooperative.id, ...input } })
  const created = (await pickupPoints(req, standing.cooperative.id)).find((point) => point.id === result.location_id)
  res.status(201).json({ pickup_point: created })
})
