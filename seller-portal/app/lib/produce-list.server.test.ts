import type { Produce } from "@tianyuan/web-common/produce.ts";
import { describe, expect, it } from "vitest";

import { rowVersion, variantFieldName } from "./produce-list";
import { priceText, toProduceRow } from "./produce-list.server";

const produce = {
  id: "prod_1",
  handle: "luochuan-apples",
  title: "洛川苹果",
  status: "published",
  archived: false,
  unit: "box",
  photos: [
    {
      id: "photo_1",
      width: 1200,
      height: 1600,
      placeholder: null,
      placeholder_data_url: null,
      variants: [
        { width: 640, format: "webp", url: "http://b.test/p-640.webp" },
        { width: 320, format: "webp", url: "http://b.test/p-320.webp" },
      ],
    },
  ],
  farmer: { id: "mem_1", real_name: "李秀英" },
  variants: [
    { id: "var_1", title: "5斤装", price: 39.9, stock: 12 },
    { id: "var_2", title: "10斤装", price: null, stock: 0 },
  ],
} as unknown as Produce;

describe("toProduceRow", () => {
  it("keeps what a row shows: the 320 px photo, prices as the edit field shows them", () => {
    expect(toProduceRow(produce)).toEqual({
      id: "prod_1",
      handle: "luochuan-apples",
      title: "洛川苹果",
      archived: false,
      published: true,
      farmerName: "李秀英",
      unit: "box",
      thumbnail: { src: "http://b.test/p-320.webp", width: 1200, height: 1600, background: "#e9e5d6" },
      variants: [
        { id: "var_1", title: "5斤装", price: 39.9, priceText: "39.90", stock: 12 },
        { id: "var_2", title: "10斤装", price: null, priceText: "", stock: 0 },
      ],
    });
    expect(toProduceRow({ ...produce, photos: [] }).thumbnail).toBeNull();
  });

  it("formats prices with two decimals", () => {
    expect(priceText(6.5)).toBe("6.50");
    expect(priceText(12)).toBe("12.00");
  });
});

describe("row helpers", () => {
  it("name the fields by variant and change the row's version when a value does", () => {
    expect(variantFieldName("price", "var_1")).toBe("price.var_1");
    const row = toProduceRow(produce);
    const saved = { ...row, variants: row.variants.map((variant) => ({ ...variant, stock: variant.stock + 1 })) };
    expect(rowVersion(row)).not.toBe(rowVersion(saved));
  });
});
