import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { areaTrail, isActiveVillage, type AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { ListingFilters, ListingProblems, ListingResults, paginationLinks } from "../components/search-listing";
import { BackendUnavailableError } from "../lib/medusa.server";
import type { SearchListing } from "../lib/search-page";
import { listingHref, normaliseAreaCode, parseSearchParams, type SearchState } from "../lib/search-params";
import { loadListing, postStoreSearch, SearchUnavailableError } from "../lib/search.server";
import { findArea } from "../lib/store-areas.server";
import { loadStorePage } from "../lib/store-page.server";
import type { loader as rootLoader } from "../root";

// An area: the next level down to browse, and the produce grown anywhere inside it, with the search
// page's filters, cards and pages (`/areas/610629?in_stock=1&page=2`). The area and its produce are
// asked for side by side, so listing the produce adds no wait of its own.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const locale = localeFromRequest(request);
  const { state, problems } = parseSearchParams(new URL(request.url).searchParams, { fixedArea: code, withQuery: false });
  const now = new Date();
  // A code the store would refuse (letters, a padded form) is left to the area lookup's 404.
  const answer = normaliseAreaCode(code) === code ? postStoreSearch(state, locale, now) : null;
  answer?.catch(() => undefined);
  const { area, children } = await loadStorePage("area", () => findArea(code, locale));
  // A village's own page says more than an empty list of what lies below it.
  if (isActiveVillage(area)) throw redirect(`/villages/${encodeURIComponent(area.village.handle)}`);
  const trail = areaTrail(area);
  let listing: SearchListing | null = null;
  if (answer) {
    try {
      listing = await loadListing({ state, problems, locale, now, trail, childAreas: children }, answer);
    } catch (error) {
      // The areas still browse when the produce cannot be listed.
      if (!(error instanceof BackendUnavailableError || error instanceof SearchUnavailableError)) throw error;
      console.warn(`[storefront] area ${code} produce: ${error.message}`);
    }
  }
  return {
    area: { code: area.code, name: area.name, level: area.level, activeVillageCount: area.active_village_count },
    trail,
    children,
    state,
    listing,
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [
    { title: `${data.area.name} · ${translation.areaPages.title} · ${translation.app.name}` },
    ...(data.listing ? paginationLinks("area", data.listing) : []),
  ];
};

export default function AreaPage() {
  const { area, trail, children, state, listing } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const childLevel = children[0]?.level;
  const produceCounts = new Map(listing?.areaFacet?.values.map((value) => [value.value, value.count]));

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
                <AreaChild area={child} state={state} produceCount={produceCounts.get(child.code) ?? 0} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="area-produce" className="area-produce">
        <h2 id="area-produce">{t("areaPages.produceTitle", { area: area.name })}</h2>
        {listing ? (
          <>
            <p className="area-produce__count">{t("areaPages.produceCount", { count: listing.count })}</p>
            <ListingProblems scope="area" listing={listing} />
            <ListingFilters scope="area" state={listing.state} categories={listing.categories} />
            <ListingResults scope="area" listing={listing} />
          </>
        ) : (
          <p className="notice">{t("areaPages.produceUnavailable")}</p>
        )}
      </section>
    </>
  );
}

function AreaChild({ area, state, produceCount }: { area: AreaSummary; state: SearchState; produceCount: number }) {
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
    // Going down keeps the produce filters chosen here.
    <Link to={listingHref("area", state, { area: area.code })} className="area-list__item">
      <span className="area-list__name">{area.name}</span>
      <span className="area-list__meta">{t("areas.activeVillages", { villages: area.active_village_count })}</span>
      {produceCount > 0 ? (
        <span className="area-list__meta">{t("areaPages.produceCount", { count: produceCount })}</span>
      ) : null}
    </Link>
  );
}
