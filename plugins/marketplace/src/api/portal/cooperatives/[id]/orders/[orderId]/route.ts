import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { findOrderFor } from "../../../../../../lib/order-actions"
import { presentOrderDetail } from "../../../../../../lib/order-present"
import { orderViewer } from "../../../../../../lib/order-viewer"

/** One order: items, buyer, pickup point or address, status history, payment and refunds. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const order = await findOrderFor(req.scope, viewer, req.params.orderId)
  res.json({ order: presentOrderDetail(order, viewer) })
})
