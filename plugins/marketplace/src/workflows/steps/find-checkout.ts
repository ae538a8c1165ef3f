import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

/** The checkout a cart already completed into, if any: asking again returns it (idempotent checkout). */
export const findCheckoutStep = createStep("find-checkout", async (input: { cart_id: string }, { container }) => {
  const [existing] = await container
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCheckouts({ cart_id: input.cart_id }, { select: ["id"] })
  return new StepResponse(existing ? { id: existing.id } : null)
})
