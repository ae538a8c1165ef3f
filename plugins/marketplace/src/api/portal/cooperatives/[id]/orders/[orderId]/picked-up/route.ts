import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { runOrderAction } from "../../../../../../../lib/order-actions"
import { presentOrderDetail } from "../../../../../../../lib/order-present"
import { orderViewer } from "../../../../../../../lib/order-viewer"

/** The buyer collected the order at the pickup point: completed, cash on pickup captured, cooperative's earnings booked. Managers only. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const order = await runOrderAction(req.scope, viewer, req.params.orderId, "picked_up", req.body)
  res.json({ order: presentOrderDetail(order, viewer) })
})
