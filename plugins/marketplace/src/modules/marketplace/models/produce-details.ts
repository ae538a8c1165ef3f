import { model } from "@medusajs/framework/utils"
import { ComplianceCertificate } from "./compliance-certificate"
import { Cooperative } from "./cooperative"

/**
 * What makes a Medusa product produce: how it is sold (unit and net weight), where and when it grew,
 * who grew it and how it keeps. Linked one-to-one to its product.
 */
export const ProduceDetails = model
  .define("produce_details", {
    id: model.id({ prefix: "pdet" }).primaryKey(),
    unit: model.enum(["jin", "kg", "box", "piece"]),
    net_weight_grams: model.number().nullable(),
    grade: model.text().nullable(),
    variety: model.text().nullable(),
    harvest_date: model.dateTime().nullable(),
    preorder_opens_at: model.dateTime().nullable(),
    preorder_closes_at: model.dateTime().nullable(),
    ships_from: model.dateTime().nullable(),
    origin_area_code: model.text(),
    farmer_member_id: model.text(),
    storage: model.enum(["ambient", "chilled"]).default("ambient"),
    certifications: model.json().default({ items: [] }),
    story: model.text().default(""),
    /** The photos as the media pipeline stored them (immutable, so copied rather than joined). */
    photos: model.json().default({ items: [] }),
    archived_at: model.dateTime().nullable(),
    certificates: model.hasMany(() => ComplianceCertificate, { mappedBy: "produce_details" }),
    cooperative: model.belongsTo(() => Cooperative, { mappedBy: "produce" }),
  })
  .indexes([{ on: ["farmer_member_id"] }, { on: ["origin_area_code"] }])
