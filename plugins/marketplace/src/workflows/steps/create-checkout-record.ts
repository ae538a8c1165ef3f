import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import type { CheckoutPlan } from "./prepare-checkout"

/** The checkout record (cart_id is unique: a cart completes once); removed again on compensation. */
export const createCheckoutRecordStep = createStep(
  "create-checkout-record",
  async (plan: CheckoutPlan, { container }) => {
    const checkout = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createCheckouts({
      cart_id: plan.cart.id,
      customer_id: plan.cart.customer_id,
      email: plan.cart.email,
      currency_code: plan.cart.currency_code,
      payment_collection_id: plan.payment.payment_collection_id,
      payment_provider: plan.payment.provider_id,
      items_total_fen: plan.items_total_fen,
      shipping_total_fen: plan.shipping_total_fen,
      total_fen: plan.total_fen,
    })
    return new StepResponse({ id: checkout.id }, checkout.id)
  },
  async (id, { container }) => {
    if (!id) return
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const rows = await marketplace.listCheckoutOrders({ checkout_id: id } as never, { select: ["id"] })
    if (rows.length) await marketplace.deleteCheckoutOrders(rows.map((row) => row.id))
    await marketplace.deleteCheckouts([id])
  }
)

/** The checkout's orders, one per cooperative, in the order the buyer added them. */
export const recordCheckoutOrdersStep = createStep(
  "record-checkout-orders",
  async (input: { checkout_id: string; orders: { order_id: string; cooperative_id: string; position: number; total_fen: number }[] }, { container }) => {
    const rows = await container
      .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
      .createCheckoutOrders(input.orders.map((order) => ({ ...order, checkout_id: input.checkout_id })))
    return new StepResponse(rows.map((row) => row.id), rows.map((row) => row.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteCheckoutOrders(ids)
  }
)
