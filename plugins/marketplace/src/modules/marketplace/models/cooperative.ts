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
    produce: model.hasMany(() => ProduceDetails, { mappedBy: "cooperative" }),
  })
  .indexes([{ on: ["village_code"] }, { on: ["status"] }])
