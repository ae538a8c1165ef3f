import type { Locale } from "@tianyuan/web-common/locale.ts";
import { z } from "zod";

import type { CallBackend } from "./backend.server";
import {
  joinRequestStatuses,
  memberRoles,
  portalMenus,
  verificationStatuses,
  type JoinRequest,
  type JoinRequestStatus,
  type Member,
  type PortalMe,
  type PortalMenu,
  type VerificationStatus,
  type VillageMember,
} from "./portal-members";

/** On whose behalf and in which language a `/portal/*` call is made. */
export type MemberAccess = { token: string; locale: Locale };

/** A field the backend may leave out or send as null: null either way. */
const orNull = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | null => value ?? null);

const memberSchema = z.object({
  id: z.string(),
  real_name: z.string(),
  login_identifier: z.string(),
  phone: orNull(z.string()),
  email: orNull(z.string()),
  verification_status: z.enum(verificationStatuses),
}) satisfies z.ZodType<Member>;

const rolesSchema = z.array(z.enum(memberRoles));

const portalMeSchema = z.object({
  member: memberSchema,
  villages: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      handle: orNull(z.string()),
      roles: rolesSchema,
    }),
  ),
  areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), roles: rolesSchema })),
  cooperatives: z.array(z.object({ id: z.string(), name: z.string(), roles: rolesSchema })),
  // Menus this portal does not know yet (a newer backend) are left out rather than breaking the home page.
  menus: z
    .array(z.string())
    .transform((menus) =>
      menus.filter((menu): menu is PortalMenu => (portalMenus as readonly string[]).includes(menu)),
    ),
}) satisfies z.ZodType<PortalMe>;

const joinRequestSchema = z.object({
  id: z.string(),
  village_code: z.string(),
  village_name: z.string(),
  member: orNull(
    z.object({ id: z.string(), real_name: z.string(), verification_status: z.enum(verificationStatuses) }),
  ),
  message: orNull(z.string()),
  status: z.enum(joinRequestStatuses),
  created_at: z.string(),
  decided_at: orNull(z.string()),
}) satisfies z.ZodType<JoinRequest>;

const joinRequestsSchema = z.object({ join_requests: z.array(joinRequestSchema) });

const villageMembersSchema = z.object({
  members: z.array(
    memberSchema.extend({ roles: rolesSchema, membership_ids: z.array(z.string()) }).transform(
      ({ roles, membership_ids, ...member }): VillageMember => ({
        ...member,
        // The backend lists each member's roles and the memberships granting them side by side.
        memberships: roles.flatMap((role, index) => {
          const id = membership_ids[index];
          return id === undefined ? [] : [{ id, role }];
        }),
      }),
    ),
  ),
});

const loginSchema = z.object({ token: z.string().min(1) });

/** The village plugin's member and village routes, as the portal calls them. */
export function createPortalApi(callBackend: CallBackend) {
  const portal = (
    path: string,
    access: MemberAccess,
    init: { method?: "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
  ) => callBackend(path, { ...init, token: access.token, locale: access.locale });
  const village = (code: string) => `/portal/villages/${encodeURIComponent(code)}`;

  return {
    async register(body: { identifier: string; password: string; real_name: string }, locale: Locale): Promise<void> {
      await callBackend("/portal/members/register", { method: "POST", body, locale });
    },

    /** Medusa's own login route for the `member` actor; answers the JWT. */
    async logIn(body: { email: string; password: string }, locale: Locale): Promise<string> {
      return loginSchema.parse(await callBackend("/auth/member/emailpass", { method: "POST", body, locale })).token;
    },

    async requestPasswordReset(identifier: string, locale: Locale): Promise<void> {
      await callBackend("/portal/members/password-reset", { method: "POST", body: { identifier }, locale });
    },

    async resetPassword(body: { token: string; password: string }, locale: Locale): Promise<void> {
      await callBackend("/portal/members/password", { method: "POST", body, locale });
    },

    async getMe(access: MemberAccess): Promise<PortalMe> {
      return portalMeSchema.parse(await portal("/portal/me", access));
    },

    async updateMe(access: MemberAccess, body: { real_name: string; phone: string | null }): Promise<Member> {
      return z.object({ member: memberSchema }).parse(await portal("/portal/me", access, { method: "PATCH", body }))
        .member;
    },

    async listMyJoinRequests(access: MemberAccess): Promise<JoinRequest[]> {
      return joinRequestsSchema.parse(await portal("/portal/join-requests", access)).join_requests;
    },

    async askToJoin(access: MemberAccess, body: { village_code: string; message?: string }): Promise<void> {
      await portal("/portal/join-requests", access, { method: "POST", body });
    },

    async listVillageJoinRequests(
      access: MemberAccess,
      code: string,
      status: JoinRequestStatus,
    ): Promise<JoinRequest[]> {
      return joinRequestsSchema.parse(await portal(`${village(code)}/join-requests?status=${status}`, access))
        .join_requests;
    },

    async decideJoinRequest(
      access: MemberAccess,
      code: string,
      requestId: string,
      decision: "approve" | "decline",
    ): Promise<JoinRequest> {
      const answer = await portal(
        `${village(code)}/join-requests/${encodeURIComponent(requestId)}/${decision}`,
        access,
        {
          method: "POST",
          body: {},
        },
      );
      return z.object({ join_request: joinRequestSchema }).parse(answer).join_request;
    },

    async listVillageMembers(access: MemberAccess, code: string): Promise<VillageMember[]> {
      return villageMembersSchema.parse(await portal(`${village(code)}/members`, access)).members;
    },

    async setMemberVerification(
      access: MemberAccess,
      code: string,
      memberId: string,
      status: Exclude<VerificationStatus, "unverified">,
    ): Promise<Member> {
      const answer = await portal(`${village(code)}/members/${encodeURIComponent(memberId)}/verification`, access, {
        method: "POST",
        body: { status },
      });
      return z.object({ member: memberSchema }).parse(answer).member;
    },

    async revokeMembership(access: MemberAccess, code: string, membershipId: string): Promise<void> {
      await portal(`${village(code)}/memberships/${encodeURIComponent(membershipId)}`, access, { method: "DELETE" });
    },
  };
}

export type PortalApi = ReturnType<typeof createPortalApi>;
