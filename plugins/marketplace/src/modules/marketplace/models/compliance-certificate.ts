import { model } from "@medusajs/framework/utils"
import { ProduceDetails } from "./produce-details"

/**
 * 承诺达标合格证: the batch compliance certificate producers issue at origin (required since
 * 2026-02-01). Its fields are copied at issue time so it stays true after the produce changes, and it
 * is never deleted with the produce: records are kept at least two years.
 */
export const ComplianceCertificate = model.define("compliance_certificate", {
  id: model.id({ prefix: "cert" }).primaryKey(),
  product_name: model.text(),
  quantity: model.text(),
  producer_name: model.text(),
  origin: model.text(),
  contact: model.text(),
  issued_on: model.dateTime(),
  commitment: model.text(),
  issued_by_member_id: model.text(),
  produce_details: model.belongsTo(() => ProduceDetails, { mappedBy: "certificates" }),
})
