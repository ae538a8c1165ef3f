import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VILLAGE_MODULE } from "../../modules/village"
import type VillageModuleService from "../../modules/village/service"

export type CreateMemberInput = { real_name: string; login_identifier: string; email: string | null; phone: string | null }

export const createMemberStep = createStep(
  "create-member",
  async (input: CreateMemberInput, { container }) => {
    const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
    const member = await villageModule.createMembers(input)
    return new StepResponse(member, member.id)
  },
  async (memberId, { container }) => {
    if (!memberId) return
    await container.resolve<VillageModuleService>(VILLAGE_MODULE).deleteMembers([memberId])
  }
)
