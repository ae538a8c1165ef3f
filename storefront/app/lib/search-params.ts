import type { AreaLevel } from "@tianyuan/web-common/admin-areas.ts";

// What a produce search is, as the query string says it: `/search?q=&area=&category=&sort=&page=
// &in_stock=1&preorder=1&certified=1`, and `/areas/:code?…` for one area's produce. Everything a
// page shows is in the URL, so any search can be shared. Parsing never throws: unknown values fall
// back to the defaults, and the ones a buyer would want to know about are reported as problems.
// No zod here: the pages build their links in the browser too.

export const SEARCH_PAGE_SIZE = 20;
/** The store's search rejects longer queries; we shorten them and say so. */
export const MAX_QUERY_LENGTH = 200;
/** Page numbers past this are not worth a database's time (10,000 results deep). */
export const MAX_PAGE = 500;

export const sortOptions = ["relevance", "price_asc", "price_desc", "harvest"] as const;
export type SortOption = (typeof sortOptions)[number];

/** The yes/no filters, by their query-string names. */
export const flagFilters = ["in_stock", "preorder", "certified"] as const;
export type FlagFilter = (typeof flagFilters)[number];

export type SearchState = {
  /** The words typed, trimmed, at most MAX_QUERY_LENGTH characters; "" for none. */
  q: string;
  /** An admin-area code (2, 4, 6, 9 or 12 digits), or null for all of China. */
  area: string | null;
  /** A product category handle, or null for every category. */
  category: string | null;
  sort: SortOption;
  page: number;
  in_stock: boolean;
  preorder: boolean;
  certified: boolean;
};

export const defaultSearchState: SearchState = {
  q: "",
  area: null,
  category: null,
  sort: "relevance",
  page: 1,
  in_stock: false,
  preorder: false,
  certified: false,
};

/** What the buyer should hear about; other bad values (an unknown sort, page=abc) are quietly fixed. */
export type SearchProblem =
  | { kind: "query_shortened"; max: number }
  | { kind: "bad_area"; value: string }
  | { kind: "bad_category" };

const LENGTH_BY_LEVEL: Record<AreaLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };
const LEVELS: AreaLevel[] = ["province", "city", "county", "town", "village"];

export function areaCodeLevel(code: string): AreaLevel {
  const level = LEVELS.find((candidate) => LENGTH_BY_LEVEL[candidate] === code.length);
  if (!level || !/^\d+$/.test(code)) throw new RangeError(`Not an area code: ${JSON.stringify(code)}`);
  return level;
}

/** The level below (county → town); null under a village. */
export function childAreaLevel(level: AreaLevel): AreaLevel | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/** The area one level up (610629 → 6106); null for a province. */
export function parentAreaCode(code: string): string | null {
  const index = LEVELS.indexOf(areaCodeLevel(code));
  const parent = LEVELS[index - 1];
  return parent ? code.slice(0, LENGTH_BY_LEVEL[parent]) : null;
}

/**
 * An area code in the short form the store uses, or null when it is not one. Besides the short codes
 * it takes the padded forms people copy from elsewhere: "610000" (GB/T 2260) is 61, "610629000000" is
 * 610629 — no real area's code ends in a padding block of zeros.
 */
export function normaliseAreaCode(raw: string): string | null {
  let code = raw.trim();
  if (!/^\d+$/.test(code) || !Object.values(LENGTH_BY_LEVEL).includes(code.length)) return null;
  for (;;) {
    const index = LEVELS.indexOf(areaCodeLevel(code));
    const parent = LEVELS[index - 1];
    if (!parent) break;
    const cut = LENGTH_BY_LEVEL[parent];
    if (!/^0+$/.test(code.slice(cut))) break;
    code = code.slice(0, cut);
  }
  return /^0+$/.test(code) ? null : code;
}

/** Category handles as Medusa makes them: lower-case words and dashes. */
const CATEGORY_HANDLE = /^[a-z0-9][a-z0-9_-]{0,99}$/;

function isFlagOn(value: string | null): boolean {
  return value !== null && ["1", "true", "on", "yes"].includes(value.trim().toLowerCase());
}

/** Whitespace collapsed, then at most `max` characters (whole characters, never half a surrogate pair). */
export function normaliseQuery(raw: string, max = MAX_QUERY_LENGTH): { q: string; shortened: boolean } {
  const collapsed = raw.replace(/\s+/g, " ").trim();
  const characters = [...collapsed];
  if (characters.length <= max) return { q: collapsed, shortened: false };
  return { q: characters.slice(0, max).join("").trim(), shortened: true };
}

/**
 * Reads a search from a query string. `fixedArea` is the area of `/areas/:code`, which the path
 * decides; `withQuery: false` ignores `q` (the area page has no search words of its own).
 */
export function parseSearchParams(
  params: URLSearchParams,
  options: { fixedArea?: string; withQuery?: boolean } = {},
): { state: SearchState; problems: SearchProblem[] } {
  const problems: SearchProblem[] = [];
  const state: SearchState = { ...defaultSearchState };

  if (options.withQuery !== false) {
    const { q, shortened } = normaliseQuery(params.get("q") ?? "");
    state.q = q;
    if (shortened) problems.push({ kind: "query_shortened", max: MAX_QUERY_LENGTH });
  }

  if (options.fixedArea !== undefined) {
    state.area = options.fixedArea;
  } else {
    const rawArea = (params.get("area") ?? "").trim();
    if (rawArea) {
      state.area = normaliseAreaCode(rawArea);
      if (state.area === null) problems.push({ kind: "bad_area", value: rawArea.slice(0, 40) });
    }
  }

  const category = (params.get("category") ?? "").trim().toLowerCase();
  if (category) {
    if (CATEGORY_HANDLE.test(category)) state.category = category;
    else problems.push({ kind: "bad_category" });
  }

  const sort = params.get("sort");
  state.sort = sortOptions.find((option) => option === sort) ?? "relevance";

  const page = Number((params.get("page") ?? "").trim());
  state.page = Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;

  for (const flag of flagFilters) state[flag] = isFlagOn(params.get(flag));

  return { state, problems };
}

/** The query string of a search, in a fixed order and without defaults, so equal searches share a URL. */
export function searchQueryString(state: SearchState, { withArea = true } = {}): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (withArea && state.area) params.set("area", state.area);
  if (state.category) params.set("category", state.category);
  for (const flag of flagFilters) if (state[flag]) params.set(flag, "1");
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Where a listing lives: `/search`, or `/areas/:code` (which lists one area's produce). */
export type ListingScope = "search" | "area";

/**
 * The link to `state` changed by `change`. A change that is not a page number goes back to page 1.
 * Area pages link to other areas' pages; widening past a province leaves for `/search`.
 */
export function listingHref(scope: ListingScope, state: SearchState, change: Partial<SearchState> = {}): string {
  const next: SearchState = { ...state, page: 1, ...change };
  if (scope === "area" && next.area) {
    return `/areas/${next.area}${searchQueryString({ ...next, q: "" }, { withArea: false })}`;
  }
  return `/search${searchQueryString(next)}`;
}

/** The filters that narrow a search (not the words, the area or the order), for "remove this" links. */
export type ActiveFilter = { key: "category" | FlagFilter; change: Partial<SearchState> };

export function activeFilters(state: SearchState): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (state.category) active.push({ key: "category", change: { category: null } });
  for (const flag of flagFilters) if (state[flag]) active.push({ key: flag, change: { [flag]: false } });
  return active;
}

/** The page numbers to link to: the first, the last and two either side of the current one; null is a gap. */
export function pageNumbers(current: number, total: number): (number | null)[] {
  const shown = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2]);
  const pages = [...shown].filter((page) => page >= 1 && page <= total).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && page - previous > 1) out.push(page - previous === 2 ? page - 1 : null);
    out.push(page);
  });
  return out;
}

export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / SEARCH_PAGE_SIZE));
}
