import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { defaultSearchState, type SearchState } from "./search-params";
import {
  areaFacetValues,
  CARD_FIELDS,
  loadListing,
  postStoreSearch,
  SearchUnavailableError,
  storeSearchBody,
  toSearchCard,
  type ListingInput,
} from "./search.server";

const now = new Date("2026-09-10T04:00:00.000Z");
const search = (change: Partial<SearchState> = {}): SearchState => ({ ...defaultSearchState, ...change });

/** A document of the produce index as the contract describes it. */
function document(change: Record<string, unknown> = {}) {
  return {
    id: "prod_fuji",
    handle: "luochuan-hongfushi-pingguo",
    title: "洛川红富士苹果",
    title_en: "Luochuan Fuji apples",
    price_min: 650,
    unit: "jin",
    in_stock: true,
    preorder_opens_at: null,
    preorder_closes_at: null,
    certified: true,
    village_name: "桐堤村",
    county_name: "洛川县",
    cooperative_name: "洛川桐堤苹果专业合作社",
    thumbnail: {
      url_320: "http://backend.test/media/photos/a-320.webp",
      url_640: "http://backend.test/media/photos/a-640.webp",
      thumbhash: "2RoDFYZwd3eHiIiHiHiHh3CH93d3",
      width: 1600,
      height: 1200,
    },
    buy_variants: [{ id: "variant_5jin", title: "5 斤装", price: 6.5, in_stock: true }],
    ...change,
  };
}

describe("storeSearchBody", () => {
  it("asks for one page of cards with the provinces and categories counted", () => {
    const { queries } = storeSearchBody(search({ q: "苹果" }), now);
    expect(queries).toEqual([
      {
        entity: "produce",
        fields: CARD_FIELDS,
        filters: { q: "苹果" },
        pagination: { skip: 0, take: 20 },
        search_options: {
          facets: [
            { field: "province_code", limit: 200 },
            { field: "category", limit: 200 },
          ],
          count: "exact",
        },
      },
    ]);
  });

  it("maps an area to its level's field and counts the level below", () => {
    const [county] = storeSearchBody(search({ area: "610629" }), now).queries as { filters: object; search_options: { facets: { field: string }[] } }[];
    expect(county?.filters).toEqual({ county_code: "610629" });
    expect(county?.search_options.facets[0]?.field).toBe("town_code");
    const [village] = storeSearchBody(search({ area: "610629101204" }), now).queries as typeof county[];
    expect(village?.filters).toEqual({ village_code: "610629101204" });
    // Nothing lies below a village.
    expect(village?.search_options.facets.map((facet) => facet.field)).toEqual(["category"]);
  });

  it("turns the yes/no filters into index filters, pre-orders as a window open at this moment", () => {
    const [query] = storeSearchBody(search({ in_stock: true, certified: true, preorder: true }), now).queries as { filters: object }[];
    expect(query?.filters).toEqual({
      in_stock: true,
      certified: true,
      preorder_opens_at: { $lte: "2026-09-10T04:00:00.000Z" },
      preorder_closes_at: { $gte: "2026-09-10T04:00:00.000Z" },
    });
  });

  it.each([
    [search({ q: "米" }), undefined],
    [search(), { created_at: "DESC" }],
    [search({ sort: "price_asc" }), { price_min: "ASC" }],
    [search({ sort: "price_desc" }), { price_min: "DESC" }],
    [search({ sort: "harvest" }), { harvested_at: "DESC" }],
  ])("orders %o by %o", (state, order) => {
    const [query] = storeSearchBody(state, now).queries as { pagination: { order?: object } }[];
    expect(query?.pagination.order).toEqual(order);
  });

  it("skips to the page asked for", () => {
    const [query] = storeSearchBody(search({ page: 3 }), now).queries as { pagination: { skip: number } }[];
    expect(query?.pagination.skip).toBe(40);
  });

  it("counts the other categories without the chosen one, in the same request", () => {
    const { queries } = storeSearchBody(search({ q: "米", category: "grain-oil", in_stock: true }), now);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatchObject({ filters: { q: "米", category: "grain-oil", in_stock: true } });
    expect(queries[1]).toEqual({
      entity: "produce",
      filters: { q: "米", in_stock: true },
      pagination: { take: 0 },
      search_options: { facets: [{ field: "category", limit: 200 }], count: "none" },
    });
  });
});

describe("toSearchCard", () => {
  it("shows the price per unit in yuan from fen, the origin, the cooperative and the photo's colour first", () => {
    expect(toSearchCard({ id: "prod_fuji", document: document() }, "zh-CN", now)).toEqual({
      id: "prod_fuji",
      handle: "luochuan-hongfushi-pingguo",
      title: "洛川红富士苹果",
      price: 6.5,
      unit: "jin",
      origin: { village: "桐堤村", county: "洛川县" },
      cooperative: "洛川桐堤苹果专业合作社",
      photo: {
        src: "http://backend.test/media/photos/a-320.webp",
        srcSet: "http://backend.test/media/photos/a-320.webp 320w, http://backend.test/media/photos/a-640.webp 640w",
        width: 1600,
        height: 1200,
        background: expect.stringMatching(/^#[0-9a-f]{6}$/),
      },
      soldOut: false,
      preorderOpen: false,
      certified: true,
      variants: [{ id: "variant_5jin", title: "5 斤装", price: 6.5, inStock: true }],
    });
  });

  it("carries each size the card can add to the cart, and none from a document indexed without them", () => {
    const card = toSearchCard(
      {
        id: "p",
        document: document({
          buy_variants: [
            { id: "v_small", title: "3 斤装", price: 39.9, in_stock: true },
            { id: "v_gift", title: null, price: null, in_stock: false },
          ],
        }),
      },
      "zh-CN",
      now,
    );
    expect(card?.variants).toEqual([
      { id: "v_small", title: "3 斤装", price: 39.9, inStock: true },
      { id: "v_gift", title: "", price: null, inStock: false },
    ]);
    expect(toSearchCard({ id: "p", document: document({ buy_variants: undefined }) }, "zh-CN", now)?.variants).toEqual([]);
    // A malformed list costs the card its button, not the card.
    expect(toSearchCard({ id: "p", document: document({ buy_variants: [{ price: "x" }] }) }, "zh-CN", now)).toMatchObject({
      handle: "luochuan-hongfushi-pingguo",
      variants: [],
    });
  });

  it("uses the English title for English readers when there is one", () => {
    expect(toSearchCard({ id: "p", document: document() }, "en", now)?.title).toBe("Luochuan Fuji apples");
    expect(toSearchCard({ id: "p", document: document({ title_en: "" }) }, "en", now)?.title).toBe("洛川红富士苹果");
  });

  it("says sold out, and pre-order only while the window is open", () => {
    const card = toSearchCard(
      {
        id: "p",
        document: document({
          in_stock: false,
          preorder_opens_at: "2026-09-01T00:00:00.000Z",
          preorder_closes_at: "2026-09-30T00:00:00.000Z",
        }),
      },
      "zh-CN",
      now,
    );
    expect(card).toMatchObject({ soldOut: true, preorderOpen: true });
    const closed = toSearchCard(
      { id: "p", document: document({ preorder_opens_at: "2026-08-01T00:00:00Z", preorder_closes_at: "2026-08-31T00:00:00Z" }) },
      "zh-CN",
      now,
    );
    expect(closed?.preorderOpen).toBe(false);
  });

  it("copes without a photo, a price or a known unit", () => {
    const card = toSearchCard(
      { id: "p", document: document({ thumbnail: null, price_min: null, unit: "ton", village_name: null }) },
      "zh-CN",
      now,
    );
    expect(card).toMatchObject({ photo: null, price: null, unit: null, origin: { village: null, county: "洛川县" } });
  });

  it("skips a document without a handle instead of failing the page", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(toSearchCard({ id: "p", document: document({ handle: undefined }) }, "zh-CN", now)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe("areaFacetValues", () => {
  it("names the codes from the areas one level down, most produce first", () => {
    const values = areaFacetValues(
      [
        { value: "23", count: 10 },
        { value: "61", count: 30 },
        { value: "99", count: 1 },
      ],
      "province",
      [
        { code: "61", name: "陕西省" },
        { code: "23", name: "黑龙江省" },
      ],
    );
    expect(values).toEqual([
      { value: "61", label: "陕西省", count: 30 },
      { value: "23", label: "黑龙江省", count: 10 },
      { value: "99", label: "99", count: 1 },
    ]);
  });

  it("reads codes padded to twelve digits as the level's own", () => {
    expect(areaFacetValues([{ value: "610629000000", count: 4 }], "county", [{ code: "610629", name: "洛川县" }])).toEqual([
      { value: "610629", label: "洛川县", count: 4 },
    ]);
  });
});

// ---- against a backend that answers over HTTP ----------------------------------------------------

let requests: Request[] = [];

function backendAnswering(answer: (request: Request) => Response | Promise<Response>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      if (new URL(request.url).pathname === "/public/storefront-config") {
        return Response.json({ publishable_key: "pk_test" });
      }
      return answer(request);
    }),
  );
}

const storeRequests = () => requests.filter((request) => new URL(request.url).pathname.startsWith("/store/"));

beforeEach(() => {
  requests = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const input = (state: SearchState, locale: ListingInput["locale"] = "zh-CN"): ListingInput => ({
  state,
  problems: [],
  locale,
  now,
  trail: [],
  childAreas: [
    { code: "61", name: "陕西省" },
    { code: "23", name: "黑龙江省" },
  ],
});

describe("postStoreSearch and loadListing", () => {
  it("post the search with the publishable key and shape the answer into cards, facets and a count", async () => {
    backendAnswering((request) => {
      if (new URL(request.url).pathname === "/store/product-categories") {
        return Response.json({
          product_categories: [{ handle: "fruit", name: "水果", metadata: { name_en: "Fruit" } }],
          count: 1,
        });
      }
      return Response.json({
        results: [
          {
            hits: [{ id: "prod_fuji", score: 3, document: document() }],
            facets: {
              province_code: { type: "value", values: [{ value: "61", count: 25 }] },
              category: { type: "value", values: [{ value: "fruit", count: 25 }] },
            },
            metadata: { skip: 0, take: 20, count: 25 },
          },
        ],
      });
    });
    const listing = await loadListing(input(search({ q: "苹果" }), "en"));
    const [request] = storeRequests();
    expect(request?.method).toBe("POST");
    expect(new URL(request?.url ?? "").pathname).toBe("/store/search");
    expect(request?.headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(request?.headers.get("x-tianyuan-locale")).toBe("en");
    expect(await request?.json()).toEqual({ queries: storeSearchBody(search({ q: "苹果" }), now).queries });
    expect(listing.count).toBe(25);
    expect(listing.cards.map((card) => card.title)).toEqual(["Luochuan Fuji apples"]);
    expect(listing.areaFacet).toEqual({ level: "province", values: [{ value: "61", label: "陕西省", count: 25 }] });
    expect(listing.categories).toEqual([{ value: "fruit", label: "Fruit", count: 25 }]);
    expect(listing.problems).toEqual([]);
  });

  it("say so when the page asked for is past the last one", async () => {
    backendAnswering(() =>
      Response.json({ results: [{ hits: [], facets: {}, metadata: { skip: 180, take: 20, count: 45 } }] }),
    );
    const listing = await loadListing(input(search({ page: 10 })));
    expect(listing.problems).toEqual([{ kind: "page_out_of_range", lastPage: 3 }]);
  });

  it("answer a search the store refuses (400) with no results and a word about it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    backendAnswering(() =>
      Response.json({ type: "invalid_data", message: "搜索词太长" }, { status: 400 }),
    );
    expect(await postStoreSearch(search({ q: "苹果" }), "zh-CN", now)).toBeNull();
    const listing = await loadListing(input(search({ q: "苹果" })));
    expect(listing).toMatchObject({ count: 0, cards: [], problems: [{ kind: "search_rejected" }] });
    warn.mockRestore();
  });

  it("tell a store without the produce index (404) from a refused search", async () => {
    backendAnswering(() => Response.json({ type: "not_found", message: "No search index named \"produce\"" }, { status: 404 }));
    await expect(postStoreSearch(search(), "zh-CN", now)).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
