import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, sendPortalError } from "@tianyuan/village/lib/portal-errors"
import "../../../../lib/order-errors"
import { stripeWebhookSecret, verifyStripeEvent } from "../../../../lib/stripe"
import { receiveStripeEvent } from "../../../../lib/stripe-events"

/**
 * Stripe's webhook for our side of Stripe: Connect transfers of payout runs, and charges refunded
 * or captured outside our own calls. The signature is checked against the raw body before anything
 * else (400 and no effect when it does not verify); the event is recorded by id and applied once.
 * An event that cannot be applied yet is answered 409, so Stripe delivers it again later.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const secret = stripeWebhookSecret()
  if (!secret) return sendPortalError(req, res, new PortalError("webhook_not_configured"))
  const raw = (req as MedusaRequest & { rawBody?: Buffer | string }).rawBody
  const header = req.headers["stripe-signature"]
  let event
  try {
    event = verifyStripeEvent(raw ?? "", Array.isArray(header) ? header[0] : header, secret)
  } catch {
    return sendPortalError(req, res, new PortalError("webhook_signature_invalid"))
  }
  const outcome = await receiveStripeEvent(req.scope, event)
  res.status(outcome.result === "pending" ? 409 : 200).json({ received: true, ...outcome })
}
