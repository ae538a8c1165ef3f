import { commissionFen, ledgerEntriesForOrder, platformCommissionBps, type OrderLedgerState } from "./ledger"

const order = (over: Partial<OrderLedgerState> = {}): OrderLedgerState => ({
  order_id: "order_1",
  display_id: 7,
  cooperative_id: "coop_a",
  fulfilled: true,
  lines: [
    { line_item_id: "li_apples", title: "苹果", total_fen: 999, commission_rate_bps: 500 },
    { line_item_id: "li_rice", title: "大米", total_fen: 12_000, commission_rate_bps: 300 },
  ],
  shipping_fen: 800,
  refunds: [],
  ...over,
})
const sum = (entries: { amount_fen: number }[]) => entries.reduce((total, entry) => total + entry.amount_fen, 0)
const platform = (entries: { kind: string; amount_fen: number }[]) =>
  -sum(entries.filter((entry) => entry.kind === "commission" || entry.kind === "refund_commission"))

describe("the payout ledger of an order", () => {
  it("has nothing until the order is fulfilled: the platform holds the money", () => {
    expect(ledgerEntriesForOrder(order({ fulfilled: false }))).toEqual([])
  })

  it("earns each line and the shipping fee, and owes each line's commission at its recorded rate", () => {
    const entries = ledgerEntriesForOrder(order())
    expect(entries.map((entry) => [entry.idempotency_key, entry.amount_fen])).toEqual([
      ["earned:order_1:li_apples", 999],
      ["commission:order_1:li_apples", -50],
      ["earned:order_1:li_rice", 12_000],
      ["commission:order_1:li_rice", -360],
      ["earned:order_1:shipping", 800],
    ])
    expect(sum(entries) + platform(entries)).toBe(999 + 12_000 + 800)
  })

  it("gives back exactly the commission charged when a line is refunded in parts", () => {
    const thirds = [1, 2, 3].map((n) => ({
      refund_id: `re_${n}`,
      created_at: `2026-11-0${n}T00:00:00Z`,
      amount_fen: 333,
      lines: [{ line_item_id: "li_apples", amount_fen: 333 }],
      shipping_fen: 0,
    }))
    const entries = ledgerEntriesForOrder(order({ refunds: thirds }))
    const back = entries.filter((entry) => entry.kind === "refund_commission" && entry.line_item_id === "li_apples")
    expect(sum(back)).toBe(commissionFen(999, 500))
    // Invariant: entries + platform commission = captured − refunded.
    expect(sum(entries) + platform(entries)).toBe(999 + 12_000 + 800 - 999)
  })

  it("reverses a refund made outside Tianyuan as a whole, without commission", () => {
    const entries = ledgerEntriesForOrder(
      order({ refunds: [{ refund_id: "re_dash", created_at: "2026-11-02T00:00:00Z", amount_fen: 500, lines: [], shipping_fen: 0 }] })
    )
    expect(entries.find((entry) => entry.idempotency_key === "refund:order_1:re_dash:other")?.amount_fen).toBe(-500)
    expect(sum(entries) + platform(entries)).toBe(999 + 12_000 + 800 - 500)
  })

  it("derives the same keys every time, so writing twice writes nothing new", () => {
    const state = order({
      refunds: [{ refund_id: "re_1", created_at: "2026-11-02T00:00:00Z", amount_fen: 1_000, lines: [{ line_item_id: "li_rice", amount_fen: 200 }], shipping_fen: 800 }],
    })
    const keys = ledgerEntriesForOrder(state).map((entry) => entry.idempotency_key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(ledgerEntriesForOrder(state).map((entry) => entry.idempotency_key)).toEqual(keys)
  })

  it("reads the platform rate from PLATFORM_COMMISSION_BPS, 500 by default, and refuses nonsense", () => {
    expect(platformCommissionBps({})).toBe(500)
    expect(platformCommissionBps({ PLATFORM_COMMISSION_BPS: "800" })).toBe(800)
    expect(() => platformCommissionBps({ PLATFORM_COMMISSION_BPS: "5%" })).toThrow(RangeError)
    expect(commissionFen(999, 500)).toBe(50)
    expect(commissionFen(990, 500)).toBe(50)
    expect(commissionFen(989, 500)).toBe(49)
  })
})
