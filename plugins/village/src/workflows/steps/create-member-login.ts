import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CreateMemberLoginInput = { identifier: string; password: string }

/** The email-or-phone + password login (a Medusa auth identity); removed again if registration fails later. */
export const createMemberLoginStep = createStep(
  "create-member-login",
  async (input: CreateMemberLoginInput, { container }) => {
    const authModule = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await authModule.register("emailpass", {
      body: { email: input.identifier, password: input.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, error ?? "Could not create the login")
    }
    return new StepResponse(authIdentity, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (!authIdentityId) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
  }
)
