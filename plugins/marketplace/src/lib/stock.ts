import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"

/**
 * Stock as a cart line needs it: a produce variant is stocked at its cooperative's own location, and a
 * line of N units asks N × required_quantity of each of the variant's inventory items there. Two lines
 * that share an inventory item add up — Medusa's own check looks at each line alone.
 */
export type StockLine = {
  key: string
  name: string
  quantity: number
  location_id: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_items: { inventory_item_id: string; required_quantity: number }[]
}

export type Demand = {
  inventory_item_id: string
  location_id: string
  quantity: number
  allow_backorder: boolean
  /** The produce the demand is for, to name it when stock runs short. */
  names: string[]
}

/** Demand summed per (inventory item, location) over every line that draws on it. */
export function sumDemand(lines: StockLine[]): Demand[] {
  const demand = new Map<string, Demand>()
  for (const line of lines) {
    if (!line.manage_inventory || !line.location_id) continue
    for (const item of line.inventory_items) {
      const key = `${item.inventory_item_id}|${line.location_id}`
      const entry = demand.get(key) ?? {
        inventory_item_id: item.inventory_item_id,
        location_id: line.location_id,
        quantity: 0,
        allow_backorder: true,
        names: [],
      }
      entry.quantity += line.quantity * Number(item.required_quantity ?? 1)
      entry.allow_backorder = entry.allow_backorder && line.allow_backorder
      if (!entry.names.includes(line.name)) entry.names.push(line.name)
      demand.set(key, entry)
    }
  }
  return [...demand.values()]
}

/** Available quantity (stocked − reserved) per `${inventory_item_id}|${location_id}`. */
export async function availableAt(
  container: MedusaContainer,
  pairs: { inventory_item_id: string; location_id: string }[]
): Promise<Map<string, number>> {
  const available = new Map<string, number>()
  if (pairs.length === 0) return available
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    {
      inventory_item_id: [...new Set(pairs.map((pair) => pair.inventory_item_id))],
      location_id: [...new Set(pairs.map((pair) => pair.location_id))],
    },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
  )
  for (const level of levels) {
    available.set(
      `${level.inventory_item_id}|${level.location_id}`,
      MathBN.convert(level.stocked_quantity).minus(MathBN.convert(level.reserved_quantity)).toNumber()
    )
  }
  return available
}

/** The first demand that the available stock cannot meet, or null. */
export function shortfall(demand: Demand[], available: Map<string, number>): Demand | null {
  return demand.find((entry) => !entry.allow_backorder && entry.quantity > (available.get(`${entry.inventory_item_id}|${entry.location_id}`) ?? 0)) ?? null
}

/** How many units of each line's variant its location can still sell (null: stock not managed). */
export async function availableUnits(container: MedusaContainer, lines: StockLine[]): Promise<Map<string, number | null>> {
  const pairs = lines.flatMap((line) =>
    line.manage_inventory && line.location_id
      ? line.inventory_items.map((item) => ({ inventory_item_id: item.inventory_item_id, location_id: line.location_id! }))
      : []
  )
  const available = await availableAt(container, pairs)
  const units = new Map<string, number | null>()
  for (const line of lines) {
    if (!line.manage_inventory) {
      units.set(line.key, null)
      continue
    }
    const perItem = line.inventory_items.map((item) =>
      line.location_id ? Math.floor((available.get(`${item.inventory_item_id}|${line.location_id}`) ?? 0) / Number(item.required_quantity ?? 1)) : 0
    )
    units.set(line.key, Math.max(0, perItem.length ? Math.min(...perItem) : 0))
  }
  return units
}
