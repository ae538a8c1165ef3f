import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { forgotPasswordFormSchema } from "../lib/account-forms.server";
import { isBackendError } from "../lib/backend.server";
import { readForm } from "../lib/forms.server";
import { portalApi } from "../lib/medusa.server";
import type { loader as rootLoader } from "../root";

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(forgotPasswordFormSchema, await request.formData(), locale, ["identifier"]);
  if (!submission.ok) return data({ sent: false as const, ...submission.failure }, { status: 400 });
  try {
    await portalApi.requestPasswordReset(submission.data.identifier, locale);
  } catch (error) {
    // The same answer whatever happened to the account, so nobody learns which accounts exist.
    if (!isBackendError(error) || error.status >= 500) throw error;
  }
  return { sent: true as const };
}

export const meta: MetaFunction<null, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.forgotPassword.title} · ${translation.app.name}` }] : [];
};

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();

  if (result?.sent) {
    return (
      <section className="form-page">
        <h1>{t("forgotPassword.title")}</h1>
        <p className="notice-banner" role="status">
          {t("forgotPassword.sent")}
        </p>
        <p className="form-links">
          <Link to="/login">{t("forgotPassword.backToLogin")}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="form-page">
      <h1>{t("forgotPassword.title")}</h1>
      <p className="form-page__intro">{t("forgotPassword.intro")}</p>
      <Form method="post" className="form" noValidate>
        <FormError message={result?.formError} />
        <FormField
          name="identifier"
          label={t("fields.identifier")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={result?.values.identifier ?? ""}
          error={result?.fieldErrors.identifier}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("forgotPassword.submit")}
        </button>
      </Form>
      <p className="form-links">
        <Link to="/login">{t("forgotPassword.backToLogin")}</Link>
      </p>
    </section>
  );
}
