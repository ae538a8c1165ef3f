import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { presentCategory } from "./produce-categories"

/**
 * Reads produce (product + details + cooperative + stock) through Query, and the one shape every
 * portal and store answer uses. Stock is what the cooperative's own location can still sell.
 */
export const PRODUCE_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "status",
  "thumbnail",
  "metadata",
  "created_at",
  "categories.handle",
  "categories.name",
  "categories.metadata",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "produce_details.*",
  "produce_details.certificates.id",
  "produce_details.certificates.issued_on",
  "produce_details.cooperative.id",
  "produce_details.cooperative.name",
  "produce_details.cooperative.handle",
  "produce_details.cooperative.village_code",
  "produce_details.cooperative.stock_location_id",
  "produce_details.cooperative.status",
]

type Level = { location_id: string; stocked_quantity: number; reserved_quantity: number }
export type ProduceRecord = {
  id: string
  title: string
  handle: string
  description: string | null
  status: string
  thumbnail: string | null
  metadata: Record<string, unknown> | null
  created_at: string | Date
  categories?: { handle: string; name: string; metadata: Record<string, unknown> | null }[] | null
  variants: {
    id: string
    title: string
    sku: string | null
    prices: { amount: number; currency_code: string }[]
    inventory_items: { inventory_item_id: string; inventory: { location_levels: Level[] } }[]
  }[]
  produce_details: {
    id: string
    unit: string
    net_weight_grams: number | null
    grade: string | null
    variety: string | null
    harvest_date: string | Date | null
    preorder_opens_at: string | Date | null
    preorder_closes_at: string | Date | null
    ships_from: string | Date | null
    origin_area_code: string
    farmer_member_id: string
    storage: string
    certifications: { items: string[] }
    story: string
    photos: { items: unknown[] }
    archived_at: string | Date | null
    certificates?: { id: string; issued_on: string | Date }[]
    cooperative: { id: string; name: string; handle: string; village_code: string; stock_location_id: string | null; status: string } | null
  } | null
}

export async function readProduce(container: MedusaContainer, filters: { id?: string | string[]; handle?: string }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: PRODUCE_FIELDS, filters })
  return (data as unknown as ProduceRecord[]).filter((product) => product.produce_details?.cooperative)
}

/** The product ids of a cooperative's produce (details belong to the cooperative; products link to details). */
export async function cooperativeProductIds(container: MedusaContainer, cooperativeId: string): Promise<string[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "produce_details",
    fields: ["product.id"],
    filters: { cooperative_id: cooperativeId },
  })
  return (data as { product?: { id: string } }[]).map((details) => details.product?.id).filter((id): id is string => Boolean(id))
}

export function variantStock(variant: ProduceRecord["variants"][number], locationId: string | null | undefined): number {
  const level = variant.inventory_items?.[0]?.inventory?.location_levels?.find((l) => l.location_id === locationId)
  return level ? Math.max(0, Number(level.stocked_quantity) - Number(level.reserved_quantity)) : 0
}

export function presentProduce(product: ProduceRecord, farmer?: { id: string; real_name: string } | null) {
  const details = product.produce_details!
  const cooperative = details.cooperative!
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    title_en: (product.metadata?.title_en as string | undefined) ?? null,
    description: product.description ?? "",
    description_en: (product.metadata?.description_en as string | undefined) ?? null,
    status: product.status,
    category: presentCategory(product.categories?.[0]),
    archived: Boolean(details.archived_at),
    thumbnail: product.thumbnail,
    unit: details.unit,
    net_weight_grams: details.net_weight_grams,
    grade: details.grade,
    variety: details.variety,
    harvest_date: details.harvest_date,
    preorder_opens_at: details.preorder_opens_at,
    preorder_closes_at: details.preorder_closes_at,
    ships_from: details.ships_from,
    origin_area_code: details.origin_area_code,
    storage: details.storage,
    certifications: details.certifications?.items ?? [],
    story: details.story,
    photos: details.photos?.items ?? [],
    farmer: farmer ?? { id: details.farmer_member_id, real_name: "" },
    cooperative: { id: cooperative.id, name: cooperative.name, handle: cooperative.handle, village_code: cooperative.village_code },
    certificates: (details.certificates ?? []).map((c) => ({ id: c.id, issued_on: c.issued_on })),
    variants: product.variants.map((variant) => {
      const price = variant.prices.find((p) => p.currency_code === "cny")
      return {
        id: variant.id,
        title: variant.title,
        price: price ? Number(price.amount) : null,
        price_fen: price ? Math.round(Number(price.amount) * 100) : null,
        stock: variantStock(variant, cooperative.stock_location_id),
      }
    }),
    created_at: product.created_at,
  }
}
