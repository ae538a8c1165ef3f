import { model } from "@medusajs/framework/utils"

/** Who changed which produce, and for whom: agents list for farmers without smartphones. */
export const ProduceAuditEntry = model
  .define("produce_audit_entry", {
    id: model.id({ prefix: "paud" }).primaryKey(),
    cooperative_id: model.text(),
    product_id: model.text(),
    action: model.enum(["created", "updated", "archived", "certificate_issued"]),
    actor_member_id: model.text(),
    actor_role: model.text(),
    on_behalf_of_member_id: model.text().nullable(),
    changes: model.json().default({}),
  })
  .indexes([{ on: ["cooperative_id", "product_id"] }])
