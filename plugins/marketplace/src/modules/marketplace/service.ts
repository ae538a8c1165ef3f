import { MedusaService } from "@medusajs/framework/utils"
import { ComplianceCertificate } from "./models/compliance-certificate"
import { Cooperative } from "./models/cooperative"
import { ProduceAuditEntry } from "./models/produce-audit-entry"
import { ProduceDetails } from "./models/produce-details"

class MarketplaceModuleService extends MedusaService({ Cooperative, ProduceDetails, ComplianceCertificate, ProduceAuditEntry }) {}

export default MarketplaceModuleService
