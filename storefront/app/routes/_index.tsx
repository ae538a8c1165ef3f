import { data, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { BackendUnavailable } from "../components/backend-unavailable";
import { ProduceCard } from "../components/produce-card";
import { BackendUnavailableError } from "../lib/medusa.server";
import { listHomeProduce } from "../lib/produce-catalog.server";
import type { loader as rootLoader } from "../root";

export async function loader() {
  try {
    return { backend: "up" as const, produce: await listHomeProduce() };
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    console.warn(`[storefront] home page: ${error.message}`);
    return data(
      { backend: "unavailable" as const, produce: [] },
      { status: 503, headers: { "Retry-After": "30" } },
    );
  }
}

// Document responses only carry loader headers that the route hands on.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  return [
    { title: `${translation.home.title} · ${translation.app.name}` },
    { name: "description", content: translation.app.tagline },
  ];
};

export default function StorefrontHome() {
  const home = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  if (home.backend === "unavailable") return <BackendUnavailable />;

  return (
    <>
      <section className="page-intro">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      {home.produce.length === 0 ? (
        <p className="notice">{t("home.empty")}</p>
      ) : (
        <ul className="produce-grid">
          {home.produce.map((produce, index) => (
            <li key={produce.id}>
              <ProduceCard produce={produce} isFirst={index === 0} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
