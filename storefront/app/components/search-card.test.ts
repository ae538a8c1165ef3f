import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it, vi } from "vitest";

import { createI18n } from "@tianyuan/web-common/i18n.ts";

import { zhCN } from "../i18n/zh-CN";
import type { SearchCard } from "../lib/search-page";
import { SearchCardView } from "./search-card";

// The card as the server renders it (what a browser without JavaScript gets): Remix's router hooks
// stand in for a search URL, the fetcher's form for the plain form it renders before hydration.
vi.mock("@remix-run/react", async () => {
  const { createElement: h } = await import("react");
  return {
    Link: ({ to, children, ...rest }: { to: string; children?: ReactNode }) => h("a", { href: to, ...rest }, children),
    useLocation: () => ({ pathname: "/search", search: "?q=%E8%8B%B9%E6%9E%9C&in_stock=1" }),
    useRouteLoaderData: () => ({ locale: "zh-CN" }),
    useFetcher: () => ({
      state: "idle",
      data: undefined,
      Form: ({ children, ...rest }: { children?: ReactNode }) => h("form", rest, children),
    }),
  };
});

const card = (change: Partial<SearchCard> = {}): SearchCard => ({
  id: "prod_fuji",
  handle: "luochuan-fuji",
  title: "洛川红富士苹果",
  price: 68,
  unit: "box",
  origin: { village: "桐堤村", county: "洛川县" },
  cooperative: "洛川桐堤苹果专业合作社",
  photo: null,
  soldOut: false,
  preorderOpen: false,
  certified: false,
  variants: [{ id: "v_box", title: "5 斤装", price: 68, inStock: true }],
  ...change,
});

function render(value: SearchCard): HTMLish {
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: createI18n("zh-CN", zhCN) }, createElement(SearchCardView, { card: value, index: 3 })),
  );
  return new HTMLish(html);
}

/** Just enough reading of the markup for these checks. */
class HTMLish {
  constructor(readonly html: string) {}
  /** The markup of the first element with this tag (elements of the same tag inside are not expected). */
  element(tag: string): string | null {
    const match = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`).exec(this.html);
    return match?.[0] ?? null;
  }
  count(pattern: RegExp): number {
    return [...this.html.matchAll(new RegExp(pattern.source, "g"))].length;
  }
}

describe("SearchCardView", () => {
  it("is an article whose link holds the photo and title, with a form beside it that posts to /cart/add and comes back here", () => {
    const page = render(card());
    expect(page.html.startsWith('<article class="produce-card search-card">')).toBe(true);
    const link = page.element("a")!;
    expect(link).toContain('href="/produce/luochuan-fuji"');
    expect(link).toContain("洛川红富士苹果");
    expect(link).not.toContain("<form");
    expect(link).not.toContain("<button");

    const form = page.element("form")!;
    expect(form).toContain('method="post"');
    expect(form).toContain('action="/cart/add"');
    expect(form).toContain('name="redirect_to" value="/search?q=%E8%8B%B9%E6%9E%9C&amp;in_stock=1"');
    expect(form).toContain('name="variant_id" value="v_box"');
    expect(form).toContain('name="quantity" value="1"');
    expect(form).toContain('aria-label="把洛川红富士苹果加入购物车"');
    expect(form).toContain(">加入购物车</button>");
    // The index only knows "some left": no made-up count for a refusal to quote.
    expect(form).not.toContain("available.");
    expect(page.count(/<select/)).toBe(0);
  });

  it("offers one button for the one size left, a choice when several can be bought, nothing when none can", () => {
    const oneLeft = render(
      card({
        variants: [
          { id: "v_big", title: "10 斤装", price: 120, inStock: false },
          { id: "v_box", title: "5 斤装", price: 68, inStock: true },
        ],
      }),
    );
    expect(oneLeft.count(/<button/)).toBe(1);
    expect(oneLeft.count(/<select/)).toBe(0);
    expect(oneLeft.html).toContain('name="variant_id" value="v_box"');

    const two = render(
      card({
        variants: [
          { id: "v_big", title: "10 斤装", price: 120, inStock: true },
          { id: "v_box", title: "5 斤装", price: 68, inStock: true },
          { id: "v_gift", title: "礼盒", price: null, inStock: true },
        ],
      }),
    );
    const select = two.element("select")!;
    expect(select).toContain('name="variant_id"');
    expect(select).toContain('<option value="v_big" selected="">10 斤装 · ¥120.00</option>');
    expect(select).toContain('<option value="v_box">5 斤装 · ¥68.00</option>');
    expect(select).toContain('<option value="v_gift" disabled="">礼盒 · 暂无价格</option>');
    expect(two.count(/<button/)).toBe(1);

    const soldOut = render(card({ soldOut: true, variants: [{ id: "v_box", title: "5 斤装", price: 68, inStock: false }] }));
    expect(soldOut.html).toContain("已售罄");
    expect(soldOut.count(/<form/)).toBe(0);
    expect(soldOut.count(/<button/)).toBe(0);
    // A document indexed before cards could add to the cart: the link still works.
    const older = render(card({ variants: [] }));
    expect(older.count(/<form/)).toBe(0);
    expect(older.element("a")).toContain('href="/produce/luochuan-fuji"');
  });
});
