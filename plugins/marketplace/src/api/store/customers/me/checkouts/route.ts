import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentCheckouts } from "../../../../../lib/checkout-read"
import { storeTranslated } from "../../../../../lib/checkout-errors"
import { MARKETPLACE_MODULE } from "../../../../../modules/marketplace"
import type MarketplaceModuleService from "../../../../../modules/marketplace/service"

/** The logged-in buyer's checkouts, newest first (`?limit=&offset=`, at most 50 a page). */
export const GET = storeTranslated(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const limit = Math.min(50, Math.max(1, Number.parseInt(String(req.query.limit ?? "20"), 10) || 20))
  const offset = Math.max(0, Number.parseInt(String(req.query.offset ?? "0"), 10) || 0)
  const [rows, count] = await req.scope
    .resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    .listAndCountCheckouts({ customer_id: req.auth_context.actor_id }, { select: ["id"], order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ checkouts: await presentCheckouts(req.scope, rows.map((row) => row.id)), count, limit, offset })
})
