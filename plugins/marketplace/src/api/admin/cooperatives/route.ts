import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { parseMarketplaceInput } from "../../../lib/marketplace-errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"

const ListQuery = z.strictObject({ status: z.enum(["pending", "active", "suspended"]).optional() })

/** Operators: cooperatives waiting for approval (or all). */
export const GET = translated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { status } = parseMarketplaceInput(ListQuery, req.query)
  const cooperatives = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listCooperatives(status ? { status } : {}, { order: { created_at: "DESC" }, take: 500 })
  res.json({ cooperatives })
})
