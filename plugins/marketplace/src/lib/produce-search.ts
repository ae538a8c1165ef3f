import type { Event, SearchTypes } from "@medusajs/framework/types"
import { InventoryLevelWorkflowEvents, ProductCategoryWorkflowEvents, ProductVariantWorkflowEvents, ProductWorkflowEvents, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { villageDisplayName } from "@tianyuan/village/lib/village-name"
import { pinyin } from "pinyin-pro"
import { CooperativeEvents, ProduceEvents } from "./produce-events"

/**
 * How produce becomes a search document (the shared contract of the `produce` index, see
 * docs/search-notes.md): the product, its produce details, cooperative, category, lowest CNY price,
 * stock at the cooperative's location, and where it grew — the five area levels with codes and names,
 * and the village's position. Only produce that could be sold is indexed: archived produce and
 * produce of a cooperative that is not active are left out, so they leave the index.
 */

type Query = SearchTypes.SearchContainer["query"]

/** What `query.graph` reads of a product to make its document. */
export const PRODUCE_SEARCH_FIELDS = [
  "id",
  "handle",
  "title",
  "description",
  "status",
  "metadata",
  "created_at",
  "sales_channels.id",
  "categories.handle",
  "categories.name",
  "categories.metadata",
  "variants.id",
  "variants.title",
  "variants.manage_inventory",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "produce_details.id",
  "produce_details.unit",
  "produce_details.variety",
  "produce_details.harvest_date",
  "produce_details.preorder_opens_at",
  "produce_details.preorder_closes_at",
  "produce_details.origin_area_code",
  "produce_details.certifications",
  "produce_details.photos",
  "produce_details.archived_at",
  "produce_details.cooperative.id",
  "produce_details.cooperative.name",
  "produce_details.cooperative.handle",
  "produce_details.cooperative.status",
  "produce_details.cooperative.stock_location_id",
]

type Level = { location_id: string; stocked_quantity: number | string; reserved_quantity: number | string }
type Photo = { width?: number; height?: number; placeholder?: string; variants?: { width: number; format: string; url: string }[] }

export type ProduceSearchRow = {
  id: string
  handle: string
  title: string
  description: string | null
  status: string
  metadata: Record<string, unknown> | null
  created_at: string | Date
  sales_channels?: ({ id: string } | null)[] | null
  categories?: ({ handle: string; name: string; metadata: Record<string, unknown> | null } | null)[] | null
  variants?: {
    id: string
    title?: string | null
    manage_inventory?: boolean | null
    prices?: { amount: number | string; currency_code: string }[] | null
    inventory_items?: { inventory?: { location_levels?: Level[] | null } | null }[] | null
  }[] | null
  produce_details?: {
    unit: string
    variety: string | null
    harvest_date: string | Date | null
    preorder_opens_at: string | Date | null
    preorder_closes_at: string | Date | null
    origin_area_code: string
    certifications: { items?: string[] } | null
    photos: { items?: Photo[] } | null
    archived_at: string | Date | null
    cooperative?: { id: string; name: string; handle: string; status: string; stock_location_id: string | null } | null
  } | null
}

export type AreaLevel = "province" | "city" | "county" | "town" | "village"
const LEVELS: { level: AreaLevel; length: number }[] = [
  { level: "province", length: 2 },
  { level: "city", length: 4 },
  { level: "county", length: 6 },
  { level: "town", length: 9 },
  { level: "village", length: 12 },
]

/** Where produce grew: the admin areas by code, and the village open on the platform there (if any). */
export type Origins = {
  areas: Map<string, string>
  villages: Map<string, { handle: string; latitude: number | null; longitude: number | null }>
}

/** The area codes from the province down to `code` ("610629101204" → "61", "6106", "610629", …). */
export function originCodes(code: string): string[] {
  return LEVELS.filter(({ length }) => length <= code.length).map(({ length }) => code.slice(0, length))
}

/** Names of every area the rows grew in, and their open villages, in two queries. */
export async function loadOrigins(query: Query, rows: ProduceSearchRow[]): Promise<Origins> {
  const origins = [...new Set(rows.map((row) => row.produce_details?.origin_area_code).filter((code): code is string => Boolean(code)))]
  if (!origins.length) return { areas: new Map(), villages: new Map() }
  const codes = [...new Set(origins.flatMap(originCodes))]
  const [{ data: areas }, { data: villages }] = await Promise.all([
    query.graph({ entity: "admin_area", fields: ["code", "name"], filters: { code: codes } }),
    query.graph({
      entity: "village",
      fields: ["area_code", "handle", "latitude", "longitude", "status"],
      filters: { area_code: origins },
    }),
  ])
  return {
    areas: new Map((areas as { code: string; name: string }[]).map((area) => [area.code, area.name])),
    villages: new Map(
      (villages as { area_code: string; handle: string; latitude: number | null; longitude: number | null; status: string }[])
        .filter((village) => village.status === "active")
        .map((village) => [village.area_code, { handle: village.handle, latitude: village.latitude, longitude: village.longitude }])
    ),
  }
}

function isoDate(value: string | Date | null | undefined): string | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * The pinyin a Latin-only engine (Meilisearch) needs to find 洛川红富士苹果 by "luochuan", "pingguo"
 * or "hongfushi": the syllables, every run of two to four of them joined, and the whole title joined.
 * postgres-cjk derives its own from `title`.
 */
export function titlePinyin(title: string): string {
  const words = new Set<string>()
  for (const [run] of title.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase())
    words.add(syllables.join(""))
    for (let size = 4; size >= 1; size--) {
      for (let start = 0; start + size <= syllables.length; start++) words.add(syllables.slice(start, start + size).join(""))
    }
  }
  return [...words].join(" ")
}

/** The initials of the Chinese title ("lchfspg") and of every tail of it, so "fspg" finds it too. */
export function titleInitials(title: string): string {
  const words = new Set<string>()
  for (const [run] of title.normalize("NFKC").matchAll(/\p{Script=Han}+/gu)) {
    const initials = pinyin(run, { pattern: "first", toneType: "none", type: "array" }).map((s) => s.toLowerCase())
    for (let start = 0; start < initials.length - 1; start++) words.add(initials.slice(start).join(""))
  }
  return [...words].join(" ")
}

/** Fen: Medusa stores CNY amounts in yuan. */
function lowestPriceFen(row: ProduceSearchRow): number | null {
  const amounts = (row.variants ?? [])
    .flatMap((variant) => variant.prices ?? [])
    .filter((price) => price.currency_code?.toLowerCase() === "cny")
    .map((price) => Math.round(Number(price.amount) * 100))
    .filter((fen) => Number.isFinite(fen))
  return amounts.length ? Math.min(...amounts) : null
}

type Variant = NonNullable<ProduceSearchRow["variants"]>[number]

/** The size can still be sold from the cooperative's own location (stock minus reservations). */
function variantInStock(variant: Variant, locationId: string | null): boolean {
  if (variant.manage_inventory === false) return true
  const level = variant.inventory_items?.[0]?.inventory?.location_levels?.find((l) => l.location_id === locationId)
  return level ? Number(level.stocked_quantity) - Number(level.reserved_quantity) > 0 : false
}

/** Some size can still be sold from the cooperative's own location. */
function hasStock(row: ProduceSearchRow, locationId: string | null): boolean {
  return (row.variants ?? []).some((variant) => variantInStock(variant, locationId))
}

/**
 * What a result card needs to add a size to the cart without opening the produce page: each size's
 * id, title, lowest CNY price in yuan (as Medusa stores it; null when it has none) and whether any is left,
 * cheapest first (the size the card's price is for comes first; no price last).
 * Stored and returned only: not searchable, filterable or sortable.
 */
function buyVariants(row: ProduceSearchRow, locationId: string | null) {
  const variants = (row.variants ?? []).map((variant) => {
    const yuan = (variant.prices ?? [])
      .filter((price) => price.currency_code?.toLowerCase() === "cny")
      .map((price) => Number(price.amount))
      .filter((amount) => Number.isFinite(amount))
    return {
      id: variant.id,
      title: variant.title ?? "",
      price: yuan.length ? Math.min(...yuan) : null,
      in_stock: variantInStock(variant, locationId),
    }
  })
  return variants.sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity))
}

function thumbnailOf(photos: Photo[] | undefined) {
  const photo = photos?.[0]
  if (!photo?.variants?.length) return null
  const webp = photo.variants.filter((v) => v.format === "webp").sort((a, b) => a.width - b.width)
  const atLeast = (width: number) => (webp.find((v) => v.width >= width) ?? webp[webp.length - 1] ?? photo.variants![0]).url
  return {
    url_320: atLeast(320),
    url_640: atLeast(640),
    thumbhash: photo.placeholder ?? null,
    width: photo.width ?? null,
    height: photo.height ?? null,
  }
}

/** The document of one product, or null when it is not produce that can be sold. */
export function produceDocument(row: ProduceSearchRow, origins: Origins): Record<string, unknown> | null {
  const details = row.produce_details
  const cooperative = details?.cooperative
  if (!details || !cooperative || details.archived_at || cooperative.status !== "active") return null
  const code = details.origin_area_code ?? ""
  const area: Record<string, string | null> = {}
  for (const { level, length } of LEVELS) {
    const levelCode = code.length >= length ? code.slice(0, length) : null
    const name = levelCode ? (origins.areas.get(levelCode) ?? null) : null
    area[`${level}_code`] = levelCode
    area[`${level}_name`] = level === "village" && name ? villageDisplayName(name) : name
  }
  const village = origins.villages.get(code)
  const category = row.categories?.find(Boolean) ?? null
  const certifications = (details.certifications?.items ?? []).filter((item) => typeof item === "string" && item.trim())
  const metadata = row.metadata ?? {}
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null)
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    title_en: text(metadata.title_en),
    description: text(row.description),
    description_en: text(metadata.description_en),
    title_pinyin: titlePinyin(row.title) || null,
    title_initials: titleInitials(row.title) || null,
    variety: text(details.variety),
    category: category?.handle ?? null,
    category_name: category?.name ?? null,
    category_name_en: text(category?.metadata?.name_en),
    ...area,
    village_handle: village?.handle ?? null,
    cooperative_id: cooperative.id,
    cooperative_handle: cooperative.handle,
    cooperative_name: cooperative.name,
    unit: details.unit,
    price_min: lowestPriceFen(row),
    in_stock: hasStock(row, cooperative.stock_location_id),
    buy_variants: buyVariants(row, cooperative.stock_location_id),
    preorder_opens_at: isoDate(details.preorder_opens_at),
    preorder_closes_at: isoDate(details.preorder_closes_at),
    certified: certifications.length > 0,
    certifications,
    harvested_at: isoDate(details.harvest_date),
    created_at: isoDate(row.created_at),
    status: row.status,
    sales_channel_ids: (row.sales_channels ?? []).filter((channel): channel is { id: string } => Boolean(channel)).map((channel) => channel.id),
    thumbnail: thumbnailOf(details.photos?.items),
    location:
      village && village.latitude != null && village.longitude != null ? { lat: Number(village.latitude), lng: Number(village.longitude) } : null,
  }
}

export async function produceDocuments(rows: ProduceSearchRow[], query: Query): Promise<Record<string, unknown>[]> {
  const origins = await loadOrigins(query, rows)
  return rows.map((row) => produceDocument(row, origins)).filter((doc): doc is Record<string, unknown> => doc !== null)
}

/** Every event after which some produce's document may have changed. */
export const PRODUCE_SEARCH_EVENTS = [
  ProductWorkflowEvents.CREATED,
  ProductWorkflowEvents.UPDATED,
  ProductWorkflowEvents.DELETED,
  ProductVariantWorkflowEvents.CREATED,
  ProductVariantWorkflowEvents.UPDATED,
  ProductVariantWorkflowEvents.DELETED,
  InventoryLevelWorkflowEvents.CREATED,
  InventoryLevelWorkflowEvents.UPDATED,
  InventoryLevelWorkflowEvents.DELETED,
  ReservationItemWorkflowEvents.CREATED,
  ReservationItemWorkflowEvents.UPDATED,
  ReservationItemWorkflowEvents.DELETED,
  ProductCategoryWorkflowEvents.UPDATED,
  ProduceEvents.CREATED,
  ProduceEvents.UPDATED,
  ProduceEvents.ARCHIVED,
  CooperativeEvents.UPDATED,
]

function idsOf(value: unknown): string[] {
  if (value == null) return []
  return (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === "string" && id.length > 0)
}

async function productsOfInventoryItems(query: Query, itemIds: string[]): Promise<string[]> {
  if (!itemIds.length) return []
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant.product_id"],
    filters: { inventory_item_id: itemIds },
  })
  return (data as { variant?: { product_id?: string } | null }[]).map((link) => link.variant?.product_id).filter((id): id is string => Boolean(id))
}

/** The products an event concerns: their documents are rebuilt (or removed). */
export async function produceIdsForEvent(event: Event, query: Query): Promise<string[]> {
  const ids = idsOf((event.data as { id?: unknown } | undefined)?.id)
  if (!ids.length) return []
  switch (event.name) {
    case ProductVariantWorkflowEvents.CREATED:
    case ProductVariantWorkflowEvents.UPDATED:
    case ProductVariantWorkflowEvents.DELETED: {
      const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: ids }, withDeleted: true })
      return (data as { product_id: string | null }[]).map((variant) => variant.product_id).filter((id): id is string => Boolean(id))
    }
    case InventoryLevelWorkflowEvents.CREATED:
    case InventoryLevelWorkflowEvents.UPDATED:
    case InventoryLevelWorkflowEvents.DELETED: {
      const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
      return productsOfInventoryItems(query, (data as { inventory_item_id: string }[]).map((level) => level.inventory_item_id))
    }
    case ReservationItemWorkflowEvents.CREATED:
    case ReservationItemWorkflowEvents.UPDATED:
    case ReservationItemWorkflowEvents.DELETED: {
      const { data } = await query.graph({ entity: "reservation_item", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
      return productsOfInventoryItems(query, (data as { inventory_item_id: string }[]).map((reservation) => reservation.inventory_item_id))
    }
    case ProductCategoryWorkflowEvents.UPDATED: {
      const { data } = await query.graph({ entity: "product_category", fields: ["products.id"], filters: { id: ids } })
      return (data as { products?: { id: string }[] | null }[]).flatMap((category) => (category.products ?? []).map((product) => product.id))
    }
    case CooperativeEvents.UPDATED: {
      const { data } = await query.graph({ entity: "produce_details", fields: ["product.id"], filters: { cooperative_id: ids } })
      return (data as { product?: { id: string } | null }[]).map((details) => details.product?.id).filter((id): id is string => Boolean(id))
    }
    default:
      // product.* and produce.*: the product ids themselves.
      return ids
  }
}
