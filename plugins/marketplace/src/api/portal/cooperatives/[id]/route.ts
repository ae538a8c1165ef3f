import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { translated } from "@tianyuan/village/lib/portal-errors"
import { cooperativeStanding } from "../../cooperative-access"
import { cooperativeFarmers } from "../../farmers"

/** The cooperative as its members see it: details, their own standing, its farmers. */
export const GET = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const standing = await cooperativeStanding(req)
  res.json({
    cooperative: standing.cooperative,
    acting_as: standing.acting,
    farmers: await cooperativeFarmers(req.scope, standing.cooperative.id),
  })
})
