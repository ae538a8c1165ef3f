import Stripe from "stripe"
import { createPayoutTransfers, stripeClient, stripeWebhookSecret, verifyStripeEvent } from "./stripe"

/**
 * Stripe cannot be reached from the test machines: the Connect transfers are exercised against
 * Stripe's own client with only its HTTP transport stubbed (what a real Stripe would answer), and
 * webhook signatures are made offline with the library's test header.
 */
type Sent = { url: string; method: string; body: URLSearchParams; headers: Record<string, string> }

function stubbedStripe(answer: (sent: Sent) => { status: number; body: unknown }) {
  const sent: Sent[] = []
  const fetchStub = async (url: string | URL, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    const request: Sent = { url: String(url), method: init?.method ?? "GET", body: new URLSearchParams(String(init?.body ?? "")), headers }
    sent.push(request)
    const { status, body } = answer(request)
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "request-id": `req_${sent.length}` } })
  }
  const stripe = stripeClient({ apiKey: "sk_test_offline", httpClient: Stripe.createFetchHttpClient(fetchStub as typeof fetch) })!
  return { stripe, sent }
}

describe("Stripe Connect payouts", () => {
  it("is off without STRIPE_API_KEY", () => {
    expect(stripeClient({ apiKey: null })).toBeNull()
  })

  it("sends one transfer per cooperative, with the run and cooperative as idempotency key and metadata", async () => {
    const { stripe, sent } = stubbedStripe((request) => ({
      status: 200,
      body: { id: `tr_${request.body.get("metadata[cooperative_id]")}`, object: "transfer", amount: Number(request.body.get("amount")), reversed: false },
    }))
    const transfers = await createPayoutTransfers(stripe, [
      { payout_run_id: "prun_1", cooperative_id: "coop_a", stripe_account_id: "acct_AAAAAAAA", amount_fen: 12_345, currency: "cny" },
      { payout_run_id: "prun_1", cooperative_id: "coop_b", stripe_account_id: "acct_BBBBBBBB", amount_fen: 0, currency: "cny" },
    ])
    expect(transfers).toEqual([{ cooperative_id: "coop_a", transfer_id: "tr_coop_a", status: "paid" }])
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toContain("/v1/transfers")
    expect(sent[0].method).toBe("POST")
    expect(Object.fromEntries(sent[0].body)).toMatchObject({
      amount: "12345",
      currency: "cny",
      destination: "acct_AAAAAAAA",
      transfer_group: "prun_1",
      "metadata[payout_run_id]": "prun_1",
      "metadata[cooperative_id]": "coop_a",
    })
    expect(sent[0].headers["idempotency-key"]).toBe("payout:prun_1:coop_a")
  })

  it("surfaces Stripe's refusal (no transfer recorded)", async () => {
    const { stripe } = stubbedStripe(() => ({
      status: 400,
      body: { error: { type: "invalid_request_error", message: "No such destination: 'acct_gone'" } },
    }))
    await expect(
      createPayoutTransfers(stripe, [{ payout_run_id: "prun_2", cooperative_id: "coop_a", stripe_account_id: "acct_gone", amount_fen: 100, currency: "cny" }])
    ).rejects.toThrow(/No such destination/)
  })
})

describe("Stripe webhook signatures", () => {
  const secret = "whsec_offline_test"
  const payload = JSON.stringify({ id: "evt_1", object: "event", type: "transfer.created", data: { object: { id: "tr_1", object: "transfer" } } })

  it("accepts an event signed with our secret and refuses any other", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret })
    expect(verifyStripeEvent(payload, header, secret).id).toBe("evt_1")
    expect(() => verifyStripeEvent(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" }), secret)).toThrow()
    expect(() => verifyStripeEvent(payload.replace("tr_1", "tr_2"), header, secret)).toThrow()
    expect(() => verifyStripeEvent(payload, undefined, secret)).toThrow()
  })

  it("uses its own secret, else Medusa's payment webhook secret", () => {
    expect(stripeWebhookSecret({})).toBeNull()
    expect(stripeWebhookSecret({ STRIPE_WEBHOOK_SECRET: "whsec_a" })).toBe("whsec_a")
    expect(stripeWebhookSecret({ STRIPE_WEBHOOK_SECRET: "whsec_a", STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_b" })).toBe("whsec_b")
  })
})
