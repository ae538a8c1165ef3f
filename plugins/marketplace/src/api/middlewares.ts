import { authenticate, configureStoreSearch, defineMiddlewares } from "@medusajs/framework/http"
import { registerPortalAccess } from "@tianyuan/village/api/portal/access"
import "../lib/marketplace-errors"
import "../lib/checkout-errors"
import { cartGuard } from "./store/cart-guards"
import { paymentGuard } from "./store/payment-guard"
import { guardStoreSearch, produceStoreFilters } from "./store/search-guard"

const MEMBERS_OF_COOPERATIVE = { kind: "cooperative" as const, param: "id", roles: ["farmer", "coop_manager", "agent"] as const }
const MANAGERS_OF_COOPERATIVE = { kind: "cooperative" as const, param: "id", roles: ["coop_manager"] as const }

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
  { method: "GET", path: "/portal/cooperatives/:id/pickup-points", access: MANAGERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/pickup-points", access: MANAGERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/pickup-points/:pointId", access: MANAGERS_OF_COOPERATIVE },
  { method: "DELETE", path: "/portal/cooperatives/:id/pickup-points/:pointId", access: MANAGERS_OF_COOPERATIVE },
  { method: "GET", path: "/portal/cooperatives/:id/delivery-rates", access: MANAGERS_OF_COOPERATIVE },
  { method: "POST", path: "/portal/cooperatives/:id/delivery-rates", access: MANAGERS_OF_COOPERATIVE },
  // Orders (lib/order-actions.ts): members read (farmers only their own produce), managers act — a
  // farmer's action answers 403 in the route, after the order itself answered 404 or not.
  { method: "GET", path: "/portal/cooperatives/:id/orders", access: MEMBERS_OF_COOPERATIVE },
  { method: "GET", path: "/portal/cooperatives/:id/orders/:orderId", access: MEMBERS_OF_COOPERATIVE },
  ...["pack", "ship", "ready-for-pickup", "picked-up", "delivered", "cancel", "refund"].map((action) => ({
    method: "POST" as const,
    path: `/portal/cooperatives/:id/orders/:orderId/${action}`,
    access: MEMBERS_OF_COOPERATIVE,
  })),
  { method: "GET", path: "/portal/cooperatives/:id/packing-list", access: MEMBERS_OF_COOPERATIVE },
  { method: "GET", path: "/portal/cooperatives/:id/payouts", access: MANAGERS_OF_COOPERATIVE },
])

export default defineMiddlewares({
  routes: [
    // Our Stripe webhook checks the signature against the exact bytes Stripe sent.
    { matcher: "/hooks/stripe/connect", method: ["POST"], bodyParser: { preserveRawBody: true } },
    // No method: runs before Medusa's own validators of the cart routes (see cart-guards.ts).
    { matcher: "/store/carts", middlewares: [cartGuard] },
    // A checked-out cart is not paid a second time (see payment-guard.ts).
    { matcher: "/store/payment-collections", middlewares: [paymentGuard] },
    { matcher: "/store/customers/me/checkouts", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
    {
      // Medusa's own POST /store/search serves the produce index: published produce of the key's sales channels only.
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [guardStoreSearch, configureStoreSearch({ allowed_indexes: { produce: { filters: produceStoreFilters } } })],
    },
  ],
})
