import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { runOrderAction } from "../../../../../../../lib/order-actions"
import { presentOrderDetail } from "../../../../../../../lib/order-present"
import { orderViewer } from "../../../../../../../lib/order-viewer"

/** Packs the order (Medusa fulfilment from the cooperative's stock); the buyer is told. Managers only. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const viewer = await orderViewer(req)
  const order = await runOrderAction(req.scope, viewer, req.params.orderId, "pack", req.body)
  res.json({ order: presentOrderDetail(order, viewer) })
})
