import { model } from "@medusajs/framework/utils"

/**
 * When an order's facts were last derived: the database time at which the read of the order began.
 * A handler whose read began earlier than the one already applied (events racing) writes nothing,
 * so an older view of an order never overwrites a newer one.
 */
export const IncomeOrder = model.define("income_order", {
  id: model.text().primaryKey(),
  read_at: model.dateTime(),
  fact_count: model.number().default(0),
})
