import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export type ProduceAuditInput = {
  cooperative_id: string
  product_id: string
  action: "created" | "updated" | "archived" | "certificate_issued"
  actor_member_id: string
  actor_role: string
  on_behalf_of_member_id: string | null
  changes: Record<string, unknown>
}

/** Every change to produce is written down: who did it, in which role, and for which farmer. */
export const recordProduceAuditStep = createStep(
  "record-produce-audit",
  async (input: ProduceAuditInput, { container }) => {
    const entry = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createProduceAuditEntries(input)
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteProduceAuditEntries([id])
  }
)
