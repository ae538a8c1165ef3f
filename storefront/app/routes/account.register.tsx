import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { safeRedirectPath } from "@tianyuan/web-common/safe-redirect.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { startCustomerSession } from "../lib/account-session.server";
import { accountApi, CredentialsRefusedError, registerFormSchema } from "../lib/account.server";
import { getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";
import { formErrorText, readForm } from "../lib/forms.server";
import { isBuyerRefusal, speaksToBuyer } from "../lib/store-api.server";
import { withBackend } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

const DEFAULT_AFTER_REGISTER = "/account/orders";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), DEFAULT_AFTER_REGISTER);
  const session = await getBuyerSession(request);
  if (session.has("customerToken")) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const submission = readForm(registerFormSchema, await request.formData(), locale, ["name", "email", "phone", "redirectTo"]);
  if (!submission.ok) return data(submission.failure, { status: 400 });
  const { name, email, phone, password, redirectTo } = submission.data;
  const session = await getBuyerSession(request);
  try {
    const token = await withBackend("register", () => accountApi.register({ email, password, name, phone }, locale));
    await withBackend("register", () => startCustomerSession(session, { token, email }, locale));
  } catch (error) {
    if (error instanceof CredentialsRefusedError) {
      const fieldErrors = { email: formErrorText(locale, "emailTaken") };
      return data({ values: submission.values, fieldErrors, formError: null }, { status: 400 });
    }
    if (!isBuyerRefusal(error)) throw error;
    const formError = speaksToBuyer(error) ? error.message : formErrorText(locale, "registerRefused");
    return data({ values: submission.values, fieldErrors: {}, formError }, { status: 400 });
  }
  session.flash("notice", { key: "registered" });
  return redirectWithSession(safeRedirectPath(redirectTo, DEFAULT_AFTER_REGISTER), session);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.account.registerTitle} · ${translation.app.name}` }] : [];
};

export default function RegisterPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const values: Partial<Record<string, string>> = failure?.values ?? {};
  const errors: Partial<Record<string, string>> = failure?.fieldErrors ?? {};
  return (
    <section className="form-page">
      <h1>{t("account.registerTitle")}</h1>
      <p className="form-page__intro">{t("account.registerIntro")}</p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError message={failure?.formError} />
        <FormField name="name" label={t("account.name")} autoComplete="name" required defaultValue={values.name ?? ""} error={errors.name} />
        <FormField
          name="email"
          type="email"
          label={t("account.email")}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={values.email ?? ""}
          error={errors.email}
        />
        <FormField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t("account.phoneOptional")}
          autoComplete="tel-national"
          defaultValue={values.phone ?? ""}
          error={errors.phone}
        />
        <FormField
          key={JSON.stringify(failure ?? null)}
          name="password"
          type="password"
          label={t("account.password")}
          hint={t("account.passwordHint")}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("account.registerSubmit")}
        </button>
      </Form>
      <p className="form-links">
        {t("account.haveAccount")}{" "}
        <Link to={`/account/login?redirectTo=${encodeURIComponent(redirectTo)}`}>{t("account.loginInstead")}</Link>
      </p>
    </section>
  );
}
