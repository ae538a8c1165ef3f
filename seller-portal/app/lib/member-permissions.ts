import type { MemberArea, MemberCooperative, MemberRole, MemberVillage, PortalMe } from "./portal-members";

// What the pages offer a member, read from `/portal/me`. The backend checks every call again; these
// only decide which buttons are worth showing.

/** An area-scoped role covers the area itself and everything whose code starts with it. */
export function areaCovers(scopeCode: string, code: string): boolean {
  return code.length >= scopeCode.length && code.startsWith(scopeCode);
}

export function memberVillage(me: Pick<PortalMe, "villages">, code: string): MemberVillage | undefined {
  return me.villages.find((village) => village.code === code);
}

function hasVillageRole(me: Pick<PortalMe, "villages">, code: string, roles: readonly MemberRole[]): boolean {
  return memberVillage(me, code)?.roles.some((role) => roles.includes(role)) ?? false;
}

/** The official's area that covers `code`, if the member is one. */
export function officialAreaCovering(me: Pick<PortalMe, "areas">, code: string): MemberArea | undefined {
  return me.areas.find((area) => area.roles.includes("official") && areaCovers(area.code, code));
}

export function canDecideJoinRequests(me: Pick<PortalMe, "villages">, code: string): boolean {
  return hasVillageRole(me, code, ["secretary", "committee"]);
}

export function canSeeVillageMembers(me: Pick<PortalMe, "villages" | "areas">, code: string): boolean {
  return hasVillageRole(me, code, ["secretary", "committee"]) || officialAreaCovering(me, code) !== undefined;
}

export function canVerifyMembers(me: Pick<PortalMe, "villages" | "areas">, code: string): boolean {
  return hasVillageRole(me, code, ["secretary"]) || officialAreaCovering(me, code) !== undefined;
}

export function canRevokeMemberships(me: Pick<PortalMe, "villages">, code: string): boolean {
  return hasVillageRole(me, code, ["secretary"]);
}

/** A secretary may revoke only these; secretaries and officials are appointed by the platform. */
export function isRevocableRole(role: MemberRole): boolean {
  return role === "villager" || role === "committee";
}

/** The roles that list and look after produce in a cooperative. */
const PRODUCE_ROLES: readonly MemberRole[] = ["farmer", "coop_manager", "agent"];

/** Cooperatives where the member lists produce (as a farmer) or looks after it (manager, agent). */
export function produceCooperatives(me: Pick<PortalMe, "cooperatives">): MemberCooperative[] {
  return me.cooperatives.filter((cooperative) => cooperative.roles.some((role) => PRODUCE_ROLES.includes(role)));
}

export type MenuLabel =
  | "myProduce"
  | "orders"
  | "payouts"
  | "profile"
  | "joinVillage"
  | "myVillage"
  | "joinRequests"
  | "villageMembers"
  | "areaOverview"
  | "areaIncome"
  | "cooperativeIncome"
  | "myIncome";

/** One big button on the home screen: `label` names what it does, `detail` where (a village, an area). */
export type MenuLink = { key: string; label: MenuLabel; detail: string | null; to: string };

/**
 * The home screen's buttons, only for the menus `/portal/me` lists. Officials reach village member
 * lists through their area overview. A farmer's produce comes first: it is why most of them come.
 */
export function homeMenuLinks(me: PortalMe): MenuLink[] {
  const menus = new Set(me.menus);
  const decidingVillages = me.villages.filter((village) => canDecideJoinRequests(me, village.code));
  const links: MenuLink[] = [];
  for (const cooperative of produceCooperatives(me)) {
    const to = `/cooperatives/${encodeURIComponent(cooperative.id)}`;
    if (menus.has("cooperative")) {
      links.push({ key: `cooperative-${cooperative.id}`, label: "myProduce", detail: cooperative.name, to });
    }
    // Its orders (a farmer's: those with their produce) and, for its managers, what it is paid.
    if (menus.has("cooperative_orders")) {
      links.push({ key: `orders-${cooperative.id}`, label: "orders", detail: cooperative.name, to: `${to}/orders` });
    }
    if (menus.has("cooperative_payouts") && cooperative.roles.includes("coop_manager")) {
      links.push({ key: `payouts-${cooperative.id}`, label: "payouts", detail: cooperative.name, to: `${to}/payouts` });
    }
  }
  if (menus.has("profile")) links.push({ key: "profile", label: "profile", detail: null, to: "/profile" });
  if (menus.has("my_villages")) {
    for (const village of me.villages) {
      links.push({
        key: `village-${village.code}`,
        label: "myVillage",
        detail: village.name,
        to: `/villages/${village.code}`,
      });
    }
  }
  if (menus.has("join_requests")) {
    for (const village of decidingVillages) {
      links.push({
        key: `requests-${village.code}`,
        label: "joinRequests",
        detail: village.name,
        to: `/villages/${village.code}/requests`,
      });
    }
  }
  if (menus.has("village_members")) {
    for (const village of decidingVillages) {
      links.push({
        key: `members-${village.code}`,
        label: "villageMembers",
        detail: village.name,
        to: `/villages/${village.code}/members`,
      });
    }
  }
  if (menus.has("area_overview")) {
    for (const area of me.areas.filter((area) => area.roles.includes("official"))) {
      links.push({ key: `area-${area.code}`, label: "areaOverview", detail: area.name, to: `/areas/${area.code}` });
    }
  }
  if (menus.has("income")) links.push(...incomeMenuLinks(me));
  if (menus.has("join_village")) links.push({ key: "join", label: "joinVillage", detail: null, to: "/villages/join" });
  return links;
}

const AREA_INCOME_ROLES: readonly MemberRole[] = ["official", "secretary", "committee"];

/** Income (issue 7): each area or village the member looks after, each cooperative they manage, their own as a farmer. */
function incomeMenuLinks(me: PortalMe): MenuLink[] {
  const links: MenuLink[] = [];
  for (const scope of [...me.areas, ...me.villages].filter((scope) => scope.roles.some((role) => AREA_INCOME_ROLES.includes(role)))) {
    links.push({ key: `income-${scope.code}`, label: "areaIncome", detail: scope.name, to: `/income?area=${scope.code}` });
  }
  for (const cooperative of me.cooperatives.filter((cooperative) => cooperative.roles.includes("coop_manager"))) {
    const to = `/cooperatives/${encodeURIComponent(cooperative.id)}/income`;
    links.push({ key: `income-${cooperative.id}`, label: "cooperativeIncome", detail: cooperative.name, to });
  }
  if (me.cooperatives.some((cooperative) => cooperative.roles.includes("farmer"))) {
    links.push({ key: "income-mine", label: "myIncome", detail: null, to: "/me/income" });
  }
  return links;
}
