import { produceUnits, storageKinds } from "@tianyuan/web-common/produce.ts";
import { keyPaths, placeholders, textAt } from "@tianyuan/web-common/translation-keys.ts";
import { describe, expect, it } from "vitest";

import { en } from "./en";
import { zhCN } from "./zh-CN";

describe("translations", () => {
  it("have the same keys in en and zh-CN", () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it.each(keyPaths(zhCN))("%s is a non-empty text with the same placeholders in both", (path) => {
    const chinese = textAt(zhCN, path);
    const english = textAt(en, path);
    expect(typeof chinese === "string" && chinese.trim()).toBeTruthy();
    expect(typeof english === "string" && english.trim()).toBeTruthy();
    expect(placeholders(english)).toEqual(placeholders(chinese));
  });

  it("keep the price placeholder the produce card fills in", () => {
    expect(placeholders(zhCN.home.priceFrom)).toEqual(["price"]);
  });

  it("name the other language on the switch exactly as the e2e tests click it", () => {
    expect(zhCN.languageSwitch.target).toBe("English");
    expect(en.languageSwitch.target).toBe("中文");
  });

  it("name the region browser in the header as the e2e tests click it", () => {
    expect(zhCN.nav.areas).toBe("按地区浏览");
    expect(en.nav.areas).toBe("Browse by region");
  });

  it("name every unit and storage kind the contract has, in both languages", () => {
    expect(produceUnits.map((unit) => zhCN.units[unit])).toEqual(["斤", "公斤", "箱", "件"]);
    expect(produceUnits.map((unit) => en.units[unit])).toEqual(["jin", "kg", "box", "piece"]);
    expect(storageKinds.map((kind) => zhCN.storage[kind])).toEqual(["常温", "冷藏"]);
    expect(placeholders(zhCN.unitPrice)).toEqual(["price", "unit"]);
  });

  it("name the search box, filters and suggestions as the search e2e tests find them", () => {
    expect([zhCN.search.boxLabel, zhCN.search.apply, zhCN.search.in_stock, zhCN.search.certified]).toEqual([
      "搜索农产品",
      "筛选",
      "有货",
      "有认证",
    ]);
    expect([zhCN.search.emptyTitle, zhCN.search.widenAll, zhCN.search.previous, zhCN.search.next]).toEqual([
      "没有找到符合条件的农产品",
      "在全国范围内找",
      "上一页",
      "下一页",
    ]);
    expect([en.search.emptyTitle, en.search.widenArea, en.search.clearQuery]).toEqual([
      "No produce matches this search",
      "Look in all of {{area}}",
      "Search without the words “{{q}}”",
    ]);
  });

  // The end-to-end tests find the produce page's sections by these headings.
  it("keep the produce page's headings as the e2e tests use them", () => {
    const headings = (bundle: typeof zhCN) => [
      bundle.produce.pricesTitle,
      bundle.produce.detailsTitle,
      bundle.produce.cooperativeTitle,
      bundle.produce.storyTitle,
      bundle.produce.certificatesTitle,
    ];
    expect(headings(zhCN)).toEqual(["价格", "产品信息", "合作社", "农户的话", "合格证"]);
    expect(headings(en)).toEqual(["Prices", "About this produce", "Cooperative", "From the farmer", "Compliance certificates"]);
    expect([zhCN.produce.soldOut, zhCN.produce.inStock]).toEqual(["已售罄", "有货 {{count}}"]);
  });
});
