import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export type CreateProduceDetailsInput = {
  cooperative_id: string
  unit: "jin" | "kg" | "box" | "piece"
  net_weight_grams: number | null
  grade: string | null
  variety: string | null
  harvest_date: Date | null
  preorder_opens_at: Date | null
  preorder_closes_at: Date | null
  ships_from: Date | null
  origin_area_code: string
  farmer_member_id: string
  storage: "ambient" | "chilled"
  certifications: { items: string[] }
  story: string
  photos: { items: unknown[] }
}

export const createProduceDetailsStep = createStep(
  "create-produce-details",
  async (input: CreateProduceDetailsInput, { container }) => {
    const details = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createProduceDetails(input)
    return new StepResponse(details, details.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteProduceDetails([id])
  }
)
