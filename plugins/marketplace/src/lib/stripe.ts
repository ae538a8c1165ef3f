import Stripe from "stripe"

/**
 * Our use of Stripe beside Medusa's payment provider: Connect transfers that settle payout runs, and
 * the webhook for transfer and charge events. Nothing here runs unless STRIPE_API_KEY is set (the
 * webhook needs only its signing secret). Tests cannot reach Stripe: they sign events offline with
 * `stripe.webhooks.generateTestHeaderString`, and the transfer calls are tested with Stripe's HTTP
 * client stubbed (stripe.test.ts).
 */
export const STRIPE_API_VERSION = "2025-09-30.clover" as const

export type StripeOptions = { apiKey?: string | null; httpClient?: Stripe.HttpClient }

/** A Stripe client for the platform account, or null when STRIPE_API_KEY is not configured. */
export function stripeClient(options: StripeOptions = {}): Stripe | null {
  const apiKey = options.apiKey === undefined ? process.env.STRIPE_API_KEY : options.apiKey
  if (!apiKey) return null
  return new Stripe(apiKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  })
}

/** The signing secret of our webhook endpoint (its own, else the one Medusa's payment webhook uses). */
export function stripeWebhookSecret(env: Record<string, string | undefined> = process.env): string | null {
  return env.STRIPE_CONNECT_WEBHOOK_SECRET || env.STRIPE_WEBHOOK_SECRET || null
}

/** Verifies a webhook delivery's signature against the raw body; throws Stripe's error when it does not verify. */
export function verifyStripeEvent(rawBody: Buffer | string, signature: string | undefined, secret: string): Stripe.Event {
  if (!signature) throw new Error("No stripe-signature header")
  return Stripe.webhooks.constructEvent(rawBody, signature, secret)
}

export type PayoutTransferRequest = {
  payout_run_id: string
  cooperative_id: string
  stripe_account_id: string
  amount_fen: number
  currency: string
}

export type PayoutTransfer = { cooperative_id: string; transfer_id: string; status: "paid" | "reversed" }

/**
 * One Connect transfer per cooperative of a payout run. The idempotency key is the run and the
 * cooperative, so retrying a run after a failure reuses the transfers that went through and never
 * pays twice.
 */
export async function createPayoutTransfers(stripe: Stripe, requests: PayoutTransferRequest[]): Promise<PayoutTransfer[]> {
  const transfers: PayoutTransfer[] = []
  for (const request of requests) {
    if (!Number.isSafeInteger(request.amount_fen) || request.amount_fen <= 0) continue
    const transfer = await stripe.transfers.create(
      {
        amount: request.amount_fen,
        currency: request.currency,
        destination: request.stripe_account_id,
        transfer_group: request.payout_run_id,
        description: `Tianyuan payout ${request.payout_run_id}`,
        metadata: { payout_run_id: request.payout_run_id, cooperative_id: request.cooperative_id },
      },
      { idempotencyKey: `payout:${request.payout_run_id}:${request.cooperative_id}` }
    )
    transfers.push({ cooperative_id: request.cooperative_id, transfer_id: transfer.id, status: transfer.reversed ? "reversed" : "paid" })
  }
  return transfers
}
