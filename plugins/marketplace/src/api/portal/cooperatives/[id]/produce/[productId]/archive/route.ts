import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { presentProduce, readProduce } from "../../../../../../../lib/produce-read"
import { archiveProduceWorkflow } from "../../../../../../../workflows/archive-produce"
import { assertMayHandle, cooperativeStanding } from "../../../../../cooperative-access"

export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const [found] = await readProduce(req.scope, { id: req.params.productId })
  const produce = assertMayHandle(standing, found)
  if (produce.produce_details!.archived_at) throw new PortalError("produce_archived")
  const farmerId = produce.produce_details!.farmer_member_id
  await archiveProduceWorkflow(req.scope).run({
    input: {
      product_id: produce.id,
      produce_details_id: produce.produce_details!.id,
      cooperative_id: standing.cooperative.id,
      actor: { member_id: standing.memberId, role: standing.acting, on_behalf_of_member_id: farmerId === standing.memberId ? null : farmerId },
    },
  })
  const [archived] = await readProduce(req.scope, { id: produce.id })
  res.json({ produce: presentProduce(archived) })
})
