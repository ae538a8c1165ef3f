import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"

export type CommissionLineInput = {
  order_id: string
  line_item_id: string
  cooperative_id: string
  rate_bps: number
  gross_fen: number
  commission_fen: number
}

/** The platform's commission per order line, with the rate that applied at checkout. */
export const recordCommissionLinesStep = createStep(
  "record-commission-lines",
  async (lines: CommissionLineInput[], { container }) => {
    if (lines.length === 0) return new StepResponse([] as string[], [] as string[])
    const created = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createCommissionLines(lines)
    const ids = created.map((line) => line.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteCommissionLines(ids)
  }
)
