import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { amountToFen } from "../../../../../lib/amounts"
import { addressComplete, groupCart, readCheckoutCart, stockLine } from "../../../../../lib/checkout-cart"
import { storeTranslated } from "../../../../../lib/checkout-errors"
import type { CooperativeOption } from "../../../../../lib/shipping"
import { availableUnits } from "../../../../../lib/stock"

const PROCESSABLE_SESSIONS = new Set(["pending", "requires_more", "authorized", "captured", "pending_authorization"])

function presentOption(option: CooperativeOption) {
  return { id: option.id, kind: option.kind, name: option.name, amount_fen: option.amount_fen, pickup_point: option.pickup_point }
}

/**
 * The cart grouped per cooperative for the cart and checkout pages: lines with what is still in
 * stock, each cooperative's delivery fee (once the address has a province) and pickup points, the
 * current choice, totals in fen, and what is still missing before the checkout can complete.
 */
export const GET = storeTranslated(async (req: MedusaRequest, res: MedusaResponse) => {
  const cart = await readCheckoutCart(req.scope, req.params.id)
  if (!cart) throw new PortalError("cart_not_found")
  const { groups } = await groupCart(req.scope, cart)
  const units = await availableUnits(req.scope, groups.flatMap((group) => group.items.map((item) => stockLine(item))))
  const { data: villages } = groups.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "cooperative",
        fields: ["id", "village.name"],
        filters: { id: groups.map((group) => group.cooperative.id) },
      })
    : { data: [] }
  const villageName = new Map((villages as { id: string; village?: { name: string } | null }[]).map((row) => [row.id, row.village?.name ?? null]))

  const missing: string[] = []
  if (!cart.email) missing.push("email")
  if (!addressComplete(cart.shipping_address)) missing.push("address")
  let itemsTotal = 0
  let shippingTotal = 0
  const presented = groups.map((group) => {
    const items = group.items.map((item) => {
      const unitPriceFen = amountToFen(item.unit_price)
      return {
        id: item.id,
        variant_id: item.variant_id,
        product_handle: item.product_handle,
        title: item.product_title ?? item.title,
        variant_title: item.variant_title,
        thumbnail: item.thumbnail,
        quantity: item.quantity,
        unit: item.product?.produce_details?.unit ?? null,
        unit_price_fen: unitPriceFen,
        total_fen: unitPriceFen * item.quantity,
        available: units.get(item.id) ?? null,
      }
    })
    const subtotal = items.reduce((sum, item) => sum + item.total_fen, 0)
    itemsTotal += subtotal
    if (group.selected) shippingTotal += group.selected.amount_fen
    else missing.push(`shipping:${group.cooperative.id}`)
    return {
      cooperative: {
        id: group.cooperative.id,
        handle: group.cooperative.handle,
        name: group.cooperative.name,
        village_name: villageName.get(group.cooperative.id) ?? null,
      },
      items,
      subtotal_fen: subtotal,
      options: group.options.map(presentOption),
      selected_option_id: group.selected?.id ?? null,
    }
  })
  const sessions = cart.payment_collection?.payment_sessions ?? []
  if (!sessions.some((session) => PROCESSABLE_SESSIONS.has(session.status))) missing.push("payment")
  res.json({
    groups: presented,
    items_total_fen: itemsTotal,
    shipping_total_fen: shippingTotal,
    total_fen: itemsTotal + shippingTotal,
    ready: presented.length > 0 && missing.length === 0 && !cart.completed_at,
    missing,
  })
})
