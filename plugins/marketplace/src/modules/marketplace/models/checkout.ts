import { model } from "@medusajs/framework/utils"
import { CheckoutOrder } from "./checkout-order"

/**
 * One buyer's checkout (decision 007): the cart it completed, who bought, the one payment, and the
 * Medusa orders it made — one per cooperative. `cart_id` is unique, so a cart completes at most once.
 */
export const Checkout = model
  .define("checkout", {
    id: model.id({ prefix: "chk" }).primaryKey(),
    cart_id: model.text().unique(),
    customer_id: model.text().nullable(),
    email: model.text(),
    currency_code: model.text().default("cny"),
    payment_collection_id: model.text().nullable(),
    /** The payment provider of the checkout's one payment session, e.g. `pp_system_default`. */
    payment_provider: model.text().nullable(),
    items_total_fen: model.number().default(0),
    shipping_total_fen: model.number().default(0),
    total_fen: model.number().default(0),
    orders: model.hasMany(() => CheckoutOrder, { mappedBy: "checkout" }),
  })
  .indexes([{ on: ["customer_id"] }])
