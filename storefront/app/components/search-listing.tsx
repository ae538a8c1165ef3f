import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { AreaBreadcrumb } from "@tianyuan/web-common/area-breadcrumb.tsx";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { FacetValue, ListingProblem, SearchListing } from "../lib/search-page";
import {
  activeFilters,
  flagFilters,
  listingHref,
  pageCount,
  pageNumbers,
  parentAreaCode,
  parseSearchParams,
  sortOptions,
  type ListingScope,
  type SearchState,
} from "../lib/search-params";
import { SearchCardView } from "./search-card";

// The pieces of a produce listing that /search and /areas/:code share: filters, area facets,
// results, pagination, and what to try when nothing matches. Every control is a link or a GET form,
// so all of it works without JavaScript; with it, a changed filter applies at once.

function listingPath(scope: ListingScope, state: SearchState): string {
  return scope === "area" && state.area ? `/areas/${state.area}` : "/search";
}

/** The search being loaded when it is this listing's, so controls show the buyer's choice at once. */
function useShownState(scope: ListingScope, state: SearchState): SearchState {
  const target = useNavigation().location;
  if (!target || target.pathname !== listingPath(scope, state)) return state;
  const params = new URLSearchParams(target.search);
  return scope === "area" && state.area
    ? parseSearchParams(params, { fixedArea: state.area, withQuery: false }).state
    : parseSearchParams(params).state;
}

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Category, in stock, pre-order open, certified and the order, as one GET form. */
export function ListingFilters({
  scope,
  state,
  categories,
}: {
  scope: ListingScope;
  state: SearchState;
  categories: FacetValue[];
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const shown = useShownState(scope, state);
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);

  // The controls are the browser's own (a tick shows at once, before the results arrive); when the
  // search changes some other way (Back, a link) they are set to match it.
  const { category, sort, in_stock, preorder, certified } = shown;
  useEffect(() => {
    const elements = form.current?.elements;
    if (!elements) return;
    const set = (name: string, apply: (element: HTMLInputElement | HTMLSelectElement) => void) => {
      const element = elements.namedItem(name);
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) apply(element);
    };
    set("category", (element) => (element.value = category ?? ""));
    set("sort", (element) => (element.value = sort));
    const flags = { in_stock, preorder, certified };
    for (const flag of flagFilters) set(flag, (element) => ((element as HTMLInputElement).checked = flags[flag]));
  }, [category, sort, in_stock, preorder, certified]);

  function apply(change: Partial<SearchState>) {
    const [path = "/search", query = ""] = listingHref(scope, shown, change).split("?");
    submit(new URLSearchParams(query), { method: "get", action: path, preventScrollReset: true });
  }

  const chosenUnknownCategory = state.category && !categories.some((category) => category.value === state.category);
  return (
    <Form
      ref={form}
      method="get"
      action={listingPath(scope, state)}
      className="search-filters"
      aria-label={t("search.filtersLabel")}
      preventScrollReset
    >
      {scope === "search" && state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {scope === "search" && state.area ? <input type="hidden" name="area" value={state.area} /> : null}
      {categories.length > 0 || state.category ? (
        <span className="search-filters__field">
          <label htmlFor="search-category">{t("search.category")}</label>
          <select
            id="search-category"
            name="category"
            defaultValue={state.category ?? ""}
            onChange={(event) => apply({ category: event.currentTarget.value || null })}
          >
            <option value="">{t("search.allCategories")}</option>
            {categories.map((category) => (
              <option key={category.value} value={category.value}>
                {t("search.withCount", { label: category.label, count: category.count })}
              </option>
            ))}
            {chosenUnknownCategory ? <option value={state.category ?? ""}>{state.category}</option> : null}
          </select>
        </span>
      ) : null}
      {flagFilters.map((flag) => (
        <label key={flag} className="search-filters__check">
          <input
            type="checkbox"
            name={flag}
            value="1"
            defaultChecked={state[flag]}
            onChange={(event) => apply({ [flag]: event.currentTarget.checked })}
          />
          {t(`search.${flag}`)}
        </label>
      ))}
      <span className="search-filters__field">
        <label htmlFor="search-sort">{t("search.sort")}</label>
        <select
          id="search-sort"
          name="sort"
          defaultValue={state.sort}
          onChange={(event) => apply({ sort: sortOptions.find((sort) => sort === event.currentTarget.value) ?? "relevance" })}
        >
          {sortOptions.map((sort) => (
            <option key={sort} value={sort}>
              {t(`search.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </span>
      {/* Without JavaScript the choices apply with this button; with it, each applies at once. */}
      <button type="submit" className="button search-filters__apply" hidden={hydrated}>
        {t("search.apply")}
      </button>
    </Form>
  );
}

/** All of China › province › … › the chosen area: each crumb widens the search to it. */
export function ListingAreaTrail({ listing }: { listing: SearchListing }) {
  const { t } = useTranslation();
  const { state, trail } = listing;
  if (!state.area || trail.length === 0) return null;
  return (
    <AreaBreadcrumb
      trail={trail}
      top={{ label: t("search.allOfChina"), to: listingHref("search", state, { area: null }) }}
      hrefFor={(code) => listingHref("search", state, { area: code })}
    />
  );
}

/** The next level down with how much each area holds: a link narrows the search to it. */
export function ListingAreaFacet({ listing }: { listing: SearchListing }) {
  const { t } = useTranslation();
  const { areaFacet, state } = listing;
  if (!areaFacet || areaFacet.values.length === 0) return null;
  return (
    <section aria-labelledby="search-area-facet" className="search-facet">
      <h2 id="search-area-facet" className="search-facet__title">
        {t("search.areaFacet")} · {t(`areas.levels.${areaFacet.level}`)}
      </h2>
      <ul className="chips">
        {areaFacet.values.map((area) => (
          <li key={area.value}>
            <Link to={listingHref("search", state, { area: area.value })} className="chip">
              {area.label} <span className="chip__count">{area.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What went wrong with the query string or the search, in words, with a way on. */
export function ListingProblems({ scope, listing }: { scope: ListingScope; listing: SearchListing }) {
  const { t } = useTranslation();
  if (listing.problems.length === 0) return null;
  return (
    <div className="notice search-problems" role="status">
      {listing.problems.map((problem) => (
        <p key={problem.kind}>
          <ProblemText problem={problem} />
          {problem.kind === "page_out_of_range" ? (
            <>
              {" "}
              <Link to={listingHref(scope, listing.state, { page: problem.lastPage })}>{t("search.lastPageLink")}</Link>
            </>
          ) : null}
        </p>
      ))}
    </div>
  );
}

function ProblemText({ problem }: { problem: ListingProblem }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case "query_shortened":
      return <>{t("search.problems.query_shortened", { max: problem.max })}</>;
    case "bad_area":
      return <>{t("search.problems.bad_area", { value: problem.value })}</>;
    case "page_out_of_range":
      return <>{t("search.problems.page_out_of_range", { lastPage: problem.lastPage })}</>;
    default:
      return <>{t(`search.problems.${problem.kind}`)}</>;
  }
}

/** The cards, or what to try when there are none; then the pages. */
export function ListingResults({ scope, listing }: { scope: ListingScope; listing: SearchListing }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === listingPath(scope, listing.state);
  return (
    <div className="search-results" aria-busy={busy || undefined}>
      {listing.cards.length > 0 ? (
        <ul className="produce-grid" aria-label={t("search.results")}>
          {listing.cards.map((card, index) => (
            <li key={card.id}>
              <SearchCardView card={card} index={index} />
            </li>
          ))}
        </ul>
      ) : listing.count === 0 && !listing.problems.some((problem) => problem.kind === "search_rejected") ? (
        <EmptySuggestions scope={scope} listing={listing} />
      ) : null}
      <Pagination scope={scope} listing={listing} />
    </div>
  );
}

/** Nothing matched: a wider area, and each filter (and the words) to drop, as links. */
function EmptySuggestions({ scope, listing }: { scope: ListingScope; listing: SearchListing }) {
  const { t } = useTranslation();
  const { state, trail, categories } = listing;
  const suggestions: { href: string; label: string }[] = [];
  if (state.area) {
    const parentCode = parentAreaCode(state.area);
    const parentName = trail.find((crumb) => crumb.code === parentCode)?.name ?? parentCode;
    suggestions.push(
      parentCode
        ? { href: listingHref(scope, state, { area: parentCode }), label: t("search.widenArea", { area: parentName }) }
        : { href: listingHref(scope, state, { area: null }), label: t("search.widenAll") },
    );
  }
  for (const filter of activeFilters(state)) {
    const name =
      filter.key === "category"
        ? (categories.find((category) => category.value === state.category)?.label ?? state.category ?? "")
        : t(`search.${filter.key}`);
    suggestions.push({ href: listingHref(scope, state, filter.change), label: t("search.removeFilter", { filter: name }) });
  }
  if (state.q) suggestions.push({ href: listingHref(scope, state, { q: "" }), label: t("search.clearQuery", { q: state.q }) });

  return (
    <section className="notice search-empty" aria-labelledby="search-empty-title">
      <h2 id="search-empty-title">{t("search.emptyTitle")}</h2>
      {suggestions.length > 0 ? (
        <>
          <p>{t("search.emptyHint")}</p>
          <ul className="link-list">
            {suggestions.map((suggestion) => (
              <li key={suggestion.href}>
                <Link to={suggestion.href}>{suggestion.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Previous, the page numbers around this one, next; `rel` tells crawlers and readers the order. */
function Pagination({ scope, listing }: { scope: ListingScope; listing: SearchListing }) {
  const { t } = useTranslation();
  const { state } = listing;
  const pages = pageCount(listing.count);
  if (pages <= 1 || state.page > pages) return null;
  const href = (page: number) => listingHref(scope, state, { page });
  return (
    <nav className="pagination" aria-label={t("search.pagination")}>
      <p className="pagination__status">{t("search.pageOf", { page: state.page, pages })}</p>
      <ul>
        {state.page > 1 ? (
          <li>
            <Link to={href(state.page - 1)} rel="prev" className="pagination__link">
              {t("search.previous")}
            </Link>
          </li>
        ) : null}
        {pageNumbers(state.page, pages).map((page, index) =>
          page === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="pagination__gap">
              …
            </li>
          ) : (
            <li key={page}>
              {page === state.page ? (
                <span aria-current="page" className="pagination__link pagination__link--current">
                  {page}
                </span>
              ) : (
                <Link to={href(page)} className="pagination__link" aria-label={t("search.pageLabel", { page })}>
                  {page}
                </Link>
              )}
            </li>
          ),
        )}
        {state.page < pages ? (
          <li>
            <Link to={href(state.page + 1)} rel="next" className="pagination__link">
              {t("search.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** `<link rel=prev/next>` for a listing page's head. */
export function paginationLinks(scope: ListingScope, listing: Pick<SearchListing, "state" | "count">) {
  const pages = pageCount(listing.count);
  const { page } = listing.state;
  const links: { tagName: "link"; rel: string; href: string }[] = [];
  if (page > 1 && page <= pages) links.push({ tagName: "link", rel: "prev", href: listingHref(scope, listing.state, { page: page - 1 }) });
  if (page < pages) links.push({ tagName: "link", rel: "next", href: listingHref(scope, listing.state, { page: page + 1 }) });
  return links;
}
