/**
 * Every /portal route, and the suite whose access matrix covers it. The villages suite walks the
 * route files of every plugin and fails when one is missing here; each suite fails when its matrix
 * does not have exactly its routes.
 */
export const PORTAL_ROUTES = {
  villages: [
    "POST /portal/members/register",
    "POST /portal/members/password-reset",
    "POST /portal/members/password",
    "GET /portal/me",
    "PATCH /portal/me",
    "GET /portal/join-requests",
    "POST /portal/join-requests",
    "GET /portal/villages/:code/join-requests",
    "POST /portal/villages/:code/join-requests/:id/decline",
    "POST /portal/villages/:code/join-requests/:id/approve",
    "GET /portal/villages/:code/members",
    "POST /portal/villages/:code/members/:id/verification",
    "DELETE /portal/villages/:code/memberships/:id",
    "POST /portal/media/photos",
  ],
  cooperatives: [
    "POST /portal/cooperatives",
    "GET /portal/cooperatives/:id",
    "GET /portal/cooperatives/:id/produce",
    "POST /portal/cooperatives/:id/produce",
    "GET /portal/cooperatives/:id/produce/:productId",
    "PATCH /portal/cooperatives/:id/produce/:productId",
    "POST /portal/cooperatives/:id/produce/:productId/certificates",
    "POST /portal/cooperatives/:id/produce/:productId/archive",
  ],
  shipping: [
    "GET /portal/cooperatives/:id/pickup-points",
    "POST /portal/cooperatives/:id/pickup-points",
    "POST /portal/cooperatives/:id/pickup-points/:pointId",
    "DELETE /portal/cooperatives/:id/pickup-points/:pointId",
    "GET /portal/cooperatives/:id/delivery-rates",
    "POST /portal/cooperatives/:id/delivery-rates",
  ],
  orders: [
    "GET /portal/cooperatives/:id/orders",
    "GET /portal/cooperatives/:id/orders/:orderId",
    "POST /portal/cooperatives/:id/orders/:orderId/pack",
    "POST /portal/cooperatives/:id/orders/:orderId/ship",
    "POST /portal/cooperatives/:id/orders/:orderId/ready-for-pickup",
    "POST /portal/cooperatives/:id/orders/:orderId/picked-up",
    "POST /portal/cooperatives/:id/orders/:orderId/delivered",
    "POST /portal/cooperatives/:id/orders/:orderId/cancel",
    "POST /portal/cooperatives/:id/orders/:orderId/refund",
    "GET /portal/cooperatives/:id/packing-list",
    "GET /portal/cooperatives/:id/payouts",
  ],
  income: [
    "GET /portal/income",
    "GET /portal/income.csv",
    "GET /portal/cooperatives/:id/income",
    "GET /portal/cooperatives/:id/income.csv",
    "GET /portal/me/income",
    "GET /portal/me/income.csv",
  ],
} as const
