import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { DEMO_PUBLISHABLE_KEY_TITLE } from "../../../lib/demo"

/**
 * The storefront and the seller portal ask for their publishable key at start, so nobody copies it
 * from the admin by hand. A publishable key is public by design: browsers send it on every store call.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const apiKeyModule = req.scope.resolve(Modules.API_KEY)
  const [apiKey] = await apiKeyModule.listApiKeys(
    { title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable", revoked_at: { $eq: null } },
    { take: 1, order: { created_at: "ASC" } }
  )
  if (!apiKey) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No publishable key yet: run the seed (npm run seed)")
  }
  res.setHeader("Cache-Control", "no-store")
  res.json({ publishable_key: apiKey.token })
}
