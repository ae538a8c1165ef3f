import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { ProduceCard } from "../components/produce-card";
import { originHref } from "../lib/produce-page";
import { findCooperative, toCooperativePage } from "../lib/produce-page.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const answer = await loadStorePage("cooperative", () => findCooperative(params.handle ?? "", locale));
  return { cooperative: toCooperativePage(answer, locale) };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  const description = data.cooperative.paragraphs[0];
  return [
    { title: `${data.cooperative.name} · ${translation.app.name}` },
    ...(description ? [{ name: "description", content: description }] : []),
  ];
};

export default function CooperativePageView() {
  const { cooperative } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <article className="cooperative">
      <AreaBreadcrumb trail={cooperative.origin.trail} hrefFor={(code) => originHref(cooperative.origin, code)} />
      <h1>{cooperative.name}</h1>
      <section aria-labelledby="cooperative-about" className="produce__section">
        <h2 id="cooperative-about">{t("cooperative.aboutTitle")}</h2>
        {cooperative.paragraphs.length === 0 ? (
          <p className="produce__muted">{t("cooperative.noDescription")}</p>
        ) : (
          cooperative.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
        )}
        {cooperative.contactName ? <p>{t("cooperative.contact", { name: cooperative.contactName })}</p> : null}
      </section>
      <section aria-labelledby="cooperative-produce" className="produce__section">
        <h2 id="cooperative-produce">{t("cooperative.produceTitle")}</h2>
        {cooperative.produce.length === 0 ? (
          <p className="notice">{t("cooperative.empty")}</p>
        ) : (
          <ul className="produce-grid">
            {cooperative.produce.map((produce, index) => (
              <li key={produce.id}>
                <ProduceCard produce={produce} isFirst={index === 0} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
