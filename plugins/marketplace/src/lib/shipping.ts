import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amountToFen } from "./amounts"

/**
 * How a cooperative ships (decision 007). Each cooperative has its own shipping profile, so Medusa asks
 * for one shipping method per cooperative in a cart. Its options live in fulfillment sets:
 * - delivery: a `shipping` set on its main stock location; one service zone per fee, whose geo zones
 *   are provinces (`province_code` = the province's code in our area data, e.g. "61" for 陕西);
 * - pickup points: a stock location each (address, hours and instructions in its metadata) with a
 *   `pickup` set and one free option. Stock always stays at the main location.
 * Medusa matches a cart's `shipping_address.province` against the geo zones, which is why our cart
 * middleware stores the province code there (the names go into the address metadata).
 */
export const FULFILLMENT_PROVIDER_ID = "manual_manual"
export const SHIPPING_PROFILE_TYPE = "cooperative"
export const PICKUP_POINT_KIND = "pickup_point"
export const DELIVERY_OPTION_CODE = "delivery"
export const PICKUP_OPTION_CODE = "pickup"
export const SHIPPING_OPTION_RULES = [
  { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
  { attribute: "is_return", value: "false", operator: "eq" as const },
]

/** A province code as our area data writes it ("61"); the six-digit GB/T 2260 form ("610000") is accepted too. */
export function normalizeProvinceCode(code: string): string | null {
  const trimmed = code.trim()
  if (/^\d{2}$/.test(trimmed)) return trimmed
  if (/^\d{2}0000$/.test(trimmed)) return trimmed.slice(0, 2)
  return null
}

export type PickupPoint = { id: string; name: string; address: string; hours: string; instructions: string }

export type CooperativeOption = {
  id: string
  kind: "delivery" | "pickup"
  name: string
  amount_fen: number
  shipping_profile_id: string
  /** Delivery: the provinces this fee covers. */
  province_codes: string[]
  /** The stock location the option ships from or hands over at. */
  location_id: string | null
  pickup_point: PickupPoint | null
}

type OptionRow = {
  id: string
  name: string
  shipping_profile_id: string
  prices?: { amount: number; currency_code: string; price_rules?: unknown[] }[]
  service_zone?: {
    id: string
    geo_zones?: { type: string; country_code: string; province_code: string | null }[]
    fulfillment_set?: {
      id: string
      type: string
      location?: { id: string; name: string; metadata: Record<string, unknown> | null } | null
    } | null
  } | null
}

export function pickupPointOf(location: { id: string; name: string; metadata: Record<string, unknown> | null }): PickupPoint {
  const meta = location.metadata ?? {}
  const text = (key: string) => (typeof meta[key] === "string" ? (meta[key] as string) : "")
  return { id: location.id, name: location.name, address: text("address"), hours: text("hours"), instructions: text("instructions") }
}

/** Every shipping option of these cooperatives' profiles, as the cart, checkout and portal read them. */
export async function listCooperativeOptions(container: MedusaContainer, shippingProfileIds: string[]): Promise<CooperativeOption[]> {
  const profiles = [...new Set(shippingProfileIds.filter(Boolean))]
  if (profiles.length === 0) return []
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "shipping_option",
    fields: [
      "id",
      "name",
      "shipping_profile_id",
      "prices.amount",
      "prices.currency_code",
      "service_zone.id",
      "service_zone.geo_zones.type",
      "service_zone.geo_zones.country_code",
      "service_zone.geo_zones.province_code",
      "service_zone.fulfillment_set.id",
      "service_zone.fulfillment_set.type",
      "service_zone.fulfillment_set.location.id",
      "service_zone.fulfillment_set.location.name",
      "service_zone.fulfillment_set.location.metadata",
    ],
    filters: { shipping_profile_id: profiles },
  })
  const options: CooperativeOption[] = []
  for (const row of data as OptionRow[]) {
    const set = row.service_zone?.fulfillment_set
    if (!set) continue
    const price = (row.prices ?? []).find((p) => p.currency_code === "cny")
    const location = set.location ?? null
    const kind = set.type === "pickup" ? "pickup" : "delivery"
    options.push({
      id: row.id,
      kind,
      name: row.name,
      amount_fen: amountToFen(price?.amount ?? 0),
      shipping_profile_id: row.shipping_profile_id,
      province_codes:
        kind === "delivery"
          ? (row.service_zone?.geo_zones ?? []).filter((z) => z.type === "province" && z.province_code).map((z) => z.province_code!)
          : [],
      location_id: location?.id ?? null,
      pickup_point: kind === "pickup" && location ? pickupPointOf(location) : null,
    })
  }
  return options.sort((a, b) => (a.kind === b.kind ? a.amount_fen - b.amount_fen || a.name.localeCompare(b.name) : a.kind === "delivery" ? -1 : 1))
}

/** Is this option valid for an address in that province? Pickup always is; delivery only where its fee applies. */
export function optionServes(option: CooperativeOption, provinceCode: string | null | undefined): boolean {
  if (option.kind === "pickup") return true
  return Boolean(provinceCode) && option.province_codes.includes(provinceCode!)
}
