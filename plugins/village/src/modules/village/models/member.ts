import { model } from "@medusajs/framework/utils"
import { JoinRequest } from "./join-request"
import { Membership } from "./membership"

/** Everyone who uses the seller portal: farmers, cooperative managers, villagers, secretaries, officials. */
export const Member = model.define("member", {
  id: model.id({ prefix: "mem" }).primaryKey(),
  real_name: model.text(),
  /** The email address or mobile number the member logs in with (normalised). */
  login_identifier: model.text().unique(),
  email: model.text().nullable(),
  phone: model.text().nullable(),
  verification_status: model.enum(["unverified", "verified", "rejected"]).default("unverified"),
  verified_by: model.text().nullable(),
  verified_at: model.dateTime().nullable(),
  memberships: model.hasMany(() => Membership, { mappedBy: "member" }),
  join_requests: model.hasMany(() => JoinRequest, { mappedBy: "member" }),
})
