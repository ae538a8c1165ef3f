import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { accountFieldForBackendCode, registerFormSchema } from "../lib/account-forms.server";
import { isBackendError } from "../lib/backend.server";
import { backendFailure, readForm } from "../lib/forms.server";
import { portalApi } from "../lib/medusa.server";
import { getMemberToken, startMemberSession } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getMemberToken(request)) !== undefined) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(registerFormSchema, await request.formData(), locale, ["real_name", "identifier"]);
  if (!submission.ok) return data(submission.failure, { status: 400 });

  const { real_name, identifier, password } = submission.data;
  try {
    await portalApi.register({ identifier, password, real_name }, locale);
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data(backendFailure(error, submission.values, accountFieldForBackendCode), { status: error.status });
  }
  // Registered: log in at once with what was just typed, so the new member lands on their home.
  let token: string;
  try {
    token = await portalApi.logIn({ email: identifier, password }, locale);
  } catch (error) {
    // The account exists either way; should this login fail, the login page is the way in.
    if (isBackendError(error)) throw redirect("/login");
    throw error;
  }
  return startMemberSession(request, token, "/", { key: "registered" });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.register.title} · ${translation.app.name}` }] : [];
};

export default function RegisterPage() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();

  return (
    <section className="form-page">
      <h1>{t("register.title")}</h1>
      <p className="form-page__intro">{t("register.intro")}</p>
      <Form method="post" className="form" noValidate>
        <FormError message={failure?.formError} />
        <FormField
          name="real_name"
          label={t("fields.realName")}
          autoComplete="name"
          required
          maxLength={40}
          defaultValue={failure?.values.real_name ?? ""}
          error={failure?.fieldErrors.real_name}
        />
        <FormField
          name="identifier"
          label={t("fields.identifier")}
          hint={t("fields.identifierHint")}
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
          hint={t("fields.passwordHint")}
          autoComplete="new-password"
          required
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("register.submit")}
        </button>
      </Form>
      <p className="form-links">
        {t("register.haveAccount")} <Link to="/login">{t("register.logInInstead")}</Link>
      </p>
    </section>
  );
}
