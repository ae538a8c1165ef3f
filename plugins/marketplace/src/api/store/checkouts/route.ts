import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import { presentCheckouts } from "../../../lib/checkout-read"
import { refusalFrom, storeTranslated } from "../../../lib/checkout-errors"
import { completeCheckoutWorkflow } from "../../../workflows/complete-checkout"

const CheckoutInput = z.strictObject({ cart_id: z.string().trim().min(1).max(100) })

/**
 * Completes a cart into one checkout with one order per cooperative (decision 007). 201 with the
 * checkout; asking again for a completed cart answers the same checkout with 200.
 */
export const POST = storeTranslated(async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = CheckoutInput.safeParse(req.body ?? {})
  if (!parsed.success) throw new PortalError("invalid_data", { detail: parsed.error.issues[0]?.message ?? "cart_id" })
  const { result, errors } = await completeCheckoutWorkflow(req.scope).run({
    input: { cart_id: parsed.data.cart_id },
    throwOnError: false,
  })
  if (errors?.length) {
    const refusal = refusalFrom(errors[0].error)
    if (refusal) throw refusal
    throw errors[0].error
  }
  const [checkout] = await presentCheckouts(req.scope, [result.checkout_id])
  res.status(result.created ? 201 : 200).json({ checkout })
})
