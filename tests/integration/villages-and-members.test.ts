import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemoData from "../../backend/src/scripts/seed"
import {
  DEMO_MEMBER_PASSWORD,
  DEMO_NEWCOMER,
  DEMO_OFFICIAL,
  DEMO_OPERATOR,
  DEMO_VILLAGERS,
  DEMO_VILLAGES,
} from "../../backend/src/lib/demo"
import { listPortalAccess } from "../../plugins/village/src/api/portal/access"
import { VILLAGE_MODULE } from "../../plugins/village/src/modules/village"
import type VillageModuleService from "../../plugins/village/src/modules/village/service"
import { registerMemberWorkflow } from "../../plugins/village/src/workflows/register-member"
import { bearer, call, type Answer } from "../support/http"
import { PORTAL_ROUTES } from "../support/portal-routes"

const ROOT = path.resolve(__dirname, "../..")
const VILLAGE_A = DEMO_VILLAGES[0] // 桐堤村, 洛川县
const VILLAGE_B = DEMO_VILLAGES[1] // 靳家塬村, 洛川县 (same county)
const VILLAGE_C = DEMO_VILLAGES[4] // 莲花村, 五常市 (another province)
const VILLAGER_A = DEMO_VILLAGERS[0]

type Actor = "anonymous" | "outsider" | "villagerA" | "secretaryA" | "secretaryB" | "secretaryC" | "official"
type Expect = "allowed" | 404 | 401

/** Every /portal route and what each actor gets. Adding a route without a row here fails the suite. */
type Row = {
  method: "GET" | "POST" | "PATCH" | "DELETE"
  /** The route as declared, e.g. /portal/villages/:code/members */
  pattern: string
  /** The concrete URL called, in village A */
  path: string
  body?: Record<string, unknown>
  /** "everyone": public route; "members": any logged-in member; or exactly these actors. */
  allowed: "everyone" | "members" | Actor[]
}

medusaIntegrationTestRunner({
  cwd: path.join(ROOT, "backend"),
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const village = () => getContainer().resolve<VillageModuleService>(VILLAGE_MODULE)
    const tokens: Partial<Record<Actor, string>> = {}
    const ids = { newcomerRequest: "", villagerA: "", villagerAMembership: "" }

    const login = async (identifier: string, password = DEMO_MEMBER_PASSWORD) =>
      (await api.post("/auth/member/emailpass", { email: identifier, password })).data.token as string

    beforeAll(async () => {
      await seedDemoData({ container: getContainer(), args: [] } as never)
      // The outsider registers through the API like anyone would.
      const registered = await call(
        api.post("/portal/members/register", { identifier: "outsider@example.com", password: "outside123", real_name: "路人甲" })
      )
      expect(registered.status).toBe(201)
      const [request] = await village().listJoinRequests({ village_code: VILLAGE_A.code, status: "pending" })
      ids.newcomerRequest = request.id
      const [villager] = await village().listMembers({ login_identifier: VILLAGER_A.identifier })
      ids.villagerA = villager.id
      const [membership] = await village().listMemberships({ member_id: villager.id, scope_id: VILLAGE_A.code })
      ids.villagerAMembership = membership.id
      // Logging in writes nothing, so these tokens stay good after each test's database restore.
      tokens.outsider = await login("outsider@example.com", "outside123")
      tokens.villagerA = await login(VILLAGER_A.identifier)
      tokens.secretaryA = await login(VILLAGE_A.secretary.identifier)
      tokens.secretaryB = await login(VILLAGE_B.secretary.identifier)
      tokens.secretaryC = await login(VILLAGE_C.secretary.identifier)
      tokens.official = await login(DEMO_OFFICIAL.identifier)
    })

    const request = (actor: Actor, row: Row): Promise<Answer> => {
      const url = row.path
      const options = actor === "anonymous" ? { headers: {} } : bearer(tokens[actor]!)
      switch (row.method) {
        case "GET":
          return call(api.get(url, options))
        case "DELETE":
          return call(api.delete(url, options))
        case "PATCH":
          return call(api.patch(url, row.body ?? {}, options))
        default:
          return call(api.post(url, row.body ?? {}, options))
      }
    }

    const matrix = (): Row[] => [
      { method: "POST", pattern: "/portal/members/register", path: "/portal/members/register", body: { identifier: "x", password: "x", real_name: "x" }, allowed: "everyone" },
      { method: "POST", pattern: "/portal/members/password-reset", path: "/portal/members/password-reset", body: { identifier: "nobody@example.com" }, allowed: "everyone" },
      { method: "POST", pattern: "/portal/members/password", path: "/portal/members/password", body: { token: "bad", password: "weak" }, allowed: "everyone" },
      { method: "GET", pattern: "/portal/me", path: "/portal/me", allowed: "members" },
      { method: "PATCH", pattern: "/portal/me", path: "/portal/me", body: { real_name: "新名字" }, allowed: "members" },
      { method: "GET", pattern: "/portal/join-requests", path: "/portal/join-requests", allowed: "members" },
      { method: "POST", pattern: "/portal/join-requests", path: "/portal/join-requests", body: { village_code: VILLAGE_B.code }, allowed: "members" },
      {
        method: "GET",
        pattern: "/portal/villages/:code/join-requests",
        path: `/portal/villages/${VILLAGE_A.code}/join-requests`,
        allowed: ["secretaryA"],
      },
      {
        method: "POST",
        pattern: "/portal/villages/:code/join-requests/:id/decline",
        path: `/portal/villages/${VILLAGE_A.code}/join-requests/${ids.newcomerRequest}/decline`,
        allowed: ["secretaryA"],
      },
      {
        method: "POST",
        pattern: "/portal/villages/:code/join-requests/:id/approve",
        path: `/portal/villages/${VILLAGE_A.code}/join-requests/${ids.newcomerRequest}/approve`,
        allowed: ["secretaryA"],
      },
      { method: "GET", pattern: "/portal/villages/:code/members", path: `/portal/villages/${VILLAGE_A.code}/members`, allowed: ["secretaryA", "official"] },
      {
        method: "POST",
        pattern: "/portal/villages/:code/members/:id/verification",
        path: `/portal/villages/${VILLAGE_A.code}/members/${ids.villagerA}/verification`,
        body: { status: "verified" },
        allowed: ["secretaryA", "official"],
      },
      { method: "POST", pattern: "/portal/media/photos", path: "/portal/media/photos", allowed: "members" },
      {
        method: "DELETE",
        pattern: "/portal/villages/:code/memberships/:id",
        path: `/portal/villages/${VILLAGE_A.code}/memberships/${ids.villagerAMembership}`,
        allowed: ["secretaryA"],
      },
    ]

    const ACTORS: Actor[] = ["anonymous", "outsider", "villagerA", "secretaryB", "secretaryC", "official", "secretaryA"]

    it("has a row for every /portal route of every plugin, and the gate knows each of them", () => {
      const routes: string[] = []
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
          const full = path.join(dir, entry)
          if (statSync(full).isDirectory()) walk(full)
          else if (entry === "route.ts") {
            const routePath = "/" + path.relative(path.join(dir.split("/src/api/")[0], "src/api"), dir).replace(/\[([^\]]+)\]/g, ":$1")
            for (const [, method] of readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)) {
              routes.push(`${method} ${routePath}`)
            }
          }
        }
      }
      for (const base of ["plugins/village", "plugins/marketplace", "plugins/media", "plugins/search", "backend"]) {
        const portal = path.join(ROOT, base, "src/api/portal")
        try {
          statSync(portal)
        } catch {
          continue
        }
        walk(portal)
      }
      const inMatrix = new Set(matrix().map((row) => `${row.method} ${row.pattern}`))
      expect([...inMatrix].sort()).toEqual([...PORTAL_ROUTES.villages].sort())
      const covered = new Set<string>(Object.values(PORTAL_ROUTES).flat())
      const gate = new Set(listPortalAccess().map((rule) => `${rule.method} ${rule.path}`))
      expect(routes.length).toBeGreaterThan(15)
      for (const route of routes) {
        expect(covered, `no access matrix covers ${route}`).toContain(route)
        // The gate's rules of other plugins live in their own built instance; the matrix checks those.
        if (PORTAL_ROUTES.villages.includes(route as never) && !route.includes("/media/")) {
          expect(gate, `the gate has no access rule for ${route}`).toContain(route)
        }
      }
    })

    for (const index of [...Array(14).keys()]) {
      it(`answers each actor as the access table says — row ${index + 1}`, async () => {
        const row = matrix()[index]
        expect(matrix()).toHaveLength(14)
        for (const actor of ACTORS) {
          const allowed =
            row.allowed === "everyone" || (row.allowed === "members" ? actor !== "anonymous" : row.allowed.includes(actor))
          const expected: Expect = allowed ? "allowed" : actor === "anonymous" ? 401 : 404
          const answer = await request(actor, row)
          if (expected === "allowed") {
            expect([401, 403, 404], `${actor} ${row.method} ${row.path} → ${answer.status} ${JSON.stringify(answer.data)}`).not.toContain(answer.status)
          } else {
            expect(answer.status, `${actor} ${row.method} ${row.path}`).toBe(expected)
          }
        }
      })
    }

    it("answers an unknown /portal route 404 even with a valid token (deny by default)", async () => {
      expect((await call(api.get("/portal/secret-things", bearer(tokens.official!)))).status).toBe(404)
      expect((await call(api.delete("/portal/me", bearer(tokens.official!)))).status).toBe(404)
    })

    it("lets a county official see every village of the county and nothing outside", async () => {
      expect((await call(api.get(`/portal/villages/${VILLAGE_A.code}/members`, bearer(tokens.official!)))).status).toBe(200)
      expect((await call(api.get(`/portal/villages/${VILLAGE_B.code}/members`, bearer(tokens.official!)))).status).toBe(200)
      const outside = await call(api.get(`/portal/villages/${VILLAGE_C.code}/members`, bearer(tokens.official!)))
      expect(outside.status).toBe(404)
      // The same answer as for a village that does not exist at all.
      const unknown = await call(api.get(`/portal/villages/610629999999/members`, bearer(tokens.secretaryC!)))
      expect(outside.data).toEqual(unknown.data)
    })

    it("registers, logs in and shows only the menus the roles allow", async () => {
      const me = async (token: string) => (await api.get("/portal/me", bearer(token))).data
      const outsider = await me(tokens.outsider!)
      expect(outsider.member.real_name).toBe("路人甲")
      expect(outsider.menus).toEqual(["profile", "join_village"])
      const secretary = await me(tokens.secretaryA!)
      expect(secretary.villages).toEqual([expect.objectContaining({ code: VILLAGE_A.code, name: "桐堤村", handle: "tongdi", roles: ["secretary"] })])
      expect(secretary.menus).toEqual(["profile", "join_village", "my_villages", "join_requests", "village_members", "income"])
      const official = await me(tokens.official!)
      expect(official.areas).toEqual([expect.objectContaining({ code: "610629", name: "洛川县", level: "county", roles: ["official"] })])
      expect(official.menus).toEqual(["profile", "join_village", "village_members", "area_overview", "income"])
    })

    it("takes a villager from asking to join to seeing the village menu", async () => {
      const asked = await call(api.post("/portal/join-requests", { village_code: VILLAGE_B.code, message: "想加入" }, bearer(tokens.outsider!)))
      expect(asked.status).toBe(201)
      expect(asked.data.join_request).toMatchObject({ village_name: "靳家塬村", status: "pending" })

      const twice = await call(api.post("/portal/join-requests", { village_code: VILLAGE_B.code }, bearer(tokens.outsider!, "en")))
      expect(twice.status).toBe(409)
      expect(twice.data).toMatchObject({ code: "already_requested", message: expect.stringContaining("already asked") })

      // Village A's secretary cannot decide village B's request, not even through their own village's path.
      const viaOwnPath = await call(
        api.post(`/portal/villages/${VILLAGE_A.code}/join-requests/${asked.data.join_request.id}/approve`, {}, bearer(tokens.secretaryA!))
      )
      expect(viaOwnPath.status).toBe(404)

      const pending = await api.get(`/portal/villages/${VILLAGE_B.code}/join-requests?status=pending`, bearer(tokens.secretaryB!))
      expect(pending.data.join_requests.map((r: { member: { real_name: string } }) => r.member.real_name)).toContain("路人甲")
      const approved = await call(
        api.post(`/portal/villages/${VILLAGE_B.code}/join-requests/${asked.data.join_request.id}/approve`, {}, bearer(tokens.secretaryB!))
      )
      expect(approved.status).toBe(200)
      expect(approved.data.join_request.status).toBe("approved")
      const again = await call(
        api.post(`/portal/villages/${VILLAGE_B.code}/join-requests/${asked.data.join_request.id}/approve`, {}, bearer(tokens.secretaryB!))
      )
      expect(again.status).toBe(409)

      const me = (await api.get("/portal/me", bearer(tokens.outsider!))).data
      expect(me.menus).toContain("my_villages")
      expect(me.villages).toEqual([expect.objectContaining({ code: VILLAGE_B.code, roles: ["villager"] })])
      const member = await call(api.post("/portal/join-requests", { village_code: VILLAGE_B.code }, bearer(tokens.outsider!)))
      expect(member.data.code).toBe("already_member")
    })

    it("stops a revoked membership on the very next request", async () => {
      const path = `/portal/villages/${VILLAGE_A.code}/join-requests`
      expect((await call(api.get(path, bearer(tokens.secretaryA!)))).status).toBe(200)
      const admin = (await api.post("/auth/user/emailpass", DEMO_OPERATOR)).data.token
      const [secretary] = await village().listMembers({ login_identifier: VILLAGE_A.secretary.identifier })
      const [membership] = await village().listMemberships({ member_id: secretary.id, role: "secretary" })
      await api.delete(`/admin/memberships/${membership.id}`, { headers: { authorization: `Bearer ${admin}` } })
      expect((await call(api.get(path, bearer(tokens.secretaryA!)))).status).toBe(404)
    })

    it("refuses bad registrations with clear messages in both languages and creates nothing", async () => {
      const auth = getContainer().resolve(Modules.AUTH)
      const before = {
        members: (await village().listMembers({})).length,
        logins: (await auth.listProviderIdentities({})).length,
      }
      const register = (body: Record<string, unknown>, locale: "zh-CN" | "en" = "zh-CN") =>
        call(api.post("/portal/members/register", body, { headers: { "x-tianyuan-locale": locale } }))

      const duplicatePhone = await register({ identifier: "+86 139 0000 0001", password: "abc12345", real_name: "重名" })
      expect(duplicatePhone).toMatchObject({ status: 409, data: { code: "identifier_taken", message: expect.stringContaining("已经注册") } })
      const duplicateEmail = await register({ identifier: "Outsider@Example.com", password: "abc12345", real_name: "重名" }, "en")
      expect(duplicateEmail).toMatchObject({ status: 409, data: { code: "identifier_taken", message: expect.stringContaining("already registered") } })
      const weak = await register({ identifier: "new@example.com", password: "12345678", real_name: "新人" }, "en")
      expect(weak).toMatchObject({ status: 400, data: { code: "weak_password", message: expect.stringContaining("at least 8 characters") } })
      const weakZh = await register({ identifier: "new@example.com", password: "short1", real_name: "新人" })
      expect(weakZh.data.message).toContain("密码至少 8 位")
      expect((await register({ identifier: "not-a-phone", password: "abc12345", real_name: "新人" })).data.code).toBe("invalid_identifier")
      expect((await register({ identifier: "new@example.com", password: "abc12345", real_name: " " })).data.code).toBe("invalid_real_name")
      expect((await register({ identifier: "new@example.com", password: "abc12345", real_name: "新人", admin: true })).status).toBe(400)

      expect((await village().listMembers({})).length).toBe(before.members)
      expect((await auth.listProviderIdentities({})).length).toBe(before.logins)
    })

    it("removes the login again when creating the member fails half-way", async () => {
      const auth = getContainer().resolve(Modules.AUTH)
      // A member row without a login: the workflow's second step will hit the unique index.
      await village().createMembers({ real_name: "占位", login_identifier: "13700000000" })
      await expect(
        registerMemberWorkflow(getContainer()).run({
          input: { identifier: { kind: "phone", value: "13700000000" }, password: "abc12345", real_name: "后来者" },
        })
      ).rejects.toThrow()
      expect(await auth.listProviderIdentities({ entity_id: "13700000000" })).toEqual([])
    })

    it("resets a forgotten password with the code sent to the member", async () => {
      const reset = await call(api.post("/portal/members/password-reset", { identifier: "+86 13900000001" }))
      expect(reset.status).toBe(202)
      // Same answer for an account that does not exist: nobody can probe for accounts.
      expect((await call(api.post("/portal/members/password-reset", { identifier: "13911112222" }))).status).toBe(202)

      let notification: { data: { token: string } } | undefined
      for (let attempt = 0; attempt < 50 && !notification; attempt++) {
        ;[notification] = (await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ to: "13900000001", template: "member-password-reset" })) as never[]
        if (!notification) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(notification?.data.token).toBeTruthy()
      const weak = await call(api.post("/portal/members/password", { token: notification!.data.token, password: "weak" }))
      expect(weak.data.code).toBe("weak_password")
      const forged = await call(api.post("/portal/members/password", { token: "x.y.z", password: "newpass2027" }))
      expect(forged).toMatchObject({ status: 401, data: { code: "invalid_reset_token" } })
      expect((await call(api.post("/portal/members/password", { token: notification!.data.token, password: "newpass2027" }))).status).toBe(200)
      expect(await login("13900000001", "newpass2027")).toBeTruthy()
      expect((await call(api.post("/auth/member/emailpass", { email: "13900000001", password: DEMO_MEMBER_PASSWORD }))).status).toBe(401)
    })

    describe("store API", () => {
      const key = async () => ({ headers: { "x-publishable-api-key": (await api.get("/public/storefront-config")).data.publishable_key } })

      it("lists provinces with the number of villages open on the platform", async () => {
        const { data } = await api.get("/store/areas", await key())
        expect(data.areas).toHaveLength(31)
        const byCode = new Map(data.areas.map((area: { code: string }) => [area.code, area]))
        expect(byCode.get("61")).toMatchObject({ name: "陕西省", level: "province", active_village_count: 4, pinyin: "shan xi sheng" })
        expect(byCode.get("23")).toMatchObject({ name: "黑龙江省", active_village_count: 2 })
        expect(byCode.get("11")).toMatchObject({ active_village_count: 0 })
      })

      it("walks from a county down to a village page", async () => {
        const headers = await key()
        const county = (await api.get("/store/areas/610629", headers)).data
        expect(county.area).toMatchObject({ name: "洛川县", level: "county", active_village_count: 2 })
        expect(county.area.parents.map((p: { name: string }) => p.name)).toEqual(["陕西省", "延安市"])
        const town = county.children.find((child: { code: string }) => child.code === "610629101")
        expect(town).toMatchObject({ name: "旧县镇", active_village_count: 2 })

        const villages = (await api.get("/store/areas/610629101", headers)).data.children
        const tongdi = villages.find((child: { code: string }) => child.code === VILLAGE_A.code)
        expect(tongdi.village).toEqual({ handle: "tongdi", name: "桐堤村" })
        expect(villages.filter((child: { village: unknown }) => child.village === null).length).toBeGreaterThan(5)

        const page = (await api.get("/store/villages/tongdi", headers)).data.village
        expect(page).toMatchObject({ name: "桐堤村", area_code: VILLAGE_A.code, latitude: expect.closeTo(35.78, 2) })
        expect(page.parents.map((p: { name: string }) => p.name)).toEqual(["陕西省", "延安市", "洛川县", "旧县镇"])
      })

      it("answers malformed and unknown codes and pending villages clearly", async () => {
        const headers = await key()
        const malformed = await call(api.get("/store/areas/61a", { headers: { ...headers.headers, "x-tianyuan-locale": "en" } }))
        expect(malformed).toMatchObject({ status: 400, data: { code: "invalid_area_code", message: "That is not a valid area code." } })
        expect((await call(api.get("/store/areas/999999", headers))).data.code).toBe("area_not_found")
        expect((await call(api.get("/store/areas/999999", headers))).status).toBe(404)
        const pending = await village().openVillage({ area_code: "610629101200" })
        expect(pending?.status).toBe("pending")
        expect((await call(api.get(`/store/villages/${pending!.handle}`, headers))).status).toBe(404)
        const admin = (await api.post("/auth/user/emailpass", DEMO_OPERATOR)).data.token
        const approved = await api.post(`/admin/villages/${pending!.id}/approve`, {}, { headers: { authorization: `Bearer ${admin}` } })
        expect(approved.data.village.status).toBe("active")
        expect((await call(api.get(`/store/villages/${pending!.handle}`, headers))).status).toBe(200)
      })
    })

    it("keeps the demo newcomer's request waiting for the secretary", async () => {
      const { data } = await api.get(`/portal/villages/${VILLAGE_A.code}/join-requests?status=pending`, bearer(tokens.secretaryA!))
      expect(data.join_requests).toEqual([expect.objectContaining({ member: expect.objectContaining({ real_name: DEMO_NEWCOMER.real_name }) })])
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await knex.raw("select count(*)::int as n from admin_area where level = 'village'")
      expect(rows[0].n).toBeGreaterThan(400)
    })
  },
})
