import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { areaTrail, isActiveVillage, type AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { storeAreas } from "../lib/medusa.server";
import { areaCovers, officialAreaCovering } from "../lib/member-permissions";
import { requireMember } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

/**
 * An official's area: the areas below it down to its villages, from the public area data. Income
 * figures come with the income rollups; until then this page lists only what exists.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const me = await requireMember(request);
  const scope = officialAreaCovering(me, code);
  // Outside the member's areas looks exactly like an unknown area.
  if (!scope) throw new Response("Not Found", { status: 404 });
  const found = await storeAreas.findArea(code, localeFromRequest(request));
  if (!found) throw new Response("Not Found", { status: 404 });
  return {
    scopeCode: scope.code,
    area: { code: found.area.code, name: found.area.name, activeVillageCount: found.area.active_village_count },
    trail: areaTrail(found.area),
    children: found.children,
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.menus.areaOverview} · ${data.area.name} · ${translation.app.name}` }];
};

export default function AreaOverviewPage() {
  const { scopeCode, area, trail, children } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const childLevel = children[0]?.level;

  return (
    <>
      <AreaBreadcrumb
        trail={trail}
        // Areas above the official's own are not theirs to open.
        hrefFor={(code) => (areaCovers(scopeCode, code) ? `/areas/${code}` : undefined)}
      />
      <section className="page-intro">
        <h1>{t("areaOverview.title", { area: area.name })}</h1>
        <p>{t("areas.activeVillages", { villages: area.activeVillageCount })}</p>
        <p>{t("areaOverview.intro")}</p>
      </section>
      {childLevel === undefined ? null : (
        <section aria-labelledby="area-children">
          <h2 id="area-children">{t(`areas.levels.${childLevel}`)}</h2>
          <ul className="area-list">
            {children.map((child) => (
              <li key={child.code}>
                <AreaOverviewChild area={child} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function AreaOverviewChild({ area }: { area: AreaSummary }) {
  const { t } = useTranslation();
  if (isActiveVillage(area)) {
    return (
      <Link to={`/villages/${area.code}/members`} className="area-list__item">
        <span className="area-list__name">{area.village.name}</span>
        <span className="area-list__meta">{t("menus.villageMembers")}</span>
      </Link>
    );
  }
  if (area.level === "village") {
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
