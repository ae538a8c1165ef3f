import type Medusa from "@medusajs/js-sdk";

import type { ProducePrice, ProduceSummary } from "./produce";

// Medusa's response shapes, taken from the SDK so they follow its version.
export type StoreProduct = Awaited<ReturnType<Medusa["store"]["product"]["list"]>>["products"][number];
type StoreVariant = NonNullable<StoreProduct["variants"]>[number];
type StoreRegion = Awaited<ReturnType<Medusa["store"]["region"]["list"]>>["regions"][number];

/** The region whose prices buyers see: a yuan region when there is one, otherwise the first. */
export function pickPricingRegion<Region extends Pick<StoreRegion, "id" | "currency_code">>(
  regions: readonly Region[],
): Region | undefined {
  return regions.find((region) => region.currency_code?.toLowerCase() === "cny") ?? regions[0];
}

export function toProduceSummary(product: StoreProduct): ProduceSummary {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    thumbnail: product.thumbnail || null,
    price: lowestPrice(product.variants ?? []),
  };
}

function lowestPrice(variants: readonly StoreVariant[]): ProducePrice | null {
  const prices = variants.flatMap((variant) => {
    const amount = variant.calculated_price?.calculated_amount;
    const currencyCode = variant.calculated_price?.currency_code;
    return typeof amount === "number" && currencyCode ? [{ amount, currencyCode }] : [];
  });
  if (prices.length === 0) return null;
  const lowest = prices.reduce((min, price) => (price.amount < min.amount ? price : min));
  return { ...lowest, varies: prices.some((price) => price.amount !== lowest.amount) };
}
