import { model } from "@medusajs/framework/utils"
import { Member } from "./member"

/** A member asking to join a village as a villager; its secretary or committee decides. */
export const JoinRequest = model
  .define("join_request", {
    id: model.id({ prefix: "jreq" }).primaryKey(),
    village_code: model.text(),
    message: model.text().nullable(),
    status: model.enum(["pending", "approved", "declined"]).default("pending"),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    member: model.belongsTo(() => Member, { mappedBy: "join_requests" }),
  })
  .indexes([
    { on: ["member_id", "village_code"], unique: true, where: "status = 'pending' AND deleted_at IS NULL" },
    { on: ["village_code", "status"] },
  ])
