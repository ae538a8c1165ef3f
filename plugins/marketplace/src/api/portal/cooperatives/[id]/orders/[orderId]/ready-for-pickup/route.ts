import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { runOrderAction } from "../../../../../../../lib/order-actions"
import { presentOrderDetail } from "../../../../../../../lib/order-present"
import { orderViewer } from "../../../../../../../lib/order-viewer"

/** The order is at its pickup point (packing it first if needed); the buyer is told where and when. Managers only. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const order = await runOrderAction(req.scope, viewer, req.params.orderId, "ready_for_pickup", req.body)
  res.json({ order: presentOrderDetail(order, viewer) })
})
