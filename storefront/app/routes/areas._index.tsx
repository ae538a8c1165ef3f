import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { listProvinces } from "../lib/store-areas.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request }: LoaderFunctionArgs) {
  const provinces = await loadStorePage("areas", () => listProvinces(localeFromRequest(request)));
  return { provinces };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  return [
    { title: `${translation.areaPages.title} · ${translation.app.name}` },
    { name: "description", content: translation.areaPages.intro },
  ];
};

export default function ProvincesPage() {
  const { provinces } = useLoaderData<typeof loader>();
  const { t } = useTranslation();

  return (
    <>
      <section className="page-intro">
        <h1>{t("areaPages.title")}</h1>
        <p>{t("areaPages.intro")}</p>
      </section>
      {provinces.length === 0 ? (
        <p className="notice">{t("areaPages.empty")}</p>
      ) : (
        <ul className="area-list" aria-label={t("areas.levels.province")}>
          {provinces.map((province) => (
            <li key={province.code}>
              <Link to={`/areas/${province.code}`} className="area-list__item">
                <span className="area-list__name">{province.name}</span>
                <span className="area-list__meta">
                  {t("areas.activeVillages", { villages: province.active_village_count })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
