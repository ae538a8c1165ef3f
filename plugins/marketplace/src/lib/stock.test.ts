import { describe, expect, it } from "vitest"
import { normalizeProvinceCode, optionServes, type CooperativeOption } from "./shipping"
import { shortfall, sumDemand, type StockLine } from "./stock"

const line = (key: string, quantity: number, item = "iitem_1", extra: Partial<StockLine> = {}): StockLine => ({
  key,
  name: key === "a" ? "洛川嘎啦苹果" : "洛川红富士苹果",
  quantity,
  location_id: "sloc_coop",
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: [{ inventory_item_id: item, required_quantity: 1 }],
  ...extra,
})

describe("stock demand", () => {
  it("sums two lines of one inventory item, so each fitting alone is not enough", () => {
    const demand = sumDemand([line("a", 3), line("b", 3)])
    expect(demand).toEqual([
      { inventory_item_id: "iitem_1", location_id: "sloc_coop", quantity: 6, allow_backorder: false, names: ["洛川嘎啦苹果", "洛川红富士苹果"] },
    ])
    expect(shortfall(demand, new Map([["iitem_1|sloc_coop", 5]]))?.quantity).toBe(6)
    expect(shortfall(demand, new Map([["iitem_1|sloc_coop", 6]]))).toBeNull()
  })

  it("multiplies by the required quantity and ignores untracked stock", () => {
    const demand = sumDemand([
      line("a", 2, "iitem_2", { inventory_items: [{ inventory_item_id: "iitem_2", required_quantity: 5 }] }),
      line("b", 100, "iitem_3", { manage_inventory: false }),
    ])
    expect(demand.map((d) => [d.inventory_item_id, d.quantity])).toEqual([["iitem_2", 10]])
    expect(shortfall(demand, new Map())?.inventory_item_id).toBe("iitem_2")
  })

  it("lets backorders through only when every line allows them", () => {
    const demand = sumDemand([line("a", 3, "iitem_1", { allow_backorder: true }), line("b", 3)])
    expect(demand[0].allow_backorder).toBe(false)
    expect(shortfall(sumDemand([line("a", 9, "iitem_1", { allow_backorder: true })]), new Map())).toBeNull()
  })
})

describe("province codes and delivery zones", () => {
  it("takes the area data's code or the six-digit one", () => {
    expect(normalizeProvinceCode("61")).toBe("61")
    expect(normalizeProvinceCode(" 610000 ")).toBe("61")
    expect(normalizeProvinceCode("6106")).toBeNull()
    expect(normalizeProvinceCode("610629")).toBeNull()
    expect(normalizeProvinceCode("陕西")).toBeNull()
  })

  it("offers delivery only where its fee applies, pickup everywhere", () => {
    const option = (kind: "delivery" | "pickup", codes: string[]): CooperativeOption => ({
      id: "so_1",
      kind,
      name: "",
      amount_fen: 800,
      shipping_profile_id: "sp_1",
      province_codes: codes,
      location_id: null,
      pickup_point: null,
    })
    expect(optionServes(option("delivery", ["61"]), "61")).toBe(true)
    expect(optionServes(option("delivery", ["61"]), "23")).toBe(false)
    expect(optionServes(option("delivery", ["61"]), null)).toBe(false)
    expect(optionServes(option("pickup", []), null)).toBe(true)
  })
})
