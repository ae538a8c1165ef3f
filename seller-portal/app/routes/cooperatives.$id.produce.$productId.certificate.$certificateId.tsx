import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { NoticeBanner } from "../components/notice-banner";
import { env } from "../env.server";
import { translations } from "../i18n/translations.server";
import { notFoundWhenMissing } from "../lib/backend.server";
import { certificatesPath, cooperativePath } from "../lib/cooperative-paths";
import { cooperativeApi } from "../lib/medusa.server";
import { certificateQrSvg } from "../lib/qr-code.server";
import { asMember, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const productId = params.productId ?? "";
  const certificateId = params.certificateId ?? "";
  // Only a certificate of produce this member may handle: the portal's answer decides, then the
  // public certificate (the page the code opens) gives the printed fields.
  const [produce, certificate] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        cooperativeApi.getProduce(access, cooperativeId, productId),
        cooperativeApi.findCertificate(certificateId, access.locale),
      ]),
    ),
  );
  if (!produce.certificates.some((issued) => issued.id === certificateId)) {
    throw new Response("Not Found", { status: 404 });
  }
  const publicUrl = `${env.STOREFRONT_URL}/certificates/${encodeURIComponent(certificate.id)}`;
  const qrTitle = translations[localeFromRequest(request)].certificate.qrTitle.replace("{{url}}", publicUrl);
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      certificate,
      publicUrl,
      // Drawn here, so the browser gets a finished picture and no encoder.
      qrSvg: await certificateQrSvg(publicUrl, qrTitle),
      links: { issue: certificatesPath(cooperativeId, productId), list: cooperativePath(cooperativeId) },
      notice,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.certificate.heading} · ${data.certificate.product_name} · ${translation.app.name}` }];
};

export default function CertificatePrintPage() {
  const { certificate, publicUrl, qrSvg, links, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string][] = [
    [t("certificate.productName"), certificate.product_name],
    [t("certificate.quantity"), certificate.quantity],
    [t("certificate.producer"), certificate.producer_name],
    [t("certificate.origin"), certificate.origin],
    [t("certificate.contact"), certificate.contact],
    [t("certificate.issuedOn"), formatDate(certificate.issued_on, locale)],
  ];

  return (
    <>
      <div className="no-print">
        <NoticeBanner notice={notice} />
      </div>
      <article className="certificate" aria-labelledby="certificate-heading">
        <h1 id="certificate-heading" className="certificate__heading">
          {t("certificate.heading")}
        </h1>
        <table className="certificate__fields">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="certificate__commitment" aria-labelledby="certificate-commitment">
          <h2 id="certificate-commitment">{t("certificate.commitment")}</h2>
          <p>{certificate.commitment}</p>
        </section>
        <figure className="certificate__qr">
          {/* Our own SVG, drawn on the server from the certificate's public address; its title is escaped. */}
          <div className="certificate__qr-code" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <figcaption>
            {t("certificate.scanHint")}
            <br />
            <span className="certificate__url">{publicUrl}</span>
          </figcaption>
        </figure>
      </article>
      <div className="no-print certificate-actions">
        <PrintButton />
        <p className="form-field__hint">{t("certificate.printHint")}</p>
        <p className="button-row">
          <Link to={links.issue} className="button button--secondary">
            {t("certificate.issueAnother")}
          </Link>
          <Link to={links.list} className="button button--secondary">
            {t("certificate.back")}
          </Link>
        </p>
      </div>
    </>
  );
}

/** Printing from the page needs JavaScript; without it the hint points to the browser's own Print. */
function PrintButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--wide" onClick={() => window.print()}>
      {t("certificate.print")}
    </button>
  );
}
