import Medusa from "@medusajs/js-sdk";

import { env } from "../env.server";

/**
 * The portal's client for the Medusa backend at MEDUSA_BACKEND_URL. Shared by every request,
 * so it never stores a token: a member's credentials will be passed per request.
 */
export const medusa = new Medusa({
  baseUrl: env.MEDUSA_BACKEND_URL,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});
