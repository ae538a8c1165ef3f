import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import jwt from "jsonwebtoken"
import { isStrongEnoughPassword } from "../../../../lib/login-identifier"
import { PortalError, translated } from "../../../../lib/portal-errors"
import { parseBody } from "../../../../lib/validate"

const PasswordBody = z.strictObject({ token: z.string().max(4000), password: z.string().max(300) })

/** Sets a new password with the token from the reset notification (valid 15 minutes). */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { token, password } = parseBody(PasswordBody, req.body)
  if (!isStrongEnoughPassword(password)) throw new PortalError("weak_password")
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  let payload: { entity_id?: string; actor_type?: string; provider?: string }
  try {
    payload = jwt.verify(token, http.jwtSecret!) as typeof payload
  } catch {
    throw new PortalError("invalid_reset_token")
  }
  if (payload.actor_type !== "member" || payload.provider !== "emailpass" || !payload.entity_id) {
    throw new PortalError("invalid_reset_token")
  }
  const { success } = await req.scope
    .resolve(Modules.AUTH)
    .updateProvider("emailpass", { entity_id: payload.entity_id, password })
  if (!success) throw new PortalError("invalid_reset_token")
  res.json({})
})
