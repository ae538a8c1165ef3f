import { model } from "@medusajs/framework/utils"

/**
 * What one order line contributes to income: its sale on the day the order was placed (`sale`), and
 * each refund of it on the day of the refund (`refund`). Derived from the order's current state by
 * `incomeFactsForOrder` and replaced as a whole for the order on every event, which makes handling
 * an event twice, or events out of order, harmless. A cancelled order has no facts.
 *
 * Days are calendar days in China (Asia/Shanghai). Same column treatment as `income_daily`.
 */
export const IncomeFact = model
  .define("income_fact", {
    id: model.text().primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    kind: model.enum(["sale", "refund"]),
    day: model.text(),
    village_code: model.text(),
    province_code: model.text(),
    city_code: model.text(),
    county_code: model.text(),
    cooperative_id: model.text(),
    product_id: model.text(),
    farmer_member_id: model.text(),
    unit: model.text(),
    /** The customer id, or a hash of a guest's email address. */
    buyer_key: model.text(),
    gross_fen: model.number().default(0),
    refunds_fen: model.number().default(0),
    commission_fen: model.number().default(0),
    fulfilled_fen: model.number().default(0),
    quantity: model.number().default(0),
  })
  .indexes([
    { name: "IDX_income_fact_order", on: ["order_id"], where: null },
    { name: "IDX_income_fact_key", on: ["village_code", "day", "cooperative_id", "product_id", "farmer_member_id", "unit"], where: null },
    { name: "IDX_income_fact_county_day", on: ["county_code", "day"], where: "kind = 'sale'" },
    { name: "IDX_income_fact_city_day", on: ["city_code", "day"], where: "kind = 'sale'" },
    { name: "IDX_income_fact_province_day", on: ["province_code", "day"], where: "kind = 'sale'" },
    { name: "IDX_income_fact_cooperative_day", on: ["cooperative_id", "day"], where: "kind = 'sale'" },
    { name: "IDX_income_fact_farmer_day", on: ["farmer_member_id", "day"], where: "kind = 'sale'" },
  ])
