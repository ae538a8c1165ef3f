import { buyerKey, chinaDay, incomeFactsForOrder, type IncomeOrder } from "./income-facts"

const order = (overrides: Partial<IncomeOrder> = {}): IncomeOrder => ({
  id: "order_1",
  // 23:30 in Beijing on 30 November: still the 30th in China, although the 30th in UTC too.
  created_at: "2026-11-30T15:30:00.000Z",
  canceled_at: null,
  buyer_key: "cus_1",
  cooperative_id: "coop_1",
  cooperative_village_code: "610629101204",
  fulfilled: false,
  lines: [
    { id: "li_a", product_id: "prod_a", quantity: 2, total_fen: 13_600, unit: "box", farmer_member_id: "mem_a", origin_area_code: "610629101212", commission_bps: 500 },
    { id: "li_b", product_id: "prod_b", quantity: 10, total_fen: 6_800, unit: "jin", farmer_member_id: "mem_b", origin_area_code: null, commission_bps: 300 },
  ],
  refunds: [],
  ...overrides,
})

describe("income facts of an order", () => {
  it("count each line as a sale on the day it was placed in China, in its origin village", () => {
    const facts = incomeFactsForOrder(order({ created_at: "2026-11-30T16:30:00.000Z" }))
    expect(facts).toEqual([
      expect.objectContaining({ id: "li_a", kind: "sale", day: "2026-12-01", village_code: "610629101212", gross_fen: 13_600, commission_fen: 680, quantity: 2, unit: "box", fulfilled_fen: 0 }),
      // No origin of its own: the cooperative's village.
      expect.objectContaining({ id: "li_b", kind: "sale", day: "2026-12-01", village_code: "610629101204", gross_fen: 6_800, commission_fen: 204, quantity: 10 }),
    ])
  })

  it("count nothing for a cancelled order, and the whole gross as delivered once fulfilled", () => {
    expect(incomeFactsForOrder(order({ canceled_at: "2026-12-01T00:00:00.000Z" }))).toEqual([])
    expect(incomeFactsForOrder(order({ fulfilled: true })).map((f) => f.fulfilled_fen)).toEqual([13_600, 6_800])
  })

  it("book refunds on their own day, giving back the commission exactly once however they are split", () => {
    const facts = incomeFactsForOrder(
      order({
        refunds: [
          { id: "ref_2", created_at: "2026-12-03T02:00:00.000Z", amount_fen: 6_801, shipping_fen: 0, lines: [{ item_id: "li_a", quantity: 1, amount_fen: 6_801 }] },
          { id: "ref_1", created_at: "2026-12-02T02:00:00.000Z", amount_fen: 6_799, shipping_fen: 0, lines: [{ item_id: "li_a", quantity: 1, amount_fen: 6_799 }] },
        ],
      })
    )
    const refunds = facts.filter((f) => f.kind === "refund")
    expect(refunds.map((f) => [f.id, f.day, f.refunds_fen, f.quantity])).toEqual([
      ["li_a:ref_1", "2026-12-02", 6_799, -1],
      ["li_a:ref_2", "2026-12-03", 6_801, -1],
    ])
    expect(refunds.reduce((sum, f) => sum + f.commission_fen, 0)).toBe(-680)
  })

  it("spread a refund that names no line over the lines, never beyond a line, and leave shipping out", () => {
    const facts = incomeFactsForOrder(
      order({ refunds: [{ id: "ref_x", created_at: "2026-12-02T00:00:00.000Z", amount_fen: 20_000 + 1_000, shipping_fen: 1_000, lines: [] }] })
    )
    const refunds = facts.filter((f) => f.kind === "refund")
    expect(refunds.map((f) => [f.line_item_id, f.refunds_fen])).toEqual([
      ["li_a", 13_600],
      ["li_b", 6_400],
    ])
  })

  it("never refund more than a line sold", () => {
    const facts = incomeFactsForOrder(
      order({ refunds: [{ id: "ref_y", created_at: "2026-12-02T00:00:00.000Z", amount_fen: 99_999, shipping_fen: 0, lines: [{ item_id: "li_b", quantity: 99, amount_fen: 99_999 }] }] })
    )
    expect(facts.filter((f) => f.kind === "refund").map((f) => [f.line_item_id, f.refunds_fen, f.quantity])).toEqual([["li_b", 6_800, -10]])
  })

  it("name guests by a hash of their email, never the address itself", () => {
    expect(buyerKey("cus_9", "a@b.c")).toBe("cus_9")
    expect(buyerKey(null, " A@B.c ")).toBe(buyerKey(null, "a@b.c"))
    expect(buyerKey(null, "a@b.c")).not.toContain("a@b.c")
    expect(chinaDay("2026-12-31T16:00:00Z")).toBe("2027-01-01")
  })
})
