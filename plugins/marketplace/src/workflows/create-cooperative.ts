import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createRemoteLinkStep,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { VILLAGE_MODULE } from "@tianyuan/village/modules/village"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { ensureCooperativeShippingStep } from "./steps/ensure-cooperative-shipping"

export type CreateCooperativeInput = {
  name: string
  handle: string
  village: { id: string; code: string; name: string; province: string }
  description: string
  contact_name: string
  contact_phone: string
  status: "pending" | "active"
  sales_channel_id: string
}

const createCooperativeStep = createStep(
  "create-cooperative",
  async (input: Omit<CreateCooperativeInput, "village" | "sales_channel_id"> & { village_code: string; stock_location_id: string }, { container }) => {
    const cooperative = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createCooperatives(input)
    return new StepResponse(cooperative, cooperative.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteCooperatives([id])
  }
)

/**
 * A cooperative with its own stock location (its produce is stocked and picked up there), that
 * location joined to the store's sales channel, the link to its village, and what it needs to ship:
 * its own shipping profile and an (empty) delivery fulfillment set (decision 007).
 */
export const createCooperativeWorkflow = createWorkflow("create-cooperative", (input: CreateCooperativeInput) => {
  const locations = createStockLocationsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      locations: [
        {
          name: `${input.name}`,
          address: { address_1: input.village.name, province: input.village.province, country_code: "cn" },
        },
      ],
    })),
  })
  const location = transform({ locations }, ({ locations }) => locations[0])
  linkSalesChannelsToStockLocationWorkflow.runAsStep({
    input: transform({ input, location }, ({ input, location }) => ({ id: location.id, add: [input.sales_channel_id] })),
  })
  const cooperative = createCooperativeStep(
    transform({ input, location }, ({ input, location }) => ({
      name: input.name,
      handle: input.handle,
      description: input.description,
      contact_name: input.contact_name,
      contact_phone: input.contact_phone,
      status: input.status,
      village_code: input.village.code,
      stock_location_id: location.id,
    }))
  )
  createRemoteLinkStep(
    transform({ input, cooperative }, ({ input, cooperative }) => [
      { [MARKETPLACE_MODULE]: { cooperative_id: cooperative.id }, [VILLAGE_MODULE]: { village_id: input.village.id } },
    ])
  )
  ensureCooperativeShippingStep(transform({ cooperative }, ({ cooperative }) => ({ cooperative_id: cooperative.id })))
  return new WorkflowResponse(cooperative)
})
