import { describe, expect, it } from "vitest";

import {
  activeFilters,
  defaultSearchState,
  listingHref,
  MAX_PAGE,
  normaliseAreaCode,
  pageNumbers,
  parentAreaCode,
  parseSearchParams,
  searchQueryString,
  type SearchState,
} from "./search-params";

const parse = (query: string, options?: Parameters<typeof parseSearchParams>[1]) =>
  parseSearchParams(new URLSearchParams(query), options);

describe("parseSearchParams", () => {
  it("reads every part of a shared search URL", () => {
    const { state, problems } = parse(
      "q=%E8%8B%B9%E6%9E%9C&area=610629&category=fruit&sort=price_asc&page=3&in_stock=1&preorder=1&certified=1",
    );
    expect(state).toEqual({
      q: "苹果",
      area: "610629",
      category: "fruit",
      sort: "price_asc",
      page: 3,
      in_stock: true,
      preorder: true,
      certified: true,
    });
    expect(problems).toEqual([]);
  });

  it("treats an empty query string and empty fields (a form sent without JavaScript) as no search at all", () => {
    expect(parse("").state).toEqual(defaultSearchState);
    expect(parse("q=&area=&category=&sort=relevance&in_stock=").state).toEqual(defaultSearchState);
  });

  it.each([
    ["sort=cheapest", { sort: "relevance" }],
    ["page=abc", { page: 1 }],
    ["page=0", { page: 1 }],
    ["page=-2", { page: 1 }],
    ["page=2.5", { page: 1 }],
    ["page=99999999", { page: MAX_PAGE }],
    ["in_stock=0&certified=no", { in_stock: false, certified: false }],
    ["in_stock=on&preorder=true", { in_stock: true, preorder: true }],
  ])("quietly fixes %s", (query, expected) => {
    const { state, problems } = parse(query);
    expect(state).toMatchObject(expected);
    expect(problems).toEqual([]);
  });

  it("collapses whitespace in the words", () => {
    expect(parse("q=%20%20%E6%B4%9B%E5%B7%9D%20%20%20%E8%8B%B9%E6%9E%9C%0A").state.q).toBe("洛川 苹果");
  });

  it("shortens words past 200 characters and says so, never cutting a character in half", () => {
    const long = "𠀀".repeat(150) + "苹".repeat(100);
    const { state, problems } = parse(`q=${encodeURIComponent(long)}`);
    expect([...state.q]).toHaveLength(200);
    expect(state.q.endsWith("苹")).toBe(true);
    expect(problems).toEqual([{ kind: "query_shortened", max: 200 }]);
  });

  it.each(["xyz", "6106291", "61-06", "000000", "1234567890123"])("drops area=%s with a word to the buyer", (area) => {
    const { state, problems } = parse(`area=${area}`);
    expect(state.area).toBeNull();
    expect(problems).toEqual([{ kind: "bad_area", value: area }]);
  });

  it("drops a category that cannot be a handle", () => {
    const { state, problems } = parse("category=%3Cscript%3E");
    expect(state.category).toBeNull();
    expect(problems).toEqual([{ kind: "bad_category" }]);
  });

  it("takes the area from the path on area pages, and ignores words there when told to", () => {
    const { state } = parse("area=23&q=%E7%B1%B3&in_stock=1", { fixedArea: "610629", withQuery: false });
    expect(state).toMatchObject({ area: "610629", q: "", in_stock: true });
  });
});

describe("normaliseAreaCode", () => {
  it.each([
    ["61", "61"],
    ["6106", "6106"],
    ["610629", "610629"],
    ["610629101", "610629101"],
    ["610629101204", "610629101204"],
    [" 610629 ", "610629"],
    // Padded forms from elsewhere (GB/T 2260's six digits, twelve-digit statistical codes).
    ["610000", "61"],
    ["610600", "6106"],
    ["610629000000", "610629"],
    ["610629101000", "610629101"],
    ["610000000000", "61"],
  ])("%s → %s", (raw, code) => {
    expect(normaliseAreaCode(raw)).toBe(code);
  });

  it.each(["", "6", "61062", "abc", "00", "000000000000"])("rejects %j", (raw) => {
    expect(normaliseAreaCode(raw)).toBeNull();
  });

  it("knows the area one level up", () => {
    expect(parentAreaCode("610629101204")).toBe("610629101");
    expect(parentAreaCode("610629101")).toBe("610629");
    expect(parentAreaCode("610629")).toBe("6106");
    expect(parentAreaCode("6106")).toBe("61");
    expect(parentAreaCode("61")).toBeNull();
  });
});

describe("links", () => {
  const state: SearchState = {
    ...defaultSearchState,
    q: "苹果",
    area: "610629",
    in_stock: true,
    sort: "price_desc",
    page: 3,
  };

  it("write one canonical URL for a search, without defaults", () => {
    expect(searchQueryString(defaultSearchState)).toBe("");
    expect(searchQueryString(state)).toBe("?q=%E8%8B%B9%E6%9E%9C&area=610629&in_stock=1&sort=price_desc&page=3");
  });

  it("go back to page 1 on any change but the page", () => {
    expect(listingHref("search", state, { area: "6106" })).toBe(
      "/search?q=%E8%8B%B9%E6%9E%9C&area=6106&in_stock=1&sort=price_desc",
    );
    expect(listingHref("search", state, { page: 4 })).toContain("page=4");
    expect(listingHref("search", state, { in_stock: false })).toBe(
      "/search?q=%E8%8B%B9%E6%9E%9C&area=610629&sort=price_desc",
    );
  });

  it("keep area pages on area pages, and leave for /search when widened past a province", () => {
    const areaState = { ...state, q: "" };
    expect(listingHref("area", areaState, { area: "610629101" })).toBe("/areas/610629101?in_stock=1&sort=price_desc");
    expect(listingHref("area", areaState, { page: 2 })).toBe("/areas/610629?in_stock=1&sort=price_desc&page=2");
    expect(listingHref("area", areaState, { area: null })).toBe("/search?in_stock=1&sort=price_desc");
  });

  it("list each narrowing filter with the change that removes it", () => {
    expect(activeFilters({ ...state, category: "fruit", certified: true })).toEqual([
      { key: "category", change: { category: null } },
      { key: "in_stock", change: { in_stock: false } },
      { key: "certified", change: { certified: false } },
    ]);
  });
});

describe("pageNumbers", () => {
  it("shows every page of a short list", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the first and last pages and the neighbours, with gaps between", () => {
    expect(pageNumbers(10, 30)).toEqual([1, null, 8, 9, 10, 11, 12, null, 30]);
    // A gap of one page shows that page instead of "…".
    expect(pageNumbers(4, 30)).toEqual([1, 2, 3, 4, 5, 6, null, 30]);
    expect(pageNumbers(30, 30)).toEqual([1, null, 28, 29, 30]);
  });
});
