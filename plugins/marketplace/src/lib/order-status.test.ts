import { buyerStatusOfOrder, deriveOrderStatus, type StatusInput } from "./order-status"

const base: StatusInput = { created_at: "2026-11-01T02:00:00Z", kind: "delivery", fulfillments: [], paid_fen: 0, refunded_fen: 0 }
const packed = { id: "ful_1", created_at: "2026-11-01T03:00:00Z", packed_at: "2026-11-01T03:00:00Z" }

describe("the buyer-facing status of an order", () => {
  it("walks placed → packed → shipped (with tracking) → completed for delivery", () => {
    expect(deriveOrderStatus(base).status).toBe("placed")
    expect(deriveOrderStatus({ ...base, fulfillments: [packed] }).status).toBe("packed")
    const shipped = deriveOrderStatus({
      ...base,
      fulfillments: [{ ...packed, shipped_at: "2026-11-01T05:00:00Z", labels: [{ tracking_number: "SF1234567890", tracking_url: "https://t" }], metadata: { carrier: "顺丰" } }],
    })
    expect(shipped).toMatchObject({ status: "shipped", tracking: { carrier: "顺丰", tracking_number: "SF1234567890" } })
    const done = deriveOrderStatus({ ...base, fulfillments: [{ ...packed, shipped_at: "2026-11-01T05:00:00Z", delivered_at: "2026-11-02T05:00:00Z" }] })
    expect(done.status).toBe("completed")
    expect(done.history.map((h) => h.status)).toEqual(["placed", "packed", "shipped", "completed"])
  })

  it("says ready_for_pickup for a pickup order that reached its pickup point", () => {
    expect(deriveOrderStatus({ ...base, kind: "pickup", fulfillments: [{ ...packed, shipped_at: "2026-11-01T05:00:00Z" }] }).status).toBe("ready_for_pickup")
  })

  it("ignores cancelled fulfilments, puts cancelled above everything and refunds above the stage", () => {
    expect(deriveOrderStatus({ ...base, fulfillments: [{ ...packed, canceled_at: "2026-11-01T04:00:00Z" }] }).status).toBe("placed")
    expect(deriveOrderStatus({ ...base, canceled_at: "2026-11-01T04:00:00Z", paid_fen: 100, refunded_fen: 100 }).status).toBe("cancelled")
    const partly = deriveOrderStatus({ ...base, fulfillments: [packed], paid_fen: 1000, refunded_fen: 300 })
    expect(partly).toMatchObject({ status: "partially_refunded", stage: "packed" })
    expect(deriveOrderStatus({ ...base, paid_fen: 1000, refunded_fen: 1000 }).status).toBe("refunded")
  })
})

describe("the status of an order read through Query", () => {
  it("reads kind from the shipping method and money from the order's transactions", () => {
    const order = {
      created_at: "2026-11-01T02:00:00Z",
      shipping_methods: [{ metadata: { kind: "pickup" } }],
      fulfillments: [{ id: "ful_1", created_at: "2026-11-01T03:00:00Z", shipped_at: "2026-11-01T04:00:00Z" }],
      transactions: [
        { amount: 76, reference: "capture" },
        { amount: -30, reference: "refund" },
      ],
    }
    expect(buyerStatusOfOrder(order)).toMatchObject({ status: "partially_refunded", stage: "ready_for_pickup" })
    expect(buyerStatusOfOrder({ ...order, transactions: [] }).status).toBe("ready_for_pickup")
    expect(buyerStatusOfOrder({ created_at: order.created_at }).status).toBe("placed")
  })
})
