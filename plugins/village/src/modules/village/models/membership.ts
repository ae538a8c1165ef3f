import { model } from "@medusajs/framework/utils"
import { MEMBER_ROLES } from "../../../lib/roles"
import { Member } from "./member"

/**
 * A role in a scope: an admin-area code (a village, or a whole town/county/province for officials) or
 * a cooperative id. An area-scoped role covers every village whose code starts with the scope's code.
 */
export const Membership = model
  .define("membership", {
    id: model.id({ prefix: "mbr" }).primaryKey(),
    scope_type: model.enum(["area", "cooperative"]),
    scope_id: model.text(),
    role: model.enum([...MEMBER_ROLES]),
    appointed_by: model.text().nullable(),
    member: model.belongsTo(() => Member, { mappedBy: "memberships" }),
  })
  .indexes([
    { on: ["member_id", "scope_type", "scope_id", "role"], unique: true, where: "deleted_at IS NULL" },
    { on: ["scope_type", "scope_id"] },
  ])
