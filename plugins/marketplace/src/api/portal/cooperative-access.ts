import type { MedusaRequest } from "@medusajs/framework/http"
import { portalContext } from "@tianyuan/village/api/portal/access"
import { PortalError } from "@tianyuan/village/lib/portal-errors"
import type { MemberRole } from "@tianyuan/village/lib/roles"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import type { ProduceRecord } from "../../lib/produce-read"

/**
 * The member's standing in the cooperative of the path (the gate has already checked they hold a
 * role there): a manager handles all produce, an agent lists for farmers (audited), a farmer only
 * their own.
 */
export type CooperativeStanding = {
  memberId: string
  cooperative: Awaited<ReturnType<MarketplaceModuleService["retrieveCooperative"]>>
  acting: "coop_manager" | "agent" | "farmer"
}

export async function cooperativeStanding(req: MedusaRequest): Promise<CooperativeStanding> {
  const { memberId, memberships } = portalContext(req)
  const roles = new Set<MemberRole>(
    memberships.filter((m) => m.scope_type === "cooperative" && m.scope_id === req.params.id).map((m) => m.role)
  )
  const [cooperative] = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCooperatives({ id: req.params.id })
  if (!cooperative) throw new PortalError("cooperative_not_found")
  const acting = roles.has("coop_manager") ? "coop_manager" : roles.has("agent") ? "agent" : "farmer"
  return { memberId, cooperative, acting }
}

/** Produce this member may touch; anything else (another farmer's, another cooperative's) is 404. */
export function assertMayHandle(standing: CooperativeStanding, produce: ProduceRecord | undefined): ProduceRecord {
  if (!produce || produce.produce_details?.cooperative?.id !== standing.cooperative.id) throw new PortalError("produce_not_found")
  if (standing.acting === "farmer" && produce.produce_details?.farmer_member_id !== standing.memberId) {
    throw new PortalError("produce_not_found")
  }
  return produce
}
