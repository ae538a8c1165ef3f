import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { resetPasswordFormSchema } from "../lib/account-forms.server";
import { isBackendError } from "../lib/backend.server";
import { backendFailure, readForm } from "../lib/forms.server";
import { portalApi } from "../lib/medusa.server";
import { redirectWithNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(resetPasswordFormSchema, await request.formData(), locale, []);
  if (!submission.ok) return data(submission.failure, { status: 400 });
  try {
    await portalApi.resetPassword(submission.data, locale);
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data(backendFailure(error, submission.values, { weak_password: "password" }), {
      status: error.status,
    });
  }
  return redirectWithNotice(request, "/login", { key: "passwordReset" });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.resetPassword.title} · ${translation.app.name}` }] : [];
};

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();

  if (!token) {
    return (
      <section className="form-page">
        <h1>{t("resetPassword.title")}</h1>
        <p className="form-error" role="alert">
          {t("resetPassword.missingToken")}
        </p>
        <p className="form-links">
          <Link to="/forgot-password">{t("resetPassword.askAgain")}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="form-page">
      <h1>{t("resetPassword.title")}</h1>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="token" value={token} />
        <FormError message={failure?.formError ?? failure?.fieldErrors.token} />
        <FormField
          key={JSON.stringify(failure ?? null)}
          name="password"
          type="password"
          label={t("fields.newPassword")}
          hint={t("fields.passwordHint")}
          autoComplete="new-password"
          required
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("resetPassword.submit")}
        </button>
      </Form>
      {failure?.formError ? (
        <p className="form-links">
          <Link to="/forgot-password">{t("resetPassword.askAgain")}</Link>
        </p>
      ) : null}
    </section>
  );
}
