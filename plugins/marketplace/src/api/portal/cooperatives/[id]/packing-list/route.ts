import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { cooperativeOrderIds, readOrders } from "../../../../../lib/order-read"
import { chinaDayRange, chinaToday, orderViewer } from "../../../../../lib/order-viewer"

const PackingQuery = z.strictObject({
  date: z
    .string()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), "invalid_date")
    .optional(),
  pickup_point: z.string().trim().min(1).max(80).optional(),
})

/**
 * What to pack for one day (China time; today by default): the day's orders that are not cancelled,
 * one group per pickup point and one for courier delivery, each with the produce to put together
 * (summed per produce and size) and the orders with their lines. Farmers get only their own lines.
 * The portal prints it.
 */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const query = parseMarketplaceInput(PackingQuery, req.query)
  const date = query.date ?? chinaToday()
  const { start, end } = chinaDayRange(date)
  const ids = await cooperativeOrderIds(req.scope, viewer.cooperativeId)
  const orders = (await readOrders(req.scope, ids, { created_at: { $gte: start, $lt: end } }))
    .filter((order) => order.cooperative.id === viewer.cooperativeId && order.derived.stage !== "cancelled")
    .filter((order) => !query.pickup_point || order.shipping.pickup_point?.id === query.pickup_point)
    .sort((a, b) => a.display_id - b.display_id)

  type Group = {
    kind: "pickup" | "delivery"
    pickup_point: { id: string; name: string; address: string; hours: string; instructions: string } | null
    totals: Map<string, { title: string; variant_title: string | null; unit: string | null; quantity: number }>
    orders: unknown[]
  }
  const groups = new Map<string, Group>()
  for (const order of orders) {
    const lines = order.items.filter((item) => viewer.acting !== "farmer" || item.farmer_member_id === viewer.memberId)
    if (lines.length === 0) continue
    const key = order.shipping.pickup_point?.id ?? "delivery"
    const group: Group = groups.get(key) ?? { kind: order.shipping.kind, pickup_point: order.shipping.pickup_point, totals: new Map(), orders: [] }
    groups.set(key, group)
    for (const line of lines) {
      const totalKey = line.variant_id ?? `${line.title}|${line.variant_title}`
      const total = group.totals.get(totalKey) ?? { title: line.title, variant_title: line.variant_title, unit: line.unit, quantity: 0 }
      total.quantity += line.quantity
      group.totals.set(totalKey, total)
    }
    group.orders.push({
      id: order.id,
      display_id: order.display_id,
      status: order.derived.status,
      buyer: {
        name: order.buyer.name,
        phone: viewer.acting === "coop_manager" ? order.buyer.phone : null,
        address: viewer.acting === "coop_manager" ? order.buyer.address : null,
      },
      items: lines.map((line) => ({ title: line.title, variant_title: line.variant_title, quantity: line.quantity, unit: line.unit })),
    })
  }
  res.json({
    date,
    cooperative: { id: viewer.cooperativeId },
    groups: [...groups.values()]
      .sort((a, b) => (a.kind === b.kind ? (a.pickup_point?.name ?? "").localeCompare(b.pickup_point?.name ?? "", "zh-CN") : a.kind === "pickup" ? -1 : 1))
      .map((group) => ({
        kind: group.kind,
        pickup_point: group.pickup_point,
        totals: [...group.totals.values()].sort((a, b) => a.title.localeCompare(b.title, "zh-CN")),
        orders: group.orders,
      })),
  })
})
