import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { portalContext } from "@tianyuan/village/api/portal/access"
import { PortalError, translated } from "@tianyuan/village/lib/portal-errors"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import type { VillageModuleService } from "@tianyuan/village/modules/village"
import { parseMarketplaceInput } from "../../../lib/marketplace-errors"
import { produceHandle } from "../../../lib/produce-handle"
import { listingDefaults } from "../../../lib/store-context"
import { createCooperativeWorkflow } from "../../../workflows/create-cooperative"

const ApplyBody = z.strictObject({
  name: z.string().trim().min(2).max(60),
  village_code: z.string().regex(/^\d{12}$/),
  description: z.string().trim().max(2000).default(""),
  contact_name: z.string().trim().max(40).default(""),
  contact_phone: z.string().trim().max(40).default(""),
})

/**
 * A villager, secretary or committee member applies to open a cooperative in their village. It waits
 * (pending) until an operator approves it in the admin; the applicant becomes its manager.
 */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { memberId, memberships } = portalContext(req)
  const input = parseMarketplaceInput(ApplyBody, req.body)
  const belongs = memberships.some(
    (m) => m.scope_type === "area" && m.scope_id === input.village_code && ["villager", "secretary", "committee"].includes(m.role)
  )
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [village] = belongs ? await villageModule.listVillages({ area_code: input.village_code, status: "active" }) : []
  // Not one's own village, or not open on the platform: the same answer as an unknown village.
  if (!village) throw new PortalError("village_not_found")
  const [province] = await villageModule.listAdminAreas({ code: input.village_code.slice(0, 2) }, { select: ["name"] })
  const { sales_channel_id } = await listingDefaults(req.scope)
  const { result: cooperative } = await createCooperativeWorkflow(req.scope).run({
    input: {
      name: input.name,
      handle: produceHandle(input.name),
      village: { id: village.id, code: village.area_code, name: village.name, province: province?.name ?? "" },
      description: input.description,
      contact_name: input.contact_name,
      contact_phone: input.contact_phone,
      status: "pending",
      sales_channel_id,
    },
  })
  await villageModule.createMemberships({
    member_id: memberId,
    scope_type: "cooperative",
    scope_id: cooperative.id,
    role: "coop_manager",
    appointed_by: memberId,
  })
  res.status(201).json({ cooperative })
})
