import { grantingMembership, matchPortalAccess, registerPortalAccess, type PortalMembership } from "./access"

const membership = (role: PortalMembership["role"], scope_id: string, scope_type: PortalMembership["scope_type"] = "area") => ({
  id: `mbr_${role}_${scope_id}`,
  role,
  scope_id,
  scope_type,
})

describe("area-prefix scoping", () => {
  const members = { roles: ["secretary", "official"] as const, kind: "area" as const, param: "code" }

  it("lets a county official act on every village of the county", () => {
    const official = [membership("official", "610629")]
    expect(grantingMembership(official, members, "610629101204")?.role).toBe("official")
    expect(grantingMembership(official, members, "610629101212")?.role).toBe("official")
    expect(grantingMembership(official, members, "610124101201")).toBeNull()
  })

  it("keeps a village secretary to their own village", () => {
    const secretary = [membership("secretary", "610629101204")]
    expect(grantingMembership(secretary, members, "610629101204")).not.toBeNull()
    expect(grantingMembership(secretary, members, "610629101212")).toBeNull()
    expect(grantingMembership(secretary, members, "610629")).toBeNull()
  })

  it("ignores roles the route does not name and malformed scopes", () => {
    const villager = [membership("villager", "610629101204")]
    expect(grantingMembership(villager, members, "610629101204")).toBeNull()
    expect(grantingMembership([membership("official", "6106")], members, "6106291012xx")).toBeNull()
  })

  it("never lets an area role reach a cooperative or the other way round", () => {
    const cooperativeRoute = { kind: "cooperative" as const, param: "id", roles: ["coop_manager"] as const }
    expect(grantingMembership([membership("coop_manager", "coop_1", "cooperative")], cooperativeRoute, "coop_1")).not.toBeNull()
    expect(grantingMembership([membership("coop_manager", "coop_1", "cooperative")], cooperativeRoute, "coop_2")).toBeNull()
    expect(grantingMembership([membership("coop_manager", "61", "area")], cooperativeRoute, "61")).toBeNull()
  })
})

describe("the portal access table", () => {
  it("matches routes with parameters and nothing else", () => {
    expect(matchPortalAccess("GET", "/portal/villages/610629101204/members")?.params).toEqual({ code: "610629101204" })
    expect(matchPortalAccess("GET", "/portal/villages/610629101204/members/")?.rule.path).toBe("/portal/villages/:code/members")
    expect(matchPortalAccess("PUT", "/portal/villages/610629101204/members")).toBeNull()
    expect(matchPortalAccess("GET", "/portal/villages//members")).toBeNull()
    expect(matchPortalAccess("GET", "/portal/anything")).toBeNull()
  })

  it("accepts rules from other plugins once", () => {
    registerPortalAccess([{ method: "GET", path: "/portal/cooperatives/:id/things", access: { kind: "member" } }])
    registerPortalAccess([{ method: "GET", path: "/portal/cooperatives/:id/things", access: { kind: "public" } }])
    expect(matchPortalAccess("GET", "/portal/cooperatives/coop_1/things")?.rule.access).toEqual({ kind: "member" })
  })
})
