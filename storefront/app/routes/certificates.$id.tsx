import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { findCertificate, toCertificatePage } from "../lib/produce-page.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// What a buyer sees after scanning the code on a package: the batch's 承诺达标合格证 as issued.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const certificate = await loadStorePage("certificate", () => findCertificate(params.id ?? "", locale));
  return { certificate: toCertificatePage(certificate, locale) };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.certificatePage.title} · ${data.certificate.productName} · ${translation.app.name}` }];
};

export default function CertificatePageView() {
  const { certificate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const village = certificate.originVillage;
  const rows: { term: string; value: string; to?: string }[] = [
    { term: t("certificatePage.productName"), value: certificate.productName },
    { term: t("certificatePage.quantity"), value: certificate.quantity },
    { term: t("certificatePage.producer"), value: certificate.producerName },
    {
      term: t("certificatePage.origin"),
      value: certificate.origin,
      // The village's own page, when it is open on Tianyuan.
      to: village ? `/villages/${encodeURIComponent(village.handle)}` : undefined,
    },
    { term: t("certificatePage.contact"), value: certificate.contact },
    { term: t("certificatePage.issuedOn"), value: formatDate(certificate.issuedOn, locale) },
  ];

  return (
    <article className="certificate">
      <h1 className="certificate__heading">{t("certificatePage.title")}</h1>
      <p className="produce__muted">{t("certificatePage.intro")}</p>
      <dl className="facts certificate__fields">
        {rows.map(({ term, value, to }) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{to ? <Link to={to}>{value}</Link> : value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="certificate-commitment" className="produce__section">
        <h2 id="certificate-commitment">{t("certificatePage.commitmentTitle")}</h2>
        <p>{certificate.commitment}</p>
      </section>
      {certificate.produce ? (
        <p>
          <Link to={`/produce/${encodeURIComponent(certificate.produce.handle)}`} className="button">
            {t("certificatePage.produceLink", { title: certificate.produce.title })}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
