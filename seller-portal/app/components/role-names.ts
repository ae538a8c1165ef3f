import { useTranslation } from "react-i18next";

import type { MemberRole } from "../lib/portal-members";

// i18next reads "_" in a key as a context suffix, so the translation keys are camel-cased.
const roleKeys = {
  farmer: "farmer",
  coop_manager: "coopManager",
  agent: "agent",
  villager: "villager",
  secretary: "secretary",
  committee: "committee",
  finance_reviewer: "financeReviewer",
  official: "official",
} as const satisfies Record<MemberRole, string>;

/** Names a role in the member's language. */
export function useRoleName(): (role: MemberRole) => string {
  const { t } = useTranslation();
  return (role) => t(`roles.${roleKeys[role]}`);
}

/** "村民、村支书" / "Villager, Village secretary". */
export function useRoleNames(): (roles: readonly MemberRole[]) => string {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (roles) => roles.map(roleName).join(t("lists.separator"));
}
