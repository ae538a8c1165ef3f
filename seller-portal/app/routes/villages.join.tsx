import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { areaTrail, isActiveVillage, type AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { FormError } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { isBackendError } from "../lib/backend.server";
import { backendFailure, readForm } from "../lib/forms.server";
import { portalApi, storeAreas } from "../lib/medusa.server";
import type { JoinRequest } from "../lib/portal-members";
import { asMember, redirectWithNotice, requireMemberAccess, takeNotice } from "../lib/session.server";
import { joinRequestFormSchema } from "../lib/village-forms.server";
import type { loader as rootLoader } from "../root";

const JOIN_PATH = "/villages/join";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale } = await requireMemberAccess(request);
  const areaCode = new URL(request.url).searchParams.get("area");
  const [myRequests, browsing] = await Promise.all([
    asMember(request, (access) => portalApi.listMyJoinRequests(access)),
    areaCode ? storeAreas.findArea(areaCode, locale) : storeAreas.listProvinces(locale),
  ]);
  if (browsing === null) throw new Response("Not Found", { status: 404 });
  const { notice, headers } = await takeNotice(request);
  const level = Array.isArray(browsing)
    ? { trail: [], children: browsing }
    : { trail: areaTrail(browsing.area), children: browsing.children };
  return data({ ...level, myRequests, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { locale } = await requireMemberAccess(request);
  const submission = readForm(joinRequestFormSchema, await request.formData(), locale, ["village_code", "message"]);
  const villageCode = (submission.ok ? submission.values : submission.failure.values).village_code ?? "";
  if (!submission.ok) return data({ villageCode, ...submission.failure }, { status: 400 });
  try {
    await asMember(request, (access) => portalApi.askToJoin(access, submission.data));
  } catch (error) {
    // Already a member, already asked (409) or no such village (404): the backend says which, in words.
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data({ villageCode, ...backendFailure(error, submission.values, {}) }, { status: error.status });
  }
  const { pathname, search } = new URL(request.url);
  return redirectWithNotice(request, `${pathname}${search}`, { key: "joinRequested" });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.joinVillage.title} · ${translation.app.name}` }] : [];
};

const areaHref = (code: string) => `${JOIN_PATH}?area=${code}`;

export default function JoinVillagePage() {
  const { trail, children, myRequests, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const childLevel = children[0]?.level;

  return (
    <>
      <NoticeBanner notice={notice} />
      <section className="page-intro">
        <h1>{t("joinVillage.title")}</h1>
        <p>{t("joinVillage.intro")}</p>
      </section>
      {trail.length > 0 ? (
        <AreaBreadcrumb trail={trail} top={{ label: t("areas.allProvinces"), to: JOIN_PATH }} hrefFor={areaHref} />
      ) : null}
      {childLevel === undefined ? (
        <p className="notice">{t("joinVillage.noChildren")}</p>
      ) : (
        <section aria-labelledby="join-level">
          <h2 id="join-level">
            {trail.length === 0 ? t("joinVillage.chooseProvince") : t(`areas.levels.${childLevel}`)}
          </h2>
          <ul className="area-list">
            {children.map((child) => (
              <li key={child.code}>
                <JoinChoice area={child} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <MyJoinRequests requests={myRequests} />
    </>
  );
}

function JoinChoice({ area }: { area: AreaSummary }) {
  const { t } = useTranslation();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().formData?.get("village_code") === area.code;

  if (area.level !== "village") {
    return (
      <Link to={areaHref(area.code)} className="area-list__item">
        <span className="area-list__name">{area.name}</span>
        <span className="area-list__meta">{t("areas.activeVillages", { villages: area.active_village_count })}</span>
      </Link>
    );
  }
  if (!isActiveVillage(area)) {
    return (
      <span className="area-list__item">
        <span className="area-list__name">{area.name}</span>
        <span className="area-list__meta">{t("areas.notOnTianyuan")}</span>
      </span>
    );
  }

  const failed = failure?.villageCode === area.code ? failure : undefined;
  const messageId = `join-message-${area.code}`;
  return (
    <Form method="post" className="area-list__item join-choice">
      <span className="area-list__name">{area.village.name}</span>
      <input type="hidden" name="village_code" value={area.code} />
      <FormError message={failed?.formError} />
      {/* A <details> opens without JavaScript; it starts open when the message needs fixing. */}
      <details className="join-choice__message" open={failed?.fieldErrors.message !== undefined}>
        <summary>{t("joinVillage.messageToggle")}</summary>
        <label htmlFor={messageId}>{t("joinVillage.messageLabel")}</label>
        <textarea
          id={messageId}
          name="message"
          rows={3}
          maxLength={500}
          defaultValue={failed?.values.message ?? ""}
          aria-invalid={failed?.fieldErrors.message ? true : undefined}
        />
        {failed?.fieldErrors.message ? <p className="form-field__error">{failed.fieldErrors.message}</p> : null}
      </details>
      <button type="submit" className="button" disabled={submitting}>
        {t("joinVillage.submit")}
      </button>
    </Form>
  );
}

function MyJoinRequests({ requests }: { requests: JoinRequest[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="my-join-requests" className="my-join-requests">
      <h2 id="my-join-requests">{t("joinVillage.myRequestsTitle")}</h2>
      {requests.length === 0 ? (
        <p>{t("joinVillage.noRequests")}</p>
      ) : (
        <ul className="record-list">
          {requests.map((request) => (
            <li key={request.id} className="record">
              <span className="record__title">{request.village_name}</span>
              <span className={`status status--${request.status}`}>{t(`joinRequestStatus.${request.status}`)}</span>
              <span className="record__meta">
                {t("joinVillage.requestedOn", { date: formatDate(request.created_at, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
