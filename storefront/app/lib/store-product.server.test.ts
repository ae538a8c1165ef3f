import { describe, expect, it } from "vitest";

import { pickPricingRegion, toProduceSummary, type StoreProduct } from "./store-product.server";

function product(fields: Partial<StoreProduct>): StoreProduct {
  return { id: "prod_1", title: "临安山核桃", handle: "linan-hickory-nuts", thumbnail: null, ...fields } as StoreProduct;
}

function variantPriced(amount: number | null, currencyCode = "cny") {
  return { calculated_price: { calculated_amount: amount, currency_code: currencyCode } };
}

describe("pickPricingRegion", () => {
  it("prefers a yuan region", () => {
    const regions = [
      { id: "reg_eu", currency_code: "eur" },
      { id: "reg_cn", currency_code: "cny" },
    ];
    expect(pickPricingRegion(regions)?.id).toBe("reg_cn");
  });

  it("takes the first region when none uses yuan, and nothing when there are none", () => {
    expect(pickPricingRegion([{ id: "reg_eu", currency_code: "eur" }])?.id).toBe("reg_eu");
    expect(pickPricingRegion([])).toBeUndefined();
  });
});

describe("toProduceSummary", () => {
  it("keeps only what the card shows", () => {
    const summary = toProduceSummary(
      product({ thumbnail: "http://localhost:9000/static/nuts.webp", description: "long text" }),
    );
    expect(summary).toEqual({
      id: "prod_1",
      title: "临安山核桃",
      handle: "linan-hickory-nuts",
      thumbnail: "http://localhost:9000/static/nuts.webp",
      price: null,
    });
  });

  it("shows the lowest variant price and says when prices vary", () => {
    const variants = [variantPriced(38), variantPriced(12.5), variantPriced(null)];
    expect(toProduceSummary(product({ variants } as Partial<StoreProduct>)).price).toEqual({
      amount: 12.5,
      currencyCode: "cny",
      varies: true,
    });
  });

  it("does not say 'from' when every variant costs the same", () => {
    const variants = [variantPriced(20), variantPriced(20)];
    expect(toProduceSummary(product({ variants } as Partial<StoreProduct>)).price?.varies).toBe(false);
  });

  it("has no price when none was calculated", () => {
    const variants = [{ calculated_price: null }, {}];
    expect(toProduceSummary(product({ variants } as Partial<StoreProduct>)).price).toBeNull();
  });
});
