import { Modules, PaymentCollectionStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"

type SessionRef = { session_id: string; payment_collection_id: string; provider_id: string; customer_id: string | null }

/**
 * Placed just before Medusa's `authorizePaymentSessionStep`, so its compensation runs just after that
 * step's own (which cancels the payment). A cancelled authorization leaves the session marked
 * "authorized" with a cancelled payment — and Medusa would hand that cancelled payment back on the
 * next attempt. So when the checkout rolls back after authorizing, the cart gets a fresh pending
 * session for the same provider: no authorized payment is left, and the buyer can simply try again.
 */
export const renewPaymentSessionOnRollbackStep = createStep(
  "renew-payment-session-on-rollback",
  async (input: SessionRef) => new StepResponse(undefined, input),
  async (input, { container }) => {
    if (!input) return
    const [session] = await container.resolve(Modules.PAYMENT).listPaymentSessions({ id: input.session_id }, { select: ["id", "status", "authorized_at"] })
    if (!session || (!session.authorized_at && session.status !== "authorized")) return
    await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: input.payment_collection_id,
        provider_id: input.provider_id,
        customer_id: input.customer_id ?? undefined,
        data: {},
      },
    })
    // Medusa recomputes a collection's status only when a payment is authorized, captured or
    // refunded; with the authorized session gone it is awaiting a payment again.
    await container
      .resolve(Modules.PAYMENT)
      .updatePaymentCollections(input.payment_collection_id, { status: PaymentCollectionStatus.AWAITING, authorized_amount: 0 } as never)
  }
)
