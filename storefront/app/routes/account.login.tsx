import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { safeRedirectPath } from "@tianyuan/web-common/safe-redirect.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { startCustomerSession } from "../lib/account-session.server";
import { accountApi, CredentialsRefusedError, loginFormSchema } from "../lib/account.server";
import { getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";
import { formErrorText, formFailure, readForm } from "../lib/forms.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

const DEFAULT_AFTER_LOGIN = "/account/orders";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), DEFAULT_AFTER_LOGIN);
  const session = await getBuyerSession(request);
  if (session.has("customerToken")) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(loginFormSchema, await request.formData(), locale, ["email", "redirectTo"]);
  if (!submission.ok) return data(submission.failure, { status: 400 });
  const { email, password, redirectTo } = submission.data;
  const session = await getBuyerSession(request);
  try {
    const token = await withBackend("log in", () => accountApi.logIn({ email, password }, locale));
    await withBackend("log in", () => startCustomerSession(session, { token, email }, locale));
  } catch (error) {
    if (!(error instanceof CredentialsRefusedError)) throw error;
    // Medusa answers 401 for a wrong password and an unknown account alike.
    return data(formFailure(submission.values, formErrorText(locale, "wrongCredentials")), { status: 400 });
  }
  session.flash("notice", { key: "loggedIn" });
  return redirectWithSession(safeRedirectPath(redirectTo, DEFAULT_AFTER_LOGIN), session);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.account.loginTitle} · ${translation.app.name}` }] : [];
};

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <h1>{t("account.loginTitle")}</h1>
      <p className="form-page__intro">{t("account.loginIntro")}</p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError message={failure?.formError} />
        <FormField
          name="email"
          type="email"
          label={t("account.email")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={failure?.values.email ?? ""}
          error={failure?.fieldErrors.email}
        />
        <FormField
          // Remounted after each failed try, so the password is never kept.
          key={JSON.stringify(failure ?? null)}
          name="password"
          type="password"
          label={t("account.password")}
          autoComplete="current-password"
          required
          error={failure?.fieldErrors.password}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("account.loginSubmit")}
        </button>
      </Form>
      <p className="form-links">
        {t("account.noAccount")}{" "}
        <Link to={`/account/register?redirectTo=${encodeURIComponent(redirectTo)}`}>{t("account.registerInstead")}</Link>
      </p>
    </section>
  );
}
