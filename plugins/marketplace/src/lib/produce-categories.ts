import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PortalError } from "@tianyuan/village/lib/portal-errors"

/**
 * What produce is, for buyers browsing and filtering: a fixed set of Medusa product categories the
 * seed creates (operators may add more in the admin). The handle is what the API and the search
 * index use; the Chinese name is the category's name and the English one sits in its metadata.
 */
export const PRODUCE_CATEGORIES = [
  { handle: "fruit", name: "水果", name_en: "Fruit" },
  { handle: "vegetables", name: "蔬菜", name_en: "Vegetables" },
  { handle: "grain-oil", name: "粮油", name_en: "Grain and oil" },
  { handle: "eggs-meat", name: "禽蛋肉", name_en: "Eggs and meat" },
  { handle: "tea", name: "茶叶", name_en: "Tea" },
  { handle: "dried", name: "干货山珍", name_en: "Dried goods and mountain produce" },
  { handle: "other", name: "其他", name_en: "Other" },
] as const

export type ProduceCategoryHandle = (typeof PRODUCE_CATEGORIES)[number]["handle"]

/** How the API shows a product's category. */
export type ProduceCategory = { handle: string; name: string; name_en: string | null }

export const CATEGORY_HANDLE = /^[a-z0-9][a-z0-9-]{0,59}$/

export function presentCategory(
  category: { handle: string; name: string; metadata?: Record<string, unknown> | null } | null | undefined
): ProduceCategory | null {
  if (!category) return null
  const nameEn = category.metadata?.name_en
  return { handle: category.handle, name: category.name, name_en: typeof nameEn === "string" ? nameEn : null }
}

/** The id of the category with this handle; an unknown handle is the farmer's mistake (400). */
export async function produceCategoryId(container: MedusaContainer, handle: string): Promise<string> {
  const [category] = await container
    .resolve(Modules.PRODUCT)
    .listProductCategories({ handle, is_active: true }, { select: ["id"], take: 1 })
  if (!category) throw new PortalError("unknown_category")
  return category.id
}
