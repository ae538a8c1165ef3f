// The portal API's shapes (docs/api/villages-and-members.md) as the pages use them. No zod here:
// these types travel to the browser; the answers are checked in portal-api.server.ts.

export const memberRoles = [
  "farmer",
  "coop_manager",
  "agent",
  "villager",
  "secretary",
  "committee",
  "finance_reviewer",
  "official",
] as const;
export type MemberRole = (typeof memberRoles)[number];

export const portalMenus = [
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
] as const;
export type PortalMenu = (typeof portalMenus)[number];

export const verificationStatuses = ["unverified", "verified", "rejected"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const joinRequestStatuses = ["pending", "approved", "declined"] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];

export type Member = {
  id: string;
  real_name: string;
  login_identifier: string;
  phone: string | null;
  email: string | null;
  verification_status: VerificationStatus;
};

export type MemberVillage = { code: string; name: string; handle: string | null; roles: MemberRole[] };
export type MemberArea = { code: string; name: string; level: string; roles: MemberRole[] };
export type MemberCooperative = { id: string; name: string; roles: MemberRole[] };

/** `GET /portal/me`: who the member is, where they hold roles, and which menus those open. */
export type PortalMe = {
  member: Member;
  villages: MemberVillage[];
  areas: MemberArea[];
  cooperatives: MemberCooperative[];
  menus: PortalMenu[];
};

export type JoinRequest = {
  id: string;
  village_code: string;
  village_name: string;
  member: { id: string; real_name: string; verification_status: VerificationStatus } | null;
  message: string | null;
  status: JoinRequestStatus;
  created_at: string;
  decided_at: string | null;
};

/** A member of a village, each role with the membership that grants it. */
export type VillageMember = Member & {
  memberships: { id: string; role: MemberRole }[];
};
