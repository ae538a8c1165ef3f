import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { checkBackendHealth } from "../lib/backend-health.server";
import { medusa } from "../lib/medusa.server";
import type { loader as rootLoader } from "../root";

export async function loader() {
  return { backend: await checkBackendHealth(medusa) };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  return [
    { title: translation.app.name },
    { name: "description", content: translation.app.tagline },
  ];
};

const AUDIENCES = ["farmer", "coopManager", "official", "villager"] as const;

export default function PortalHome() {
  const { backend } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <>
      <section className="page-intro">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      <section className="audiences" aria-labelledby="audiences-title">
        <h2 id="audiences-title">{t("home.audienceTitle")}</h2>
        <ul className="audience-list">
          {AUDIENCES.map((audience) => (
            <li key={audience} className="audience">
              <h3>{t(`home.${audience}.title`)}</h3>
              <p>{t(`home.${audience}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <p className={`backend-status backend-status--${backend}`} role="status">
        {backend === "up" ? t("home.backendUp") : t("home.backendDown")}
      </p>
    </>
  );
}
