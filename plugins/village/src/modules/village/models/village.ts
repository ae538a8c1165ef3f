import { model } from "@medusajs/framework/utils"

/** A village-level area that has opened on the platform; operators approve it before it is public. */
export const Village = model
  .define("village", {
    id: model.id({ prefix: "vlg" }).primaryKey(),
    area_code: model.text().unique(),
    handle: model.text().unique(),
    name: model.text(),
    introduction: model.text().default(""),
    photos: model.json().default({ items: [] }),
    latitude: model.float().nullable(),
    longitude: model.float().nullable(),
    status: model.enum(["pending", "active"]).default("pending"),
    proposed_by: model.text().nullable(),
  })
  .indexes([{ on: ["status", "area_code"] }])
