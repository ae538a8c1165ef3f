import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { profileFieldForBackendCode, profileFormSchema } from "../lib/account-forms.server";
import { isBackendError } from "../lib/backend.server";
import { backendFailure, readForm } from "../lib/forms.server";
import { portalApi } from "../lib/medusa.server";
import { asMember, redirectWithNotice, requireMember, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      profile: { realName: member.real_name, phone: member.phone ?? "", loginIdentifier: member.login_identifier },
      notice,
    },
    { headers },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = readForm(profileFormSchema, await request.formData(), localeFromRequest(request), [
    "real_name",
    "phone",
  ]);
  if (!submission.ok) return data(submission.failure, { status: 400 });
  try {
    await asMember(request, (access) => portalApi.updateMe(access, submission.data));
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data(backendFailure(error, submission.values, profileFieldForBackendCode), { status: error.status });
  }
  return redirectWithNotice(request, "/profile", { key: "profileSaved" });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.profile.title} · ${translation.app.name}` }] : [];
};

export default function ProfilePage() {
  const { profile, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();

  return (
    <section className="form-page">
      <NoticeBanner notice={notice} />
      <h1>{t("profile.title")}</h1>
      <dl className="facts">
        <dt>{t("fields.loginIdentifier")}</dt>
        <dd>{profile.loginIdentifier}</dd>
      </dl>
      <Form method="post" className="form" noValidate>
        <FormError message={failure?.formError} />
        <FormField
          name="real_name"
          label={t("fields.realName")}
          autoComplete="name"
          required
          maxLength={40}
          defaultValue={failure?.values.real_name ?? profile.realName}
          error={failure?.fieldErrors.real_name}
        />
        <FormField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t("fields.phone")}
          autoComplete="tel"
          defaultValue={failure?.values.phone ?? profile.phone}
          error={failure?.fieldErrors.phone}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("profile.submit")}
        </button>
      </Form>
    </section>
  );
}
