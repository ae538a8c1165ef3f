import type { AreaCrumb, AreaLevel } from "@tianyuan/web-common/admin-areas.ts";
import type { ProduceUnit } from "@tianyuan/web-common/produce.ts";

import type { SearchProblem, SearchState } from "./search-params";

// What the search and area pages show of a produce search, and nothing more: this travels to the
// browser. Shaped from `POST /store/search` in search.server.ts.

/** Search cards: two across a phone, three from 640px, four from 960px (as the produce grid). */
export const SEARCH_CARD_SIZES = "(min-width: 960px) 260px, (min-width: 640px) 33vw, 50vw";

/** How many cards are likely on a phone's first screen: their photos load at once, the rest lazily. */
export const EAGER_CARDS = 2;

export type SearchCard = {
  id: string;
  handle: string;
  title: string;
  /** The lowest price in yuan; null when the produce has none. */
  price: number | null;
  unit: ProduceUnit | null;
  /** Where it grew: the village and the county (either may be unknown). */
  origin: { village: string | null; county: string | null };
  cooperative: string | null;
  /** The 320/640 webp thumbnails, the box, and a colour to paint before a byte of the photo arrives. */
  photo: { src: string; srcSet: string; width: number; height: number; background: string } | null;
  soldOut: boolean;
  preorderOpen: boolean;
  certified: boolean;
  /** The sizes the card can add to the cart: price in yuan (null: none), and whether any is left. */
  variants: { id: string; title: string; price: number | null; inStock: boolean }[];
};

export type FacetValue = { value: string; label: string; count: number };

/** Problems found while searching, besides those of the query string itself. */
export type ListingProblem =
  | SearchProblem
  | { kind: "unknown_area" }
  | { kind: "page_out_of_range"; lastPage: number }
  | { kind: "search_rejected" };

export type SearchListing = {
  state: SearchState;
  /** Every match, not just this page's. */
  count: number;
  cards: SearchCard[];
  /** The next level down inside the chosen area (provinces when none), with how many matches each holds. */
  areaFacet: { level: AreaLevel; values: FacetValue[] } | null;
  /** Each category with its count under the other filters. */
  categories: FacetValue[];
  /** The chosen area, province first, the area itself last (empty for all of China). */
  trail: AreaCrumb[];
  problems: ListingProblem[];
};
