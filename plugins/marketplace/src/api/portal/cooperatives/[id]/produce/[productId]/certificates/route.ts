import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../../../../../lib/marketplace-errors"
import { readProduce } from "../../../../../../../lib/produce-read"
import { issueCertificateWorkflow } from "../../../../../../../workflows/issue-certificate"
import { assertMayHandle, cooperativeStanding } from "../../../../../cooperative-access"
import { memberNames } from "../../../../../farmers"

const IssueBody = z.strictObject({
  quantity: z.string().trim().min(1).max(40),
  issued_on: z.coerce.date().optional(),
})

/** Issues a batch's 承诺达标合格证 from the produce and its cooperative, as they are today. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  const [found] = await readProduce(req.scope, { id: req.params.productId })
  const produce = assertMayHandle(standing, found)
  const input = parseMarketplaceInput(IssueBody, req.body)
  const details = produce.produce_details!
  const names = await memberNames(req.scope, [details.farmer_member_id])
  const { result } = await issueCertificateWorkflow(req.scope).run({
    input: {
      certificate: {
        produce_details_id: details.id,
        product_name: produce.title,
        quantity: input.quantity,
        producer_name: `${standing.cooperative.name}（${names.get(details.farmer_member_id) ?? ""}）`,
        origin: details.origin_area_code,
        contact: [standing.cooperative.contact_name, standing.cooperative.contact_phone].filter(Boolean).join(" "),
        issued_on: input.issued_on ?? new Date(),
        commitment: "我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物，常规农药兽药残留不超标，对承诺的真实性负责。",
        issued_by_member_id: standing.memberId,
      },
      audit: {
        cooperative_id: standing.cooperative.id,
        product_id: produce.id,
        actor_member_id: standing.memberId,
        actor_role: standing.acting,
        on_behalf_of_member_id: details.farmer_member_id === standing.memberId ? null : details.farmer_member_id,
      },
    },
  })
  res.status(201).json({ certificate: result })
})
