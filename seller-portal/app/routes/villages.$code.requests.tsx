import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { FormError } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { translations } from "../i18n/translations.server";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { portalApi } from "../lib/medusa.server";
import { memberVillage } from "../lib/member-permissions";
import type { JoinRequest } from "../lib/portal-members";
import { asMember, redirectWithNotice, takeNotice } from "../lib/session.server";
import { joinRequestDecisionFormSchema } from "../lib/village-forms.server";
import type { loader as rootLoader } from "../root";

const RECENTLY_DECIDED_LIMIT = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const [me, pending, approved, declined] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        portalApi.getMe(access),
        portalApi.listVillageJoinRequests(access, code, "pending"),
        portalApi.listVillageJoinRequests(access, code, "approved"),
        portalApi.listVillageJoinRequests(access, code, "declined"),
      ]),
    ),
  );
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      villageName: memberVillage(me, code)?.name ?? code,
      pending,
      decided: [...approved, ...declined]
        .sort((a, b) => (b.decided_at ?? "").localeCompare(a.decided_at ?? ""))
        .slice(0, RECENTLY_DECIDED_LIMIT),
      notice,
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const decision = joinRequestDecisionFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!decision.success) throw new Response("Bad Request", { status: 400 });
  const { decision: verdict, request_id } = decision.data;
  let decided: JoinRequest;
  try {
    decided = await notFoundWhenMissing(
      asMember(request, (access) => portalApi.decideJoinRequest(access, code, request_id, verdict)),
    );
  } catch (error) {
    // Decided meanwhile by someone else (409): say so on the page.
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data({ requestId: request_id, formError: error.message }, { status: error.status });
  }
  const name = decided.member?.real_name ?? translations[localeFromRequest(request)].joinRequests.unknownMember;
  return redirectWithNotice(request, `/villages/${code}/requests`, {
    key: verdict === "approve" ? "joinRequestApproved" : "joinRequestDeclined",
    name,
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.menus.joinRequests} · ${data.villageName} · ${translation.app.name}` }];
};

export default function JoinRequestsPage() {
  const { villageName, pending, decided, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <>
      <NoticeBanner notice={notice} />
      <h1>{t("joinRequests.title", { village: villageName })}</h1>

      <section aria-labelledby="pending-requests">
        <h2 id="pending-requests">{t("joinRequests.pendingTitle")}</h2>
        {pending.length === 0 ? (
          <p>{t("joinRequests.noPending")}</p>
        ) : (
          <ul className="record-list">
            {pending.map((request) => (
              <li key={request.id} className="record">
                <JoinRequestSummary request={request} />
                <PendingDecision request={request} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decided-requests">
        <h2 id="decided-requests">{t("joinRequests.decidedTitle")}</h2>
        {decided.length === 0 ? (
          <p>{t("joinRequests.noDecided")}</p>
        ) : (
          <ul className="record-list">
            {decided.map((request) => (
              <li key={request.id} className="record">
                <JoinRequestSummary request={request} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function JoinRequestSummary({ request }: { request: JoinRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <span className="record__title">{request.member?.real_name ?? t("joinRequests.unknownMember")}</span>
      {request.member ? (
        <span className={`status status--${request.member.verification_status}`}>
          {t(`verification.${request.member.verification_status}`)}
        </span>
      ) : null}
      {request.status === "pending" ? null : (
        <span className={`status status--${request.status}`}>{t(`joinRequestStatus.${request.status}`)}</span>
      )}
      {request.message ? (
        <p className="record__message">{t("joinRequests.message", { message: request.message })}</p>
      ) : null}
      <span className="record__meta">
        {request.status === "pending"
          ? t("joinRequests.requestedOn", { date: formatDate(request.created_at, locale) })
          : t("joinRequests.decidedOn", { date: formatDate(request.decided_at, locale) })}
      </span>
    </>
  );
}

function PendingDecision({ request }: { request: JoinRequest }) {
  const { t } = useTranslation();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("request_id") === request.id;
  return (
    <Form method="post" className="button-row">
      <input type="hidden" name="request_id" value={request.id} />
      <FormError message={failure?.requestId === request.id ? failure.formError : null} />
      <button type="submit" name="decision" value="approve" className="button" disabled={busy}>
        {t("joinRequests.approve")}
      </button>
      <button type="submit" name="decision" value="decline" className="button button--secondary" disabled={busy}>
        {t("joinRequests.decline")}
      </button>
    </Form>
  );
}
