import { model } from "@medusajs/framework/utils"
import { ProduceDetails } from "./produce-details"

/** A village cooperative that sells its members' produce; operators approve it before it sells. */
export const Cooperative = model
  .define("cooperative", {
    id: model.id({ prefix: "coop" }).primaryKey(),
    name: model.text(),
    handle: model.text().unique(),
    village_code: model.text(),
    description: model.text().default(""),
    contact_name: model.text().default(""),
    contact_phone: model.text().default(""),
    status: model.enum(["pending", "active", "suspended"]).default("pending"),
    photo_url: model.text().nullable(),
    stock_location_id: model.text().nullable(),
    /** The cooperative's own shipping profile: Medusa then asks for one shipping choice per cooperative. */
    shipping_profile_id: model.text().nullable(),
    /** Commission override in basis points (500 = 5 %); null means the platform default. */
    commission_rate_bps: model.number().nullable(),
    produce: model.hasMany(() => ProduceDetails, { mappedBy: "cooperative" }),
  })
  .indexes([{ on: ["village_code"] }, { on: ["status"] }])
