import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ProduceEvents } from "../lib/produce-events"
import { recordProduceAuditStep } from "./steps/record-produce-audit"
import { setProduceArchivedStep } from "./steps/set-produce-archived"

export type ArchiveProduceWorkflowInput = {
  product_id: string
  produce_details_id: string
  cooperative_id: string
  actor: { member_id: string; role: string; on_behalf_of_member_id: string | null }
}

/**
 * Takes produce off sale without deleting it: orders and compliance certificates keep pointing at
 * it, and certificates must be kept for at least two years.
 */
export const archiveProduceWorkflow = createWorkflow("archive-produce", (input: ArchiveProduceWorkflowInput) => {
  setProduceArchivedStep(transform({ input }, ({ input }) => ({ produce_details_id: input.produce_details_id })))
  updateProductsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ selector: { id: input.product_id }, update: { status: "draft" as const } })),
  })
  const entry = recordProduceAuditStep(
    transform({ input }, ({ input }) => ({
      cooperative_id: input.cooperative_id,
      product_id: input.product_id,
      action: "archived" as const,
      actor_member_id: input.actor.member_id,
      actor_role: input.actor.role,
      on_behalf_of_member_id: input.actor.on_behalf_of_member_id,
      changes: {},
    }))
  )
  // Archived produce leaves the search index.
  emitEventStep({
    eventName: ProduceEvents.ARCHIVED,
    data: transform({ input }, ({ input }) => ({ id: input.product_id })),
  })
  return new WorkflowResponse(entry)
})
