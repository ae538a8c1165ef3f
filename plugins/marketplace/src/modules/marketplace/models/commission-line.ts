import { model } from "@medusajs/framework/utils"

/**
 * The platform's commission on one order line, recorded at checkout with the rate that applied then
 * (the cooperative's own rate, or the platform default): later rate changes never rewrite history.
 */
export const CommissionLine = model
  .define("commission_line", {
    id: model.id({ prefix: "comm" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text().unique(),
    cooperative_id: model.text(),
    /** Basis points: 500 = 5 %. */
    rate_bps: model.number(),
    gross_fen: model.number(),
    commission_fen: model.number(),
  })
  .indexes([{ on: ["order_id"] }, { on: ["cooperative_id"] }])
