import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MemberRole } from "../../lib/roles"
import { VILLAGE_MODULE } from "../../modules/village"
import type VillageModuleService from "../../modules/village/service"

export type CreateMembershipInput = {
  member_id: string
  scope_type: "area" | "cooperative"
  scope_id: string
  role: MemberRole
  appointed_by: string | null
}

export const createMembershipStep = createStep(
  "create-membership",
  async (input: CreateMembershipInput, { container }) => {
    const membership = await container.resolve<VillageModuleService>(VILLAGE_MODULE).createMemberships(input)
    return new StepResponse(membership, membership.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<VillageModuleService>(VILLAGE_MODULE).deleteMemberships([id])
  }
)
