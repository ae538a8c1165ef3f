import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { FormError, FormField } from "../components/form-field";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { certificatePath, cooperativePath } from "../lib/cooperative-paths";
import { backendFailure, readForm } from "../lib/forms.server";
import { cooperativeApi } from "../lib/medusa.server";
import { certificateFormSchema } from "../lib/produce-forms.server";
import { asMember, redirectWithNotice, requireMemberAccess } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const productId = params.productId ?? "";
  // Someone else's produce answers 404, like an unknown one.
  const produce = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getProduce(access, cooperativeId, productId)),
  );
  return {
    cooperativeId,
    produce: { id: produce.id, title: produce.title, archived: produce.archived },
    certificates: [...produce.certificates].sort((a, b) => b.issued_on.localeCompare(a.issued_on)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const productId = params.productId ?? "";
  const { locale } = await requireMemberAccess(request);
  const submission = readForm(certificateFormSchema, await request.formData(), locale, ["quantity"]);
  if (!submission.ok) return data(submission.failure, { status: 400 });
  let certificate: { id: string };
  try {
    certificate = await notFoundWhenMissing(
      asMember(request, (access) =>
        cooperativeApi.issueCertificate(access, cooperativeId, productId, submission.data.quantity),
      ),
    );
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data(backendFailure(error, submission.values, {}), { status: error.status });
  }
  return redirectWithNotice(request, certificatePath(cooperativeId, productId, certificate.id), {
    key: "certificateIssued",
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.produceList.certificate} · ${data.produce.title} · ${translation.app.name}` }];
};

export default function IssueCertificatePage() {
  const { cooperativeId, produce, certificates } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const locale = useLocale();

  return (
    <section className="form-page">
      <h1>{t("certificates.title", { title: produce.title })}</h1>
      <p className="form-page__intro">{t("certificates.intro")}</p>
      <Form method="post" className="form" noValidate>
        <FormError message={failure?.formError} />
        <FormField
          name="quantity"
          label={t("certificates.quantity")}
          hint={t("certificates.quantityHint")}
          required
          maxLength={40}
          autoComplete="off"
          defaultValue={failure?.values.quantity ?? ""}
          error={failure?.fieldErrors.quantity}
        />
        <button type="submit" className="button button--wide" disabled={submitting}>
          {t("certificates.submit")}
        </button>
      </Form>

      <section aria-labelledby="issued-certificates" className="issued-certificates">
        <h2 id="issued-certificates">{t("certificates.issuedTitle")}</h2>
        {certificates.length === 0 ? (
          <p>{t("certificates.none")}</p>
        ) : (
          <ul className="scope-list">
            {certificates.map((certificate) => (
              <li key={certificate.id}>
                <Link
                  to={certificatePath(cooperativeId, produce.id, certificate.id)}
                  className="scope-list__name"
                >
                  {t("certificates.issuedOn", { date: formatDate(certificate.issued_on, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="form-links">
        <Link to={cooperativePath(cooperativeId)}>{t("certificates.back")}</Link>
      </p>
    </section>
  );
}
