import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountToFen } from "../../lib/amounts"
import {
  addressComplete,
  type CartAddress,
  type CartItem,
  type CartShippingMethod,
  groupCart,
  readCheckoutCart,
  stockLine,
} from "../../lib/checkout-cart"
import { CheckoutRefusal } from "../../lib/checkout-errors"
import type { PickupPoint } from "../../lib/shipping"
import { availableAt, shortfall, sumDemand } from "../../lib/stock"

const PROCESSABLE_SESSIONS = ["pending", "requires_more", "authorized", "captured", "pending_authorization"]
export const MAX_LINE_QUANTITY = 9999

export type PlannedOption = { id: string; kind: "delivery" | "pickup"; name: string; amount_fen: number; pickup_point: PickupPoint | null }

export type PlannedGroup = {
  position: number
  cooperative: {
    id: string
    name: string
    handle: string
    stock_location_id: string
    shipping_profile_id: string
    commission_rate_bps: number | null
  }
  items: CartItem[]
  method: CartShippingMethod
  option: PlannedOption
  items_total_fen: number
  shipping_fen: number
}

export type CheckoutPlan = {
  cart: {
    id: string
    email: string
    currency_code: string
    region_id: string | null
    sales_channel_id: string | null
    customer_id: string | null
    locale: string | null
    shipping_address: CartAddress
    billing_address: CartAddress | null
  }
  groups: PlannedGroup[]
  payment: { session_id: string; provider_id: string; payment_collection_id: string }
  items_total_fen: number
  shipping_total_fen: number
  total_fen: number
}

function lineTotalFen(item: CartItem) {
  const adjustments = (item.adjustments ?? []).reduce((sum, adjustment) => sum + amountToFen(adjustment.amount), 0)
  return amountToFen(item.unit_price) * item.quantity - adjustments
}

/**
 * Reads the cart and checks everything a checkout needs, refusing with the contract's error codes
 * before anything is written: lines (whole quantities of produce still sold), email, a complete
 * address, one valid shipping choice per cooperative (never a pickup point of a cooperative that is
 * not in the cart), a payment session for the current total, and stock — demand summed per inventory
 * item, so two lines of one item cannot pass where their sum would not. The stock check here only
 * fails early; the binding one is made again under the inventory lock when reserving.
 */
export const prepareCheckoutStep = createStep("prepare-checkout", async (input: { cart_id: string }, { container }) => {
  const cart = await readCheckoutCart(container, input.cart_id)
  if (!cart) throw new CheckoutRefusal("cart_not_found")
  if (cart.completed_at) throw new CheckoutRefusal("cart_completed_elsewhere")
  const items = cart.items ?? []
  if (items.length === 0) throw new CheckoutRefusal("cart_empty")

  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_LINE_QUANTITY) {
      throw new CheckoutRefusal("quantity_invalid")
    }
  }
  const { groups, orphans, options } = await groupCart(container, cart)
  const unavailable =
    orphans[0] ??
    groups
      .flatMap((group) => group.items.map((item) => ({ group, item })))
      .find(
        ({ group, item }) =>
          group.cooperative.status !== "active" ||
          !group.cooperative.stock_location_id ||
          !group.cooperative.shipping_profile_id ||
          item.product?.status !== "published" ||
          Boolean(item.product?.produce_details?.archived_at)
      )?.item
  if (unavailable) throw new CheckoutRefusal("produce_unavailable", { name: unavailable.product_title ?? unavailable.title })

  if (!cart.email) throw new CheckoutRefusal("email_missing")
  if (!addressComplete(cart.shipping_address)) throw new CheckoutRefusal("address_missing")

  const inCart = new Set(groups.map((group) => group.cooperative.shipping_profile_id))
  for (const method of cart.shipping_methods ?? []) {
    const option = options.find((candidate) => candidate.id === method.shipping_option_id)
    if (option?.kind === "pickup" && !inCart.has(option.shipping_profile_id)) throw new CheckoutRefusal("pickup_point_foreign")
  }
  for (const group of groups) {
    if (!group.selected || !group.method) throw new CheckoutRefusal("shipping_missing", { name: group.cooperative.name })
  }

  const collection = cart.payment_collection
  const session = (collection?.payment_sessions ?? []).find((candidate) => PROCESSABLE_SESSIONS.includes(candidate.status))
  const totalFen = amountToFen(cart.total)
  if (!collection || !session || amountToFen(session.amount) !== totalFen) throw new CheckoutRefusal("payment_missing")

  const demand = sumDemand(groups.flatMap((group) => group.items.map((item) => stockLine(item))))
  const short = shortfall(demand, await availableAt(container, demand))
  if (short) throw new CheckoutRefusal("out_of_stock", { name: short.names.join("、") })

  const planned: PlannedGroup[] = groups.map((group, position) => {
    const itemsTotal = group.items.reduce((sum, item) => sum + lineTotalFen(item), 0)
    const option = group.selected!
    return {
      position,
      cooperative: {
        id: group.cooperative.id,
        name: group.cooperative.name,
        handle: group.cooperative.handle,
        stock_location_id: group.cooperative.stock_location_id!,
        shipping_profile_id: group.cooperative.shipping_profile_id!,
        commission_rate_bps: group.cooperative.commission_rate_bps ?? null,
      },
      items: group.items,
      method: group.method!,
      option: { id: option.id, kind: option.kind, name: option.name, amount_fen: option.amount_fen, pickup_point: option.pickup_point },
      items_total_fen: itemsTotal,
      shipping_fen: amountToFen(group.method!.amount),
    }
  })
  const plan: CheckoutPlan = {
    cart: {
      id: cart.id,
      email: cart.email,
      currency_code: cart.currency_code,
      region_id: cart.region_id,
      sales_channel_id: cart.sales_channel_id,
      customer_id: cart.customer_id,
      locale: cart.locale,
      shipping_address: cart.shipping_address!,
      billing_address: cart.billing_address ?? null,
    },
    groups: planned,
    payment: { session_id: session.id, provider_id: session.provider_id, payment_collection_id: collection.id },
    items_total_fen: planned.reduce((sum, group) => sum + group.items_total_fen, 0),
    shipping_total_fen: planned.reduce((sum, group) => sum + group.shipping_fen, 0),
    total_fen: totalFen,
  }
  return new StepResponse(plan)
})
