import { model } from "@medusajs/framework/utils"

/**
 * Every Stripe event our webhook accepted, by Stripe's event id (unique): a replay finds the row and
 * changes nothing. `processed_at` is set once its effect is applied; an event that could not be
 * applied yet keeps the reason in `error`.
 */
export const StripeEvent = model
  .define("stripe_event", {
    id: model.id({ prefix: "sevt" }).primaryKey(),
    event_id: model.text().unique(),
    type: model.text(),
    object_id: model.text().nullable(),
    received_at: model.dateTime(),
    processed_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["object_id"] }])
