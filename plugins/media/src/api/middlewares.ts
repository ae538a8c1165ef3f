import { defineMiddlewares } from "@medusajs/framework/http"
import { registerPortalAccess } from "@tianyuan/village/api/portal/access"

// The village plugin's gate on /portal/* denies every route it has no rule for.
registerPortalAccess([{ method: "POST", path: "/portal/media/photos", access: { kind: "member" } }])

/** Photos arrive as multipart and are streamed to disk by busboy, so Medusa must not parse the body. */
export default defineMiddlewares({
  routes: [{ matcher: "/portal/media/photos", methods: ["POST"], bodyParser: false }],
})
