import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import "../../../../../../lib/checkout-errors"
import { parseMarketplaceInput } from "../../../../../../lib/marketplace-errors"
import { openPickupOrderIds } from "../../../../../../lib/order-read"
import { listCooperativeOptions, PICKUP_POINT_KIND, type PickupPoint } from "../../../../../../lib/shipping"
import { PickupPointUpdate } from "../../../../../../lib/shipping-input"
import { deletePickupPointWorkflow, updatePickupPointWorkflow } from "../../../../../../workflows/cooperative-shipping"
import { cooperativeStanding, type CooperativeStanding } from "../../../../cooperative-access"

type OwnPickupPoint = PickupPoint & { option_ids: string[] }

/**
 * The pickup point of the path, if it is one of this cooperative's: a stock location behind one of
 * its own pickup options, marked as its pickup point. Anything else (another cooperative's point,
 * the cooperative's main location, an unknown id) answers 404.
 */
async function ownPickupPoint(req: MedusaRequest, standing: CooperativeStanding): Promise<OwnPickupPoint> {
  const pointId = req.params.pointId
  const profile = standing.cooperative.shipping_profile_id
  const options = (await listCooperativeOptions(req.scope, profile ? [profile] : [])).filter(
    (option) => option.kind === "pickup" && option.pickup_point && option.location_id === pointId
  )
  if (options.length === 0) throw new PortalError("pickup_point_not_found")
  const { data: locations } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "stock_location",
    fields: ["id", "metadata"],
    filters: { id: pointId },
  })
  const metadata = (locations[0]?.metadata ?? {}) as Record<string, unknown>
  if (metadata.kind !== PICKUP_POINT_KIND || metadata.cooperative_id !== standing.cooperative.id) {
    throw new PortalError("pickup_point_not_found")
  }
  return { ...options[0].pickup_point!, option_ids: options.map((option) => option.id) }
}

async function presented(req: MedusaRequest, standing: CooperativeStanding, pointId: string) {
  const profile = standing.cooperative.shipping_profile_id
  const option = (await listCooperativeOptions(req.scope, profile ? [profile] : [])).find(
    (candidate) => candidate.kind === "pickup" && candidate.location_id === pointId && candidate.pickup_point
  )
  return option ? { ...option.pickup_point!, option_id: option.id } : null
}

/**
 * Edits a pickup point (manager only): any of name, address, hours and instructions. Buyers see the
 * change at once; orders already placed keep the point as it was at checkout.
 */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const point = await ownPickupPoint(req, standing)
  const edit = parseMarketplaceInput(PickupPointUpdate, req.body)
  await updatePickupPointWorkflow(req.scope).run({
    input: {
      location_id: point.id,
      option_ids: point.option_ids,
      name: edit.name ?? point.name,
      address: edit.address ?? point.address,
      hours: edit.hours ?? point.hours,
      instructions: edit.instructions ?? point.instructions,
    },
  })
  res.json({ pickup_point: await presented(req, standing, point.id) })
})

/**
 * Removes a pickup point (manager only): its option and stock location go, through Medusa's own
 * workflows. Refused (409) while orders are still to be collected there; orders already handed over
 * or cancelled keep their copy of the point.
 */
export const DELETE = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const point = await ownPickupPoint(req, standing)
  const open = await openPickupOrderIds(req.scope, standing.cooperative.id, { location_id: point.id, option_ids: point.option_ids })
  if (open.length) throw new PortalError("pickup_point_has_orders", { count: String(open.length) })
  await deletePickupPointWorkflow(req.scope).run({ input: { location_id: point.id, option_ids: point.option_ids } })
  res.json({ id: point.id, object: "pickup_point", deleted: true })
})
