import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import type { AuthContext } from "@medusajs/framework/http"
import { areaCovers, isAreaCode } from "../../lib/area-code"
import { PortalError, sendPortalError } from "../../lib/portal-errors"
import type { MemberRole } from "../../lib/roles"
import { VILLAGE_MODULE } from "../../modules/village"
import type VillageModuleService from "../../modules/village/service"

/**
 * Who may call which `/portal` route. Every route must be listed here — by this plugin or another
 * (`registerPortalAccess`) — or it answers 404: the portal denies by default. Scope checks answer 404
 * too, so another village's or cooperative's id looks exactly like an unknown one.
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
export type PortalAccess =
  | { kind: "public" }
  | { kind: "member" }
  | { kind: "area"; param: string; roles: readonly MemberRole[] }
  | { kind: "cooperative"; param: string; roles: readonly MemberRole[] }

export type PortalAccessRule = { method: HttpMethod; path: string; access: PortalAccess }

const SECRETARY_OR_COMMITTEE = ["secretary", "committee"] as const

const VILLAGE_RULES: PortalAccessRule[] = [
  { method: "POST", path: "/portal/members/register", access: { kind: "public" } },
  { method: "POST", path: "/portal/members/password-reset", access: { kind: "public" } },
  { method: "POST", path: "/portal/members/password", access: { kind: "public" } },
  { method: "GET", path: "/portal/me", access: { kind: "member" } },
  { method: "PATCH", path: "/portal/me", access: { kind: "member" } },
  { method: "GET", path: "/portal/join-requests", access: { kind: "member" } },
  { method: "POST", path: "/portal/join-requests", access: { kind: "member" } },
  {
    method: "GET",
    path: "/portal/villages/:code/join-requests",
    access: { kind: "area", param: "code", roles: SECRETARY_OR_COMMITTEE },
  },
  {
    method: "POST",
    path: "/portal/villages/:code/join-requests/:id/approve",
    access: { kind: "area", param: "code", roles: SECRETARY_OR_COMMITTEE },
  },
  {
    method: "POST",
    path: "/portal/villages/:code/join-requests/:id/decline",
    access: { kind: "area", param: "code", roles: SECRETARY_OR_COMMITTEE },
  },
  {
    method: "GET",
    path: "/portal/villages/:code/members",
    access: { kind: "area", param: "code", roles: ["secretary", "committee", "official"] },
  },
  {
    method: "POST",
    path: "/portal/villages/:code/members/:id/verification",
    access: { kind: "area", param: "code", roles: ["secretary", "official"] },
  },
  {
    method: "DELETE",
    path: "/portal/villages/:code/memberships/:id",
    access: { kind: "area", param: "code", roles: ["secretary"] },
  },
]

const rules: PortalAccessRule[] = []

export function registerPortalAccess(more: PortalAccessRule[]) {
  for (const rule of more) {
    if (!rules.some((known) => known.method === rule.method && known.path === rule.path)) rules.push(rule)
  }
}
registerPortalAccess(VILLAGE_RULES)

export function listPortalAccess(): readonly PortalAccessRule[] {
  return rules
}

export function matchPortalAccess(
  method: string,
  path: string
): null | { rule: PortalAccessRule; params: Record<string, string> } {
  const segments = path.replace(/\/+$/, "").split("/")
  for (const rule of rules) {
    if (rule.method !== method) continue
    const pattern = rule.path.split("/")
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    const matches = pattern.every((part, index) => {
      if (part.startsWith(":")) {
        params[part.slice(1)] = decodeURIComponent(segments[index])
        return segments[index] !== ""
      }
      return part === segments[index]
    })
    if (matches) return { rule, params }
  }
  return null
}

export type PortalMembership = { id: string; scope_type: "area" | "cooperative"; scope_id: string; role: MemberRole }
export type PortalContext = {
  memberId: string
  memberships: PortalMembership[]
  /** The membership that allowed a scoped route. */
  grantedBy?: PortalMembership
}

export function portalContext(req: MedusaRequest): PortalContext {
  const context = (req as MedusaRequest & { portal?: PortalContext }).portal
  if (!context) {
    throw new Error("portalContext() used on a route the portal gate did not run for")
  }
  return context
}

/** Finds the membership that lets this member act on the scope, or null. */
export function grantingMembership(
  memberships: PortalMembership[],
  access: Extract<PortalAccess, { kind: "area" | "cooperative" }>,
  scopeId: string
): PortalMembership | null {
  return (
    memberships.find((membership) => {
      if (!access.roles.includes(membership.role)) return false
      if (access.kind === "cooperative") return membership.scope_type === "cooperative" && membership.scope_id === scopeId
      return membership.scope_type === "area" && isAreaCode(scopeId) && areaCovers(membership.scope_id, scopeId)
    }) ?? null
  )
}

const authenticateMember = authenticate("member", ["bearer", "session"])

export async function portalGate(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const match = matchPortalAccess(req.method, path)
  if (!match) {
    return sendPortalError(req, res, new PortalError("not_found"))
  }
  if (match.rule.access.kind === "public") {
    return next()
  }
  authenticateMember(req, res, (error?: unknown) => {
    if (error) return next(error)
    authorize(req, match.rule.access, match.params).then(
      () => next(),
      (failure) => (failure instanceof PortalError ? sendPortalError(req, res, failure) : next(failure))
    )
  })
}

async function authorize(req: MedusaRequest, access: PortalAccess, params: Record<string, string>) {
  const auth = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
  if (!auth?.actor_id) {
    throw new PortalError("unauthorized")
  }
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  // Read on every request, so a revoked membership stops working at once.
  const [members, memberships] = await Promise.all([
    villageModule.listMembers({ id: auth.actor_id }, { select: ["id"] }),
    villageModule.listMemberships(
      { member_id: auth.actor_id },
      { select: ["id", "scope_type", "scope_id", "role"], take: null }
    ),
  ])
  if (members.length === 0) {
    throw new PortalError("unauthorized")
  }
  const context: PortalContext = { memberId: auth.actor_id, memberships: memberships as PortalMembership[] }
  if (access.kind === "area" || access.kind === "cooperative") {
    const grantedBy = grantingMembership(context.memberships, access, params[access.param] ?? "")
    if (!grantedBy) {
      throw new PortalError("not_found")
    }
    context.grantedBy = grantedBy
  }
  ;(req as MedusaRequest & { portal?: PortalContext }).portal = context
}
