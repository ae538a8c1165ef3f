import type Medusa from "@medusajs/js-sdk";

import { withStoreClient } from "./medusa.server";
import type { ProduceSummary } from "./produce";
import { pickPricingRegion, toProduceSummary } from "./store-product.server";

const HOME_PRODUCE_LIMIT = 24;
const CARD_FIELDS = "id,title,handle,thumbnail";

/** The newest produce for the home page, priced in the buyers' region when the store has one. */
export async function listHomeProduce(): Promise<ProduceSummary[]> {
  return withStoreClient(async (sdk) => {
    const regionId = await findPricingRegionId(sdk);
    // Medusa can only calculate prices inside a region; without one we list produce unpriced.
    const { products } = await sdk.store.product.list(
      regionId
        ? { limit: HOME_PRODUCE_LIMIT, fields: `${CARD_FIELDS},*variants.calculated_price`, region_id: regionId }
        : { limit: HOME_PRODUCE_LIMIT, fields: CARD_FIELDS },
    );
    return products.map(toProduceSummary);
  });
}

async function findPricingRegionId(sdk: Medusa): Promise<string | undefined> {
  const { regions } = await sdk.store.region.list({ fields: "id,currency_code", limit: 50 });
  return pickPricingRegion(regions)?.id;
}
