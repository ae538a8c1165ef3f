import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { FormError } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { useRoleName, useRoleNames } from "../components/role-names";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { portalApi, storeAreas } from "../lib/medusa.server";
import { canRevokeMemberships, canVerifyMembers, isRevocableRole, memberVillage } from "../lib/member-permissions";
import type { MemberRole, VillageMember } from "../lib/portal-members";
import { asMember, redirectWithNotice, takeNotice } from "../lib/session.server";
import { villageMemberActionFormSchema } from "../lib/village-forms.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const [me, members] = await notFoundWhenMissing(
    asMember(request, (access) => Promise.all([portalApi.getMe(access), portalApi.listVillageMembers(access, code)])),
  );
  // An official sees villages they hold no role in; the public area data names those.
  const villageName =
    memberVillage(me, code)?.name ?? (await storeAreas.findArea(code, localeFromRequest(request)))?.area.name ?? code;
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      villageName,
      members,
      may: { verify: canVerifyMembers(me, code), revoke: canRevokeMemberships(me, code) },
      selfId: me.member.id,
      notice,
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const parsed = villageMemberActionFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const memberAction = parsed.data;

  try {
    if (memberAction.intent === "verification") {
      const member = await notFoundWhenMissing(
        asMember(request, (access) =>
          portalApi.setMemberVerification(access, code, memberAction.member_id, memberAction.status),
        ),
      );
      return redirectWithNotice(request, `/villages/${code}/members`, {
        key: "verificationSaved",
        name: member.real_name,
      });
    }

    const members = await notFoundWhenMissing(
      asMember(request, (access) => portalApi.listVillageMembers(access, code)),
    );
    const revoking = findMembership(members, memberAction.membership_id);
    if (!revoking) throw new Response("Not Found", { status: 404 });
    // First press: ask. The confirmation form posts again with confirm=1, so this works without JavaScript.
    if (memberAction.confirm !== "1") return { confirmRevoke: revoking, formError: null };

    await notFoundWhenMissing(
      asMember(request, (access) => portalApi.revokeMembership(access, code, memberAction.membership_id)),
    );
    return redirectWithNotice(request, `/villages/${code}/members`, {
      key: "membershipRevoked",
      name: revoking.memberName,
      role: revoking.role,
    });
  } catch (error) {
    // A role that cannot be revoked, and the like: the backend says why, in the member's language.
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data({ confirmRevoke: null, formError: error.message }, { status: error.status });
  }
}

type RevokingMembership = { membershipId: string; memberName: string; role: MemberRole };

function findMembership(members: VillageMember[], membershipId: string): RevokingMembership | undefined {
  for (const member of members) {
    const membership = member.memberships.find((candidate) => candidate.id === membershipId);
    if (membership) return { membershipId, memberName: member.real_name, role: membership.role };
  }
  return undefined;
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.menus.villageMembers} · ${data.villageName} · ${translation.app.name}` }];
};

export default function VillageMembersPage() {
  const { villageName, members, may, selfId, notice } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();

  return (
    <>
      <NoticeBanner notice={notice} />
      <h1>{t("villageMembers.title", { village: villageName })}</h1>
      <FormError message={outcome?.formError} />
      {outcome?.confirmRevoke ? <ConfirmRevoke revoking={outcome.confirmRevoke} /> : null}
      {members.length === 0 ? (
        <p>{t("villageMembers.empty")}</p>
      ) : (
        <ul className="record-list">
          {members.map((member) => (
            <li key={member.id} className="record">
              <VillageMemberRecord
                member={member}
                // Nobody judges their own identity or removes their own roles here.
                mayVerify={may.verify && member.id !== selfId}
                mayRevoke={may.revoke && member.id !== selfId}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function VillageMemberRecord({
  member,
  mayVerify,
  mayRevoke,
}: {
  member: VillageMember;
  mayVerify: boolean;
  mayRevoke: boolean;
}) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const roleNames = useRoleNames();
  const busy = useNavigation().state === "submitting";
  const revocable = mayRevoke ? member.memberships.filter((membership) => isRevocableRole(membership.role)) : [];

  return (
    <>
      <span className="record__title">{member.real_name}</span>
      <span className={`status status--${member.verification_status}`}>
        {t(`verification.${member.verification_status}`)}
      </span>
      <span className="record__meta">
        {t("villageMembers.roles", { roles: roleNames(member.memberships.map((membership) => membership.role)) })}
      </span>
      {mayVerify ? (
        <Form method="post" className="button-row">
          <input type="hidden" name="intent" value="verification" />
          <input type="hidden" name="member_id" value={member.id} />
          {member.verification_status === "verified" ? null : (
            <button type="submit" name="status" value="verified" className="button" disabled={busy}>
              {t("villageMembers.markVerified")}
            </button>
          )}
          {member.verification_status === "rejected" ? null : (
            <button type="submit" name="status" value="rejected" className="button button--secondary" disabled={busy}>
              {t("villageMembers.markRejected")}
            </button>
          )}
        </Form>
      ) : null}
      {revocable.length > 0 ? (
        <div className="button-row">
          {revocable.map((membership) => (
            <Form method="post" key={membership.id}>
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="membership_id" value={membership.id} />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("villageMembers.revoke", { role: roleName(membership.role) })}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
    </>
  );
}

function ConfirmRevoke({ revoking }: { revoking: RevokingMembership }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (
    <section className="confirm-panel" aria-labelledby="confirm-revoke-title">
      <h2 id="confirm-revoke-title">{t("villageMembers.confirmTitle")}</h2>
      <p>{t("villageMembers.confirmBody", { name: revoking.memberName, role: roleName(revoking.role) })}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="membership_id" value={revoking.membershipId} />
        <input type="hidden" name="confirm" value="1" />
        {/* Focus brings the question into view wherever the member had scrolled to. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <button type="submit" className="button button--danger" autoFocus>
          {t("villageMembers.confirm")}
        </button>
        <Link to="." className="button button--secondary">
          {t("villageMembers.cancel")}
        </Link>
      </Form>
    </section>
  );
}
