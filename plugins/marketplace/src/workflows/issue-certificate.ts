import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { recordProduceAuditStep } from "./steps/record-produce-audit"

export type IssueCertificateInput = {
  certificate: {
    produce_details_id: string
    product_name: string
    quantity: string
    producer_name: string
    origin: string
    contact: string
    issued_on: Date
    commitment: string
    issued_by_member_id: string
  }
  audit: { cooperative_id: string; product_id: string; actor_member_id: string; actor_role: string; on_behalf_of_member_id: string | null }
}

const createCertificateStep = createStep(
  "create-compliance-certificate",
  async (input: IssueCertificateInput["certificate"], { container }) => {
    const certificate = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createComplianceCertificates(input)
    return new StepResponse(certificate, certificate.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteComplianceCertificates([id])
  }
)

export const issueCertificateWorkflow = createWorkflow("issue-compliance-certificate", (input: IssueCertificateInput) => {
  const certificate = createCertificateStep(transform({ input }, ({ input }) => input.certificate))
  recordProduceAuditStep(
    transform({ input, certificate }, ({ input, certificate }) => ({
      ...input.audit,
      action: "certificate_issued" as const,
      changes: { certificate_id: certificate.id, quantity: input.certificate.quantity },
    }))
  )
  return new WorkflowResponse(certificate)
})
