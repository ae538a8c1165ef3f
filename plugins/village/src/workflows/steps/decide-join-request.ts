import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VILLAGE_MODULE } from "../../modules/village"
import type VillageModuleService from "../../modules/village/service"

export type DecideJoinRequestInput = { id: string; status: "approved" | "declined"; decided_by: string }

export const decideJoinRequestStep = createStep(
  "decide-join-request",
  async (input: DecideJoinRequestInput, { container }) => {
    const villageModule = container.resolve<VillageModuleService>(VILLAGE_MODULE)
    const request = await villageModule.updateJoinRequests({
      id: input.id,
      status: input.status,
      decided_by: input.decided_by,
      decided_at: new Date(),
    })
    return new StepResponse(request, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container
      .resolve<VillageModuleService>(VILLAGE_MODULE)
      .updateJoinRequests({ id, status: "pending", decided_by: null, decided_at: null })
  }
)
