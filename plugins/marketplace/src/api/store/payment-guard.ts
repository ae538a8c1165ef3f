import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { storeTranslated } from "../../lib/checkout-errors"

/**
 * A checkout is paid once. In front of Medusa's own payment routes (registered without a method, so
 * before their validators):
 * - `POST /store/payment-collections` `{ cart_id }` for a cart already checked out, and
 * - `POST /store/payment-collections/:id/payment-sessions` on the collection of such a cart
 * answer 409 `checkout_already_paid` — a buyer pressing "pay" again on an old tab, or a second
 * device, must not open a second payment for orders already placed. Nothing is changed.
 */
export const paymentGuard = storeTranslated(async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
  if (req.method !== "POST") return next()
  const segments = req.path.split("/").filter(Boolean)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (segments.length === 0) {
    const cartId = (req.body as { cart_id?: unknown } | undefined)?.cart_id
    if (typeof cartId !== "string" || !cartId) return next()
    const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
    if ((data[0] as { completed_at?: unknown } | undefined)?.completed_at) throw new PortalError("checkout_already_paid")
    return next()
  }
  if (segments.length === 2 && segments[1] === "payment-sessions") {
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: ["id", "cart.completed_at"],
      filters: { id: segments[0] },
    })
    const cart = (data[0] as { cart?: { completed_at?: unknown } | null } | undefined)?.cart
    if (cart?.completed_at) throw new PortalError("checkout_already_paid")
  }
  return next()
})
