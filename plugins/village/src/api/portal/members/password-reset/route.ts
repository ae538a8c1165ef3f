import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { parseLoginIdentifier } from "../../../../lib/login-identifier"
import { translated } from "../../../../lib/portal-errors"
import { parseBody } from "../../../../lib/validate"

const ResetBody = z.strictObject({ identifier: z.string().max(300) })

/** Always 202, whether or not the account exists, so the form cannot be used to find accounts. */
export const POST = translated(async (req: MedusaRequest, res: MedusaResponse) => {
  const { identifier } = parseBody(ResetBody, req.body)
  const login = parseLoginIdentifier(identifier)
  if (login) {
    const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    await generateResetPasswordTokenWorkflow(req.scope).run({
      input: {
        entityId: login.value,
        actorType: "member",
        provider: "emailpass",
        secret: http.jwtSecret!,
        jwtOptions: http.jwtOptions,
      },
      throwOnError: false,
    })
  }
  res.status(202).json({})
})
