import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { presentCheckouts } from "../../../../lib/checkout-read"
import { storeTranslated } from "../../../../lib/checkout-errors"

/** The confirmation page: a checkout by its id (unguessable; a customer's own also come through their list). */
export const GET = storeTranslated(async (req: MedusaRequest, res: MedusaResponse) => {
  const [checkout] = await presentCheckouts(req.scope, [req.params.id])
  if (!checkout) throw new PortalError("checkout_not_found")
  res.json({ checkout })
})
