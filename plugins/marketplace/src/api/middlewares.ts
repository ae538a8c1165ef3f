import { defineMiddlewares } from "@medusajs/framework/http"
import { registerPortalAccess } from "@tianyuan/village/api/portal/access"
import "../lib/marketplace-errors"

const MEMBERS_OF_COOPERATIVE = { kind: "cooperative" as const, param: "id", roles: ["farmer", "coop_manager", "agent"] as const }

/** The marketplace's /portal routes, in the village plugin's gate (deny by default). */
registerPortalAccess([
  { method: "POST", path: "/portal/cooperatives", access: { kind: "member" } },
  { method: "GET", path: "/portal/cooperatives/:id", access: MEMBERS_OF_COOPERATIVE },
  { method: "GET", path: "/portal/cooperatives/:id/produce", access: MEMBERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/produce", access: MEMBERS_OF_COOPERATIVE },
  { method: "GET", path: "/portal/cooperatives/:id/produce/:productId", access: MEMBERS_OF_COOPERATIVE },
  { method: "PATCH", path: "/portal/cooperatives/:id/produce/:productId", access: MEMBERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/produce/:productId/archive", access: MEMBERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/produce/:productId/certificates", access: MEMBERS_OF_COOPERATIVE },
])

export default defineMiddlewares({ routes: [] })
