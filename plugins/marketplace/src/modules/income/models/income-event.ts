import { model } from "@medusajs/framework/utils"

/**
 * Every order event the income rollups have handled, by a key naming the event and what it is about
 * (`order.placed:order_…`, `marketplace.order_refunded:ref_…`): a second delivery of the same event
 * finds its key and changes nothing.
 */
export const IncomeEvent = model
  .define("income_event", {
    id: model.text().primaryKey(),
    event_name: model.text(),
    order_id: model.text().nullable(),
    /** How many facts of the order the event changed (0 when the order was already up to date). */
    changed: model.number().default(0),
    /** How long handling it took, reading the order included (milliseconds). */
    handled_ms: model.number().default(0),
  })
  .indexes([{ name: "IDX_income_event_order", on: ["order_id"], where: null }])
