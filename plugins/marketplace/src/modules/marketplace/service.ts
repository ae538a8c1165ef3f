import { MedusaService } from "@medusajs/framework/utils"
import { ComplianceCertificate } from "./models/compliance-certificate"
import { Checkout } from "./models/checkout"
import { CheckoutOrder } from "./models/checkout-order"
import { CommissionLine } from "./models/commission-line"
import { Cooperative } from "./models/cooperative"
import { ProduceAuditEntry } from "./models/produce-audit-entry"
import { ProduceDetails } from "./models/produce-details"

class MarketplaceModuleService extends MedusaService({
  Cooperative,
  ProduceDetails,
  ComplianceCertificate,
  ProduceAuditEntry,
  Checkout,
  CheckoutOrder,
  CommissionLine,
}) {}

export default MarketplaceModuleService
