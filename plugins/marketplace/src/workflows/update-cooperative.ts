import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CooperativeEvents } from "../lib/produce-events"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"

export type UpdateCooperativeInput = {
  id: string
  name?: string
  description?: string
  contact_name?: string
  contact_phone?: string
  status?: "pending" | "active" | "suspended"
}

const FIELDS = ["name", "description", "contact_name", "contact_phone", "status"] as const

const updateCooperativeStep = createStep(
  "update-cooperative",
  async (input: UpdateCooperativeInput, { container }) => {
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    const before = await marketplace.retrieveCooperative(input.id)
    const cooperative = await marketplace.updateCooperatives(input)
    const previous: UpdateCooperativeInput = { id: before.id }
    for (const field of FIELDS) {
      if (input[field] !== undefined) Object.assign(previous, { [field]: before[field] })
    }
    return new StepResponse(cooperative, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).updateCooperatives(previous)
  }
)

/**
 * Changes a cooperative (operators approve or suspend it). Its produce is sold, and found, only while
 * it is active, so the search index hears about every change (`cooperative.updated`).
 */
export const updateCooperativeWorkflow = createWorkflow("update-cooperative", (input: UpdateCooperativeInput) => {
  const cooperative = updateCooperativeStep(input)
  emitEventStep({
    eventName: CooperativeEvents.UPDATED,
    data: transform({ input }, ({ input }) => ({ id: input.id })),
  })
  return new WorkflowResponse(cooperative)
})
