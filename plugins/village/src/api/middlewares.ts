import { defineMiddlewares } from "@medusajs/framework/http"
import { portalGate } from "./portal/access"

/** Every /portal route passes the gate: deny by default, then authentication and the scope check. */
export default defineMiddlewares({
  routes: [{ matcher: "/portal*", middlewares: [portalGate] }],
})
