import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LoginIdentifier } from "../lib/login-identifier"
import { createMemberLoginStep } from "./steps/create-member-login"
import { createMemberStep } from "./steps/create-member"

export type RegisterMemberInput = { identifier: LoginIdentifier; password: string; real_name: string }

/**
 * A new portal account in one go: the login, the member, and the link between them. A failure at any
 * step removes what the earlier steps made, so a retry with the same email or phone works.
 */
export const registerMemberWorkflow = createWorkflow("register-member", (input: RegisterMemberInput) => {
  const login = createMemberLoginStep(
    transform({ input }, ({ input }) => ({ identifier: input.identifier.value, password: input.password }))
  )
  const member = createMemberStep(
    transform({ input }, ({ input }) => ({
      real_name: input.real_name,
      login_identifier: input.identifier.value,
      email: input.identifier.kind === "email" ? input.identifier.value : null,
      phone: input.identifier.kind === "phone" ? input.identifier.value : null,
    }))
  )
  setAuthAppMetadataStep(
    transform({ login, member }, ({ login, member }) => ({ authIdentityId: login.id, actorType: "member", value: member.id }))
  )
  return new WorkflowResponse(member)
})
