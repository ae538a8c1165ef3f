import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export const setProduceArchivedStep = createStep(
  "set-produce-archived",
  async (input: { produce_details_id: string }, { container }) => {
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const before = await marketplace.retrieveProduceDetails(input.produce_details_id)
    await marketplace.updateProduceDetails({ id: input.produce_details_id, archived_at: new Date() })
    return new StepResponse(undefined, { id: input.produce_details_id, archived_at: before.archived_at })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).updateProduceDetails(previous)
  }
)
