import { FetchError } from "@medusajs/js-sdk";
import type { AreaCrumb, AreaLevel, AreaSummary } from "@tianyuan/web-common/admin-areas.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";
import { PHOTO_BACKGROUND, thumbhashAverageColor } from "@tianyuan/web-common/photos.ts";
import { inLanguage, isProduceUnit, preorderState } from "@tianyuan/web-common/produce.ts";
import { z } from "zod";

import { withStoreClient } from "./medusa.server";
import type { FacetValue, ListingProblem, SearchCard, SearchListing } from "./search-page";
import {
  areaCodeLevel,
  childAreaLevel,
  pageCount,
  SEARCH_PAGE_SIZE,
  type SearchState,
} from "./search-params";

// The produce search index through Medusa's `POST /store/search` (the index contract: entity
// "produce", flat area codes per level, price_min in fen). One request per page: the hits with the
// area and category facets, plus — when a category is chosen — the category counts without it.

const ENTITY = "produce";

/** Only what a card shows: documents also carry descriptions, which a list never needs. */
export const CARD_FIELDS = [
  "id",
  "handle",
  "title",
  "title_en",
  "price_min",
  "unit",
  "in_stock",
  "preorder_opens_at",
  "preorder_closes_at",
  "certified",
  "village_name",
  "county_name",
  "cooperative_name",
  "thumbnail.url_320",
  "thumbnail.url_640",
  "thumbnail.thumbhash",
  "thumbnail.width",
  "thumbnail.height",
  // The index returns an object's declared leaves, not the object.
  "buy_variants.id",
  "buy_variants.title",
  "buy_variants.price",
  "buy_variants.in_stock",
];

const FACET_LIMIT = 200;

/** The index field that holds the code of an area's level ("county_code"). */
export function areaField(level: AreaLevel): string {
  return `${level}_code`;
}

/** The filters of the index that a search state asks for; `q` travels with them, as the route wants. */
export function storeFilters(
  state: SearchState,
  now: Date,
  { withCategory = true }: { withCategory?: boolean } = {},
): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (state.q) filters.q = state.q;
  if (state.area) filters[areaField(areaCodeLevel(state.area))] = state.area;
  if (withCategory && state.category) filters.category = state.category;
  if (state.in_stock) filters.in_stock = true;
  if (state.certified) filters.certified = true;
  if (state.preorder) {
    // "Open now" is a moment, not a stored flag: the window has opened and not yet closed.
    const moment = now.toISOString();
    filters.preorder_opens_at = { $lte: moment };
    filters.preorder_closes_at = { $gte: moment };
  }
  return filters;
}

/** Relevance needs words; without any, "best match" lists the newest produce first. */
export function storeOrder(state: SearchState): Record<string, "ASC" | "DESC"> | undefined {
  switch (state.sort) {
    case "price_asc":
      return { price_min: "ASC" };
    case "price_desc":
      return { price_min: "DESC" };
    case "harvest":
      return { harvested_at: "DESC" };
    case "relevance":
      return state.q ? undefined : { created_at: "DESC" };
  }
}

/** The body of `POST /store/search` for one page of a search. */
export function storeSearchBody(state: SearchState, now: Date) {
  const childLevel = state.area ? childAreaLevel(areaCodeLevel(state.area)) : "province";
  const facets: { field: string; limit: number }[] = [];
  if (childLevel) facets.push({ field: areaField(childLevel), limit: FACET_LIMIT });
  if (!state.category) facets.push({ field: "category", limit: FACET_LIMIT });
  const order = storeOrder(state);
  const queries: object[] = [
    {
      entity: ENTITY,
      fields: CARD_FIELDS,
      filters: storeFilters(state, now),
      pagination: { skip: (state.page - 1) * SEARCH_PAGE_SIZE, take: SEARCH_PAGE_SIZE, ...(order ? { order } : {}) },
      search_options: { facets, count: "exact" },
    },
  ];
  if (state.category) {
    // The other categories' counts, as if this one were not chosen: what switching would find.
    queries.push({
      entity: ENTITY,
      filters: storeFilters(state, now, { withCategory: false }),
      pagination: { take: 0 },
      search_options: { facets: [{ field: "category", limit: FACET_LIMIT }], count: "none" },
    });
  }
  return { queries, childLevel };
}

// ---- the answer --------------------------------------------------------------------------------

const text = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : null));

const documentSchema = z.object({
  handle: z.string().min(1),
  title: z.string(),
  title_en: text,
  price_min: z.coerce.number().nullish(),
  unit: z.string().nullish(),
  in_stock: z.boolean().nullish(),
  preorder_opens_at: z.string().nullish(),
  preorder_closes_at: z.string().nullish(),
  certified: z.boolean().nullish(),
  village_name: text,
  county_name: text,
  cooperative_name: text,
  thumbnail: z
    .object({
      url_320: z.string().nullish(),
      url_640: z.string().nullish(),
      thumbhash: z.string().nullish(),
      width: z.number().nullish(),
      height: z.number().nullish(),
    })
    .nullish(),
  // What the card adds to the cart. A document indexed before it existed, or a malformed list, only
  // costs the card its button, never the card.
  buy_variants: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().nullish(),
        price: z.number().nullish(),
        in_stock: z.boolean().nullish(),
      }),
    )
    .nullish()
    .catch(null),
});

const valueFacetSchema = z.object({
  type: z.literal("value"),
  values: z.array(
    z.object({ value: z.union([z.string(), z.number(), z.boolean()]).transform(String), count: z.coerce.number() }),
  ),
});

const searchResultSchema = z.object({
  hits: z.array(z.object({ id: z.string(), document: z.record(z.string(), z.unknown()) })),
  facets: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.object({ count: z.coerce.number().nullish() }).nullish(),
});

export const storeSearchAnswerSchema = z.object({ results: z.array(searchResultSchema).min(1) });
export type StoreSearchAnswer = z.infer<typeof storeSearchAnswerSchema>;
type SearchResult = StoreSearchAnswer["results"][number];

function valueFacet(result: SearchResult | undefined, field: string) {
  const parsed = valueFacetSchema.safeParse(result?.facets?.[field]);
  return parsed.success ? parsed.data.values.filter((value) => value.count > 0) : [];
}

/** A hit as a card, in the reader's language; null (and a warning) for a document the index should not hold. */
export function toSearchCard(
  hit: SearchResult["hits"][number],
  locale: Locale,
  now: Date,
): SearchCard | null {
  const parsed = documentSchema.safeParse(hit.document);
  if (!parsed.success) {
    console.warn(`[storefront] search: skipped hit ${hit.id}: ${parsed.error.issues[0]?.message ?? "bad document"}`);
    return null;
  }
  const document = parsed.data;
  const thumbnail = document.thumbnail;
  const small = thumbnail?.url_320 || thumbnail?.url_640;
  const srcSet = [
    thumbnail?.url_320 ? `${thumbnail.url_320} 320w` : null,
    thumbnail?.url_640 ? `${thumbnail.url_640} 640w` : null,
  ].filter(Boolean);
  return {
    id: hit.id,
    handle: document.handle,
    title: inLanguage(document.title, document.title_en, locale),
    price:
      typeof document.price_min === "number" && Number.isFinite(document.price_min)
        ? document.price_min / 100
        : null,
    unit: isProduceUnit(document.unit) ? document.unit : null,
    origin: { village: document.village_name, county: document.county_name },
    cooperative: document.cooperative_name,
    photo: small
      ? {
          src: small,
          srcSet: srcSet.join(", "),
          width: thumbnail?.width || 320,
          height: thumbnail?.height || 320,
          background: thumbhashAverageColor(thumbnail?.thumbhash) ?? PHOTO_BACKGROUND,
        }
      : null,
    soldOut: document.in_stock === false,
    preorderOpen: preorderState(document.preorder_opens_at, document.preorder_closes_at, now) === "open",
    certified: document.certified === true,
    variants: (document.buy_variants ?? []).map((variant) => ({
      id: variant.id,
      title: variant.title ?? "",
      price: typeof variant.price === "number" && Number.isFinite(variant.price) ? variant.price : null,
      inStock: variant.in_stock === true,
    })),
  };
}

/**
 * A facet's area codes with their names. The index may hold codes padded to 12 digits; the store's
 * areas use the short form, so both read as the level's own length. Names come from the areas the
 * page already asked the store for; a code it does not know is shown as is.
 */
export function areaFacetValues(
  values: { value: string; count: number }[],
  level: AreaLevel,
  areas: readonly Pick<AreaSummary, "code" | "name">[],
): FacetValue[] {
  const length = { province: 2, city: 4, county: 6, town: 9, village: 12 }[level];
  const names = new Map(areas.map((area) => [area.code, area.name]));
  const counts = new Map<string, number>();
  for (const { value, count } of values) {
    const code = value.slice(0, length);
    if (!/^\d+$/.test(code) || code.length !== length) continue;
    counts.set(code, (counts.get(code) ?? 0) + count);
  }
  return [...counts]
    .map(([code, count]) => ({ value: code, label: names.get(code) ?? code, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export type ListingInput = {
  state: SearchState;
  problems: ListingProblem[];
  locale: Locale;
  now: Date;
  /** The chosen area, province first (empty for all of China). */
  trail: AreaCrumb[];
  /** The areas one level down (the provinces for all of China), for the facet's names. */
  childAreas: readonly Pick<AreaSummary, "code" | "name">[];
};

/** What the search is answered with when the store turns it down: nothing, and a word about it. */
function rejected(input: ListingInput): SearchListing {
  return {
    state: input.state,
    count: 0,
    cards: [],
    areaFacet: null,
    categories: [],
    trail: input.trail,
    problems: [...input.problems, { kind: "search_rejected" }],
  };
}

/** Shapes the store's answer into the page. */
export function toSearchListing(answer: StoreSearchAnswer, input: ListingInput, categoryNames: Map<string, string>): SearchListing {
  const { state, locale, now } = input;
  const [main, others] = answer.results;
  const count = main?.metadata?.count ?? main?.hits.length ?? 0;
  const childLevel = state.area ? childAreaLevel(areaCodeLevel(state.area)) : "province";
  const problems: ListingProblem[] = [...input.problems];
  const lastPage = pageCount(count);
  if (count > 0 && state.page > lastPage) problems.push({ kind: "page_out_of_range", lastPage });
  const categoryValues = valueFacet(state.category ? others : main, "category");
  return {
    state,
    count,
    cards: (main?.hits ?? []).flatMap((hit) => toSearchCard(hit, locale, now) ?? []),
    areaFacet: childLevel
      ? { level: childLevel, values: areaFacetValues(valueFacet(main, areaField(childLevel)), childLevel, input.childAreas) }
      : null,
    categories: categoryValues
      .map(({ value, count }) => ({ value, label: categoryNames.get(value) ?? value, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    trail: input.trail,
    problems,
  };
}

// ---- asking the store --------------------------------------------------------------------------

/** The search index is not there (the backend has no search, or does not expose "produce"). */
export class SearchUnavailableError extends Error {}

/** `POST /store/search` with the body for this page; a 400 (the index refused the query) is null. */
export async function postStoreSearch(state: SearchState, locale: Locale, now: Date): Promise<StoreSearchAnswer | null> {
  const { queries } = storeSearchBody(state, now);
  try {
    const body = await withStoreClient((sdk) =>
      sdk.client.fetch<unknown>("/store/search", {
        method: "POST",
        headers: { "x-tianyuan-locale": locale },
        body: { queries },
      }),
    );
    return storeSearchAnswerSchema.parse(body);
  } catch (error) {
    if (error instanceof FetchError && error.status === 400) {
      console.warn(`[storefront] search refused: ${error.message}`);
      return null;
    }
    if (error instanceof FetchError && error.status === 404) {
      throw new SearchUnavailableError(`The store has no produce search: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

type CategoryNames = { at: number; names: Map<string, { name: string; name_en: string | null }> };
let categoryNamesCache: CategoryNames | undefined;
const CATEGORY_NAMES_TTL_MS = 5 * 60_000;

/**
 * Category handles → names in the reader's language (the English name sits in the category's
 * metadata), asked at most every five minutes; empty when the store cannot say.
 */
export async function categoryNames(locale: Locale): Promise<Map<string, string>> {
  if (!categoryNamesCache || Date.now() - categoryNamesCache.at >= CATEGORY_NAMES_TTL_MS) {
    try {
      const { product_categories } = await withStoreClient((sdk) =>
        sdk.store.category.list({ fields: "handle,name,metadata", limit: 1000 }),
      );
      const names = new Map(
        product_categories.map((category) => {
          const english = category.metadata?.name_en;
          return [category.handle, { name: category.name, name_en: typeof english === "string" ? english : null }];
        }),
      );
      categoryNamesCache = { at: Date.now(), names };
    } catch (error) {
      console.warn(`[storefront] search: category names: ${error instanceof Error ? error.message : error}`);
      return new Map();
    }
  }
  return new Map(
    [...categoryNamesCache.names].map(([handle, { name, name_en }]) => [handle, inLanguage(name, name_en, locale)]),
  );
}

/** One page of a produce search, shaped for the search and area pages. */
export async function loadListing(input: ListingInput, answer?: Promise<StoreSearchAnswer | null>): Promise<SearchListing> {
  const found = await (answer ?? postStoreSearch(input.state, input.locale, input.now));
  if (!found) return rejected(input);
  const needsNames = input.state.category !== null || found.results.some((result) => valueFacet(result, "category").length);
  return toSearchListing(found, input, needsNames ? await categoryNames(input.locale) : new Map());
}
