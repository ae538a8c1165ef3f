import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../lib/marketplace-errors"
import { ORDER_STATUSES } from "../../../../../lib/order-status"
import { chinaDayRange, orderViewer } from "../../../../../lib/order-viewer"
import { cooperativeOrderIds, readOrders } from "../../../../../lib/order-read"
import { presentOrderSummary } from "../../../../../lib/order-present"

const PAGE_SIZE = 20
const day = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), "invalid_date")

const ListQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  from: day.optional(),
  to: day.optional(),
  pickup_point: z.string().trim().min(1).max(80).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

/**
 * The cooperative's orders, newest first, 20 a page: filtered by buyer-facing status, by a search
 * over order number, buyer name, phone and produce, by day (China time) and by pickup point.
 * Farmers see only the orders with their produce.
 */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const query = parseMarketplaceInput(ListQuery, req.query)
  const ids = await cooperativeOrderIds(req.scope, viewer.cooperativeId)
  const created: Record<string, Date> = {}
  if (query.from) created.$gte = chinaDayRange(query.from).start
  if (query.to) created.$lt = chinaDayRange(query.to).end
  const orders = await readOrders(req.scope, ids, Object.keys(created).length ? { created_at: created } : {})
  // "#1042" is an order number only; otherwise the number, the buyer's name, phone (managers, 4+ digits) or a produce.
  const byNumber = query.q?.startsWith("#") ?? false
  const needle = query.q?.toLowerCase().replace(/^#/, "")
  const matching = orders
    .filter((order) => order.cooperative.id === viewer.cooperativeId)
    .filter((order) => viewer.acting !== "farmer" || order.items.some((item) => item.farmer_member_id === viewer.memberId))
    .filter((order) => !query.status || order.derived.status === query.status || order.derived.stage === query.status)
    .filter((order) => !query.pickup_point || order.shipping.pickup_point?.id === query.pickup_point)
    .filter(
      (order) =>
        !needle ||
        String(order.display_id) === needle ||
        (!byNumber &&
          (order.buyer.name.toLowerCase().includes(needle) ||
            (viewer.acting === "coop_manager" && needle.length >= 4 && order.buyer.phone.includes(needle)) ||
            order.items.some((item) => item.title.toLowerCase().includes(needle))))
    )
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
  const page = matching.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE)
  res.json({
    orders: page.map((order) => presentOrderSummary(order, viewer)),
    count: matching.length,
    page: query.page,
    page_size: PAGE_SIZE,
  })
})
