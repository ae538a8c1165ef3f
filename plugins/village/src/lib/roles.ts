/** The roles of ARCHITECTURE.md; the order is only for display. */
export const MEMBER_ROLES = [
  "farmer",
  "coop_manager",
  "agent",
  "villager",
  "secretary",
  "committee",
  "finance_reviewer",
  "official",
] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/** Roles held in a village (or above it, for officials) rather than in a cooperative. */
export const AREA_ROLES: readonly MemberRole[] = ["villager", "secretary", "committee", "finance_reviewer", "official", "agent"]
export const COOPERATIVE_ROLES: readonly MemberRole[] = ["farmer", "coop_manager", "agent"]

export const PORTAL_MENUS = [
  "profile",
  "join_village",
  "my_villages",
  "join_requests",
  "village_members",
  "area_overview",
  "cooperative",
  "cooperative_orders",
  "cooperative_payouts",
  "income",
] as const
export type PortalMenu = (typeof PORTAL_MENUS)[number]

/** Which home-screen menus a member sees, from the roles they hold. */
export function menusFor(roles: Iterable<{ scope_type: "area" | "cooperative"; role: MemberRole }>): PortalMenu[] {
  const menus = new Set<PortalMenu>(["profile", "join_village"])
  for (const { scope_type, role } of roles) {
    if (scope_type === "area" && role !== "official") menus.add("my_villages")
    if (role === "secretary" || role === "committee") {
      menus.add("join_requests")
      menus.add("village_members")
    }
    if (role === "official") {
      menus.add("area_overview")
      menus.add("village_members")
    }
    if (scope_type === "cooperative") menus.add("cooperative")
    // Orders: every role of a cooperative (farmers read their own); payouts: its managers.
    if (scope_type === "cooperative") menus.add("cooperative_orders")
    if (scope_type === "cooperative" && role === "coop_manager") menus.add("cooperative_payouts")
    // Income (issue 7): an area's for its officials, secretaries and committee; a cooperative's for its managers; farmers their own.
    if (scope_type === "area" ? ["official", "secretary", "committee"].includes(role) : role === "coop_manager" || role === "farmer") menus.add("income")
  }
  return PORTAL_MENUS.filter((menu) => menus.has(menu))
}
