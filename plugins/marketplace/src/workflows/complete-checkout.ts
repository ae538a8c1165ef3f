import type { CreateOrderDTO, LinkDefinition } from "@medusajs/framework/types"
import { Modules, OrderStatus, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  authorizePaymentSessionStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  updateCartsStep,
} from "@medusajs/medusa/core-flows"
import { amountToFen } from "../lib/amounts"
import { commissionFen, commissionRateFor } from "../lib/commission"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import { faultAfter } from "./steps/checkout-fault"
import { createCheckoutRecordStep, recordCheckoutOrdersStep } from "./steps/create-checkout-record"
import { findCheckoutStep } from "./steps/find-checkout"
import { type CheckoutPlan, prepareCheckoutStep } from "./steps/prepare-checkout"
import { type CommissionLineInput, recordCommissionLinesStep } from "./steps/record-commission-lines"
import { renewPaymentSessionOnRollbackStep } from "./steps/renew-payment-session"
import { type CheckoutReservation, reserveCheckoutInventoryStep } from "./steps/reserve-checkout-inventory"

export type CompleteCheckoutInput = { cart_id: string }

/** How long a second request for the same cart waits for the first to finish (then it gets the same checkout). */
const CART_LOCK_TIMEOUT_SECONDS = 30
const CART_LOCK_TTL_SECONDS = 120

type CreatedOrder = {
  id: string
  metadata?: Record<string, unknown> | null
  items?: { id: string; variant_id: string | null; quantity: number; metadata?: Record<string, unknown> | null }[]
}

const taxLines = (lines: Record<string, unknown>[] | null | undefined) =>
  (lines ?? []).map((line) => ({
    description: line.description,
    tax_rate_id: line.tax_rate_id,
    code: line.code,
    rate: line.rate,
    provider_id: line.provider_id,
    metadata: line.metadata ?? null,
  }))

const adjustments = (lines: { amount: unknown; code?: unknown; description?: unknown; promotion_id?: unknown; provider_id?: unknown }[] | null | undefined) =>
  (lines ?? []).map((line) => ({
    code: line.code,
    amount: line.amount,
    description: line.description,
    promotion_id: line.promotion_id,
    provider_id: line.provider_id,
  }))

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "phone",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "metadata",
] as const

function copyAddress(address: CheckoutPlan["cart"]["shipping_address"] | null) {
  if (!address) return undefined
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field] ?? null]))
}

/** One Medusa order per cooperative, each with its own lines and shipping method; `metadata.checkout_id` ties them together. */
function orderInputs(plan: CheckoutPlan, checkoutId: string): CreateOrderDTO[] {
  const inputs = plan.groups.map((group) => ({
    region_id: plan.cart.region_id ?? undefined,
    customer_id: plan.cart.customer_id ?? undefined,
    sales_channel_id: plan.cart.sales_channel_id ?? undefined,
    status: OrderStatus.PENDING,
    email: plan.cart.email,
    currency_code: plan.cart.currency_code,
    locale: plan.cart.locale ?? undefined,
    shipping_address: copyAddress(plan.cart.shipping_address),
    billing_address: copyAddress(plan.cart.billing_address ?? plan.cart.shipping_address),
    no_notification: false,
    metadata: { checkout_id: checkoutId, cooperative_id: group.cooperative.id },
    items: group.items.map((item, position) => ({
      quantity: item.quantity,
      title: item.title,
      subtitle: item.subtitle,
      thumbnail: item.thumbnail,
      product_id: item.product_id,
      product_title: item.product_title,
      product_description: item.product_description,
      product_subtitle: item.product_subtitle,
      product_type: item.product_type,
      product_type_id: item.product_type_id,
      product_collection: item.product_collection,
      product_handle: item.product_handle,
      variant_id: item.variant_id,
      variant_sku: item.variant_sku,
      variant_barcode: item.variant_barcode,
      variant_title: item.variant_title,
      variant_option_values: item.variant_option_values,
      is_discountable: item.is_discountable,
      is_giftcard: item.is_giftcard,
      requires_shipping: item.requires_shipping,
      unit_price: item.unit_price,
      compare_at_unit_price: item.compare_at_unit_price,
      is_tax_inclusive: item.is_tax_inclusive,
      tax_lines: taxLines(item.tax_lines),
      adjustments: adjustments(item.adjustments),
      metadata: {
        ...(item.metadata ?? {}),
        cart_line_item_id: item.id,
        position,
        unit: item.product?.produce_details?.unit ?? null,
      },
    })),
    shipping_methods: [
      {
        name: group.method.name,
        description: group.method.description,
        amount: group.method.raw_amount ?? group.method.amount,
        is_tax_inclusive: group.method.is_tax_inclusive,
        shipping_option_id: group.method.shipping_option_id,
        data: group.method.data ?? {},
        tax_lines: taxLines(group.method.tax_lines),
        adjustments: adjustments(group.method.adjustments),
        // What the buyer chose, kept as it was at checkout (a pickup point may later change or close).
        metadata: { ...(group.method.metadata ?? {}), kind: group.option.kind, pickup_point: group.option.pickup_point },
      },
    ],
  }))
  // Cart lines carry nulls where Medusa's DTO says optional; the order module takes either.
  return inputs as unknown as CreateOrderDTO[]
}

/** The created order of each planned group, matched by the cooperative recorded in its metadata. */
function ordersByGroup(plan: CheckoutPlan, orders: CreatedOrder[]) {
  return plan.groups.map((group) => {
    const order = orders.find((candidate) => candidate.metadata?.cooperative_id === group.cooperative.id)
    if (!order) throw new Error(`No order was created for cooperative ${group.cooperative.id}`)
    return { group, order }
  })
}

function orderLineFor(order: CreatedOrder, cartItemId: string) {
  const line = (order.items ?? []).find((item) => item.metadata?.cart_line_item_id === cartItemId)
  if (!line) throw new Error(`Order ${order.id} has no line for cart item ${cartItemId}`)
  return line
}

/**
 * Completes a cart into one checkout with one Medusa order per cooperative (decision 007).
 *
 * Locked on the cart (Medusa's cart workflows use the same key), it first returns the checkout the cart
 * already made, so the same request twice — or two at once — gives the same checkout and orders. A new
 * checkout is checked in full before anything is written, then: checkout record → orders (core
 * `createOrdersStep`) → checkout rows → reservations under the inventory lock, demand summed per
 * inventory item → commission lines → the one payment session authorized (core
 * `authorizePaymentSessionStep`) → links (order ↔ cart, cooperative ↔ order) → cart completed →
 * `order.placed` per order. Every step compensates, so a failure at any point leaves no orders,
 * reservations, commission lines or authorized payment, and the cart open.
 */
export const completeCheckoutWorkflow = createWorkflow(
  { name: "complete-checkout", idempotent: false },
  (input: CompleteCheckoutInput) => {
    acquireLockStep({ key: input.cart_id, timeout: CART_LOCK_TIMEOUT_SECONDS, ttl: CART_LOCK_TTL_SECONDS })
    const existing = findCheckoutStep({ cart_id: input.cart_id })

    const created = when("new-checkout", { existing }, ({ existing }) => !existing).then(() => {
      const plan = prepareCheckoutStep({ cart_id: input.cart_id })

      const checkout = createCheckoutRecordStep(plan)
      faultAfter("create-checkout")

      const orders = createOrdersStep(transform({ plan, checkout }, ({ plan, checkout }) => orderInputs(plan, checkout.id)))
      faultAfter("create-orders")

      const placed = transform({ plan, orders }, ({ plan, orders }) => ordersByGroup(plan, orders as CreatedOrder[]))
      recordCheckoutOrdersStep(
        transform({ placed, checkout }, ({ placed, checkout }) => ({
          checkout_id: checkout.id,
          orders: placed.map(({ group, order }) => ({
            order_id: order.id,
            cooperative_id: group.cooperative.id,
            position: group.position,
            total_fen: group.items_total_fen + group.shipping_fen,
          })),
        }))
      )
      faultAfter("record-checkout-orders")

      reserveCheckoutInventoryStep(
        transform({ placed }, ({ placed }) => ({
          items: placed.flatMap(({ group, order }) =>
            group.items.flatMap((item): CheckoutReservation[] => {
              if (!item.variant?.manage_inventory) return []
              const line = orderLineFor(order, item.id)
              return (item.variant.inventory_items ?? []).map((inventoryItem) => ({
                line_item_id: line.id,
                inventory_item_id: inventoryItem.inventory_item_id,
                location_id: group.cooperative.stock_location_id,
                quantity: item.quantity * Number(inventoryItem.required_quantity ?? 1),
                allow_backorder: Boolean(item.variant?.allow_backorder),
                name: item.product_title ?? item.title,
              }))
            })
          ),
        }))
      )
      faultAfter("reserve-inventory")

      recordCommissionLinesStep(
        transform({ placed }, ({ placed }) =>
          placed.flatMap(({ group, order }) =>
            group.items.map((item): CommissionLineInput => {
              const rate = commissionRateFor(group.cooperative)
              const gross =
                amountToFen(item.unit_price) * item.quantity - (item.adjustments ?? []).reduce((sum, adjustment) => sum + amountToFen(adjustment.amount), 0)
              return {
                order_id: order.id,
                line_item_id: orderLineFor(order, item.id).id,
                cooperative_id: group.cooperative.id,
                rate_bps: rate,
                gross_fen: gross,
                commission_fen: commissionFen(gross, rate),
              }
            })
          )
        )
      )
      faultAfter("record-commission")

      renewPaymentSessionOnRollbackStep(
        transform({ plan }, ({ plan }) => ({
          session_id: plan.payment.session_id,
          payment_collection_id: plan.payment.payment_collection_id,
          provider_id: plan.payment.provider_id,
          customer_id: plan.cart.customer_id,
        }))
      )
      authorizePaymentSessionStep(transform({ plan }, ({ plan }) => ({ id: plan.payment.session_id, context: {} })))
      faultAfter("authorize-payment")

      // No `.config({ name })` on compensating steps in this `when` branch: in Medusa 2.21 a renamed step
      // inside `when` gets no compensation input, so its compensation silently does nothing.
      createRemoteLinkStep(
        transform({ placed, plan }, ({ placed, plan }) =>
          placed.flatMap(({ group, order }): LinkDefinition[] => [
            // A cart may link to many orders (Medusa's order_cart allows it); an order to one cart.
            { [Modules.ORDER]: { order_id: order.id }, [Modules.CART]: { cart_id: plan.cart.id } },
            { [MARKETPLACE_MODULE]: { cooperative_id: group.cooperative.id }, [Modules.ORDER]: { order_id: order.id } },
          ])
        )
      )
      faultAfter("create-links")

      updateCartsStep(transform({ plan }, ({ plan }) => [{ id: plan.cart.id, completed_at: new Date() }]))
      faultAfter("complete-cart")

      emitEventStep({
        eventName: OrderWorkflowEvents.PLACED,
        data: transform({ placed }, ({ placed }) => placed.map(({ order }) => ({ id: order.id }))),
      })
      faultAfter("emit-events")

      return checkout
    })

    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(
      transform({ existing, created }, ({ existing, created }) => ({ checkout_id: (existing?.id ?? created?.id)!, created: !existing }))
    )
  }
)
