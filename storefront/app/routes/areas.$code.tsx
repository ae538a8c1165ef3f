import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { areaTrail, isActiveVillage, type AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { findArea } from "../lib/store-areas.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const { area, children } = await loadStorePage("area", () => findArea(code, localeFromRequest(request)));
  // A village's own page says more than an empty list of what lies below it.
  if (isActiveVillage(area)) throw redirect(`/villages/${encodeURIComponent(area.village.handle)}`);
  return {
    area: { code: area.code, name: area.name, level: area.level, activeVillageCount: area.active_village_count },
    trail: areaTrail(area),
    children,
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${data.area.name} · ${translation.areaPages.title} · ${translation.app.name}` }];
};

export default function AreaPage() {
  const { area, trail, children } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const childLevel = children[0]?.level;

  return (
    <>
      <AreaBreadcrumb
        trail={trail}
        top={{ label: t("areas.allProvinces"), to: "/areas" }}
        hrefFor={(code) => `/areas/${code}`}
      />
      <section className="page-intro">
        <h1>{area.name}</h1>
        <p>{t("areas.activeVillages", { villages: area.activeVillageCount })}</p>
      </section>
      {childLevel === undefined ? (
        <p className="notice">{t("areaPages.noChildren")}</p>
      ) : (
        <section aria-labelledby="area-children">
          <h2 id="area-children">{t(`areas.levels.${childLevel}`)}</h2>
          <ul className="area-list">
            {children.map((child) => (
              <li key={child.code}>
                <AreaChild area={child} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function AreaChild({ area }: { area: AreaSummary }) {
  const { t } = useTranslation();
  if (isActiveVillage(area)) {
    return (
      <Link to={`/villages/${encodeURIComponent(area.village.handle)}`} className="area-list__item">
        <span className="area-list__name">{area.village.name}</span>
      </Link>
    );
  }
  if (area.level === "village") {
    // Villages not on the platform have no page yet: named, not linked.
    return (
      <span className="area-list__item">
        <span className="area-list__name">{area.name}</span>
        <span className="area-list__meta">{t("areas.notOnTianyuan")}</span>
      </span>
    );
  }
  return (
    <Link to={`/areas/${area.code}`} className="area-list__item">
      <span className="area-list__name">{area.name}</span>
      <span className="area-list__meta">{t("areas.activeVillages", { villages: area.active_village_count })}</span>
    </Link>
  );
}
