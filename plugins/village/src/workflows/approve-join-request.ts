import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMembershipStep } from "./steps/create-membership"
import { decideJoinRequestStep } from "./steps/decide-join-request"

export type ApproveJoinRequestInput = { join_request_id: string; member_id: string; village_code: string; decided_by: string }

/** The request is marked approved and the member becomes a villager; both or neither. */
export const approveJoinRequestWorkflow = createWorkflow("approve-join-request", (input: ApproveJoinRequestInput) => {
  const request = decideJoinRequestStep(
    transform({ input }, ({ input }) => ({ id: input.join_request_id, status: "approved" as const, decided_by: input.decided_by }))
  )
  createMembershipStep(
    transform({ input }, ({ input }) => ({
      member_id: input.member_id,
      scope_type: "area" as const,
      scope_id: input.village_code,
      role: "villager" as const,
      appointed_by: input.decided_by,
    }))
  )
  return new WorkflowResponse(request)
})
