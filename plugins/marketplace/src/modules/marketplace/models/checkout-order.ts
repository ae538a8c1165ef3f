import { model } from "@medusajs/framework/utils"
import { Checkout } from "./checkout"

/** A cooperative's part of a checkout: the Medusa order made for it, in the checkout's order. */
export const CheckoutOrder = model
  .define("checkout_order", {
    id: model.id({ prefix: "chkord" }).primaryKey(),
    order_id: model.text().unique(),
    cooperative_id: model.text(),
    position: model.number().default(0),
    total_fen: model.number().default(0),
    checkout: model.belongsTo(() => Checkout, { mappedBy: "orders" }),
  })
  .indexes([{ on: ["cooperative_id"] }])
