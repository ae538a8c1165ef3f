import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CheckoutRefusal } from "../../lib/checkout-errors"
import { availableAt, type Demand, shortfall } from "../../lib/stock"

export type CheckoutReservation = {
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  allow_backorder: boolean
  /** The produce, to name it when stock runs short. */
  name: string
}

/**
 * How long a checkout waits for the inventory lock of its produce before answering "busy". Generous:
 * when many buyers race for the last units, each waits its turn (a turn is a read and an insert).
 */
const LOCK_TIMEOUT_SECONDS = 120

/**
 * Reserves the checkout's stock inside Medusa's inventory lock (the locking module, keyed by inventory
 * item): demand is summed per (inventory item, location) over all the checkout's lines and checked
 * against stocked − reserved before any reservation is written, so two lines of one item — or two
 * checkouts racing for the last units — can never oversell. Compensation deletes the reservations,
 * again under the lock.
 */
export const reserveCheckoutInventoryStep = createStep(
  "reserve-checkout-inventory",
  async (input: { items: CheckoutReservation[] }, { container }) => {
    const keys = [...new Set(input.items.map((item) => item.inventory_item_id))]
    if (keys.length === 0) return new StepResponse([] as string[], { ids: [] as string[], keys })
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const demand = new Map<string, Demand>()
    for (const item of input.items) {
      const key = `${item.inventory_item_id}|${item.location_id}`
      const entry = demand.get(key) ?? {
        inventory_item_id: item.inventory_item_id,
        location_id: item.location_id,
        quantity: 0,
        allow_backorder: true,
        names: [],
      }
      entry.quantity += item.quantity
      entry.allow_backorder = entry.allow_backorder && item.allow_backorder
      if (!entry.names.includes(item.name)) entry.names.push(item.name)
      demand.set(key, entry)
    }
    // Sold out already? Then answer without queueing for the lock (the check under the lock decides).
    const early = shortfall([...demand.values()], await availableAt(container, [...demand.values()]))
    if (early) throw new CheckoutRefusal("out_of_stock", { name: early.names.join("、") })
    const reservations = await locking.execute(
      keys,
      async () => {
        const short = shortfall([...demand.values()], await availableAt(container, [...demand.values()]))
        if (short) throw new CheckoutRefusal("out_of_stock", { name: short.names.join("、") })
        return await inventory.createReservationItems(
          input.items.map((item) => ({
            line_item_id: item.line_item_id,
            inventory_item_id: item.inventory_item_id,
            location_id: item.location_id,
            quantity: item.quantity,
            allow_backorder: item.allow_backorder,
          }))
        )
      },
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
    const ids = reservations.map((reservation) => reservation.id)
    return new StepResponse(ids, { ids, keys })
  },
  async (data, { container }) => {
    if (!data?.ids.length) return
    const inventory = container.resolve(Modules.INVENTORY)
    await container
      .resolve(Modules.LOCKING)
      .execute(data.keys, async () => inventory.deleteReservationItems(data.ids), { timeout: LOCK_TIMEOUT_SECONDS })
  }
)
