import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaDescriptor, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { areaTrail, type AreaCrumb, type AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { useTranslation } from "react-i18next";

import { BackendUnavailable } from "../components/backend-unavailable";
import {
  ListingAreaFacet,
  ListingAreaTrail,
  ListingFilters,
  ListingProblems,
  ListingResults,
  paginationLinks,
} from "../components/search-listing";
import { BackendUnavailableError } from "../lib/medusa.server";
import { findArea, listProvinces } from "../lib/store-areas.server";
import { SEARCH_CARD_SIZES, type ListingProblem } from "../lib/search-page";
import { parseSearchParams, type SearchState } from "../lib/search-params";
import { loadListing, postStoreSearch, SearchUnavailableError } from "../lib/search.server";
import type { loader as rootLoader } from "../root";

// `/search?q=&area=&category=&sort=&page=&in_stock=1&preorder=1&certified=1`: produce by what it is
// and where it comes from. Everything is in the URL and the document; typing in the header's search
// box brings the next results here without a full page load.

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  let state: SearchState = parsed.state;
  const problems: ListingProblem[] = [...parsed.problems];
  const now = new Date();
  try {
    // The area (for its trail and the names one level down) and the search, side by side.
    const areaAnswer = state.area ? findArea(state.area, locale) : listProvinces(locale);
    let answer = handled(postStoreSearch(state, locale, now));
    let area = await areaAnswer;
    if (area === null) {
      // A well-formed code of no area: say so, and search all of China instead.
      state = { ...state, area: null };
      problems.push({ kind: "unknown_area" });
      answer = handled(postStoreSearch(state, locale, now));
      area = await listProvinces(locale);
    }
    const { trail, childAreas }: { trail: AreaCrumb[]; childAreas: AreaSummary[] } = Array.isArray(area)
      ? { trail: [], childAreas: area }
      : { trail: areaTrail(area.area), childAreas: area.children };
    const listing = await loadListing({ state, problems, locale, now, trail, childAreas }, answer);
    return { backend: "up" as const, listing };
  } catch (error) {
    if (!(error instanceof BackendUnavailableError || error instanceof SearchUnavailableError)) throw error;
    console.warn(`[storefront] search: ${error.message}`);
    return data({ backend: "unavailable" as const, listing: null }, { status: 503, headers: { "Retry-After": "30" } });
  }
}

/** Awaited later; until then a failure must not count as unhandled (the area may fail first). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

// Document responses only carry loader headers that the route hands on.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  const listing = data?.listing;
  const words = listing?.state.q;
  const tags: MetaDescriptor[] = [
    { title: `${words ? `${words} · ` : ""}${translation.search.pageTitle} · ${translation.app.name}` },
  ];
  if (!listing) return tags;
  tags.push(...paginationLinks("search", listing));
  // The first photo is what a phone paints largest: asked for with the document.
  const first = listing.cards[0]?.photo;
  if (first) {
    tags.push(
      first.srcSet
        ? { tagName: "link", rel: "preload", as: "image", imageSrcSet: first.srcSet, imageSizes: SEARCH_CARD_SIZES, fetchpriority: "high" }
        : { tagName: "link", rel: "preload", as: "image", href: first.src, fetchpriority: "high" },
    );
  }
  return tags;
};

export default function SearchPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (page.backend === "unavailable") return <BackendUnavailable />;
  const { listing } = page;
  const { state } = listing;

  return (
    <>
      <ListingAreaTrail listing={listing} />
      <section className="page-intro search-intro">
        <h1>{state.q ? t("search.titleQuery", { q: state.q }) : t("search.titleAll")}</h1>
        <p aria-live="polite">{t("search.resultCount", { count: listing.count })}</p>
      </section>
      <ListingProblems scope="search" listing={listing} />
      <ListingAreaFacet listing={listing} />
      <ListingFilters scope="search" state={state} categories={listing.categories} />
      <ListingResults scope="search" listing={listing} />
    </>
  );
}
