import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { safeRedirectPath } from "@tianyuan/web-common/safe-redirect.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { translations } from "../i18n/translations.server";
import { loginFormSchema } from "../lib/account-forms.server";
import { isBackendError } from "../lib/backend.server";
import { formFailure, readForm } from "../lib/forms.server";
import { portalApi } from "../lib/medusa.server";
import { getMemberToken, startMemberSession, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if ((await getMemberToken(request)) !== undefined) throw redirect(redirectTo);
  const { notice, headers } = await takeNotice(request);
  return data({ redirectTo, notice }, { headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(loginFormSchema, await request.formData(), locale, ["identifier"]);
  if (!submission.ok) return data(submission.failure, { status: 400 });

  const { identifier, password, redirectTo } = submission.data;
  let token: string;
  try {
    // The identifier as registered, normalised, is the member's key at Medusa's emailpass provider.
    token = await portalApi.logIn({ email: identifier, password }, locale);
  } catch (error) {
    // Medusa answers 401 for a wrong password and for an unknown account alike, in English.
    if (isBackendError(error, 401) || isBackendError(error, 400)) {
      return data(formFailure(submission.values, translations[locale].login.wrongCredentials), { status: 400 });
    }
    throw error;
  }
  return startMemberSession(request, token, safeRedirectPath(redirectTo));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.login.title} · ${translation.app.name}` }] : [];
};

export default function LoginPage() {
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();

  return (
    <section className="form-page">
      <NoticeBanner notice={notice} />
      <h1>{t("login.title")}</h1>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError message={failure?.formError} />
        <FormField
          name="identifier"
          label={t("fields.identifier")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={failure?.values.identifier ?? ""}
          error={failure?.fieldErrors.identifier}
        />
        <FormField
          // Remounted after each failed try, so the password is never kept.
          key={JSON.stringify(failure ?? null)}
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          required
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="form-links">
        <Link to="/forgot-password">{t("login.forgotPassword")}</Link>
      </p>
      <p className="form-links">
        {t("login.noAccount")} <Link to="/register">{t("login.registerInstead")}</Link>
      </p>
    </section>
  );
}
