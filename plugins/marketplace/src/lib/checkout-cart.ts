import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type CooperativeOption, listCooperativeOptions, optionServes } from "./shipping"
import type { StockLine } from "./stock"

/** Everything the cart page and the checkout read from a cart, in one Query. */
export const CHECKOUT_CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "locale",
  "completed_at",
  "metadata",
  "total",
  "item_total",
  "shipping_total",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  "items.variant.id",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
  "items.variant.inventory_items.inventory_item_id",
  "items.variant.inventory_items.required_quantity",
  "items.product.id",
  "items.product.status",
  "items.product.produce_details.unit",
  "items.product.produce_details.archived_at",
  "items.product.produce_details.cooperative.id",
  "items.product.produce_details.cooperative.name",
  "items.product.produce_details.cooperative.handle",
  "items.product.produce_details.cooperative.status",
  "items.product.produce_details.cooperative.village_code",
  "items.product.produce_details.cooperative.stock_location_id",
  "items.product.produce_details.cooperative.shipping_profile_id",
  "items.product.produce_details.cooperative.commission_rate_bps",
  "shipping_address.*",
  "billing_address.*",
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.currency_code",
  "payment_collection.payment_sessions.*",
]

export type CartCooperative = {
  id: string
  name: string
  handle: string
  status: string
  village_code: string
  stock_location_id: string | null
  shipping_profile_id: string | null
  commission_rate_bps: number | null
}

type Amount = number | string | { value: string; precision?: number }

export type CartItem = {
  id: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  quantity: number
  unit_price: Amount
  is_tax_inclusive: boolean
  compare_at_unit_price: Amount | null
  variant_id: string | null
  product_id: string | null
  product_title: string | null
  product_description: string | null
  product_subtitle: string | null
  product_type: string | null
  product_type_id: string | null
  product_collection: string | null
  product_handle: string | null
  variant_sku: string | null
  variant_barcode: string | null
  variant_title: string | null
  variant_option_values: Record<string, unknown> | null
  is_discountable: boolean
  is_giftcard: boolean
  requires_shipping: boolean
  metadata: Record<string, unknown> | null
  created_at: string | Date
  tax_lines?: Record<string, unknown>[] | null
  adjustments?: { amount: Amount; code?: string | null; description?: string | null; promotion_id?: string | null; provider_id?: string | null; is_tax_inclusive?: boolean }[] | null
  variant?: {
    id: string
    manage_inventory: boolean
    allow_backorder: boolean
    inventory_items?: { inventory_item_id: string; required_quantity: number }[] | null
  } | null
  product?: {
    id: string
    status: string
    produce_details?: { unit: string; archived_at: string | null; cooperative?: CartCooperative | null } | null
  } | null
}

export type CartAddress = {
  id?: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
  metadata: Record<string, unknown> | null
}

export type CartShippingMethod = {
  id: string
  name: string
  description: string | null
  amount: Amount
  raw_amount?: Amount
  is_tax_inclusive: boolean
  shipping_option_id: string | null
  data: Record<string, unknown> | null
  metadata: Record<string, unknown> | null
  tax_lines?: Record<string, unknown>[] | null
  adjustments?: { amount: Amount; code?: string | null; description?: string | null; promotion_id?: string | null; provider_id?: string | null }[] | null
}

export type CheckoutCart = {
  id: string
  email: string | null
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer_id: string | null
  locale: string | null
  completed_at: string | Date | null
  metadata: Record<string, unknown> | null
  total: Amount
  items?: CartItem[] | null
  shipping_address?: CartAddress | null
  billing_address?: CartAddress | null
  shipping_methods?: CartShippingMethod[] | null
  payment_collection?: {
    id: string
    amount: Amount
    currency_code: string
    payment_sessions?: { id: string; status: string; provider_id: string; amount: Amount; data: Record<string, unknown> | null }[] | null
  } | null
}

export async function readCheckoutCart(container: MedusaContainer, cartId: string): Promise<CheckoutCart | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "cart",
    fields: CHECKOUT_CART_FIELDS,
    filters: { id: cartId },
  })
  return (data[0] as CheckoutCart | undefined) ?? null
}

export type CartGroup = {
  cooperative: CartCooperative
  items: CartItem[]
  /** The cooperative's options that serve the cart's address (delivery only once the province is known). */
  options: CooperativeOption[]
  /** The cart's shipping method for this cooperative's profile, when there is one. */
  method: CartShippingMethod | null
  /** Its option, when it is one of the cooperative's and serves the address. */
  selected: CooperativeOption | null
}

/** The province code Medusa matches delivery zones against (our middleware stores it in `province`). */
export function cartProvinceCode(cart: Pick<CheckoutCart, "shipping_address">): string | null {
  const address = cart.shipping_address
  if (!address) return null
  const fromMeta = address.metadata?.province_code
  return typeof fromMeta === "string" && fromMeta ? fromMeta : address.province || null
}

export function addressComplete(address: CartAddress | null | undefined): boolean {
  if (!address) return false
  const meta = address.metadata ?? {}
  return Boolean(
    address.first_name?.trim() &&
      address.phone?.trim() &&
      address.address_1?.trim() &&
      typeof meta.province_code === "string" &&
      typeof meta.city_code === "string" &&
      typeof meta.district_code === "string"
  )
}

/**
 * The cart's lines grouped per cooperative, in the order the buyer added them, with each
 * cooperative's shipping options and current choice. Lines whose produce no longer belongs to a
 * cooperative come back in `orphans`.
 */
export async function groupCart(container: MedusaContainer, cart: CheckoutCart): Promise<{ groups: CartGroup[]; orphans: CartItem[]; options: CooperativeOption[] }> {
  const items = [...(cart.items ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id))
  const byCooperative = new Map<string, { cooperative: CartCooperative; items: CartItem[] }>()
  const orphans: CartItem[] = []
  for (const item of items) {
    const cooperative = item.product?.produce_details?.cooperative
    if (!cooperative) {
      orphans.push(item)
      continue
    }
    const group = byCooperative.get(cooperative.id) ?? { cooperative, items: [] }
    group.items.push(item)
    byCooperative.set(cooperative.id, group)
  }
  const profiles = [...byCooperative.values()].map((group) => group.cooperative.shipping_profile_id).filter((id): id is string => Boolean(id))
  const methodOptionIds = (cart.shipping_methods ?? []).map((method) => method.shipping_option_id).filter(Boolean)
  const options = await listCooperativeOptions(container, profiles)
  // Options of cooperatives not in the cart (a pickup point chosen for another cooperative).
  const foreignIds = methodOptionIds.filter((id) => !options.some((option) => option.id === id)) as string[]
  const foreign = foreignIds.length ? await listOptionsById(container, foreignIds) : []
  const province = cartProvinceCode(cart)
  const groups = [...byCooperative.values()].map(({ cooperative, items }) => {
    const own = options.filter((option) => option.shipping_profile_id === cooperative.shipping_profile_id)
    const serving = own.filter((option) => optionServes(option, province))
    const method = (cart.shipping_methods ?? []).find((m) => own.some((option) => option.id === m.shipping_option_id)) ?? null
    const selected = method ? (serving.find((option) => option.id === method.shipping_option_id) ?? null) : null
    return { cooperative, items, options: serving, method, selected }
  })
  return { groups, orphans, options: [...options, ...foreign] }
}

async function listOptionsById(container: MedusaContainer, ids: string[]): Promise<CooperativeOption[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "shipping_option",
    fields: ["id", "shipping_profile_id"],
    filters: { id: ids },
  })
  const profiles = (data as { shipping_profile_id: string }[]).map((row) => row.shipping_profile_id)
  return (await listCooperativeOptions(container, profiles)).filter((option) => ids.includes(option.id))
}

export function stockLine(item: CartItem, quantity = item.quantity): StockLine {
  return {
    key: item.id,
    name: item.product_title ?? item.title,
    quantity,
    location_id: item.product?.produce_details?.cooperative?.stock_location_id ?? null,
    manage_inventory: Boolean(item.variant?.manage_inventory),
    allow_backorder: Boolean(item.variant?.allow_backorder),
    inventory_items: (item.variant?.inventory_items ?? []).map((inventoryItem) => ({
      inventory_item_id: inventoryItem.inventory_item_id,
      required_quantity: Number(inventoryItem.required_quantity ?? 1),
    })),
  }
}
